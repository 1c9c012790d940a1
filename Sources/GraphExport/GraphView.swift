import PlexusGraph

/// The part of a graph a diagram shows: every view picks nodes and edges from the whole
/// graph, and ``DiagramWriter`` draws what its view picks.
public protocol DiagramView: Sendable {
    /// The nodes and edges to draw.
    func select(from graph: Graph) -> Graph
}

/// The overview: the most connected entities and the edges among them.
public struct GraphView: DiagramView {
    /// How many entities to draw at most.
    public var top: Int
    /// Whether locations (hidden by default) are drawn.
    public var includeLocations: Bool
    /// Most edges drawn (default: twice `top`), so dense graphs stay readable; see
    /// ``strongestPerEntity(_:limit:)`` for which are kept.
    public var maxEdges: Int?
    /// Stance edges below this confidence are not drawn.
    public var minimumStanceConfidence: Double

    /// Creates a view.
    public init(
        top: Int = 40, includeLocations: Bool = false, maxEdges: Int? = nil,
        minimumStanceConfidence: Double = Edge.defaultMinimumStanceConfidence
    ) {
        self.top = top
        self.includeLocations = includeLocations
        self.maxEdges = maxEdges
        self.minimumStanceConfidence = minimumStanceConfidence
    }

    /// The top entities by co-mention weighted degree (then mentions, then id) and the edges
    /// among them; stance edges below the confidence threshold are left out.
    ///
    /// - Complexity: O(V log V + E log E).
    public func select(from graph: Graph) -> Graph {
        var strength: [String: Int] = [:]
        for edge in graph.edges where edge.kind == .coMention {
            strength[edge.source, default: 0] += edge.weight
            strength[edge.target, default: 0] += edge.weight
        }
        // Each node's strength looked up once, not in every comparison of the sort.
        let candidates = graph.nodes.filter { includeLocations || $0.type != .location }.map { node in
            (strength: strength[node.id] ?? 0, mentions: node.mentions, id: node.id)
        }
        let ranked = candidates.sorted { lhs, rhs in
            if lhs.strength != rhs.strength { return lhs.strength > rhs.strength }
            if lhs.mentions != rhs.mentions { return lhs.mentions > rhs.mentions }
            return lhs.id < rhs.id
        }
        let kept = Set(ranked.prefix(top).map(\.id))
        let among = graph.edges.filter {
            kept.contains($0.source) && kept.contains($0.target)
                && ($0.kind == .coMention || ($0.confidence ?? 1) >= minimumStanceConfidence)
        }
        let edges = Self.strongestPerEntity(among, limit: maxEdges ?? top * 2)
            .sorted { ($0.source, $0.target, $0.kind.rawValue) < ($1.source, $1.target, $1.kind.rawValue) }
        return Graph(documents: graph.documents, nodes: graph.nodes.filter { kept.contains($0.id) }, edges: edges)
    }

    /// At most `limit` edges, taken in rounds: every entity's strongest edge first, then
    /// every entity's second strongest, and so on, so that each entity keeps its closest ties
    /// and the hubs' many weaker ones go (taking the heaviest edges overall would keep only
    /// ties among the hubs and knot the middle of the drawing).
    ///
    /// - Complexity: O(E log E).
    static func strongestPerEntity(_ edges: [Edge], limit: Int) -> [Edge] {
        guard edges.count > limit else { return edges }
        func stronger(_ a: Int, _ b: Int) -> Bool {
            edges[a].weight != edges[b].weight
                ? edges[a].weight > edges[b].weight : (edges[a].source, edges[a].target) < (edges[b].source, edges[b].target)
        }
        var byEntity: [String: [Int]] = [:]
        for (index, edge) in edges.enumerated() {
            byEntity[edge.source, default: []].append(index)
            byEntity[edge.target, default: []].append(index)
        }
        let lists = byEntity.keys.sorted().map { byEntity[$0, default: []].sorted(by: stronger) }
        var taken = Set<Int>()
        var round = 0
        while taken.count < limit, lists.contains(where: { $0.count > round }) {
            // This round's candidates, strongest first, so a cut in mid-round keeps the heavier.
            let candidates = lists.compactMap { $0.count > round ? $0[round] : nil }.filter { !taken.contains($0) }
            for index in Set(candidates).sorted(by: stronger) where taken.count < limit { taken.insert(index) }
            round += 1
        }
        return taken.sorted().map { edges[$0] }
    }
}

