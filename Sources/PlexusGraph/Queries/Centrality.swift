import Dispatch
import Foundation
import HeapModule
import PlexusSupport

/// The centrality measures Plexus offers.
public enum CentralityMeasure: String, Sendable, CaseIterable, Codable {
    /// Number of distinct neighbours.
    case degree
    /// Sum of edge weights to neighbours.
    case weightedDegree = "weighted-degree"
    /// PageRank on the weighted, undirected graph (damping 0.85).
    case pagerank
    /// Shortest-path betweenness with distance 1/weight (Brandes).
    case betweenness
}

/// Scores of every node under one measure.
public struct CentralityScores: Sendable {
    /// The measure.
    public var measure: CentralityMeasure
    /// One score per node index.
    public var scores: [Double]
    /// For betweenness: how many source nodes were used (all of them when exact).
    public var sources: Int?
    /// For betweenness: whether the scores are estimated from a sample of sources.
    public var isSampled: Bool
}

extension GraphIndex {
    /// Scores every node under `measure`.
    ///
    /// - Parameters:
    ///   - exactLimit: betweenness is exact up to this many nodes and sampled above.
    ///   - samples: number of sources when sampled.
    ///   - seed: sampling seed.
    /// - Complexity: degree O(V); weighted degree O(E); PageRank O(E) per iteration;
    ///   betweenness O(S·(V + E) log V) for S sources.
    public func centrality(
        _ measure: CentralityMeasure, exactLimit: Int = 5_000, samples: Int = 1_000, seed: UInt64 = 42
    ) -> CentralityScores {
        switch measure {
        case .degree:
            return CentralityScores(measure: measure, scores: (0..<nodeCount).map { Double(degree($0)) }, isSampled: false)
        case .weightedDegree:
            return CentralityScores(measure: measure, scores: (0..<nodeCount).map { weightedDegree($0) }, isSampled: false)
        case .pagerank:
            return CentralityScores(measure: measure, scores: pageRank(), isSampled: false)
        case .betweenness:
            if nodeCount <= exactLimit {
                return CentralityScores(
                    measure: measure, scores: betweenness(sources: Array(0..<nodeCount)), sources: nodeCount,
                    isSampled: false)
            }
            var generator = SeededGenerator(seed: seed)
            var all = Array(0..<nodeCount)
            all.shuffle(using: &generator)
            let chosen = Array(all.prefix(samples)).sorted()
            return CentralityScores(measure: measure, scores: betweenness(sources: chosen), sources: chosen.count, isSampled: true)
        }
    }

    /// PageRank of the weighted undirected graph: a walker follows an edge with probability
    /// proportional to its weight, and with probability 1 − `damping` jumps anywhere; nodes
    /// without edges spread their rank evenly.
    ///
    /// Scores sum to 1.
    ///
    /// - Complexity: O(E) per iteration; stops when the L1 change is below `tolerance`.
    public func pageRank(damping: Double = 0.85, tolerance: Double = 1e-12, maxIterations: Int = 1_000) -> [Double] {
        let n = nodeCount
        guard n > 0 else { return [] }
        let strength = (0..<n).map { weightedDegree($0) }
        var rank = [Double](repeating: 1.0 / Double(n), count: n)
        var next = [Double](repeating: 0, count: n)
        // Chunks of about equal work (rows of about equal total length), a few per core.
        let pieces = n < 10_000 ? 1 : 4 * ProcessInfo.processInfo.activeProcessorCount
        let chunks = rowChunks(pieces)
        for _ in 0..<maxIterations {
            var dangling = 0.0
            for u in 0..<n where strength[u] == 0 { dangling += rank[u] }
            let base = (1 - damping) / Double(n) + damping * dangling / Double(n)
            // Each node's new rank depends only on the old ranks, so the nodes are split
            // between the cores; every sum is the same as on one core.
            rank.withUnsafeBufferPointer { rank in
                strength.withUnsafeBufferPointer { strength in
                    next.withUnsafeMutableBufferPointer { next in
                        nonisolated(unsafe) let (rank, strength, next) = (rank, strength, next)
                        DispatchQueue.concurrentPerform(iterations: chunks.count) { chunk in
                            for v in chunks[chunk] {
                                var sum = 0.0
                                for slot in row(v) {
                                    let u = Int(neighbors[slot])
                                    sum += rank[u] * weights[slot] / strength[u]
                                }
                                next[v] = base + damping * sum
                            }
                        }
                    }
                }
            }
            var change = 0.0
            for v in 0..<n { change += abs(next[v] - rank[v]) }
            swap(&rank, &next)
            if change < tolerance { break }
        }
        return rank
    }

