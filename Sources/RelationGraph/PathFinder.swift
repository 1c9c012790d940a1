import HeapModule

/// How a path's length is measured.
public enum PathMetric: String, Sendable, CaseIterable, Codable {
    /// Number of edges; among equally short paths the strongest wins.
    case hops
    /// Sum of 1/weight over the edges, so strong ties are short; among equal sums, fewer hops win.
    case strength
}

/// One step of a path, with the sentence that connects its ends.
public struct PathHop: Sendable, Equatable {
    /// Where the hop starts.
    public var from: Node
    /// Where it ends.
    public var to: Node
    /// The edge it follows.
    public var edge: Edge
    /// The best evidence sentence of that edge, with the document it comes from.
    public var evidence: Evidence?
}

/// A path between two nodes.
public struct GraphPath: Sendable, Equatable {
    /// The nodes from start to end.
    public var nodes: [Node]
    /// The hops between consecutive nodes.
    public var hops: [PathHop]
    /// The path's length under `metric`.
    public var cost: Double
    /// How the length was measured.
    public var metric: PathMetric
}

/// Shortest paths over a ``GraphIndex``.
///
/// Dijkstra's algorithm with a binary heap (swift-collections' `Heap`). Costs compare as
/// (primary, secondary) pairs so ties break the same way every run: by the other metric,
/// then by node index.
public struct PathFinder: Sendable {
    /// The indexed graph.
    public let index: GraphIndex

    /// Creates a path finder.
    public init(_ index: GraphIndex) { self.index = index }

    struct Cost: Comparable {
        var primary: Double
        var secondary: Double
        static func < (lhs: Cost, rhs: Cost) -> Bool {
            lhs.primary != rhs.primary ? lhs.primary < rhs.primary : lhs.secondary < rhs.secondary
        }
    }

    struct Entry: Comparable {
        var cost: Cost
        var node: Int
        static func < (lhs: Entry, rhs: Entry) -> Bool {
            lhs.cost != rhs.cost ? lhs.cost < rhs.cost : lhs.node < rhs.node
        }
    }

    /// The shortest path from `source` to `target` (node indices), or `nil` when none exists.
    ///
    /// - Complexity: O((V + E) log V).
    public func shortestPath(from source: Int, to target: Int, by metric: PathMetric) -> GraphPath? {
        let count = index.links.count
        guard source < count, target < count else { return nil }
        var best = Array(repeating: Cost(primary: .infinity, secondary: .infinity), count: count)
        var previous = Array(repeating: -1, count: count)
        var previousEdge = Array(repeating: -1, count: count)
        var done = Array(repeating: false, count: count)
        var heap = Heap<Entry>()
        best[source] = Cost(primary: 0, secondary: 0)
        heap.insert(Entry(cost: best[source], node: source))
        while let entry = heap.popMin() {
            let u = entry.node
            if done[u] { continue }
            done[u] = true
            if u == target { break }
            for link in index.links[u] where !done[link.node] {
                let step = 1.0 / Double(link.weight)
                let next: Cost =
                    metric == .strength
                    ? Cost(primary: entry.cost.primary + step, secondary: entry.cost.secondary + 1)
                    : Cost(primary: entry.cost.primary + 1, secondary: entry.cost.secondary + step)
                if next < best[link.node] {
                    best[link.node] = next
                    previous[link.node] = u
                    previousEdge[link.node] = link.edge
                    heap.insert(Entry(cost: next, node: link.node))
                }
            }
        }
        guard done[target] else { return nil }
        var order = [target]
        var edges: [Int] = []
        var cursor = target
        while cursor != source {
            edges.append(previousEdge[cursor])
            cursor = previous[cursor]
            order.append(cursor)
        }
        order.reverse()
        edges.reverse()
        let graph = index.graph
        var hops: [PathHop] = []
        for (step, edgeIndex) in edges.enumerated() {
            let edge = graph.edges[edgeIndex]
            hops.append(
                PathHop(from: graph.nodes[order[step]], to: graph.nodes[order[step + 1]], edge: edge,
                        evidence: edge.evidence.first))
        }
        return GraphPath(nodes: order.map { graph.nodes[$0] }, hops: hops, cost: best[target].primary, metric: metric)
    }
}
