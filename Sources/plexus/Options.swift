import ArgumentParser
import GraphExport
import RelationGraph

/// An error a user caused and can fix; printed as `Error: <message>` without the usage text.
struct UserError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// How a command prints its answer.
enum OutputStyle: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

/// Options of every command that reads a graph.json.
struct GraphOptions: ParsableArguments {
    @Option(name: .long, help: "The graph.json written by `plexus build`.")
    var graph: String = "graph.json"

    /// Reads the graph, turning a bad file into a clear message.
    func load() throws -> Graph {
        do {
            return try GraphCodec.read(from: graph)
        } catch let error as GraphFileError {
            throw UserError(error.description)
        }
    }
}

/// Options of every command that draws a diagram.
struct DiagramOptions: ParsableArguments {
    @Option(name: .long, help: "Draw at most this many entities (strongest first).")
    var top: Int = 40

    @Option(name: .long, help: "Layout engine: dot, neato, fdp, sfdp, circo (default: neato up to 100 nodes, sfdp above).")
    var layout: LayoutEngine?

    @Flag(name: .long, help: "Also draw locations (hidden by default).")
    var locations = false

    @Option(name: .long, help: "PNG resolution in dots per inch (120 gives 1920×1080).")
    var dpi: Int = 120

    @Flag(name: .long, help: "Draw no title or subtitle.")
    var noTitle = false

    func validate() throws {
        guard top > 0 else { throw ValidationError("--top must be at least 1") }
        guard (24...600).contains(dpi) else { throw ValidationError("--dpi must be between 24 and 600") }
    }

    /// A diagram writer with these options, titled for `graph`.
    func writer(for graph: Graph, corpus: String) -> DiagramWriter {
        var writer = DiagramWriter()
        writer.view = GraphView(top: top, includeLocations: locations)
        writer.layout = layout
        writer.dpi = dpi
        if !noTitle {
            writer.title = "Who is mentioned with whom"
            writer.subtitle = Summary.subtitle(for: graph, corpus: corpus, shown: min(top, graph.nodes.count))
        }
        return writer
    }
}

extension LayoutEngine: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}
extension PathMetric: ExpressibleByArgument {}
extension GraphIndex.KindFilter: ExpressibleByArgument {}
