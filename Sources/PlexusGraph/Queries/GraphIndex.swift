/// Which edges a query may use.
public enum EdgeFilter: String, Sendable, CaseIterable, Codable {
    /// Co-mention edges only.
    case coMention = "co-mention"
    /// Stance edges only, followed in either direction.
    case stance
    /// Every edge.
    case any

    /// Whether an edge of `kind` passes.
    public func allows(_ kind: EdgeKind) -> Bool {
        switch self {
        case .any: return true
        case .coMention: return kind == .coMention
        case .stance: return kind == .stance
        }
    }
}

extension Graph {
    /// The graph with every edge `filter` allows and `minWeight` reaches: parallel edges
    /// (a co-mention and a stance between the same two entities) are all kept, unlike in a
    /// ``GraphIndex``, which keeps the strongest edge of each pair for traversal.
    ///
    /// - Complexity: O(E).
    public func keepingEdges(_ filter: EdgeFilter, minWeight: Int = 1) -> Graph {
        Graph(documents: documents, nodes: nodes, edges: edges.filter { filter.allows($0.kind) && $0.weight >= minWeight })
    }
}

/// Adjacency of a ``Graph`` for queries, in compressed rows: for node `u`, its neighbours
/// are `neighbors[offsets[u]..<offsets[u + 1]]`, sorted by node index, each with the
/// weight of the strongest allowed edge between the two and that edge's index.
///
/// Compressed rows keep a million-edge graph in a few flat arrays, which is what makes
/// Dijkstra, PageRank and Brandes fast here; traversal order is fixed, so every answer is
/// the same from run to run.
public struct GraphIndex: Sendable {
    /// The graph indexed.
    public let graph: Graph
    /// Row starts; `offsets.count == nodeCount + 1`.
    public let offsets: [Int]
    /// Neighbour node indices.
    public let neighbors: [Int32]
    /// Weight of the strongest allowed edge to each neighbour.
    public let weights: [Double]
    /// Index in `graph.edges` of that edge.
    public let edgeIndices: [Int32]

    /// The number of nodes.
    public var nodeCount: Int { offsets.count - 1 }

    /// The index of the node with an id, if any.
    ///
    /// - Complexity: O(log V), as graph.json's nodes are sorted by id; O(V) for a graph
    ///   built out of order.
    public func nodeIndex(id: String) -> Int? {
        let nodes = graph.nodes
        var low = 0
        var high = nodes.count
        while low < high {
            let mid = (low + high) / 2
            if nodes[mid].id < id { low = mid + 1 } else { high = mid }
        }
        if low < nodes.count, nodes[low].id == id { return low }
        return nodes.firstIndex { $0.id == id }
    }

