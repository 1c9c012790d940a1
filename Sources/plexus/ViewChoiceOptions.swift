import ArgumentParser
import Foundation
import GraphExport
import PlexusGraph

/// Which view of the graph a drawing shows, for `render` and `view`: the overview unless
/// one of these is given.
struct ViewChoiceOptions: ParsableArguments {
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
        if around != nil && stance { throw ValidationError("--around and --stance cannot be combined") }
    }

    /// Sets the writer's view, centre, title and subtitle for the chosen view.
    ///
    /// - Throws: ``UserError`` for an entity that is not in the graph or has no ties, and for
    ///   a stance map of a graph without stance edges at the threshold.
    func apply(to writer: inout DiagramWriter, loaded: LoadedGraph, diagram: DiagramOptions, corpus: String, graphPath: String) throws {
        let graph = loaded.graph
        if let around {
            let centre = graph.nodes[try loaded.lookup(around)]
            let ego = EgoView(centre: centre.id, depth: depth, top: diagram.top, minimumStanceConfidence: diagram.minConfidence)
            let selection = ego.selection(from: graph)
            guard selection.shown.nodes.count > 1 else {
                throw UserError(
                    "\(centre.label) has no ties to other people, countries or organisations in \(graphPath); there is nothing around it to draw"
                )
            }
            writer.view = ego
            writer.centre = centre.id
            if !diagram.noTitle {
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
                throw UserError("\(graphPath) has no stance edges at confidence \(diagram.minConfidence) or above to draw")
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
    }
}
