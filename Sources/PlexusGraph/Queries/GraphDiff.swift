/// What changed between two graphs of the same corpus (two periods): entities and ties that
/// appeared, grew, faded or vanished, and stance edges that appeared, flipped or vanished.
///
/// Entities and edges are matched by node id. A count "grew" when it at least doubled and
/// rose by ``minimumChange`` or more, "faded" the other way round; smaller moves are noise
/// at news volumes and are left out.
public struct GraphDiff: Sendable, Codable, Equatable {
    /// How a count or a stance changed.
    public enum Change: String, Sendable, Codable, CaseIterable {
        /// Absent before, present after.
        case appeared
        /// At least doubled.
        case grew
        /// At least halved.
        case faded
        /// Present before, absent after.
        case vanished
        /// A stance whose prevailing polarity turned.
        case flipped
    }

    /// One entity's mentions in the two periods.
    public struct EntityChange: Sendable, Codable, Equatable {
        /// The node id.
        public var id: String
        /// Its label.
        public var label: String
        /// Its type.
        public var type: EntityType
        /// Mentions before.
        public var before: Int
        /// Mentions after.
        public var after: Int
        /// How it changed.
        public var change: Change
    }

    /// One co-mention tie's weight (sentences) in the two periods.
    public struct TieChange: Sendable, Codable, Equatable {
        /// Source node id.
        public var source: String
        /// Target node id.
        public var target: String
        /// Sentences before.
        public var before: Int
        /// Sentences after.
        public var after: Int
        /// How it changed.
        public var change: Change
    }

    /// One stance (holder towards target) in the two periods: the polarity with more
    /// sentences behind it, if any.
    public struct StanceChange: Sendable, Codable, Equatable {
        /// Holder node id.
        public var source: String
        /// Target node id.
        public var target: String
        /// Prevailing polarity before.
        public var before: Polarity?
        /// Prevailing polarity after.
        public var after: Polarity?
        /// Sentences behind the polarity before.
        public var beforeWeight: Int
        /// Sentences behind the polarity after.
        public var afterWeight: Int
        /// How it changed: appeared, vanished or flipped.
        public var change: Change
    }

    /// Documents in the earlier graph.
    public var documentsBefore: Int
    /// Documents in the later graph.
    public var documentsAfter: Int
    /// Entities that changed, largest change first.
    public var entities: [EntityChange]
    /// Co-mention ties that changed, largest change first.
    public var ties: [TieChange]
    /// Stances that changed, heaviest first.
    public var stances: [StanceChange]

    /// The smallest rise or fall that counts as growing or fading.
    public static let minimumChange = 3

    /// Compares `before` with `after`; stance edges below `minimumConfidence` are left out of
    /// both (as diagrams leave them out).
    ///
    /// - Complexity: O((V + E) log(V + E)) over the two graphs.
    public init(before: Graph, after: Graph, minimumConfidence: Double = Edge.defaultMinimumStanceConfidence) {
        documentsBefore = before.documents.count
        documentsAfter = after.documents.count
        var nodes: [String: (node: Node, before: Int, after: Int)] = [:]
        for node in before.nodes where node.type != .topic { nodes[node.id] = (node, node.mentions, 0) }
        for node in after.nodes where node.type != .topic { nodes[node.id, default: (node, 0, 0)].after = node.mentions }
        entities = nodes.values.compactMap { entry in
            Self.change(entry.before, entry.after).map {
                EntityChange(
                    id: entry.node.id, label: entry.node.label, type: entry.node.type, before: entry.before, after: entry.after, change: $0)
            }
        }.sorted { (abs($0.after - $0.before), $1.id) > (abs($1.after - $1.before), $0.id) }

        var ties: [String: (source: String, target: String, before: Int, after: Int)] = [:]
        for edge in before.edges where edge.kind == .coMention {
            ties[edge.source + "\u{0}" + edge.target] = (edge.source, edge.target, edge.weight, 0)
        }
        for edge in after.edges where edge.kind == .coMention {
            ties[edge.source + "\u{0}" + edge.target, default: (edge.source, edge.target, 0, 0)].after = edge.weight
        }
        self.ties = ties.values.compactMap { entry in
            Self.change(entry.before, entry.after).map {
                TieChange(source: entry.source, target: entry.target, before: entry.before, after: entry.after, change: $0)
            }
        }.sorted { (abs($0.after - $0.before), $1.source, $1.target) > (abs($1.after - $1.before), $0.source, $0.target) }

        let earlier = Self.prevailing(before, minimumConfidence: minimumConfidence)
        let later = Self.prevailing(after, minimumConfidence: minimumConfidence)
        var stances: [StanceChange] = []
        for key in Set(earlier.keys).union(later.keys) {
            let old = earlier[key]
            let new = later[key]
            let change: Change
            switch (old, new) {
            case (nil, .some): change = .appeared
            case (.some, nil): change = .vanished
            case (.some(let a), .some(let b)) where a.polarity != b.polarity: change = .flipped
            default: continue
            }
            let parts = key.split(separator: "\u{0}", omittingEmptySubsequences: false).map(String.init)
            stances.append(
                StanceChange(
                    source: parts[0], target: parts.count > 1 ? parts[1] : "", before: old?.polarity, after: new?.polarity,
                    beforeWeight: old?.weight ?? 0, afterWeight: new?.weight ?? 0, change: change))
        }
        self.stances = stances.sorted {
            (max($0.beforeWeight, $0.afterWeight), $1.source, $1.target) > (max($1.beforeWeight, $1.afterWeight), $0.source, $0.target)
        }
    }

    static func change(_ before: Int, _ after: Int) -> Change? {
        if before == 0 && after > 0 { return .appeared }
        if after == 0 && before > 0 { return .vanished }
        if after >= 2 * before && after - before >= minimumChange { return .grew }
        if before >= 2 * after && before - after >= minimumChange { return .faded }
        return nil
    }

    /// For each holder and target, the polarity with the most sentences (support on a tie).
    static func prevailing(_ graph: Graph, minimumConfidence: Double) -> [String: (polarity: Polarity, weight: Int)] {
        var out: [String: (polarity: Polarity, weight: Int)] = [:]
        for edge in graph.edges where edge.kind == .stance && (edge.confidence ?? 1) >= minimumConfidence {
            guard let polarity = edge.polarity else { continue }
            let key = edge.source + "\u{0}" + edge.target
            if let current = out[key], current.weight > edge.weight || (current.weight == edge.weight && current.polarity == .support) {
                continue
            }
            out[key] = (polarity, edge.weight)
        }
        return out
    }
}
