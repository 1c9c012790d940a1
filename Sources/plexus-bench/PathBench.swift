import ArgumentParser
import Foundation
import PlexusGraph

/// `plexus-bench paths`: k shortest paths on rings (few loopless paths, long ones: the worst
/// case for Yen's algorithm) of growing size, and on a real graph, so that the time can be
/// seen to grow about linearly with the graph.
struct PathBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paths",
        abstract: "Time k shortest loopless paths on rings of growing size and on a real graph (release build).",
        discussion: """
            A ring of N people has exactly two loopless paths between two of them; the first \
            goes a third of the way round. Prints, per size, the time for k = 1, 3 and 5 and the \
            time per node, which stays about flat when the cost is linear in the graph.
            """
    )

    @Option(parsing: .upToNextOption, help: "Ring sizes.") var rings: [Int] = [20_000, 50_000, 200_000]
    @Option(help: "Also time k = 5 between random pairs of this graph.json.") var graph: String?
    @Option(help: "Random pairs on the real graph.") var pairs = 20

    func run() throws {
        print("ring nodes   k=1        k=3        k=5        k=5 per node")
        for size in rings where size >= 3 {
            let ids = (0..<size).map { String(format: "p%07d", $0) }
            let ring = Graph(
                nodes: ids.map { Node(id: $0, label: $0, type: .person) },
                edges: (0..<size).map { i in
                    let a = ids[i]
                    let b = ids[(i + 1) % size]
                    return Edge(source: min(a, b), target: max(a, b), kind: .coMention, weight: 1 + i % 3)
                })
            let finder = PathFinder(GraphIndex(ring))
            var times: [Double] = []
            for k in [1, 3, 5] {
                let start = DispatchTime.now().uptimeNanoseconds
                let found = finder.kShortestPaths(from: 0, to: size / 3, k: k, by: .strength)
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
                guard found.count == min(k, 2) else { throw ValidationError("ring of \(size): \(found.count) paths for k = \(k)") }
            }
            print(
                String(
                    format: "%10d   %7.3f s  %7.3f s  %7.3f s  %6.2f µs", size, times[0], times[1], times[2], times[2] / Double(size) * 1e6)
            )
        }
        if let graph {
            let loaded = try GraphCodec.read(from: graph)
            let finder = PathFinder(GraphIndex(loaded))
            var generator = SystemRandomNumberGenerator()
            var times: [Double] = []
            for _ in 0..<pairs {
                let a = Int.random(in: 0..<loaded.nodes.count, using: &generator)
                let b = Int.random(in: 0..<loaded.nodes.count, using: &generator)
                let start = DispatchTime.now().uptimeNanoseconds
                _ = finder.kShortestPaths(from: a, to: b, k: 5, by: .strength)
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            }
            times.sort()
            print(
                String(
                    format: "%@ (%d nodes): k=5 median %.3f s, max %.3f s over %d random pairs", graph, loaded.nodes.count,
                    times[times.count / 2], times.last ?? 0, pairs))
        }
    }
}
