/// What kind of relation an edge records.
public enum EdgeKind: String, Sendable, Codable, CaseIterable {
    /// Two entities named in the same sentence; undirected.
    case coMention = "co-mention"
    /// One entity's stance toward another or toward a topic; directed.
    case stance
}

/// The direction of a stance.
public enum Polarity: String, Sendable, Codable, CaseIterable {
    /// The source backs the target.
    case support
    /// The source opposes the target.
    case oppose
}

/// A source document, as listed in graph.json.
public struct DocumentInfo: Sendable, Codable, Equatable {
    /// Identifier used by evidence (`d1`, `d2`, …).
    public var id: String
    /// The file it came from.
    public var path: String
    /// The line within a JSON Lines file, if it came from one.
    public var line: Int?
    /// Headline, if known.
    public var title: String?
    /// Publication date `YYYY-MM-DD`, if known.
    public var date: String?
    /// Address, if known.
    public var url: String?
    /// Number of sentences analysed.
    public var sentences: Int?

    /// The keys of a document in graph.json, for the writer and the reader alike.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case id, path, line, title, date, url, sentences
    }

    /// Creates a document entry.
    public init(
        id: String, path: String, line: Int? = nil, title: String? = nil, date: String? = nil,
        url: String? = nil, sentences: Int? = nil
    ) {
        self.id = id
        self.path = path
        self.line = line
        self.title = title
        self.date = date
        self.url = url
        self.sentences = sentences
    }
}

/// An entity of the graph.
public struct Node: Sendable, Codable, Equatable {
    /// Stable identifier ("keir-starmer").
    public var id: String
    /// Canonical label ("Keir Starmer").
    public var label: String
    /// Entity type.
    public var type: EntityType
    /// Forms it was written in, most frequent first.
    public var aliases: [String]
    /// Number of mentions.
    public var mentions: Int
    /// Number of documents that mention it.
    public var documents: Int
    /// Mentions per document id, so that a time window can recount them exactly.
    public var byDocument: [String: Int]?

    /// The keys of a node in graph.json, for the writer and the reader alike.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case id, label, type, aliases, mentions, documents, byDocument
    }

    /// Creates a node.
    public init(
        id: String, label: String, type: EntityType, aliases: [String] = [], mentions: Int = 0, documents: Int = 0,
        byDocument: [String: Int]? = nil
    ) {
        self.id = id
        self.label = label
        self.type = type
        self.aliases = aliases
        self.mentions = mentions
        self.documents = documents
        self.byDocument = byDocument
    }
}

/// A sentence that shows an edge.
public struct Evidence: Sendable, Codable, Equatable {
    /// The document's id.
    public var document: String
    /// The sentence's 1-based position in the document.
    public var sentence: Int
    /// The sentence as written in the article.
    public var text: String
    /// For a stance edge, the words that express the stance as written in `text` ("lashed out
    /// at", "backs"), so a reader can see what the edge rests on; `nil` for co-mention.
    public var cue: String?

    /// The keys of an evidence entry in graph.json, for the writer and the reader alike.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case document, sentence, text, cue
    }

    /// Creates an evidence entry.
    public init(document: String, sentence: Int, text: String, cue: String? = nil) {
        self.document = document
        self.sentence = sentence
        self.text = text
        self.cue = cue
    }
}

/// A relation between two nodes.
public struct Edge: Sendable, Codable, Equatable {
    /// Source node id (for co-mention, the smaller id).
    public var source: String
    /// Target node id.
    public var target: String
    /// Relation kind.
    public var kind: EdgeKind
    /// Stance polarity; `nil` for co-mention.
    public var polarity: Polarity?
    /// Number of distinct sentences behind the edge (exact even when evidence is capped).
    public var weight: Int
    /// Confidence of a stance edge in [0, 1]; `nil` for co-mention.
    public var confidence: Double?
    /// Sentences behind the edge, capped per edge.
    public var evidence: [Evidence]
    /// Distinct sentences per document id, so that a time window can recount the weight exactly.
    public var byDocument: [String: Int]?

    /// The keys of an edge in graph.json, for the writer and the reader alike.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case source, target, kind, polarity, weight, confidence, evidence, byDocument
    }

    /// Creates an edge.
    public init(
        source: String, target: String, kind: EdgeKind, polarity: Polarity? = nil, weight: Int,
        confidence: Double? = nil, evidence: [Evidence] = [], byDocument: [String: Int]? = nil
    ) {
        self.byDocument = byDocument
        self.source = source
        self.target = target
        self.kind = kind
        self.polarity = polarity
        self.weight = weight
        self.confidence = confidence
        self.evidence = evidence
    }
}

extension Edge {
    /// The confidence at or above which diagrams, decks and listings show a stance edge
    /// unless told otherwise; weaker edges stay in graph.json and in `plexus stances --all`.
    public static let defaultMinimumStanceConfidence = 0.5
}

/// The graph that `plexus build` writes and every other command reads.
public struct Graph: Sendable, Equatable {
    /// Source documents.
    public var documents: [DocumentInfo]
    /// Entities, sorted by id.
    public var nodes: [Node] {
        didSet { endPositions = nil }
    }
    /// Relations, sorted by kind, source, target.
    public var edges: [Edge] {
        didSet { endPositions = nil }
    }
    /// Where each edge's ends sit in `nodes`, as the binary copy stores them, so that
    /// indexing a graph read from the copy needs no look-up by id; dropped whenever `nodes`
    /// or `edges` change.
    var endPositions: [EdgeEndPositions]?

    /// Creates a graph.
    public init(documents: [DocumentInfo] = [], nodes: [Node] = [], edges: [Edge] = []) {
        self.documents = documents
        self.nodes = nodes
        self.edges = edges
    }

    /// Whether two graphs have the same documents, nodes and edges.
    public static func == (lhs: Graph, rhs: Graph) -> Bool {
        lhs.documents == rhs.documents && lhs.nodes == rhs.nodes && lhs.edges == rhs.edges
    }

    /// The node with an id, if any.
    ///
    /// - Complexity: O(log n) (nodes are sorted by id).
    public func node(id: String) -> Node? {
        var low = 0
        var high = nodes.count
        while low < high {
            let mid = (low + high) / 2
            if nodes[mid].id < id { low = mid + 1 } else { high = mid }
        }
        return low < nodes.count && nodes[low].id == id ? nodes[low] : nil
    }
}

/// The positions in `Graph.nodes` of an edge's source and target.
struct EdgeEndPositions: Sendable {
    var source: UInt32
    var target: UInt32
}
