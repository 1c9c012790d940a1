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
        // The working graph in compressed rows, like the index; self-loops hold internal weight.
        var offsets = self.offsets
        var adjacent = self.neighbors
        var adjacentWeights = self.weights
        var selfLoops = [Double](repeating: 0, count: n)
        var membership = Array(0..<n)  // original node → current super-node
        var generator = SeededGenerator(seed: seed)
        let totalWeight = (0..<n).reduce(0.0) { total, u in total + row(u).reduce(0.0) { $0 + weights[$1] } } / 2
        guard totalWeight > 0 else {
            return finish(Array(0..<n), resolution: resolution)
        }

        while true {
            let size = offsets.count - 1
            let strength = (0..<size).map { u in
                (offsets[u]..<offsets[u + 1]).reduce(0.0) { $0 + adjacentWeights[$1] } + 2 * selfLoops[u]
            }
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
                    for slot in offsets[u]..<offsets[u + 1] where Int(adjacent[slot]) != u {
                        let c = community[Int(adjacent[slot])]
                        if weightTo[c] == 0 { seen.append(c) }
                        weightTo[c] += adjacentWeights[slot]
                    }
                    communityStrength[current] -= strength[u]
                    var bestCommunity = current
                    var bestGain = weightTo[current] - resolution * communityStrength[current] * strength[u] / (2 * totalWeight)
                    func gain(_ c: Int) -> Double {
                        weightTo[c] - resolution * communityStrength[c] * strength[u] / (2 * totalWeight)
                    }
                    // Where no neighbouring community beats staying, the node stays, whatever
                    // the order; otherwise candidates are tried in ascending order, so that
                    // ties go to the lowest community number.
                    if seen.contains(where: { gain($0) > bestGain + 1e-12 }) {
                        Self.sortAscending(&seen)
                        for c in seen {
                            let gain = gain(c)
                            if gain > bestGain + 1e-12 {
                                bestGain = gain
                                bestCommunity = c
                            }
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
            // Aggregate: each community becomes one node, numbered by its first member.
            var renumber = [Int](repeating: -1, count: size)
            var next = 0
            for u in 0..<size where renumber[community[u]] == -1 {
                renumber[community[u]] = next
                next += 1
            }
            // Members of each new node in ascending order (a counting sort), so each sum below
            // adds the same weights in the same order as walking every node in turn would.
            var memberStarts = [Int](repeating: 0, count: next + 1)
            for u in 0..<size { memberStarts[renumber[community[u]] + 1] += 1 }
            for c in 0..<next { memberStarts[c + 1] += memberStarts[c] }
            var memberCursor = memberStarts
            var members = [Int](repeating: 0, count: size)
            for u in 0..<size {
                let c = renumber[community[u]]
                members[memberCursor[c]] = u
                memberCursor[c] += 1
            }
            var mergedOffsets = [0]
            mergedOffsets.reserveCapacity(next + 1)
            var mergedAdjacent: [Int32] = []
            var mergedWeights: [Double] = []
            var mergedLoops = [Double](repeating: 0, count: next)
            var sumTo = [Double](repeating: 0, count: next)
            var touched = [Bool](repeating: false, count: next)
            var neighbours: [Int] = []
            for cu in 0..<next {
                neighbours.removeAll(keepingCapacity: true)
                for u in members[memberStarts[cu]..<memberStarts[cu + 1]] {
                    mergedLoops[cu] += selfLoops[u]
                    for slot in offsets[u]..<offsets[u + 1] {
                        let v = Int(adjacent[slot])
                        let cv = renumber[community[v]]
                        if cu == cv {
                            if u < v { mergedLoops[cu] += adjacentWeights[slot] }
                        } else {
                            if !touched[cv] {
                                touched[cv] = true
                                neighbours.append(cv)
                            }
                            sumTo[cv] += adjacentWeights[slot]
                        }
                    }
                }
                Self.sortAscending(&neighbours)
                for cv in neighbours {
                    mergedAdjacent.append(Int32(cv))
                    mergedWeights.append(sumTo[cv])
                    sumTo[cv] = 0
                    touched[cv] = false
                }
                mergedOffsets.append(mergedAdjacent.count)
            }
            offsets = mergedOffsets
            adjacent = mergedAdjacent
            adjacentWeights = mergedWeights
            selfLoops = mergedLoops
            for node in 0..<n { membership[node] = renumber[community[membership[node]]] }
            if next == size { break }
        }
        return finish(membership, resolution: resolution)
    }

    /// Sorts distinct community numbers in place: by insertion for the few neighbours most
    /// nodes have, where `sort()` would allocate a merge buffer on every call.
    ///
    /// - Complexity: O(d²) for d ≤ 16, else O(d log d).
    static func sortAscending(_ values: inout [Int]) {
        guard values.count > 16 else {
            for i in values.indices.dropFirst() {
                let value = values[i]
                var j = i
                while j > 0, values[j - 1] > value {
                    values[j] = values[j - 1]
                    j -= 1
                }
                values[j] = value
            }
            return
        }
        values.sort()
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
