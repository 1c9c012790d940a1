import ArgumentParser
import Foundation
import PlexusGraph

/// `plexus top`: the most central entities.
struct TopCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "top",
        abstract: "Rank entities by degree, weighted degree, PageRank or betweenness.",
        discussion:
            "Betweenness uses distance 1/weight; it is exact up to 5,000 nodes and estimated from 1,000 sampled sources above, as the output says."
    )

    @OptionGroup var graphOptions: GraphOptions

    @Option(name: .long, help: "degree, weighted-degree, pagerank or betweenness.")
    var by: CentralityMeasure = .weightedDegree

    @Option(name: .long, help: "Only entities of this type (person, country, organisation, location, topic).")
    var type: EntityType?

    @Option(name: [.customLong("top"), .customLong("n")], help: "How many to list (--n is the same).")
    var top: Int = 20

    @Option(name: .long, help: "table or json.")
    var format: OutputStyle = .table

    func validate() throws {
        guard top >= 1 else { throw ValidationError("--top must be at least 1") }
    }

    struct Row: Encodable {
        var rank: Int
        var label: String
        var type: String
        var score: Double
        var mentions: Int
    }

    struct Report: Encodable {
        var measure: String
        var sampled: Bool
        var sources: Int?
        var nodes: Int
        var entities: [Row]
    }

    func run() async throws {
        let loaded = try await graphOptions.load()
        let scores = loaded.index.centrality(by)
        let nodes = loaded.graph.nodes
        let ranked = nodes.indices.filter { type == nil || nodes[$0].type == type }.sorted { lhs, rhs in
            scores.scores[lhs] != scores.scores[rhs] ? scores.scores[lhs] > scores.scores[rhs] : nodes[lhs].id < nodes[rhs].id
        }.prefix(top)
        let rows = ranked.enumerated().map { position, node in
            Row(
                rank: position + 1, label: nodes[node].label, type: nodes[node].type.rawValue, score: scores.scores[node],
                mentions: nodes[node].mentions)
        }
        switch format {
        case .json:
            print(
                try Summary.json(
                    Report(measure: by.rawValue, sampled: scores.isSampled, sources: scores.sources, nodes: nodes.count, entities: rows)))
        case .table:
            var heading = "Top \(rows.count) by \(by.rawValue)" + (type.map { " (\($0.rawValue))" } ?? "")
            if by == .betweenness, let sources = scores.sources {
                heading +=
                    scores.isSampled
                    ? ", estimated from \(sources) sampled sources of \(nodes.count) nodes" : ", exact over \(sources) nodes"
            }
            print(heading)
            for row in rows {
                let score =
                    by == .degree
                    ? String(Int(row.score))
                    : (by == .weightedDegree ? String(format: "%.0f", row.score) : String(format: "%.6f", row.score))
                print("  " + Summary.pad("\(row.rank).", 5) + Summary.pad(row.label, 32) + Summary.pad(row.type, 14) + score)
            }
        }
    }
}
