import EntityRecognition
import Foundation
import PlexusGraph
import PlexusSupport
import RelationExtraction

/// A random graph with heavy-tailed degrees (Chung–Lu model), for benchmarks.
///
/// Node i gets an expected degree proportional to (i + 1)^(−1/(γ−1)) with γ = 2.3, so a
/// few hubs have thousands of neighbours and most nodes have a handful, as in news graphs.
/// Edge weights are 1 plus a geometric count (mean about 2). The same seed gives the same graph.
enum SyntheticGraph {
    static func make(nodes: Int, edges: Int, seed: UInt64) -> Graph {
        var generator = SeededGenerator(seed: seed)
        let exponent = 1.0 / (2.3 - 1.0)
        var cumulative = [Double](repeating: 0, count: nodes)
        var total = 0.0
        for i in 0..<nodes {
            total += pow(Double(i + 1), -exponent)
            cumulative[i] = total
        }
        func pick() -> Int {
            let target = Double.random(in: 0..<total, using: &generator)
            var low = 0
            var high = nodes - 1
            while low < high {
                let mid = (low + high) / 2
                if cumulative[mid] < target { low = mid + 1 } else { high = mid }
            }
            return low
        }
        // Shuffle ids so hubs are not all at the start of the sorted node list.
        var ids = Array(0..<nodes)
        ids.shuffle(using: &generator)
        let width = String(nodes).count
        func id(_ i: Int) -> String {
            let digits = String(ids[i])
            return "n" + String(repeating: "0", count: width - digits.count) + digits
        }
        var seen = Set<Int64>()
        seen.reserveCapacity(edges)
        var list: [Edge] = []
        list.reserveCapacity(edges)
        while list.count < edges {
            let a = pick()
            let b = pick()
            guard a != b else { continue }
            let (x, y) = (id(a), id(b))
            let (source, target) = x < y ? (x, y) : (y, x)
            let key = Int64(min(ids[a], ids[b])) << 32 | Int64(max(ids[a], ids[b]))
            guard seen.insert(key).inserted else { continue }
            var weight = 1
            while Double.random(in: 0..<1, using: &generator) < 0.5 { weight += 1 }
            list.append(Edge(source: source, target: target, kind: .coMention, weight: weight))
        }
        list.sort { ($0.source, $0.target) < ($1.source, $1.target) }
        let nodeList = (0..<nodes).map { Node(id: id($0), label: "Entity \(id($0))", type: .person, mentions: 1, documents: 1) }
            .sorted { $0.id < $1.id }
        return Graph(documents: [], nodes: nodeList, edges: list)
    }
}
