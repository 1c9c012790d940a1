import ArgumentParser
import RelationGraph

/// `plexus path`: how two entities are connected, hop by hop, with the sentences.
struct PathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "Show how two entities are connected, each hop with a sentence that connects its ends."
    )

    @Argument(help: "Where the path starts (label, id or alias; case does not matter).")
    var from: String

    @Argument(help: "Where the path ends.")
    var to: String

    @OptionGroup var graphOptions: GraphOptions

    @Option(name: .long, help: "hops (fewest edges) or strength (distance 1/weight, strong ties are short).")
    var by: PathMetric = .strength

    @Option(name: .long, help: "Edges to follow: co-mention, stance or any.")
    var kind: GraphIndex.KindFilter = .any

    @Option(name: .long, help: "table or json.")
    var format: OutputStyle = .table

    struct HopRow: Encodable {
        var from: String
        var to: String
        var kind: String
        var polarity: String?
        var weight: Int
        var evidence: EvidenceRow?
    }

    struct EvidenceRow: Encodable {
        var document: String
        var path: String?
        var sentence: Int
        var text: String
    }

    struct PathRow: Encodable {
        var from: String
        var to: String
        var metric: String
        var cost: Double
        var nodes: [String]
        var hops: [HopRow]
    }

    func run() throws {
        let graph = try graphOptions.load()
        let matcher = NameMatcher(graph)
        let source: Int
        let target: Int
        do {
            source = try matcher.lookup(from)
            target = try matcher.lookup(to)
        } catch let error as QueryError {
            throw UserError(error.description)
        }
        let finder = PathFinder(GraphIndex(graph, kinds: kind))
        guard let path = finder.shortestPath(from: source, to: target, by: by) else {
            Summary.warn("error: " + QueryError.noPath(from: graph.nodes[source].label, to: graph.nodes[target].label).description)
            throw ExitCode(1)
        }
        let paths = Dictionary(graph.documents.map { ($0.id, $0.path) }, uniquingKeysWith: { first, _ in first })
        let row = PathRow(
            from: path.nodes.first?.label ?? from, to: path.nodes.last?.label ?? to, metric: by.rawValue, cost: path.cost,
            nodes: path.nodes.map(\.label),
            hops: path.hops.map { hop in
                HopRow(
                    from: hop.from.label, to: hop.to.label, kind: hop.edge.kind.rawValue, polarity: hop.edge.polarity?.rawValue,
                    weight: hop.edge.weight,
                    evidence: hop.evidence.map {
                        EvidenceRow(document: $0.document, path: paths[$0.document], sentence: $0.sentence, text: $0.text)
                    })
            })
        switch format {
        case .json:
            print(try Summary.json(row))
        case .table:
            let hopCount = row.hops.count
            let cost = by == .strength ? String(format: ", distance %.3f", row.cost) : ""
            print("\(row.from) → \(row.to): \(hopCount) hop\(hopCount == 1 ? "" : "s") by \(by.rawValue)\(cost)")
            for (number, hop) in row.hops.enumerated() {
                let relation = hop.polarity.map { "\($0)s" } ?? hop.kind
                print("  \(number + 1). \(hop.from) — \(hop.to)  (\(relation), \(hop.weight) sentence\(hop.weight == 1 ? "" : "s"))")
                if let evidence = hop.evidence {
                    print("     \(evidence.path ?? evidence.document), sentence \(evidence.sentence): \(evidence.text)")
                }
            }
        }
    }
}

import Foundation
