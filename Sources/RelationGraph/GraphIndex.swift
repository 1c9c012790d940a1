/// Adjacency of a ``Graph`` for queries: node indices, and for each node its neighbours
/// with the strongest edge weight of the allowed kinds.
public struct GraphIndex: Sendable {
    /// Which edges a query may use.
    public enum KindFilter: String, Sendable, CaseIterable {
        /// Co-mention edges only.
        case coMention = "co-mention"
        /// Stance edges only, followed in either direction.
        case stance
        /// Every edge.
        case any

        func allows(_ kind: EdgeKind) -> Bool {
            switch self {
            case .any: return true
            case .coMention: return kind == .coMention
            case .stance: return kind == .stance
            }
        }
    }

    /// A neighbour and the strongest edge to it.
    public struct Link: Sendable {
        /// The neighbour's node index.
        public var node: Int
        /// The weight of the strongest allowed edge between the two.
        public var weight: Int
        /// Index of that edge in `graph.edges`.
        public var edge: Int
    }

    /// The graph indexed.
    public let graph: Graph
    /// Node id → node index.
    public let indexByID: [String: Int]
    /// For each node, its neighbours sorted by node index (so every traversal is deterministic).
    public let links: [[Link]]

    /// Indexes a graph.
    ///
    /// - Complexity: O(V + E log E).
    public init(_ graph: Graph, kinds: KindFilter = .any) {
        self.graph = graph
        var index: [String: Int] = [:]
        for (i, node) in graph.nodes.enumerated() { index[node.id] = i }
        indexByID = index
        var best: [[Int: Link]] = Array(repeating: [:], count: graph.nodes.count)
        for (edgeIndex, edge) in graph.edges.enumerated() where kinds.allows(edge.kind) {
            guard let a = index[edge.source], let b = index[edge.target], a != b, edge.weight > 0 else { continue }
            for (from, to) in [(a, b), (b, a)] {
                if let current = best[from][to], current.weight >= edge.weight { continue }
                best[from][to] = Link(node: to, weight: edge.weight, edge: edgeIndex)
            }
        }
        links = best.map { $0.values.sorted { $0.node < $1.node } }
    }
}
