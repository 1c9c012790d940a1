import Foundation
import PlexusGraph

/// Scores a graph against ``GraphGold`` with the matching rules of the project's scorer
/// (../shared/tools/graph-eval/score.py), so that a user who annotates their own pages gets
/// the same figures: a node stands for the real entity its label names (after lower-casing,
/// dropping "the", a possessive and honorifics), or else the one its aliases name
/// unambiguously; a node whose names point to two real entities is a false merge.
///
/// - Complexity: O(nodes · aliases + edges + gold triples · predicted triples).
public struct GraphScoring: Sendable {
    /// The gold pages.
    public let gold: GraphGold
    /// Normalised name → real entities it names.
    let byKey: [String: Set<Int>]

    /// Node types the entity figures count, and the gold type each stands for.
    static let goldTypes: [EntityType: String] = [.person: "PERSON", .country: "COUNTRY", .organisation: "ORGANISATION"]
    /// Honorifics dropped before matching, repeatedly.
    static let honorifics = ["mr ", "mrs ", "ms ", "sir ", "dr ", "lord ", "president ", "prime minister ", "general ", "major general "]

    /// Indexes the gold entities by their names and name-like aliases.
    public init(gold: GraphGold) {
        self.gold = gold
        var byKey: [String: Set<Int>] = [:]
        for (index, entity) in gold.entities.enumerated() {
            byKey[Self.normalized(entity.name), default: []].insert(index)
            for alias in entity.aliases where Self.isNameLike(alias) { byKey[Self.normalized(alias), default: []].insert(index) }
        }
        self.byKey = byKey
    }

