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
    /// Node indices from start to end.
    public var nodeIndices: [Int]
    /// The nodes from start to end.
    public var nodes: [Node]
    /// The hops between consecutive nodes.
    public var hops: [PathHop]
    /// The path's length under `metric`.
    public var cost: Double
    /// How the length was measured.
    public var metric: PathMetric
}

/// Shortest paths over a ``GraphIndex``: Dijkstra's algorithm with swift-collections'
/// `Heap`, Yen's algorithm for the k best loopless alternatives, and `via`/`avoid`
/// constraints.
///
/// Costs compare as (primary, secondary) pairs (strength then hops, or hops then strength)
/// and remaining ties break by node index, so answers are the same every run.
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
        static let zero = Cost(primary: 0, secondary: 0)
        static let infinity = Cost(primary: .infinity, secondary: .infinity)
    }

    struct Entry: Comparable {
        var cost: Cost
        var node: Int32
        static func < (lhs: Entry, rhs: Entry) -> Bool {
            lhs.cost != rhs.cost ? lhs.cost < rhs.cost : lhs.node < rhs.node
        }
    }

    /// A path as node indices and flat-array slots, before it is turned into a ``GraphPath``.
    struct RawPath: Equatable {
        var nodes: [Int]
        var slots: [Int]
        var cost: Cost
    }

    func step(_ slot: Int, after cost: Cost, _ metric: PathMetric) -> Cost {
        let inverse = 1.0 / index.weights[slot]
        return metric == .strength
            ? Cost(primary: cost.primary + inverse, secondary: cost.secondary + 1)
            : Cost(primary: cost.primary + 1, secondary: cost.secondary + inverse)
    }

    /// Bidirectional Dijkstra from `source` to `target`, never entering `blockedNodes` nor
    /// following the directed steps in `blockedSteps` (`from << 32 | to`).
    ///
    /// Searching from both ends at once and stopping when the two frontiers' smallest costs
    /// add up to the best meeting found settles far fewer nodes than one search.
    ///
    /// - Complexity: O((V + E) log V) at worst; usually a small part of the graph.
    func search(
        from source: Int, to target: Int, metric: PathMetric, blockedNodes: [Bool]?, blockedSteps: Set<Int64> = []
    ) -> RawPath? {
        let count = index.nodeCount
        guard source < count, target < count, source >= 0, target >= 0 else { return nil }
        if source == target { return RawPath(nodes: [source], slots: [], cost: .zero) }
        var best = [[Cost]](repeating: [Cost](repeating: .infinity, count: count), count: 2)
        var parentSlot = [[Int]](repeating: [Int](repeating: -1, count: count), count: 2)
        var parentNode = [[Int32]](repeating: [Int32](repeating: -1, count: count), count: 2)
        var done = [[Bool]](repeating: [Bool](repeating: false, count: count), count: 2)
        var heaps = [Heap<Entry>(), Heap<Entry>()]
        best[0][source] = .zero
        best[1][target] = .zero
        heaps[0].insert(Entry(cost: .zero, node: Int32(source)))
        heaps[1].insert(Entry(cost: .zero, node: Int32(target)))
        var bestTotal = Cost.infinity
        var meeting: (u: Int, v: Int, slot: Int)?  // forward node u, backward node v, joined by slot (u → v)
        let checkSteps = !blockedSteps.isEmpty
        func add(_ a: Cost, _ b: Cost) -> Cost { Cost(primary: a.primary + b.primary, secondary: a.secondary + b.secondary) }

        while let forwardTop = heaps[0].min, let backwardTop = heaps[1].min {
            if !(add(forwardTop.cost, backwardTop.cost) < bestTotal) { break }
            let side =
                forwardTop.cost < backwardTop.cost || (forwardTop.cost == backwardTop.cost && forwardTop.node <= backwardTop.node) ? 0 : 1
            guard let entry = heaps[side].popMin() else { break }
            let u = Int(entry.node)
            if done[side][u] { continue }
            done[side][u] = true
            let other = 1 - side
            for slot in index.row(u) {
                let v = Int(index.neighbors[slot])
                if let blockedNodes, blockedNodes[v] { continue }
                if checkSteps {
                    let step = side == 0 ? Int64(u) << 32 | Int64(v) : Int64(v) << 32 | Int64(u)
                    if blockedSteps.contains(step) { continue }
                }
                let next = step(slot, after: entry.cost, metric)
                if !done[side][v], next < best[side][v] {
                    best[side][v] = next
                    parentSlot[side][v] = slot
                    parentNode[side][v] = Int32(u)
                    heaps[side].insert(Entry(cost: next, node: Int32(v)))
                }
                if best[other][v] < .infinity {
                    let total = add(next, best[other][v])
                    if total < bestTotal {
                        bestTotal = total
                        meeting = side == 0 ? (u, v, slot) : (v, u, slot)
                    }
                }
            }
        }
        guard let meeting else { return nil }
        // Forward half: source … meeting.u; then the joining slot; then meeting.v … target.
        var forwardNodes = [meeting.u]
        var forwardSlots: [Int] = []
        var cursor = meeting.u
        while cursor != source {
            forwardSlots.append(parentSlot[0][cursor])
            cursor = Int(parentNode[0][cursor])
            forwardNodes.append(cursor)
        }
        var nodes = Array(forwardNodes.reversed())
        var slots = Array(forwardSlots.reversed())
        slots.append(meeting.slot)
        cursor = meeting.v
        nodes.append(cursor)
        while cursor != target {
            // The backward parent slot is stored from the parent's row; find this node's row slot.
            let parent = Int(parentNode[1][cursor])
            slots.append(slotBetween(cursor, parent, matching: parentSlot[1][cursor]))
            cursor = parent
            nodes.append(cursor)
        }
        // Recompute the cost along the path so it is exactly the forward sum.
        var cost = Cost.zero
        for slot in slots { cost = step(slot, after: cost, metric) }
        return RawPath(nodes: nodes, slots: slots, cost: cost)
    }

    /// The slot in `from`'s row that leads to `to`; rows are sorted by neighbour, so this
    /// is a binary search.
    ///
    /// `hint` is the reverse slot (in `to`'s row), whose weight is the same.
    func slotBetween(_ from: Int, _ to: Int, matching hint: Int) -> Int {
        var low = index.offsets[from]
        var high = index.offsets[from + 1]
        let wanted = Int32(to)
        while low < high {
            let mid = (low + high) / 2
            if index.neighbors[mid] < wanted { low = mid + 1 } else { high = mid }
        }
        return low < index.offsets[from + 1] && index.neighbors[low] == wanted ? low : hint
    }

    func blockedMask(_ nodes: Set<Int>) -> [Bool]? {
        guard !nodes.isEmpty else { return nil }
        var mask = [Bool](repeating: false, count: index.nodeCount)
        for node in nodes where node >= 0 && node < mask.count { mask[node] = true }
        return mask
    }

    /// The shortest path from `source` to `target` (node indices), or `nil` when none exists.
    ///
    /// - Parameters:
    ///   - avoiding: nodes the path must not pass through.
    /// - Complexity: O((V + E) log V).
    public func shortestPath(from source: Int, to target: Int, by metric: PathMetric, avoiding: Set<Int> = []) -> GraphPath? {
        if avoiding.contains(source) || avoiding.contains(target) { return nil }
        return search(from: source, to: target, metric: metric, blockedNodes: blockedMask(avoiding)).map { make($0, metric) }
    }

    /// The shortest loopless path from `source` to `target` that passes through `via`.
    ///
    /// The two legs are found one after the other; the second may not revisit the first.
    /// - Complexity: two Dijkstra runs.
    public func shortestPath(from source: Int, to target: Int, via: Int, by metric: PathMetric, avoiding: Set<Int> = []) -> GraphPath? {
        guard !avoiding.contains(via),
            let first = search(from: source, to: via, metric: metric, blockedNodes: blockedMask(avoiding.union([target])))
        else { return nil }
        let used = avoiding.union(first.nodes.dropLast())
        guard let second = search(from: via, to: target, metric: metric, blockedNodes: blockedMask(used)) else { return nil }
        let cost = Cost(primary: first.cost.primary + second.cost.primary, secondary: first.cost.secondary + second.cost.secondary)
        return make(RawPath(nodes: first.nodes + second.nodes.dropFirst(), slots: first.slots + second.slots, cost: cost), metric)
    }

    /// The `k` shortest loopless paths, best first (Yen's algorithm, with the shortest-path
    /// tree towards the target reused for the spur paths).
    ///
    /// Plain Yen runs a Dijkstra search from every node of the last accepted path, each
    /// clearing arrays as large as the graph: on a long path in a large graph that is the
    /// square of the graph's size (a 200,000-node ring took minutes). Here one Dijkstra from
    /// the target gives every node's distance to it and its next hop; a spur path is then the
    /// spur node's best allowed first step followed by that neighbour's tree path, which is
    /// optimal whenever the tree path avoids the root (its cost is a lower bound on every
    /// allowed continuation). Only when it does not is a blocked search run, as in plain Yen.
    /// Root prefixes are compared once per accepted path, not once per spur node.
    ///
    /// - Complexity: one full Dijkstra, then per accepted path O(L · d + t) for a path of L
    ///   nodes of degree about d and tree paths of t nodes walked, plus a blocked search for
    ///   each spur node whose best continuation runs into the root.
    public func kShortestPaths(from source: Int, to target: Int, k: Int, by metric: PathMetric, avoiding: Set<Int> = []) -> [GraphPath] {
        guard k > 0, !avoiding.contains(source), !avoiding.contains(target),
            let first = search(from: source, to: target, metric: metric, blockedNodes: blockedMask(avoiding))
        else { return [] }
        if k == 1 || first.nodes.count < 2 { return [make(first, metric)] }
        let tree = treeTowards(target, metric: metric, avoiding: avoiding)
        var mask = [Bool](repeating: false, count: index.nodeCount)
        for node in avoiding where node >= 0 && node < mask.count { mask[node] = true }
        var accepted = [first]
        var seen: Set<[Int]> = [first.nodes]
        var candidates: [RawPath] = []
        while accepted.count < k, let last = accepted.last {
            // How long a prefix each accepted path shares with the last one.
            let shared = accepted.map { path in zip(path.nodes, last.nodes).prefix { $0 == $1 }.count }
            var rooted: [Int] = []  // root nodes marked in `mask`, unmarked after this path
            for spurIndex in 0..<(last.nodes.count - 1) {
                let spur = last.nodes[spurIndex]
                if spurIndex > 0 {
                    let previous = last.nodes[spurIndex - 1]
                    if !mask[previous] {
                        mask[previous] = true
                        rooted.append(previous)
                    }
                }
                var blockedNext = Set<Int>()
                for (position, path) in accepted.enumerated() where shared[position] > spurIndex && path.nodes.count > spurIndex + 1 {
                    blockedNext.insert(path.nodes[spurIndex + 1])
                }
                guard let spurPath = spurPath(from: spur, to: target, tree: tree, mask: &mask, blockedNext: blockedNext, metric)
                else { continue }
                let rootSlots = Array(last.slots[0..<spurIndex])
                var cost = Cost.zero
                for slot in rootSlots + spurPath.slots { cost = step(slot, after: cost, metric) }
                let candidate = RawPath(nodes: last.nodes[0..<spurIndex] + spurPath.nodes, slots: rootSlots + spurPath.slots, cost: cost)
                if seen.insert(candidate.nodes).inserted { candidates.append(candidate) }
            }
            for node in rooted { mask[node] = false }
            guard
                let bestIndex = candidates.indices.min(by: { lhs, rhs in
                    let a = candidates[lhs]
                    let b = candidates[rhs]
                    return a.cost != b.cost ? a.cost < b.cost : a.nodes.lexicographicallyPrecedes(b.nodes)
                })
            else { break }
            accepted.append(candidates.remove(at: bestIndex))
        }
        return accepted.map { make($0, metric) }
    }

    /// Every node's distance to one node and its next hop (slot) towards it.
    struct PathTree {
        var distance: [Cost]
        var nextSlot: [Int]
    }

    /// One Dijkstra from `target` over the whole graph, never entering `avoiding`.
    ///
    /// - Complexity: O((V + E) log V).
    func treeTowards(_ target: Int, metric: PathMetric, avoiding: Set<Int>) -> PathTree {
        let count = index.nodeCount
        var distance = [Cost](repeating: .infinity, count: count)
        var nextSlot = [Int](repeating: -1, count: count)
        var done = [Bool](repeating: false, count: count)
        var heap = Heap<Entry>()
        distance[target] = .zero
        heap.insert(Entry(cost: .zero, node: Int32(target)))
        while let entry = heap.popMin() {
            let u = Int(entry.node)
            if done[u] { continue }
            done[u] = true
            for slot in index.row(u) {
                let v = Int(index.neighbors[slot])
                if done[v] || avoiding.contains(v) { continue }
                let next = step(slot, after: entry.cost, metric)
                if next < distance[v] {
                    distance[v] = next
                    // The tree is walked from v towards the target: store v's own slot to u.
                    nextSlot[v] = slotBetween(v, u, matching: slot)
                    heap.insert(Entry(cost: next, node: Int32(v)))
                }
            }
        }
        return PathTree(distance: distance, nextSlot: nextSlot)
    }

    /// The shortest path from `spur` to `target` that enters no node marked in `mask` and
    /// does not step first to a node in `blockedNext`.
    ///
    /// It is the best first step and its tree path when that tree path is clear of `mask`,
    /// else the result of a blocked search; `mask` is left as it was.
    func spurPath(
        from spur: Int, to target: Int, tree: PathTree, mask: inout [Bool], blockedNext: Set<Int>, _ metric: PathMetric
    ) -> RawPath? {
        var bestSlot = -1
        var bestBound = Cost.infinity
        for slot in index.row(spur) {
            let v = Int(index.neighbors[slot])
            if v == spur || mask[v] || blockedNext.contains(v) || !(tree.distance[v] < .infinity) { continue }
            let first = step(slot, after: .zero, metric)
            let bound = Cost(primary: first.primary + tree.distance[v].primary, secondary: first.secondary + tree.distance[v].secondary)
            if bound < bestBound || (bound == bestBound && bestSlot >= 0 && v < Int(index.neighbors[bestSlot])) {
                bestBound = bound
                bestSlot = slot
            }
        }
        guard bestSlot >= 0 else { return nil }
        var nodes = [spur, Int(index.neighbors[bestSlot])]
        var slots = [bestSlot]
        var clear = true
        var cursor = nodes[1]
        while cursor != target {
            let slot = tree.nextSlot[cursor]
            let next = Int(index.neighbors[slot])
            if next == spur || mask[next] {
                clear = false
                break
            }
            nodes.append(next)
            slots.append(slot)
            cursor = next
        }
        if clear { return RawPath(nodes: nodes, slots: slots, cost: bestBound) }
        var blockedSteps = Set<Int64>()
        for next in blockedNext { blockedSteps.insert(Int64(spur) << 32 | Int64(next)) }
        return search(from: spur, to: target, metric: metric, blockedNodes: mask, blockedSteps: blockedSteps)
    }

    func make(_ raw: RawPath, _ metric: PathMetric) -> GraphPath {
        let graph = index.graph
        var hops: [PathHop] = []
        for (position, slot) in raw.slots.enumerated() {
            let edge = graph.edges[Int(index.edgeIndices[slot])]
            hops.append(
                PathHop(
                    from: graph.nodes[raw.nodes[position]], to: graph.nodes[raw.nodes[position + 1]], edge: edge,
                    evidence: edge.evidence.first))
        }
        return GraphPath(
            nodeIndices: raw.nodes, nodes: raw.nodes.map { graph.nodes[$0] }, hops: hops, cost: raw.cost.primary,
            metric: metric)
    }
}
