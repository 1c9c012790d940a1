/// A 4-ary min-heap of (distance, node) pairs for the betweenness inner loop.
///
/// Written by hand because swift-collections' `Heap` is a min-max heap that does extra
/// comparisons per level, which measured slower in this loop (docs/DESIGN-NOTES.md).
/// Push and pop cost O(log₄ n).
struct DistanceHeap {
    private var keys: [Double] = []
    private var nodes: [Int32] = []

    var isEmpty: Bool { keys.isEmpty }

    mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
        nodes.removeAll(keepingCapacity: true)
    }

    mutating func push(_ key: Double, _ node: Int32) {
        keys.append(key)
        nodes.append(node)
        var child = keys.count - 1
        while child > 0 {
            let parent = (child - 1) >> 2
            if keys[parent] <= key { break }
            keys[child] = keys[parent]
            nodes[child] = nodes[parent]
            child = parent
        }
        keys[child] = key
        nodes[child] = node
    }

    /// Removes and returns the smallest pair (ties by insertion order are not guaranteed).
    mutating func pop() -> (key: Double, node: Int32)? {
        guard let topKey = keys.first, let topNode = nodes.first else { return nil }
        let lastKey = keys.removeLast()
        let lastNode = nodes.removeLast()
        let count = keys.count
        if count > 0 {
            var parent = 0
            while true {
                let first = parent << 2 + 1
                if first >= count { break }
                var smallest = first
                let end = min(first + 4, count)
                var child = first + 1
                while child < end {
                    if keys[child] < keys[smallest] { smallest = child }
                    child += 1
                }
                if keys[smallest] >= lastKey { break }
                keys[parent] = keys[smallest]
                nodes[parent] = nodes[smallest]
                parent = smallest
            }
            keys[parent] = lastKey
            nodes[parent] = lastNode
        }
        return (topKey, topNode)
    }
}
