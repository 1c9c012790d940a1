import ArgumentParser
import Foundation
import GraphExport
import PlexusGraph

/// `plexus view`: one self-contained HTML page to explore a graph and read its evidence.
struct ViewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "view",
        abstract: "Write one self-contained HTML page: the drawing, with search, filters and every edge's sentences.",
        discussion: """
            The page needs no network and no other file: open it in any browser or send it as \
            one file. It draws what `plexus render` draws (the --top entities, laid out by \
            Graphviz); every entity and edge of the graph stays searchable in it. Click an \
            entity for its names, ties and documents, and a tie for the sentences behind it.
            """
    )

    @OptionGroup var graphOptions: GraphOptions

    @Option(name: .long, help: "File to write (default: view.html next to the graph, numbered so nothing is overwritten).")
    var out: String?

    @OptionGroup var diagram: DiagramOptions

    @OptionGroup var choice: ViewChoiceOptions

    func validate() throws {
        if let out, OutputFormat(pathExtensionOf: out) != .html {
            throw ValidationError("--out must end in .html or .htm")
        }
    }

    func run() async throws {
        let loaded = try await graphOptions.load()
        let graph = loaded.graph
        let folder = (graphOptions.graph as NSString).deletingLastPathComponent
        let target = out ?? RenderCommand.freshName("view", format: .html, in: folder)
        let corpus = Summary.corpusFolder(of: graph, fallback: graphOptions.graph)
        var writer = try diagram.writer(for: graph, corpus: corpus)
        try choice.apply(to: &writer, loaded: loaded, diagram: diagram, corpus: corpus, graphPath: graphOptions.graph)
        do {
            try await HTMLViewWriter(diagram: writer).write(graph, to: target)
        } catch {
            Summary.warn("error: \(error)")
            throw ExitCode(1)
        }
        print("Wrote \(target)")
    }
}
