import ArgumentParser
import Corpus
import Foundation
import GraphExport
import PlexusGraph
import PlexusSupport

/// `plexus export`: the graph in formats other graph tools open.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the graph as GraphML, GEXF, node-link JSON, Cytoscape.js JSON, CSV or Cypher.",
        discussion: "Every node and edge attribute is kept. CSV writes two files: PREFIX-nodes.csv and PREFIX-edges.csv."
    )

    @OptionGroup var graphOptions: GraphOptions

    @Option(name: .long, help: "graphml, gexf, json, cytoscape, csv or cypher.")
    var format: GraphFileFormat

    @Option(name: .long, help: "File to write (for csv, the prefix of the two files).")
    var out: String

    func run() async throws {
        let loaded = try await graphOptions.load()
        // The shared filters apply to exports too; every edge they allow is written, a stance
        // edge beside a co-mention edge of the same pair included.
        let graph = loaded.graph.keepingEdges(graphOptions.kind, minWeight: graphOptions.minWeight)
        var written: [String] = []
        for file in format.files(for: graph) {
            var path = out
            if format == .csv {
                path = (out.hasSuffix(".csv") ? String(out.dropLast(4)) : out) + file.suffix
            }
            do {
                try AtomicFile.write(file.text, to: path)
            } catch {
                throw UserError("\(error)")
            }
            written.append(path)
        }
        print("Wrote " + written.joined(separator: ", ") + " (\(graph.nodes.count) nodes, \(graph.edges.count) edges)")
    }
}

extension GraphFileFormat: ExpressibleByArgument {}