    /// Indexes a graph, keeping only edges `filter` allows and `minWeight` reaches.
    ///
    /// A graph read from its binary copy knows where each edge's ends sit, so only a graph
    /// read from JSON (or changed since) looks its edges' ends up by id.
    ///
    /// - Complexity: O(V + E), plus O(d log d) for a row of d neighbours that edge order
    ///   leaves unsorted (a node with stance edges).
    public init(_ graph: Graph, edges filter: EdgeFilter = .any, minWeight: Int = 1) {
        self.graph = graph
        let n = graph.nodes.count
        let edgeCount = graph.edges.count
        // Each kept edge's ends; `nil` for an edge left out (by the filter, a weight too
        // low, an unknown node, or a loop).
        var ends = Self.endPositions(of: graph)

        // Rows by a counting sort: count each node's ends, then place them in edge order.
        var starts = Array(repeating: 0, count: n + 1)
        graph.edges.withUnsafeBufferPointer { edges in
            for e in 0..<edgeCount {
                guard filter.allows(edges[e].kind), edges[e].weight >= minWeight, edges[e].weight > 0, let end = ends[e],
                    end.source != end.target
                else {
                    ends[e] = nil
                    continue
                }
                starts[Int(end.source) + 1] += 1
                starts[Int(end.target) + 1] += 1
            }
        }
        for u in 0..<n { starts[u + 1] += starts[u] }
        let slots = starts[n]
        var cursor = starts
        var neighbors = [Int32](repeating: 0, count: slots)
        var edgeIndices = [Int32](repeating: 0, count: slots)
        var weights = [Double](repeating: 0, count: slots)
        graph.edges.withUnsafeBufferPointer { edges in
            for e in 0..<edgeCount {
                guard let end = ends[e] else { continue }
                let weight = Double(edges[e].weight)
                for (from, to) in [(end.source, end.target), (end.target, end.source)] {
                    let slot = cursor[Int(from)]
                    neighbors[slot] = Int32(to)
                    edgeIndices[slot] = Int32(e)
                    weights[slot] = weight
                    cursor[Int(from)] = slot + 1
                }
            }
        }
        // Edge order already sorts a row by neighbour, then edge, when the graph has one kind
        // of edge listed by source (each co-mention's source is the smaller id); other rows
        // are sorted here. Several edges between one pair are then side by side.
        var hasParallelEdges = false
        for u in 0..<n {
            let row = starts[u]..<starts[u + 1]
            var sorted = true
            for slot in row.dropFirst() {
                let previous = (neighbors[slot - 1], edgeIndices[slot - 1])
                if previous > (neighbors[slot], edgeIndices[slot]) {
                    sorted = false
                    break
                }
                if previous.0 == neighbors[slot] { hasParallelEdges = true }
            }
            guard !sorted else { continue }
            let order = row.sorted { (neighbors[$0], edgeIndices[$0]) < (neighbors[$1], edgeIndices[$1]) }
            let (rowNeighbors, rowEdges, rowWeights) = (
                order.map { neighbors[$0] }, order.map { edgeIndices[$0] }, order.map { weights[$0] }
            )
            for (offset, slot) in row.enumerated() {
                neighbors[slot] = rowNeighbors[offset]
                edgeIndices[slot] = rowEdges[offset]
                weights[slot] = rowWeights[offset]
                if offset > 0, rowNeighbors[offset - 1] == rowNeighbors[offset] { hasParallelEdges = true }
            }
        }
        guard hasParallelEdges else {
            self.offsets = starts
            self.neighbors = neighbors
            self.weights = weights
            self.edgeIndices = edgeIndices
            return
        }
        // Several edges between the same pair (co-mention and stances): keep the strongest,
        // the first of equals.
        var offsets = [0]
        offsets.reserveCapacity(n + 1)
        var write = 0
        for u in 0..<n {
            for slot in starts[u]..<starts[u + 1] {
                if write > offsets[u], neighbors[write - 1] == neighbors[slot] {
                    if weights[slot] > weights[write - 1] {
                        weights[write - 1] = weights[slot]
                        edgeIndices[write - 1] = edgeIndices[slot]
                    }
                    continue
                }
                neighbors[write] = neighbors[slot]
                weights[write] = weights[slot]
                edgeIndices[write] = edgeIndices[slot]
                write += 1
            }
            offsets.append(write)
        }
        neighbors.removeLast(slots - write)
        weights.removeLast(slots - write)
        edgeIndices.removeLast(slots - write)
        self.offsets = offsets
        self.neighbors = neighbors
        self.weights = weights
        self.edgeIndices = edgeIndices
    }

    /// Where each edge's ends sit in `graph.nodes`, `nil` for an edge naming an unknown
    /// node: as the binary copy recorded them, or looked up by id.
    ///
    /// - Complexity: O(E) with the copy's positions; O(V + E) hashing ids without.
    static func endPositions(of graph: Graph) -> [EdgeEndPositions?] {
        let n = graph.nodes.count
        if let known = graph.endPositions, known.count == graph.edges.count {
            return known.map { $0.source < n && $0.target < n ? $0 : nil }
        }
        var position: [String: UInt32] = [:]
        position.reserveCapacity(n)
        for (i, node) in graph.nodes.enumerated() { position[node.id] = UInt32(i) }
        // graph.json lists edges by source, so a run of edges shares one: its look-up is kept.
        var lastSource = ""
        var lastSourcePosition: UInt32?
        return graph.edges.map { edge in
            if lastSourcePosition == nil || edge.source != lastSource {
                lastSource = edge.source
                lastSourcePosition = position[edge.source]
            }
            guard let source = lastSourcePosition, let target = position[edge.target] else { return nil }
            return EdgeEndPositions(source: source, target: target)
        }
    }

    /// The positions of `u`'s neighbours in the flat arrays.
    @inlinable
    public func row(_ u: Int) -> Range<Int> { offsets[u]..<offsets[u + 1] }

    /// The number of distinct neighbours of `u`.
    public func degree(_ u: Int) -> Int { offsets[u + 1] - offsets[u] }

    /// The sum of the weights to `u`'s neighbours.
    public func weightedDegree(_ u: Int) -> Double { row(u).reduce(0) { $0 + weights[$1] } }
}
