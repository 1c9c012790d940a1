import EntityRecognition
import PlexusGraph

/// A resolved entity mention inside a sentence, as the stance extractor sees it.
public struct StanceMention: Sendable, Equatable {
    /// The mention's tokens, as indices into the sentence's words.
    public var range: Range<Int>
    /// The caller's identifier for the entity (a node index in the graph builder).
    public var entity: Int
    /// The entity's type.
    public var type: EntityType

    /// Creates a mention.
    public init(range: Range<Int>, entity: Int, type: EntityType) {
        self.range = range
        self.entity = entity
        self.type = type
    }
}

/// One analysed sentence with its resolved mentions: what the stance extractor reads.
public struct StanceSentence: Sendable {
    /// The sentence's tokens (normalised quotes and dashes).
    public var words: [String]
    /// Whether whitespace precedes each token (tells an opening quote from a closing one).
    public var spaceBefore: [Bool]
    /// Entity mentions, in text order.
    public var mentions: [StanceMention]
    /// Whether the sentence begins inside a quotation opened in an earlier sentence.
    public var startsInsideQuote = false
    /// Who speaks a quotation that runs through this sentence without being attributed in it.
    public var quoteSpeaker: StanceMention?
    /// Entities of the preceding sentences, most recent first, for "he", "she", "it", "they".
    public var recentEntities: [StanceMention] = []
    /// Topic labels of the two preceding sentences, the one the document has discussed most first,
    /// for "the plan", "the proposals".
    public var recentTopics: [String] = []
    /// The tokens as the article wrote them (curly quotes kept), for the polarity model; `words` when absent.
    public var originalWords: [String]?
    /// Part-of-speech tags (Penn Treebank), when a tagger ran or can run.
    public var posTags: [String]? {
        get { givenPartOfSpeech ?? deferredSyntax?.partOfSpeech }
        set { givenPartOfSpeech = newValue }
    }
    /// Chunk tags (IOBES, "B-NP"…), when a chunker ran or can run.
    public var chunkTags: [String]? {
        get { givenChunks ?? deferredSyntax?.chunks }
        set { givenChunks = newValue }
    }
    /// The part-of-speech tag of word `index`, `nil` past the end or without tags; where the
    /// tags are computed on demand, only the words up to `index` are tagged.
    func partOfSpeech(at index: Int) -> String? {
        if let given = givenPartOfSpeech { return index >= 0 && index < given.count ? given[index] : nil }
        return deferredSyntax?.partOfSpeech(at: index)
    }
    /// Whether the sentence has part-of-speech tags, given or computed on demand.
    var hasPartOfSpeech: Bool { givenPartOfSpeech != nil || deferredSyntax != nil }
    private var givenPartOfSpeech: [String]?
    private var givenChunks: [String]?
    /// The taggers to run when tags are read and none were given.
    var deferredSyntax: DeferredSyntax?
    /// The dependency tree, when the parser ran: holders and targets are then read from it.
    public var dependencies: DependencyParse?

    /// Creates a sentence.
    public init(words: [String], spaceBefore: [Bool]? = nil, mentions: [StanceMention]) {
        self.words = words
        self.spaceBefore = spaceBefore ?? words.indices.map { $0 > 0 }
        self.mentions = mentions
    }
}

/// What a stance is about.
public enum StanceTarget: Sendable, Hashable {
    /// A named entity (the caller's identifier).
    case entity(Int)
    /// A topic from the topic lexicon (its label).
    case topic(String)
    /// A noun phrase found by the chunker after a stance word; it becomes a topic only if it recurs.
    case phrase(String)
}

extension StanceTarget {
    /// A key that orders targets deterministically: entities by identifier, then topics, then phrases.
    var sortKey: String {
        switch self {
        case .entity(let id): "0:" + String(id + 1_000_000_000)
        case .topic(let label): "1:" + label
        case .phrase(let text): "2:" + text
        }
    }
}

/// One stance found in one sentence.
public struct StanceFinding: Sendable, Equatable {
    /// Who holds the stance (the caller's entity identifier).
    public var holder: Int
    /// What the stance is about.
    public var target: StanceTarget
    /// Support or oppose.
    public var polarity: Polarity
    /// How sure the extractor is, in [0, 1].
    public var confidence: Double
    /// The stance expression, as its lemma ("lash out at", "backing").
    public var cue: String
    /// The stance expression's words as written in the sentence, one space apart ("lashed out
    /// at"), so evidence can show what the stance rests on.
    public var cueText: String
}
