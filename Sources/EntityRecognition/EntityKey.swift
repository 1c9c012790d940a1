import PlexusGraph

/// The identity of an entity during resolution: mentions with the same key are one entity.
///
/// Keys order as their text (`kind:name`), so that ties between entities are broken the same
/// way on every run.
public struct EntityKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// What kind of name a key is made from.
    public enum Kind: String, Sendable, CaseIterable {
        /// A person's full name, lower-cased ("keir starmer"), or a person known by one
        /// word with an honorific ("howard", or "howard|f" for a woman's honorific).
        case person
        /// A person known in a document by one word only, before the corpus decides whose
        /// name it is.
        case personByOneName = "person-single"
        /// A name the user's alias file splits off under its own label.
        case split
        /// A country by its canonical label.
        case country
        /// A place by its label.
        case location
        /// A stance topic by its label.
        case topic
        /// An organisation by its label, lower-cased.
        case organisation
    }

    /// The kind of name.
    public let kind: Kind
    /// The normalised name.
    public let name: String

    /// Creates a key.
    public init(_ kind: Kind, _ name: String) {
        self.kind = kind
        self.name = name
    }

    /// The key of a person's full name.
    public static func person(_ name: String) -> EntityKey { EntityKey(.person, name.lowercased()) }

    /// The key of a person known only by one word, as the corpus resolves it.
    public static func person(knownAs oneWord: OneWordName) -> EntityKey { EntityKey(.person, oneWord.description.lowercased()) }

    /// The key of a named entity that is not a person, by type and label.
    public static func named(_ type: EntityType, _ label: String) -> EntityKey {
        switch type {
        case .person: return person(label)
        case .country: return EntityKey(.country, label)
        case .location: return EntityKey(.location, label)
        case .topic: return EntityKey(.topic, label)
        case .organisation: return EntityKey(.organisation, label.lowercased())
        }
    }

    /// `kind:name`.
    public var description: String { "\(kind.rawValue):\(name)" }

    /// Orders keys as their text (``description``), without building it: keys of one kind
    /// share the text before the name, and keys of two kinds differ within it (no kind's
    /// name holds the colon), so the kinds' texts decide.
    public static func < (lhs: EntityKey, rhs: EntityKey) -> Bool {
        lhs.kind == rhs.kind ? lhs.name < rhs.name : lhs.kind.textOrder < rhs.kind.textOrder
    }
}

/// A one-word name of a person ("Starmer", "Howard"), with whether a woman's honorific came
/// with it: "Mrs Howard" is pooled apart from "Mr Howard".
public struct OneWordName: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The word as written.
    public let word: String
    /// Whether it came with a woman's honorific.
    public let isFemale: Bool

    /// Creates a one-word name.
    public init(_ word: String, isFemale: Bool) {
        self.word = word
        self.isFemale = isFemale
    }

    /// The word, marked `|f` for a woman's honorific.
    public var description: String { isFemale ? word + "|f" : word }

    /// Orders names as their text.
    public static func < (lhs: OneWordName, rhs: OneWordName) -> Bool { lhs.description < rhs.description }
}

extension EntityKey.Kind {
    /// Where keys of this kind sort among keys of other kinds: the order of the texts
    /// "kind:" that begin their descriptions.
    var textOrder: Int { Self.textOrders[self] ?? 0 }

    private static let textOrders: [EntityKey.Kind: Int] = Dictionary(
        uniqueKeysWithValues: allCases.sorted { $0.rawValue + ":" < $1.rawValue + ":" }.enumerated().map { ($0.element, $0.offset) })
}
