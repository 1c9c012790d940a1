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

    @Flag(name: .long, help: "Colour entities by community (Louvain) instead of by type.")
    var communities = false

    @Option(name: .long, help: "Draw the network around this entity (ego view).")
    var around: String?

    @Option(name: .long, help: "With --around: 1 or 2 hops.")
    var depth: Int = 1

    @Flag(name: .long, help: "Draw only stance edges (support and oppose), directed.")
    var stance = false

    func validate() throws {
        guard (1...2).contains(depth) else { throw ValidationError("--depth must be 1 or 2") }
        do { _ = try OutputFormat.resolve(given: format, path: out) } catch { throw ValidationError("\(error)") }
        if around != nil && stance { throw ValidationError("--around and --stance cannot be combined") }
    }

    func run() async throws {
        let loaded = try graphOptions.load()
        let graph = loaded.graph
        let folder = (graphOptions.graph as NSString).deletingLastPathComponent
        let format = try OutputFormat.resolve(given: self.format, path: out)
        let target = out ?? Self.freshName("render", format: format, in: folder)
        let corpus = Summary.corpusFolder(of: graph, fallback: graphOptions.graph)
        var writer = try diagram.writer(for: graph, corpus: corpus)
        if let around {
            let centre = graph.nodes[try loaded.lookup(around)]
            let ego = EgoView(centre: centre.id, depth: depth, top: diagram.top, minimumStanceConfidence: diagram.minConfidence)
            guard ego.select(from: graph).nodes.count > 1 else {
                throw UserError(
                    "\(centre.label) has no ties to other people, countries or organisations in \(graphOptions.graph); there is nothing around it to draw"
                )
            }
            writer.view = ego
            writer.centre = centre.id
            if !diagram.noTitle {
                let selection = ego.selection(from: graph)
                let drawn = selection.shown.nodes.count - 1
                writer.title = diagram.title ?? "Around \(centre.label)"
                var parts = [
                    "\(depth) hop\(depth == 1 ? "" : "s")",
                    drawn < selection.neighbours
                        ? "its \(drawn) strongest of \(selection.neighbours) neighbours" : "all \(drawn) neighbours",
                ]
                if selection.tiesLeftOut > 0 {
                    parts.append("among them only each one's strongest other tie (\(selection.tiesLeftOut) left out)")
                }
                writer.subtitle = parts.joined(separator: " · ")
            }
        }
        if stance {
            guard graph.edges.contains(where: { $0.kind == .stance && ($0.confidence ?? 1) >= diagram.minConfidence }) else {
                throw UserError("\(graphOptions.graph) has no stance edges at confidence \(diagram.minConfidence) or above to draw")
            }
            writer.view = StanceView(minimumConfidence: diagram.minConfidence, includeLocations: diagram.locations)
            writer.prefersHierarchy = true
            if !diagram.noTitle {
                writer.title = diagram.title ?? "Who supports and opposes whom"
                writer.subtitle = Summary.subtitle(for: graph, corpus: corpus, shown: writer.view.select(from: graph))
            }
        }
        if communities, !diagram.noTitle, around == nil {
            writer.title = diagram.title ?? "Who is covered together: communities of co-mention (Louvain)"
        }
        if communities {
            let assignment = loaded.index.communities()
            writer.communities = Dictionary(
                uniqueKeysWithValues: graph.nodes.enumerated().map { ($0.element.id, assignment.community[$0.offset]) })
        }
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
