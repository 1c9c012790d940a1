import ArgumentParser
import Foundation
import GraphExport
import PlexusGraph

/// `plexus path`: how two entities are connected, hop by hop, with the sentences.
struct PathCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "Show how two entities are connected, each hop with a sentence that connects its ends.",
        discussion: "Names match a label, an id or any alias, ignoring case; one word of a single label also works."
    )

    @Argument(help: "Where the path starts.")
    var from: String

    @Argument(help: "Where the path ends.")
    var to: String

    @OptionGroup var graphOptions: GraphOptions

    @Option(name: .long, help: "hops (fewest edges) or strength (distance 1/weight, strong ties are short).")
    var by: PathMetric = .strength

    @Option(name: .long, help: "Show the N best loopless paths (Yen's algorithm).")
    var k: Int = 1

    @Option(name: .long, help: "The path must pass through this entity.")
    var via: String?

    @Option(name: .long, help: "The path must not pass through this entity (repeatable).")
    var avoid: [String] = []

    @Flag(name: .long, help: "Show every hop's evidence: up to three sentences, with document title and date.")
    var explain = false

    @Option(name: .long, help: "Also draw the path with its one-hop neighbourhood faded behind it (.svg, .png or .pdf).")
    var render: String?

    @Option(name: .long, help: "table or json.")
    var format: OutputStyle = .table

    func validate() throws {
        guard (1...100).contains(k) else { throw ValidationError("--k must be between 1 and 100") }
        if let render, OutputFormat(pathExtensionOf: render).map({ $0 == .html }) ?? true {
            throw ValidationError("--render must end in .svg, .png, .pdf or .dot (an HTML page of the whole graph is `plexus view`)")
        }
        if k > 1 && via != nil { throw ValidationError("--k and --via cannot be combined") }
    }

    struct HopRow: Encodable {
        var from: String
        var to: String
        var kind: String
        var polarity: String?
        var weight: Int
        var evidence: [EvidenceRow]
    }

    struct EvidenceRow: Encodable {
        var document: String
        var path: String?
        var title: String?
        var date: String?
        var sentence: Int
        var text: String
    }

    struct PathRow: Encodable {
        var rank: Int
        var from: String
        var to: String
        var metric: String
        var cost: Double
        var nodes: [String]
        var hops: [HopRow]
    }

    func run() async throws {
        let loaded = try await graphOptions.load()
        let source = try loaded.lookup(from)
        let target = try loaded.lookup(to)
        let avoided = Set(try avoid.map { try loaded.lookup($0) })
        let finder = PathFinder(loaded.index)
        var paths: [GraphPath]
        if let via {
            paths = finder.shortestPath(from: source, to: target, via: try loaded.lookup(via), by: by, avoiding: avoided).map { [$0] } ?? []
        } else if k > 1 {
            paths = finder.kShortestPaths(from: source, to: target, k: k, by: by, avoiding: avoided)
        } else {
            paths = finder.shortestPath(from: source, to: target, by: by, avoiding: avoided).map { [$0] } ?? []
        }
        guard !paths.isEmpty else {
            let graph = loaded.graph
            throw UserError(QueryError.noPath(from: graph.nodes[source].label, to: graph.nodes[target].label).description)
        }
        let documents = Dictionary(loaded.graph.documents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let rows = paths.enumerated().map { rank, path in
            PathRow(
                rank: rank + 1, from: path.nodes.first?.label ?? from, to: path.nodes.last?.label ?? to, metric: by.rawValue,
                cost: path.cost, nodes: path.nodes.map(\.label),
                hops: path.hops.map { hop in
                    let evidence = explain ? Array(hop.edge.evidence.prefix(3)) : Array(hop.edge.evidence.prefix(1))
                    return HopRow(
                        from: hop.from.label, to: hop.to.label, kind: hop.edge.kind.rawValue, polarity: hop.edge.polarity?.rawValue,
                        weight: hop.edge.weight,
                        evidence: evidence.map {
                            let document = documents[$0.document]
                            return EvidenceRow(
                                document: $0.document, path: document?.path, title: document?.title, date: document?.date,
                                sentence: $0.sentence, text: $0.text)
                        })
                })
        }
        switch format {
        case .json:
            print(try Summary.json(rows.count == 1 && k == 1 ? AnyEncodable(rows[0]) : AnyEncodable(rows)))
        case .table:
            for row in rows { printTable(row, ranked: rows.count > 1) }
        }
        if let render {
            try await draw(paths[0], in: loaded, to: render)
        }
    }

    func printTable(_ row: PathRow, ranked: Bool) {
        let hopCount = row.hops.count
        let cost = by == .strength ? String(format: ", distance %.3f", row.cost) : ""
        print(
            (ranked ? "#\(row.rank) " : "") + "\(row.from) → \(row.to): \(hopCount) hop\(hopCount == 1 ? "" : "s") by \(by.rawValue)\(cost)"
        )
        for (number, hop) in row.hops.enumerated() {
            let relation = hop.polarity.map { "\($0)s" } ?? hop.kind
            print("  \(number + 1). \(hop.from) — \(hop.to)  (\(relation), \(hop.weight) sentence\(hop.weight == 1 ? "" : "s"))")
            for evidence in hop.evidence {
                var source = evidence.path ?? evidence.document
                if explain {
                    let about = [evidence.title.map { "\"\($0)\"" }, evidence.date].compactMap { $0 }.joined(separator: ", ")
                    if !about.isEmpty { source += " (\(about))" }
                }
                print("     \(source), sentence \(evidence.sentence): \(evidence.text)")
            }
        }
    }

    func draw(_ path: GraphPath, in loaded: LoadedGraph, to file: String) async throws {
        let format: OutputFormat
        do { format = try OutputFormat.resolve(given: nil, path: file) } catch { throw UserError("--render: \(error)") }
        let view = PathView(path: path.nodes.map(\.id), neighbours: 3)
        let subgraph = view.select(from: loaded.graph)
        var writer = DOTWriter(
            layout: .neato, title: "\(path.nodes.first?.label ?? "") → \(path.nodes.last?.label ?? "")",
            subtitle: "\(path.hops.count) hops by \(by.rawValue) · faded: their strongest neighbours")
        writer.emphasis = Set(path.nodes.map(\.id))
        do {
            try await DiagramWriter.renderFile(dot: writer.write(subgraph), layout: .neato, format: format, to: file)
        } catch {
            throw UserError("\(error)")
        }
        Summary.warn("note: wrote \(file)")
    }
}

/// Encodes any encodable value (one path or a list of them).
struct AnyEncodable: Encodable {
    let value: any Encodable
    init(_ value: any Encodable) { self.value = value }
    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}