/// The nodes of a path and, faded behind them, each path node's strongest neighbours.
public struct PathView: DiagramView {
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

/// An entity and everything within one or two hops of it, strongest ties first.
///
/// Every tie of the centre is drawn; among the others only each entity's strongest tie
/// besides the centre, so the picture shows who is close to the centre and how they group,
/// not every tie among them (a hairball on real copy). Stance edges below the confidence
/// threshold are left out, as in the overview.
public struct EgoView: DiagramView {
    /// The centre's node id.
    public var centre: String
    /// Hops out (1 or 2).
    public var depth: Int
    /// Most entities drawn, the centre included.
    public var top: Int
    /// Stance edges below this confidence are not drawn.
    public var minimumStanceConfidence: Double

    /// Creates an ego view.
    public init(centre: String, depth: Int = 1, top: Int = 30, minimumStanceConfidence: Double = Edge.defaultMinimumStanceConfidence) {
        self.centre = centre
        self.depth = depth
        self.top = top
        self.minimumStanceConfidence = minimumStanceConfidence
    }

    /// What an ego view left out, for the subtitle.
    public struct Selection: Sendable {
        /// The drawn part of the graph.
        public var shown: Graph
        /// Entities within `depth` hops (locations aside), the centre not counted.
        public var neighbours: Int
        /// Ties among the drawn entities that were not drawn.
        public var tiesLeftOut: Int
    }

    /// The centre, its strongest neighbours within `depth`, the centre's ties, and among
    /// the others each one's strongest tie besides the centre and every stance edge.
    ///
    /// - Complexity: O(V + E log E).
    public func selection(from graph: Graph) -> Selection {
        let index = GraphIndex(graph)
        guard let centreIndex = index.nodeIndex(id: centre) else {
            return Selection(shown: Graph(documents: graph.documents), neighbours: 0, tiesLeftOut: 0)
        }
        let around = index.neighborhood(of: centreIndex, depth: depth).filter { graph.nodes[$0.node].type != .location }
        let kept = Set([centre] + around.prefix(max(0, top - 1)).map { graph.nodes[$0.node].id })
        let among = graph.edges.filter {
            kept.contains($0.source) && kept.contains($0.target)
                && ($0.kind == .coMention || ($0.confidence ?? 1) >= minimumStanceConfidence)
        }
        // Each entity's strongest tie that does not touch the centre.
        var strongest: [String: (weight: Int, source: String, target: String)] = [:]
        for edge in among where edge.source != centre && edge.target != centre {
            for end in [edge.source, edge.target] {
                if let best = strongest[end],
                    best.weight > edge.weight || (best.weight == edge.weight && (best.source, best.target) <= (edge.source, edge.target))
                {
                    continue
                }
                strongest[end] = (edge.weight, edge.source, edge.target)
            }
        }
        let keptPairs = Set(strongest.values.map { "\($0.source)\u{1}\($0.target)" })
        let edges = among.filter { edge in
            edge.source == centre || edge.target == centre || keptPairs.contains("\(edge.source)\u{1}\(edge.target)")
        }
        return Selection(
            shown: Graph(documents: graph.documents, nodes: graph.nodes.filter { kept.contains($0.id) }, edges: edges),
            neighbours: around.count, tiesLeftOut: among.count - edges.count)
    }

    /// The drawn part (see ``selection(from:)``).
    ///
    /// - Complexity: O(V + E log E).
    public func select(from graph: Graph) -> Graph { selection(from: graph).shown }
}

/// Only stance edges (support and oppose), with the entities and topics they join.
public struct StanceView: DiagramView {
    /// Stance edges below this confidence are left out.
    public var minimumConfidence: Double
    /// Most edges drawn, strongest first.
    public var maxEdges: Int
    /// Whether stances held by or about places are drawn (hidden by default, as in the overview).
    public var includeLocations: Bool

    /// Creates a stance view.
    public init(minimumConfidence: Double = Edge.defaultMinimumStanceConfidence, maxEdges: Int = 80, includeLocations: Bool = false) {
        self.minimumConfidence = minimumConfidence
        self.maxEdges = maxEdges
        self.includeLocations = includeLocations
    }

    /// The stance edges and their ends.
    ///
    /// - Complexity: O(V + E log E).
    public func select(from graph: Graph) -> Graph {
        let places = includeLocations ? [] : Set(graph.nodes.filter { $0.type == .location }.map(\.id))
        let edges = graph.edges.filter {
            $0.kind == .stance && ($0.confidence ?? 1) >= minimumConfidence && !places.contains($0.source) && !places.contains($0.target)
        }
        .sorted { $0.weight != $1.weight ? $0.weight > $1.weight : ($0.source, $0.target) < ($1.source, $1.target) }
        .prefix(maxEdges)
        let ends = Set(edges.flatMap { [$0.source, $0.target] })
        return Graph(
            documents: graph.documents, nodes: graph.nodes.filter { ends.contains($0.id) },
            edges: edges.sorted { ($0.source, $0.target) < ($1.source, $1.target) })
    }
}