    /// The nodes cut into at most `pieces` consecutive ranges whose rows hold about equally
    /// many neighbours.
    ///
    /// - Complexity: O(V).
    func rowChunks(_ pieces: Int) -> [Range<Int>] {
        let n = nodeCount
        let pieces = max(1, pieces)
        var chunks: [Range<Int>] = []
        var start = 0
        for piece in 1...pieces {
            let goal = offsets[n] * piece / pieces
            var end = start
            while end < n, offsets[end + 1] <= goal { end += 1 }
            if piece == pieces { end = n }
            if end > start { chunks.append(start..<end) }
            start = end
        }
        return chunks
    }

    /// Betweenness from the given sources with distance 1/weight (Brandes 2001), normalised
    /// like networkx for undirected graphs (by (n−1)(n−2)) and scaled by n / sources when
    /// the sources are a sample.
    ///
    /// A node's predecessors are its settled neighbours v with `distance[v] + 1/weight ==
    /// distance[w]` when w is settled; that sum repeats the forward one bit for bit.
    ///
    /// - Complexity: O(S·(V + E) log V).
    public func betweenness(sources: [Int]) -> [Double] {
        let n = nodeCount
        guard n > 2, !sources.isEmpty else { return [Double](repeating: 0, count: n) }
        // Renumber nodes by degree, hubs first: most shortest paths run through hubs, so their
        // records stay in cache.
        let byDegree = (0..<n).sorted { degree($0) != degree($1) ? degree($0) > degree($1) : $0 < $1 }
        var renumbered = [Int32](repeating: 0, count: n)
        for (new, old) in byDegree.enumerated() { renumbered[old] = Int32(new) }
        var offsets = [0]
        offsets.reserveCapacity(n + 1)
        var neighbors: [Int32] = []
        var inverse: [Double] = []
        neighbors.reserveCapacity(self.neighbors.count)
        inverse.reserveCapacity(self.neighbors.count)
        for old in byDegree {
            for slot in row(old) {
                neighbors.append(renumbered[Int(self.neighbors[slot])])
                inverse.append(1.0 / weights[slot])
            }
            offsets.append(neighbors.count)
        }
        let newSources = sources.map { Int(renumbered[$0]) }
        var centrality = [Double](repeating: 0, count: n)
        // Everything the inner loops read about a node sits in one 32-byte record, so a
        // relaxation costs one cache miss instead of four.
        struct State {
            var distance = Double.infinity
            var sigma = 0.0
            var delta = 0.0
            var settled = false
        }
        var stateStore = [State](repeating: State(), count: n)
        var order: [Int32] = []
        order.reserveCapacity(n)
        var heap = DistanceHeap()
        // Predecessors of each settled node, found when it is settled (they are all settled
        // by then, since weights are positive) and stored contiguously: node order[k]'s
        // predecessors are flat[start[k]..<start[k + 1]].
        var flat: [Int32] = []
        flat.reserveCapacity(neighbors.count)
        var starts: [Int] = []
        starts.reserveCapacity(n + 1)
        stateStore.withUnsafeMutableBufferPointer { state in
            inverse.withUnsafeBufferPointer { inverse in
                neighbors.withUnsafeBufferPointer { neighbors in
                    offsets.withUnsafeBufferPointer { offsets in
                        for source in newSources {
                            for w in order { state[Int(w)] = State() }
                            order.removeAll(keepingCapacity: true)
                            flat.removeAll(keepingCapacity: true)
                            starts.removeAll(keepingCapacity: true)
                            heap.removeAll()
                            state[source].distance = 0
                            heap.push(0, Int32(source))
                            while let (key, node) = heap.pop() {
                                let u = Int(node)
                                if state[u].settled || key > state[u].distance { continue }
                                state[u].settled = true
                                order.append(node)
                                starts.append(flat.count)
                                let du = state[u].distance
                                var su = u == source ? 1.0 : 0.0
                                for slot in offsets[u]..<offsets[u + 1] {
                                    let v = Int(neighbors[slot])
                                    let step = inverse[slot]
                                    if state[v].settled {
                                        if state[v].distance + step == du {
                                            su += state[v].sigma
                                            flat.append(Int32(v))
                                        }
                                        continue
                                    }
                                    let candidate = du + step
                                    if candidate < state[v].distance {
                                        state[v].distance = candidate
                                        heap.push(candidate, Int32(v))
                                    }
                                }
                                state[u].sigma = su
                            }
                            starts.append(flat.count)
                            var k = order.count - 1
                            while k >= 0 {
                                let wi = Int(order[k])
                                let coefficient = (1 + state[wi].delta) / state[wi].sigma
                                for position in starts[k]..<starts[k + 1] {
                                    let v = Int(flat[position])
                                    state[v].delta += state[v].sigma * coefficient
                                }
                                if wi != source { centrality[wi] += state[wi].delta }
                                k -= 1
                            }
                        }
                    }
                }
            }
        }
        // Undirected: every pair was counted from both ends.
        var scale = 1.0 / Double((n - 1) * (n - 2))
        if sources.count < n { scale *= Double(n) / Double(sources.count) }
        return (0..<n).map { centrality[Int(renumbered[$0])] * scale }
    }
}
