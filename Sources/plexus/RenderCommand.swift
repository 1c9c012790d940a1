import ArgumentParser
import Corpus
import Foundation
import GraphExport
import RelationGraph

/// `plexus render`: draw an existing graph.json again.
struct RenderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw an existing graph as SVG, PNG, PDF or DOT through Graphviz."
    )

    @OptionGroup var graphOptions: GraphOptions

    @Option(name: .long, help: "svg, png, pdf or dot.")
    var format: OutputFormat = .svg

    @Option(name: .long, help: "File to write (default: next to the graph, named after the format).")
    var out: String?

    @OptionGroup var diagram: DiagramOptions

    @Flag(name: .long, help: "Colour entities by community (Louvain) instead of by type.")
    var communities = false

    func run() async throws {
        let loaded = try graphOptions.load()
        let graph = loaded.graph
        let folder = (graphOptions.graph as NSString).deletingLastPathComponent
        let target = out ?? (folder.isEmpty ? "graph.\(format.rawValue)" : (folder as NSString).appendingPathComponent("graph.\(format.rawValue)"))
        let corpus = graph.documents.first.map { ($0.path as NSString).deletingLastPathComponent } ?? graphOptions.graph
        var writer = diagram.writer(for: graph, corpus: corpus)
        if communities {
            let assignment = loaded.index.communities()
            writer.communities = Dictionary(
                uniqueKeysWithValues: graph.nodes.enumerated().map { ($0.element.id, assignment.community[$0.offset]) })
        }
        do {
            let (text, engine) = writer.dot(for: graph)
            let data = try await GraphvizRenderer.shared.render(dot: text, layout: engine, format: format, dpi: diagram.dpi)
            try AtomicFile.write(format == .pdf ? DiagramWriter.reproducible(pdf: data) : data, to: target)
        } catch {
            Summary.warn("error: \(error)")
            throw ExitCode(1)
        }
        print("Wrote \(target)")
    }
}
