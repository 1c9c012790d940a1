import Foundation

/// Hand-annotated news pages to score a graph against: for each page its entities, stance
/// triples and key co-mention pairs, and for the corpus the merged entities and the topic
/// labels (the format of ../shared/data/realnews-dev/gold.json, documented in the README
/// under "Checking Plexus on your own articles").
public struct GraphGold: Sendable {
    /// One real entity of the corpus.
    public struct Entity: Sendable, Decodable {
        /// The canonical name ("Keir Starmer").
        public var name: String
        /// PERSON, COUNTRY or ORGANISATION.
        public var type: String
        /// The surface forms the pages use.
        public var aliases: [String]
        /// Whether finding it or not is neither rewarded nor punished.
        public var optional: Bool

        enum CodingKeys: String, CodingKey { case name, type, aliases, optional }

        /// Reads an entity; aliases and `optional` may be left out.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            type = try container.decode(String.self, forKey: .type)
            aliases = try container.decodeIfPresent([String].self, forKey: .aliases) ?? []
            optional = try container.decodeIfPresent(Bool.self, forKey: .optional) ?? false
        }
    }

    /// One stance a careful reader accepts from a page.
    public struct Stance: Sendable, Decodable {
        /// The holder's canonical name.
        public var source: String
        /// The target: a canonical name or a topic label.
        public var target: String
        /// "support" or "oppose".
        public var polarity: String
        /// The sentence that shows it.
        public var evidence: String?
        /// Holders that are as acceptable (a spokesman's country).
        public var altSources: [String]
        /// Targets that are as acceptable.
        public var altTargets: [String]

        enum CodingKeys: String, CodingKey {
            case source, target, polarity, evidence
            case altSources = "alt_sources"
            case altTargets = "alt_targets"
        }

        /// Reads a stance; the alternatives may be left out.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            source = try container.decode(String.self, forKey: .source)
            target = try container.decode(String.self, forKey: .target)
            polarity = try container.decode(String.self, forKey: .polarity)
            evidence = try container.decodeIfPresent(String.self, forKey: .evidence)
            altSources = try container.decodeIfPresent([String].self, forKey: .altSources) ?? []
            altTargets = try container.decodeIfPresent([String].self, forKey: .altTargets) ?? []
        }
    }

    /// One annotated page.
    public struct Page: Sendable, Decodable {
        /// Stances a careful reader accepts.
        public var stances: [Stance]
        /// Stances that are defensible but uncertain: neither rewarded nor punished.
        public var optionalStances: [Stance]
        /// The page's most co-mentioned pairs of canonical names.
        public var keyPairs: [[String]]

        enum CodingKeys: String, CodingKey {
            case stances
            case optionalStances = "optional_stances"
            case keyPairs = "key_pairs"
        }

        /// Reads a page; every part may be left out.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            stances = try container.decodeIfPresent([Stance].self, forKey: .stances) ?? []
            optionalStances = try container.decodeIfPresent([Stance].self, forKey: .optionalStances) ?? []
            keyPairs = try container.decodeIfPresent([[String]].self, forKey: .keyPairs) ?? []
        }
    }

    struct Corpus: Decodable {
        var entities: [Entity]
        var topicLabels: [String: String]

        enum CodingKeys: String, CodingKey {
            case entities
            case topicLabels = "topic_labels"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            entities = try container.decode([Entity].self, forKey: .entities)
            topicLabels = try container.decodeIfPresent([String: String].self, forKey: .topicLabels) ?? [:]
        }
    }

    /// The pages, by file name, in name order.
    public var pages: [(name: String, page: Page)]
    /// The corpus's real entities, merged over the pages.
    public var entities: [Entity]
    /// The topic labels a stance target may be.
    public var topics: Set<String>

    /// Why a gold file cannot be read.
    public struct ReadError: Error, CustomStringConvertible {
        /// The file.
        public var path: String
        /// What is wrong.
        public var reason: String
        /// "path: reason".
        public var description: String { "\(path): \(reason)" }
    }

    /// Reads a gold file.
    ///
    /// - Throws: ``ReadError`` naming the file when it is missing or not in the format.
    public init(contentsOf path: String) throws {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw ReadError(path: path, reason: "cannot be read (\(error.localizedDescription))")
        }
        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }
        struct Whole: Decodable {
            var pages: [(String, Page)] = []
            var corpus: Corpus?
            init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: Key.self)
                for key in container.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
                    if key.stringValue == "corpus" {
                        corpus = try container.decode(Corpus.self, forKey: key)
                    } else {
                        pages.append((key.stringValue, try container.decode(Page.self, forKey: key)))
                    }
                }
            }
        }
        let whole: Whole
        do { whole = try JSONDecoder().decode(Whole.self, from: data) } catch {
            throw ReadError(path: path, reason: "is not a gold file of annotated pages (\(Self.describe(error)))")
        }
        guard let corpus = whole.corpus else { throw ReadError(path: path, reason: "has no \"corpus\" entry with the merged entities") }
        pages = whole.pages.map { (name: $0.0, page: $0.1) }
        entities = corpus.entities
        topics = Set(corpus.topicLabels.keys)
    }

    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .keyNotFound(let key, let context): return "missing \"\(key.stringValue)\" at \(path(context))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "wrong type at \(path(context))"
        case .dataCorrupted(let context): return context.debugDescription
        @unknown default: return "\(error)"
        }
    }

    static func path(_ context: DecodingError.Context) -> String {
        context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}
