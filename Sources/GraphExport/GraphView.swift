import RelationGraph

/// Picks the part of a graph a diagram shows.
public struct GraphView: Sendable {
    /// How many entities to draw at most.
    public var top: Int
    /// Whether locations (hidden by default) are drawn.
    public var includeLocations: Bool
    /// Most edges drawn, strongest first, so dense graphs stay readable.
    public var maxEdges: Int?

    /// Creates a view.
    public init(top: Int = 40, includeLocations: Bool = false, maxEdges: Int? = nil) {
        self.top = top
        self.includeLocations = includeLocations
        self.maxEdges = maxEdges
    }

    /// The top entities by weighted degree (then mentions, then id) and the edges among them.
    ///
    /// - Complexity: O(V log V + E log E).
    public func select(from graph: Graph) -> Graph {
        var strength: [String: Int] = [:]
        for edge in graph.edges {
            strength[edge.source, default: 0] += edge.weight
            strength[edge.target, default: 0] += edge.weight
        }
        let candidates = graph.nodes.filter { includeLocations || $0.type != .location }
        let ranked = candidates.sorted { lhs, rhs in
            let l = strength[lhs.id] ?? 0
            let r = strength[rhs.id] ?? 0
            if l != r { return l > r }
            if lhs.mentions != rhs.mentions { return lhs.mentions > rhs.mentions }
            return lhs.id < rhs.id
        }
        let kept = Set(ranked.prefix(top).map(\.id))
        var edges = graph.edges.filter { kept.contains($0.source) && kept.contains($0.target) }
        let limit = maxEdges ?? top * 4
        if edges.count > limit {
            edges.sort { $0.weight != $1.weight ? $0.weight > $1.weight : ($0.source, $0.target) < ($1.source, $1.target) }
            edges = Array(edges.prefix(limit))
            edges.sort { ($0.source, $0.target, $0.kind.rawValue) < ($1.source, $1.target, $1.kind.rawValue) }
        }
        return Graph(documents: graph.documents, nodes: graph.nodes.filter { kept.contains($0.id) }, edges: edges)
    }
}

/// The nodes of a path and, faded behind them, each path node's strongest neighbours.
public struct PathView: Sendable {
    /// Node ids of the path, in order.
    public var path: [String]
    /// How many neighbours of each path node to show.
    public var neighbours: Int

    /// Creates a path view.
    public init(path: [String], neighbours: Int = 3) {
        self.path = path
        self.neighbours = neighbours
    }

    /// The path nodes, their strongest neighbours, and the edges among all of them.
    ///
    /// - Complexity: O(E log E).
    public func select(from graph: Graph) -> Graph {
        var kept = Set(path)
        for id in path {
            let touching = graph.edges.filter { $0.source == id || $0.target == id }
                .sorted { $0.weight != $1.weight ? $0.weight > $1.weight : ($0.source, $0.target) < ($1.source, $1.target) }
            for edge in touching.prefix(neighbours) { kept.insert(edge.source == id ? edge.target : edge.source) }
        }
        let edges = graph.edges.filter { kept.contains($0.source) && kept.contains($0.target) }
        return Graph(documents: graph.documents, nodes: graph.nodes.filter { kept.contains($0.id) }, edges: edges)
    }
}
