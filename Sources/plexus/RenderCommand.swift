import ArgumentParser
import Corpus
import Foundation
import GraphExport
import PlexusGraph

/// `plexus render`: draw an existing graph.json again.
struct RenderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw an existing graph as SVG, PNG, PDF, DOT or an interactive HTML page through Graphviz."
    )

    @OptionGroup var graphOptions: GraphOptions

    @Option(name: .long, help: "svg, png, pdf, dot or html (default: the one --out's name ends in, else svg).")
    var format: OutputFormat?

    @Option(name: .long, help: "File to write (default: render.FORMAT next to the graph, numbered so nothing is overwritten).")
    var out: String?

    @OptionGroup var diagram: DiagramOptions

    @OptionGroup var choice: ViewChoiceOptions

    func validate() throws {
        do { _ = try OutputFormat.resolve(given: format, path: out) } catch { throw ValidationError("\(error)") }
    }

    func run() async throws {
        let loaded = try await graphOptions.load()
        let graph = loaded.graph
        let folder = (graphOptions.graph as NSString).deletingLastPathComponent
        let format = try OutputFormat.resolve(given: self.format, path: out)
        let target = out ?? Self.freshName("render", format: format, in: folder)
        let corpus = Summary.corpusFolder(of: graph, fallback: graphOptions.graph)
        var writer = try diagram.writer(for: graph, corpus: corpus)
        try choice.apply(to: &writer, loaded: loaded, diagram: diagram, corpus: corpus, graphPath: graphOptions.graph)
        do {
            try await writer.writeFile(graph, format: format, to: target)
        } catch {
            Summary.warn("error: \(error)")
            throw ExitCode(1)
        }
        print("Wrote \(target)")
    }

    /// `<folder>/<base>.<format>`, or `<base>-2`, `-3`… when that file exists: a drawing the
    /// user did not name never replaces another file.
    static func freshName(_ base: String, format: OutputFormat, in folder: String) -> String {
        func path(_ name: String) -> String {
            folder.isEmpty ? "\(name).\(format.rawValue)" : (folder as NSString).appendingPathComponent("\(name).\(format.rawValue)")
        }
        var candidate = path(base)
        var number = 2
        while FileManager.default.fileExists(atPath: candidate) {
            candidate = path("\(base)-\(number)")
            number += 1
        }
        return candidate
    }
}