    /// A name as the scorer compares it: curly apostrophes straight, trimmed, lower case, no
    /// final "'s", no leading "the ", no honorifics, single spaces.
    public static func normalized(_ name: String) -> String {
        var text = name.replacingOccurrences(of: "\u{2019}", with: "'").replacingOccurrences(of: "\u{2018}", with: "'")
            .trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        if text.hasSuffix("'s") { text.removeLast(2) }
        if text.hasPrefix("the ") { text.removeFirst(4) }
        var changed = true
        while changed {
            changed = false
            for honorific in honorifics where text.hasPrefix(honorific) && text.count > honorific.count {
                text.removeFirst(honorific.count)
                changed = true
            }
        }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Whether an alias is a name rather than a description ("the prime minister").
    static func isNameLike(_ alias: String) -> Bool {
        (alias.first?.isUppercase ?? false) && !alias.lowercased().hasPrefix("the ")
    }

    /// The real entity a node stands for, and the real entities its names point to
    /// unambiguously.
    func match(_ node: Node) -> (entity: Int?, named: Set<Int>) {
        let names = [node.label] + node.aliases
        var named = Set<Int>()
        for name in names {
            let hits = byKey[Self.normalized(name)] ?? []
            if hits.count == 1 { named.formUnion(hits) }
        }
        let label = Self.normalized(node.label)
        if let hits = byKey[label], !hits.isEmpty {
            let exact = hits.sorted().first { Self.normalized(gold.entities[$0].name) == label }
            return (exact ?? hits.min(), named)
        }
        return (named.min(), named)
    }

    /// Entity figures.
    public struct EntityScores: Sendable, Encodable {
        /// Typed nodes that stand for a required real entity.
        public var rightNodes = 0
        /// Typed nodes that stand for no real entity, as "label (type)".
        public var falsePositives: [String] = []
        /// Required real entities no node stands for.
        public var missed: [String] = []
        /// Real entities with more than one node: name → node labels.
        public var splits: [String: [String]] = [:]
        /// Nodes whose names point to two or more real entities: label → their names.
        public var falseMerges: [String: [String]] = [:]
        /// Nodes of the right type among the right nodes.
        public var rightTypes = 0
        /// Required real entities.
        public var required = 0
        /// Real entities found.
        public var found = 0
        /// right / (right + false positives).
        public var precision = 0.0
        /// found / required.
        public var recall = 0.0
        /// Harmonic mean of precision and recall.
        public var f1 = 0.0
        /// Extra nodes per real entity found.
        public var splitRate = 0.0
    }

    /// The entity figures of a graph's person, country and organisation nodes.
    public func entities(_ graph: Graph) -> EntityScores {
        var scores = EntityScores()
        let required = Set(gold.entities.indices.filter { !gold.entities[$0].optional })
        var perEntity: [Int: [String]] = [:]
        for node in graph.nodes {
            guard let goldType = Self.goldTypes[node.type] else { continue }
            let (entity, named) = match(node)
            if named.count > 1 { scores.falseMerges[node.label] = named.map { gold.entities[$0].name }.sorted() }
            guard let entity else {
                scores.falsePositives.append("\(node.label) (\(node.type.rawValue))")
                continue
            }
            if gold.entities[entity].optional { continue }
            scores.rightNodes += 1
            perEntity[entity, default: []].append(node.label)
            if gold.entities[entity].type == goldType { scores.rightTypes += 1 }
        }
        scores.falsePositives.sort()
        let found = Set(perEntity.keys)
        scores.required = required.count
        scores.found = found.intersection(required).count
        scores.missed = required.subtracting(found).map { gold.entities[$0].name }.sorted()
        for (entity, labels) in perEntity where labels.count > 1 { scores.splits[gold.entities[entity].name] = labels }
        scores.precision = Double(scores.rightNodes) / Double(max(1, scores.rightNodes + scores.falsePositives.count))
        scores.recall = Double(scores.found) / Double(max(1, required.count))
        scores.f1 = 2 * scores.precision * scores.recall / max(1e-9, scores.precision + scores.recall)
        scores.splitRate = Double(scores.splits.values.reduce(0) { $0 + $1.count - 1 }) / Double(max(1, found.count))
        return scores
    }

    /// Key-pair figures.
    public struct PairScores: Sendable, Encodable {
        /// Key pairs present as co-mention edges.
        public var found = 0
        /// Key pairs in the gold pages.
        public var total = 0
        /// The pairs not found, as "A–B".
        public var missed: [String] = []
        /// found / total.
        public var recall = 0.0
    }

    /// The share of each page's key co-mention pairs that the graph has as co-mention edges.
    public func pairs(_ graph: Graph) -> PairScores {
        let nodeEntity = nodeEntities(graph)
        var adjacent: [Int: Set<Int>] = [:]
        for edge in graph.edges where edge.kind == .coMention {
            guard let a = nodeEntity[edge.source] ?? nil, let b = nodeEntity[edge.target] ?? nil, a != b else { continue }
            adjacent[a, default: []].insert(b)
            adjacent[b, default: []].insert(a)
        }
        let index = Dictionary(gold.entities.enumerated().map { ($0.element.name, $0.offset) }, uniquingKeysWith: { first, _ in first })
        var scores = PairScores()
        for (_, page) in gold.pages {
            for pair in page.keyPairs where pair.count == 2 {
                scores.total += 1
                if let a = index[pair[0]], let b = index[pair[1]], adjacent[a]?.contains(b) == true {
                    scores.found += 1
                } else {
                    scores.missed.append("\(pair[0])–\(pair[1])")
                }
            }
        }
        scores.recall = Double(scores.found) / Double(max(1, scores.total))
        return scores
    }

    /// One stance triple as the scorer compares it.
    public struct Triple: Sendable, Encodable, Hashable, CustomStringConvertible {
        /// The holder: a real entity's name, or the node's normalised label.
        public var holder: String
        /// The target, the same way.
        public var target: String
        /// "support" or "oppose".
        public var polarity: String
        /// The sentence that shows it (the edge's first evidence, or the gold's).
        public var evidence: String?
        /// "holder -polarity-> target".
        public var description: String { "\(holder) -\(polarity)-> \(target)" }

        public static func == (lhs: Triple, rhs: Triple) -> Bool {
            (lhs.holder, lhs.target, lhs.polarity) == (rhs.holder, rhs.target, rhs.polarity)
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(holder)
            hasher.combine(target)
            hasher.combine(polarity)
        }
    }

    /// Stance figures.
    public struct StanceScores: Sendable, Encodable {
        /// Distinct predicted triples.
        public var predicted = 0
        /// Predicted triples a gold stance accepts.
        public var right = 0
        /// Predicted triples neither a gold nor an optional stance accepts.
        public var wrong: [Triple] = []
        /// Distinct gold triples none of whose rows was matched.
        public var missed: [Triple] = []
        /// Distinct gold triples.
        public var distinctGold = 0
        /// right / (right + wrong).
        public var precision = 0.0
        /// Distinct gold triples found / distinct gold triples.
        public var recall = 0.0
    }

    /// Precision and recall of the graph's (holder, polarity, target) triples, every stance
    /// edge counted whatever its confidence.
    public func stances(_ graph: Graph) -> StanceScores {
        let nodeEntity = nodeEntities(graph)
        let nodes = Dictionary(graph.nodes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        func key(_ id: String) -> String {
            if let entity = nodeEntity[id] ?? nil { return gold.entities[entity].name }
            return Self.normalized(nodes[id]?.label ?? id)
        }
        typealias Row = (sources: Set<String>, targets: Set<String>, polarity: String, stance: GraphGold.Stance)
        var rows: [Row] = []
        var optional: [Row] = []
        for (_, page) in gold.pages {
            for stance in page.stances {
                rows.append((Set([stance.source] + stance.altSources), Set([stance.target] + stance.altTargets), stance.polarity, stance))
            }
            for stance in page.optionalStances {
                optional.append(
                    (Set([stance.source] + stance.altSources), Set([stance.target] + stance.altTargets), stance.polarity, stance))
            }
        }
        func targetMatches(_ predicted: String, _ accepted: Set<String>) -> Bool {
            let lower = predicted.lowercased()
            return accepted.contains { name in
                lower == name.lowercased() || (gold.topics.contains(name) && (name.contains(lower) || lower.contains(name)))
            }
        }
        var seen = Set<Triple>()
        var predicted: [Triple] = []
        for edge in graph.edges where edge.kind == .stance {
            let triple = Triple(
                holder: key(edge.source), target: key(edge.target), polarity: edge.polarity?.rawValue ?? "",
                evidence: edge.evidence.first?.text)
            if seen.insert(triple).inserted { predicted.append(triple) }
        }
        predicted.sort { ($0.holder, $0.target, $0.polarity) < ($1.holder, $1.target, $1.polarity) }
        var scores = StanceScores()
        scores.predicted = predicted.count
        var matched = Set<Int>()
        for triple in predicted {
            let hits = rows.indices.filter {
                rows[$0].sources.contains(triple.holder) && targetMatches(triple.target, rows[$0].targets)
                    && rows[$0].polarity == triple.polarity
            }
            if !hits.isEmpty {
                scores.right += 1
                matched.formUnion(hits)
            } else if !optional.contains(where: {
                $0.sources.contains(triple.holder) && targetMatches(triple.target, $0.targets) && $0.polarity == triple.polarity
            }) {
                scores.wrong.append(triple)
            }
        }
        var distinct: [Triple: [Int]] = [:]
        var order: [Triple] = []
        for (index, row) in rows.enumerated() {
            let triple = Triple(holder: row.stance.source, target: row.stance.target, polarity: row.polarity, evidence: row.stance.evidence)
            if distinct[triple] == nil { order.append(triple) }
            distinct[triple, default: []].append(index)
        }
        scores.distinctGold = order.count
        scores.missed = order.filter { triple in !(distinct[triple] ?? []).contains(where: matched.contains) }
        scores.precision = Double(scores.right) / Double(max(1, scores.right + scores.wrong.count))
        scores.recall = Double(order.count - scores.missed.count) / Double(max(1, order.count))
        return scores
    }

    /// Every node's real entity, by node id (all types, as the pair and stance figures use).
    func nodeEntities(_ graph: Graph) -> [String: Int?] {
        Dictionary(graph.nodes.map { ($0.id, match($0).entity) }, uniquingKeysWith: { first, _ in first })
    }
}
