import ArgumentParser
import Corpus
import EntityRecognition
import Foundation
import PlexusGraph
import PlexusSupport
import RelationExtraction

/// `plexus-bench`: benchmark figures, release build, one core.
@main
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plexus-bench",
        abstract: "Benchmarks: graph queries (graph) and tagging throughput (tagger).",
        subcommands: [GraphBench.self, TaggerBench.self, ParserBench.self, RenderBench.self, PathBench.self, CorpusBench.self],
        defaultSubcommand: GraphBench.self
    )
}

/// `plexus-bench graph`: figures for the graph queries, on a synthetic graph and on a real one.
struct GraphBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Time graph loading and queries (release build, one core).",
        discussion: """
            Generates a synthetic graph (heavy-tailed degrees, fixed seed), writes it as graph.json and \
            as a tab-separated edge list for the networkx comparison (scripts/bench_networkx.py), then \
            times: loading graph.json, indexing, shortest paths by strength (median of --queries random \
            pairs), k = 5 paths, PageRank, Louvain communities and betweenness from 1,000 sampled sources.
            """
    )

    @Option(help: "Nodes in the synthetic graph.") var nodes = 100_000
    @Option(help: "Edges in the synthetic graph.") var edges = 1_000_000
    @Option(help: "Random seed.") var seed: UInt64 = 7
    @Option(help: "Folder for the generated files (kept, so networkx can read them).") var work = "/tmp/plexus-bench"
    @Option(help: "Random pairs for the path query median.") var queries = 50
    @Option(help: "Sources for sampled betweenness.") var samples = 1_000
    @Option(help: "Also time the queries on this graph.json (e.g. the news corpus graph).") var graph: String?
    @Flag(help: "Skip betweenness (the slowest step).") var skipBetweenness = false

    func run() throws {
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        let jsonPath = work + "/synthetic.json"
        let started = Date()
        let synthetic = SyntheticGraph.make(nodes: nodes, edges: edges, seed: seed)
        print(String(format: "generate   %8.2f s   %d nodes, %d edges, seed %llu", Date().timeIntervalSince(started), nodes, edges, seed))
        try GraphCodec.write(synthetic, to: jsonPath)
        var tsv = "source\ttarget\tweight\n"
        tsv.reserveCapacity(edges * 24)
        for edge in synthetic.edges { tsv += "\(edge.source)\t\(edge.target)\t\(edge.weight)\n" }
        try AtomicFile.write(tsv, to: work + "/synthetic.tsv")
        let size = (try? FileManager.default.attributesOfItem(atPath: jsonPath)[.size] as? Int) ?? 0
        print("files      \(jsonPath) (\(size / 1_000_000) MB), \(work)/synthetic.tsv")
        try measure(path: jsonPath, name: "synthetic")
        if let graph { try measure(path: graph, name: (graph as NSString).lastPathComponent) }
    }

    func measure(path: String, name: String) throws {
        print("== \(name)")
        let (graph, load) = try timed { try GraphCodec.read(from: path) }
        report("load", load, "\(graph.nodes.count) nodes, \(graph.edges.count) edges")
        let (index, indexing) = timed { GraphIndex(graph) }
        report("index", indexing, "")
        let finder = PathFinder(index)
        var generator = SeededGenerator(seed: 99)
        let n = index.nodeCount
        var pathTimes: [Double] = []
        var found = 0
        for _ in 0..<queries {
            let a = Int.random(in: 0..<n, using: &generator)
            let b = Int.random(in: 0..<n, using: &generator)
            let (path, time) = timed { finder.shortestPath(from: a, to: b, by: .strength) }
            if path != nil { found += 1 }
            pathTimes.append(time)
        }
        report(
            "path", median(pathTimes),
            "median of \(queries) random pairs by strength (\(found) connected), max \(format(pathTimes.max() ?? 0))")
        var kTimes: [Double] = []
        for _ in 0..<max(3, queries / 10) {
            let a = Int.random(in: 0..<n, using: &generator)
            let b = Int.random(in: 0..<n, using: &generator)
            kTimes.append(timed { finder.kShortestPaths(from: a, to: b, k: 5, by: .strength) }.1)
        }
        report("k=5 paths", median(kTimes), "median of \(kTimes.count) random pairs, max \(format(kTimes.max() ?? 0))")
        report("pagerank", timed { index.pageRank() }.1, "")
        let (communities, communityTime) = timed { index.communities() }
        report("communities", communityTime, String(format: "%d communities, modularity %.3f", communities.count, communities.modularity))
        if !skipBetweenness {
            let (scores, time) = timed { index.centrality(.betweenness, samples: samples) }
            report("betweenness", time, scores.isSampled ? "\(scores.sources ?? 0) sampled sources" : "exact")
        }
    }

    func timed<T>(_ work: () throws -> T) rethrows -> (T, Double) {
        let start = DispatchTime.now().uptimeNanoseconds
        let value = try work()
        return (value, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }

    func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    func format(_ seconds: Double) -> String {
        seconds < 1 ? String(format: "%.1f ms", seconds * 1000) : String(format: "%.2f s", seconds)
    }

    func report(_ step: String, _ seconds: Double, _ detail: String) {
        print(step.padding(toLength: 11, withPad: " ", startingAt: 0) + format(seconds).leftPadded(10) + "   " + detail)
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
