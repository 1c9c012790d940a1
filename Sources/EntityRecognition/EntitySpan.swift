import PlexusGraph

/// A typed span of a sentence's tokens that names an entity.
public struct EntitySpan: Sendable, Equatable {
    /// The tokens of the whole mention, titles included, as indices into the sentence's tokens.
    public var range: Range<Int>
    /// The tokens that make up the name itself (titles and honorifics excluded).
    public var nameRange: Range<Int>
    /// The entity's type.
    public var type: EntityType
    /// The canonical label when a gazetteer gave one ("United Kingdom" for "British").
    public var label: String?
    /// A single capitalised word not known to any list: kept only if it joins a full name.
    public var isBareName: Bool
    /// Found only because the words are capitalised (a person with no title, an acronym not
    /// in any list): the analyzer drops it when the document also uses its words in lower case.
    public var isGuess: Bool
    /// For a bare name: the type a trained tagger read it as (an organisation, a place), which
    /// it takes when it joins no person's full name anywhere in the corpus.
    public var fallbackType: EntityType?

    /// Creates a span.
    public init(
        range: Range<Int>, nameRange: Range<Int>? = nil, type: EntityType, label: String? = nil, isBareName: Bool = false,
        isGuess: Bool = false
    ) {
        self.range = range
        self.nameRange = nameRange ?? range
        self.type = type
        self.label = label
        self.isBareName = isBareName
        self.isGuess = isGuess
    }
}

/// Finds entity mentions in one sentence: tokens in, typed spans out.
///
/// This narrow interface is what a trained tagger replaces the rule-based recogniser behind.
public protocol EntityRecognizer: Sendable {
    /// The entity spans in a sentence, in token order, not overlapping.
    func recognize(_ sentence: [Token]) -> [EntitySpan]

    /// The spans of each sentence of one document, in order; a recogniser that uses
    /// document context (the tagger's history) overrides this.
    func recognizeDocument(_ sentences: [[Token]]) -> [[EntitySpan]]
}

/// Whether a lower-cased word is one that marks organisation names ("party", "ministry").
public func isOrganisationWord(_ word: String) -> Bool { WordLists.organisationWords.contains(word) }
