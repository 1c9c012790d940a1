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
    /// Node id → node index.
    public let indexByID: [String: Int]
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

    /// Indexes a graph, keeping only edges `filter` allows and `minWeight` reaches.
    ///
    /// - Complexity: O(V + E log d) for maximum degree d.
    public init(_ graph: Graph, edges filter: EdgeFilter = .any, minWeight: Int = 1) {
        self.graph = graph
        var index: [String: Int] = [:]
        index.reserveCapacity(graph.nodes.count)
        for (i, node) in graph.nodes.enumerated() { index[node.id] = i }
        indexByID = index
        let n = graph.nodes.count

        // Count, then fill each row (a counting sort by source), then sort and merge rows.
        var ends: [(Int32, Int32, Int32)] = []  // (from, to, edge)
        ends.reserveCapacity(graph.edges.count * 2)
        // graph.json lists edges by source, so a run of edges shares one: its look-up is kept
        // (hashing the ids is most of the cost of indexing a large graph).
        var lastSource = ""
        var lastSourceIndex: Int?
        for (edgeIndex, edge) in graph.edges.enumerated() where filter.allows(edge.kind) && edge.weight >= minWeight {
            if lastSourceIndex == nil || edge.source != lastSource {
                lastSource = edge.source
                lastSourceIndex = index[edge.source]
            }
            guard let a = lastSourceIndex, let b = index[edge.target], a != b, edge.weight > 0 else { continue }
            ends.append((Int32(a), Int32(b), Int32(edgeIndex)))
            ends.append((Int32(b), Int32(a), Int32(edgeIndex)))
        }
        var counts = Array(repeating: 0, count: n + 1)
        for end in ends { counts[Int(end.0) + 1] += 1 }
        for i in 0..<n { counts[i + 1] += counts[i] }
        var cursor = counts
        var rowTo = Array(repeating: Int32(0), count: ends.count)
        var rowEdge = Array(repeating: Int32(0), count: ends.count)
        for end in ends {
            let slot = cursor[Int(end.0)]
            rowTo[slot] = end.1
            rowEdge[slot] = end.2
            cursor[Int(end.0)] += 1
        }
        var offsets = [0]
        offsets.reserveCapacity(n + 1)
        var neighbors: [Int32] = []
        var weights: [Double] = []
        var edgeIndices: [Int32] = []
        neighbors.reserveCapacity(ends.count)
        weights.reserveCapacity(ends.count)
        edgeIndices.reserveCapacity(ends.count)
        for u in 0..<n {
            let row = (counts[u]..<counts[u + 1]).sorted { rowTo[$0] != rowTo[$1] ? rowTo[$0] < rowTo[$1] : rowEdge[$0] < rowEdge[$1] }
            for slot in row {
                let weight = Double(graph.edges[Int(rowEdge[slot])].weight)
                if let last = neighbors.last, neighbors.count > offsets[u], last == rowTo[slot] {
                    // Several edges between the same pair (co-mention and stances): keep the strongest.
                    if weight > weights[weights.count - 1] {
                        weights[weights.count - 1] = weight
                        edgeIndices[edgeIndices.count - 1] = rowEdge[slot]
                    }
                    continue
                }
                neighbors.append(rowTo[slot])
                weights.append(weight)
                edgeIndices.append(rowEdge[slot])
            }
            offsets.append(neighbors.count)
        }
        self.offsets = offsets
        self.neighbors = neighbors
        self.weights = weights
        self.edgeIndices = edgeIndices
    }

    /// The positions of `u`'s neighbours in the flat arrays.
    @inlinable
    public func row(_ u: Int) -> Range<Int> { offsets[u]..<offsets[u + 1] }

    /// The number of distinct neighbours of `u`.
    public func degree(_ u: Int) -> Int { offsets[u + 1] - offsets[u] }

    /// The sum of the weights to `u`'s neighbours.
    public func weightedDegree(_ u: Int) -> Double { row(u).reduce(0) { $0 + weights[$1] } }
}
