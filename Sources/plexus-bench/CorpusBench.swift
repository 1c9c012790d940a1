import ArgumentParser
import Corpus
import Foundation
import PlexusGraph
import RelationExtraction

/// `plexus-bench corpus`: where a build's time goes, step by step, on a folder of articles.
struct CorpusBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpus",
        abstract: "Time each step of a build (read and clean, analyse, resolve, stances with parsing, assemble, write) on a corpus.",
        discussion: """
            Runs the steps `plexus build` runs, one after the other, with the shipped models, and \
            prints each step's wall time, CPU time and cores used (CPU over wall; 2.0 is both cores \
            of this machine busy), so a serial step stands out.
            """
    )

    @Argument(help: "Files or folders of articles (default: the whole news corpus).")
    var inputs: [String] = ["../shared/data/news-corpus"]

    func run() throws {
        var rows: [(String, Double, Double)] = []
        func step<T>(_ name: String, _ work: () throws -> T) rethrows -> T {
            let wall = Date()
            let cpu = Self.cpuSeconds()
            let value = try work()
            rows.append((name, Date().timeIntervalSince(wall), Self.cpuSeconds() - cpu))
            return value
        }
        let builder = try step("load models") { try GraphBuilder.shipped() }
        let loaded = step("read and clean") { CorpusLoader().load(paths: inputs) }
        let analyzed = step("analyse") { builder.analyze(loaded.documents) }
        let entities = step("resolve") { builder.resolve(analyzed) }
        let findings = step("stances (parsing)") { builder.readStances(analyzed, entities: entities) }
        let built = step("assemble") { builder.assemble(analyzed, entities: entities, findings: findings) }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("plexus-bench-corpus-\(getpid()).json")
        defer { try? FileManager.default.removeItem(at: output) }
        try step("write graph.json") { try GraphCodec.write(built.graph, to: output.path) }
        print("\(loaded.documents.count) documents, \(built.graph.nodes.count) entities, \(built.graph.edges.count) edges")
        print("step                  wall       CPU    cores")
        for (name, wall, cpu) in rows {
            print(
                name.padding(toLength: 18, withPad: " ", startingAt: 0)
                    + String(format: " %7.2f s %7.2f s %7.2f", wall, cpu, cpu / max(wall, 0.001)))
        }
        let wall = rows.reduce(0) { $0 + $1.1 }
        let cpu = rows.reduce(0) { $0 + $1.2 }
        print(
            "total".padding(toLength: 18, withPad: " ", startingAt: 0)
                + String(format: " %7.2f s %7.2f s %7.2f", wall, cpu, cpu / max(wall, 0.001)))
    }

    /// CPU seconds this process has used, user and system, over all threads.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}
