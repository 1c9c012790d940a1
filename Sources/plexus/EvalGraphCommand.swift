import ArgumentParser
import Corpus
import Foundation
import PlexusGraph
import PlexusSupport
import PlexusTraining
import RelationExtraction

/// `plexus eval-graph`: scores a graph against hand-annotated pages, as the project's scorer
/// does.
struct EvalGraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval-graph",
        abstract: "Score the graph of annotated articles: entities, key co-mention pairs and stance triples.",
        discussion: """
            Builds the graph of INPUT... with the default settings (or reads --graph) and compares \
            it with --gold, a file of annotated pages (format in the README, "Checking Plexus on \
            your own articles"): entity precision, recall, F1, split rate and false merges; the \
            share of key co-mention pairs found; stance precision and recall, with every wrong \
            and missed triple and its sentence. The matching rules are those of \
            ../shared/tools/graph-eval/score.py.
            """
    )

    @Option(name: .long, help: "The annotated pages (JSON).")
    var gold: String

    @Option(name: .long, help: "Score this graph.json instead of building one from INPUT.")
    var graph: String?

    @Argument(help: "The annotated articles (files or folders).")
    var inputs: [String] = []

    @Option(name: .long, help: "table or json.")
    var format: OutputStyle = .table

    func validate() throws {
        if (graph == nil) == inputs.isEmpty { throw ValidationError("give the articles or --graph FILE, not both") }
    }

    struct Report: Encodable {
        var entities: GraphScoring.EntityScores
        var pairs: GraphScoring.PairScores
        var stances: GraphScoring.StanceScores
    }

    func run() throws {
        let pages: GraphGold
        do { pages = try GraphGold(contentsOf: gold) } catch let error as GraphGold.ReadError { throw UserError(error.description) }
        let built: Graph
        if let graph {
            do { built = try GraphCodec.read(from: graph) } catch { throw UserError("\(graph): \(error)") }
        } else {
            let loaded = CorpusLoader().load(paths: inputs)
            for failure in loaded.failures { Summary.warn("error: \(failure)") }
            for warning in loaded.warnings { Summary.warn("warning: \(warning)") }
            guard !loaded.documents.isEmpty else { throw UserError("no articles could be read") }
            let builder: GraphBuilder
            do { builder = try GraphBuilder.shipped() } catch let error as ModelFileError { throw UserError(error.description) }
            built = builder.build(loaded.documents).graph
        }
        let scoring = GraphScoring(gold: pages)
        let report = Report(entities: scoring.entities(built), pairs: scoring.pairs(built), stances: scoring.stances(built))
        switch format {
        case .json: print(try Summary.json(report))
        case .table: printTable(report)
        }
    }

    func printTable(_ report: Report) {
        let e = report.entities
        print("entities: \(e.required) real (required), \(e.rightNodes + e.falsePositives.count) nodes of a counted type")
        print("  false positives (\(e.falsePositives.count)): \(e.falsePositives.joined(separator: ", "))")
        print("  missed (\(e.missed.count)): \(e.missed.joined(separator: ", "))")
        print(
            "  split (\(e.splits.count)): " + e.splits.sorted { $0.key < $1.key }.map { "\($0.key) <- \($0.value)" }.joined(separator: "; ")
        )
        print(
            "  false merges (\(e.falseMerges.count)): "
                + e.falseMerges.sorted { $0.key < $1.key }.map { "\($0.key) <- \($0.value)" }.joined(separator: "; "))
        print(
            String(
                format: "  entity P %.3f R %.3f F1 %.3f split-rate %.3f false-merges %d", e.precision, e.recall, e.f1, e.splitRate,
                e.falseMerges.count))
        let p = report.pairs
        print("key pairs: missing (\(p.missed.count)): \(p.missed.joined(separator: ", "))")
        print(String(format: "  key co-mention pairs found %d/%d = %.3f", p.found, p.total, p.recall))
        let s = report.stances
        print("stances: \(s.predicted) predicted triples, \(s.distinctGold) gold")
        print("  wrong (\(s.wrong.count)):")
        for triple in s.wrong { print("    \(triple)\n      \(triple.evidence ?? "")") }
        print("  missed (\(s.missed.count)):")
        for triple in s.missed { print("    \(triple)\n      \(triple.evidence ?? "")") }
        print(String(format: "  stance P %.3f R %.3f", s.precision, s.recall))
    }
}
