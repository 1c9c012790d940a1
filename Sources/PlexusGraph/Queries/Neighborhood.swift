/// The stances between two entities, one direction.
public struct StanceSummary: Sendable, Equatable, Codable {
    /// Weight of the support edge (0 when none).
    public var support: Int
    /// Weight of the oppose edge (0 when none).
    public var oppose: Int

    /// No stance in this direction.
    public var isEmpty: Bool { support == 0 && oppose == 0 }
}

/// One entity around a centre.
public struct Neighbor: Sendable, Equatable {
    /// The neighbouring node's index.
    public var node: Int
    /// How many hops from the centre (1 = direct).
    public var depth: Int
    /// The node it is reached through (the centre at depth 1).
    public var through: Int
    /// Weight of the strongest allowed edge to `through`.
    public var weight: Int
    /// Co-mention weight with the centre itself (0 when not directly co-mentioned).
    public var coMentions: Int
    /// The centre's stance toward this neighbour.
    public var stanceFromCentre: StanceSummary
    /// This neighbour's stance toward the centre.
    public var stanceToCentre: StanceSummary
}

extension GraphIndex {
    /// The entities within `depth` hops of `centre`, strongest ties first.
    ///
    /// A node is reached through the neighbour at the previous depth with the strongest edge
    /// to it (ties by node index). Results are sorted by depth, then weight, then label.
    ///
    /// - Complexity: O(V + E) for the breadth-first search, O(E) for the stance summary.
    public func neighborhood(of centre: Int, depth: Int = 1) -> [Neighbor] {
        guard centre >= 0, centre < nodeCount, depth >= 1 else { return [] }
        var level = [Int](repeating: -1, count: nodeCount)
        level[centre] = 0
        var frontier = [centre]
        var found: [Int: (depth: Int, through: Int, weight: Double)] = [:]
        for d in 1...depth {
            var next: [Int] = []
            for u in frontier {
                for slot in row(u) {
                    let v = Int(neighbors[slot])
                    if level[v] == -1 || level[v] == d {
                        if let existing = found[v], existing.weight >= weights[slot] { continue }
                        if level[v] == -1 { next.append(v) }
                        level[v] = d
                        found[v] = (d, u, weights[slot])
                    }
                }
            }
            frontier = next
            if frontier.isEmpty { break }
        }
        let centreID = graph.nodes[centre].id
        var coMention: [String: Int] = [:]
        var from: [String: StanceSummary] = [:]
        var to: [String: StanceSummary] = [:]
        for edge in graph.edges where edge.source == centreID || edge.target == centreID {
            let other = edge.source == centreID ? edge.target : edge.source
            switch edge.kind {
            case .coMention:
                coMention[other] = edge.weight
            case .stance:
                let outgoing = edge.source == centreID
                var summary = (outgoing ? from[other] : to[other]) ?? StanceSummary(support: 0, oppose: 0)
                if edge.polarity == .support { summary.support += edge.weight } else { summary.oppose += edge.weight }
                if outgoing { from[other] = summary } else { to[other] = summary }
            }
        }
        let none = StanceSummary(support: 0, oppose: 0)
        return found.map { node, info in
            let id = graph.nodes[node].id
            return Neighbor(
                node: node, depth: info.depth, through: info.through, weight: Int(info.weight), coMentions: coMention[id] ?? 0,
                stanceFromCentre: from[id] ?? none, stanceToCentre: to[id] ?? none)
        }.sorted { lhs, rhs in
            if lhs.depth != rhs.depth { return lhs.depth < rhs.depth }
            if lhs.weight != rhs.weight { return lhs.weight > rhs.weight }
            return graph.nodes[lhs.node].label < graph.nodes[rhs.node].label
        }
    }
}
