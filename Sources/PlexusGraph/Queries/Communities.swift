import PlexusSupport

/// A partition of the graph's nodes into communities.
public struct CommunityAssignment: Sendable, Equatable {
    /// Community number of each node index; communities are numbered by size, largest first
    /// (ties by smallest member), so the numbering is stable.
    public var community: [Int]
    /// Number of communities.
    public var count: Int
    /// Newman's modularity of the partition.
    public var modularity: Double

    /// The node indices of each community, in community order.
    public var members: [[Int]] {
        var groups = [[Int]](repeating: [], count: count)
        for (node, label) in community.enumerated() { groups[label].append(node) }
        return groups
    }
}

extension GraphIndex {
    /// Communities by the Louvain method on the index's edge weights.
    ///
    /// Nodes move to the neighbouring community that most increases modularity, then each
    /// community becomes one node, until nothing moves (Blondel and others, 2008).
    ///
    /// Deterministic: nodes are visited in an order shuffled by `seed`, and ties go to the
    /// lowest community number. Written by hand because no package here offers community
    /// detection.
    ///
    /// - Complexity: about O(E) per pass; a few passes per level, a few levels.
    public func communities(seed: UInt64 = 42, resolution: Double = 1.0) -> CommunityAssignment {
        let n = nodeCount
        guard n > 0 else { return CommunityAssignment(community: [], count: 0, modularity: 0) }
        // The working graph: adjacency as (neighbour, weight) rows; self-loops hold internal weight.
        var rows: [[(Int, Double)]] = (0..<n).map { u in row(u).map { (Int(neighbors[$0]), weights[$0]) } }
        var selfLoops = [Double](repeating: 0, count: n)
        var membership = Array(0..<n)  // original node → current super-node
        var generator = SeededGenerator(seed: seed)
        let totalWeight = rows.reduce(0.0) { $0 + $1.reduce(0.0) { $0 + $1.1 } } / 2
        guard totalWeight > 0 else {
            return finish(Array(0..<n), resolution: resolution)
        }

        while true {
            let size = rows.count
            let strength = (0..<size).map { u in rows[u].reduce(0.0) { $0 + $1.1 } + 2 * selfLoops[u] }
            var community = Array(0..<size)
            var communityStrength = strength
            var order = Array(0..<size)
            order.shuffle(using: &generator)
            var moved = false
            var improved = true
            var weightTo = [Double](repeating: 0, count: size)
            var seen: [Int] = []
            while improved {
                improved = false
                for u in order {
                    let current = community[u]
                    seen.removeAll(keepingCapacity: true)
                    for (v, w) in rows[u] where v != u {
                        let c = community[v]
                        if weightTo[c] == 0 { seen.append(c) }
                        weightTo[c] += w
                    }
                    communityStrength[current] -= strength[u]
                    var bestCommunity = current
                    var bestGain = weightTo[current] - resolution * communityStrength[current] * strength[u] / (2 * totalWeight)
                    for c in seen.sorted() {
                        let gain = weightTo[c] - resolution * communityStrength[c] * strength[u] / (2 * totalWeight)
                        if gain > bestGain + 1e-12 {
                            bestGain = gain
                            bestCommunity = c
                        }
                    }
                    communityStrength[bestCommunity] += strength[u]
                    for c in seen { weightTo[c] = 0 }
                    weightTo[current] = 0
                    if bestCommunity != current {
                        community[u] = bestCommunity
                        improved = true
                        moved = true
                    }
                }
            }
            guard moved else { break }
            // Aggregate: each community becomes one node.
            var renumber = [Int](repeating: -1, count: size)
            var next = 0
            for u in 0..<size where renumber[community[u]] == -1 {
                renumber[community[u]] = next
                next += 1
            }
            var merged = [[Int: Double]](repeating: [:], count: next)
            var mergedLoops = [Double](repeating: 0, count: next)
            for u in 0..<size {
                let cu = renumber[community[u]]
                mergedLoops[cu] += selfLoops[u]
                for (v, w) in rows[u] {
                    let cv = renumber[community[v]]
                    if cu == cv {
                        if u < v { mergedLoops[cu] += w }
                    } else {
                        merged[cu][cv, default: 0] += w
                    }
                }
            }
            rows = merged.map { $0.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }
            selfLoops = mergedLoops
            for node in 0..<n { membership[node] = renumber[community[membership[node]]] }
            if next == size { break }
        }
        return finish(membership, resolution: resolution)
    }

    /// Renumbers communities by size (largest first, ties by smallest member) and computes modularity.
    func finish(_ raw: [Int], resolution: Double) -> CommunityAssignment {
        var groups: [Int: [Int]] = [:]
        for (node, label) in raw.enumerated() { groups[label, default: []].append(node) }
        let ordered = groups.values.sorted { $0.count != $1.count ? $0.count > $1.count : $0[0] < $1[0] }
        var community = [Int](repeating: 0, count: raw.count)
        for (number, members) in ordered.enumerated() { for node in members { community[node] = number } }
        return CommunityAssignment(community: community, count: ordered.count, modularity: modularity(community, resolution: resolution))
    }

    /// Newman's modularity of a partition on the index's weights.
    ///
    /// - Complexity: O(V + E).
    public func modularity(_ community: [Int], resolution: Double = 1.0) -> Double {
        let total = weights.reduce(0, +)  // 2m: every undirected edge appears twice
        guard total > 0 else { return 0 }
        var inside = [Double](repeating: 0, count: (community.max() ?? 0) + 1)
        var degreeSum = inside
        for u in 0..<nodeCount {
            for slot in row(u) {
                degreeSum[community[u]] += weights[slot]
                if community[Int(neighbors[slot])] == community[u] { inside[community[u]] += weights[slot] }
            }
        }
        var q = 0.0
        for c in inside.indices { q += inside[c] / total - resolution * (degreeSum[c] / total) * (degreeSum[c] / total) }
        return q
    }
}
