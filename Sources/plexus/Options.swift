import ArgumentParser
import Corpus
import EntityRecognition
import Foundation
import GraphExport
import PlexusGraph
import PlexusSupport
import RelationExtraction

/// An error a user caused and can fix; printed as `Error: <message>` without the usage text.
struct UserError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// How a command prints its answer.
enum OutputStyle: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

/// A graph read for a query, after the shared filters.
struct LoadedGraph: Sendable {
    /// The graph inside the time window.
    var graph: Graph
    /// Its index with the edge filters applied.
    var index: GraphIndex
    /// Name look-up.
    var matcher: NameMatcher

    /// The node index a user means, or a clear error with candidates.
    func lookup(_ name: String) throws -> Int {
        do {
            return try matcher.lookup(name)
        } catch let error as QueryError {
            throw UserError(error.description)
        }
    }
}

/// Values kept alive until the process ends.
///
/// A query reads a graph, answers and exits. Freeing a million-edge graph object by object
/// when the command returns took a twentieth of a path question's run, and the operating
/// system takes the memory back at once at exit, so the loaded graph is kept here instead.
enum KeptUntilExit {
    private final class Shelf: @unchecked Sendable {
        let lock = NSLock()
        var values: [any Sendable] = []
    }
    private static let shelf = Shelf()

    /// Keeps `value` until the process exits.
    static func keep(_ value: any Sendable) {
        shelf.lock.withLock { shelf.values.append(value) }
    }
}

/// The graph file and the filters every query command shares.
struct GraphOptions: ParsableArguments {
    @Option(name: .long, help: "The graph.json written by `plexus build`.")
    var graph: String = "graph.json"

    @Option(name: .long, help: "Edges to use: co-mention, stance or any.")
    var kind: EdgeFilter = .any

    @Option(name: .long, help: "Ignore edges lighter than this weight.")
    var minWeight: Int = 1

    @Option(name: .long, help: "Only documents dated on or after this day (YYYY-MM-DD).")
    var since: String?

    @Option(name: .long, help: "Only documents dated on or before this day (YYYY-MM-DD).")
    var until: String?

    func validate() throws {
        guard minWeight >= 1 else { throw ValidationError("--min-weight must be at least 1") }
    }

    /// Reads the graph, turning a bad file into a clear message.
    func read() throws -> Graph {
        do {
            return try GraphCodec.read(from: graph)
        } catch let error as GraphFileError {
            throw UserError(error.description)
        }
    }

    @Option(
        name: .long,
        help:
            "Build the graph from this store (an SQLite file or a postgres:// address) instead of reading --graph; --since and --until then choose the articles."
    )
    var store: String?

    /// Reads the graph (or builds it from the store) and applies the time window and edge
    /// filters; notes on what the window left out go to standard error.
    func load() async throws -> LoadedGraph {
        if let store {
            let builder: GraphBuilder
            do { builder = try GraphBuilder.shipped() } catch let error as ModelFileError { throw UserError(error.description) }
            let opened = try await StoreOptions(store: store).open(create: false)
            let built = try await buildFromStore(opened, window: DateWindow(since: since, until: until), builder: builder)
            return indexed(built.output.graph)
        }
        let full = try read()
        let windowed: WindowedGraph
        do {
            windowed = try full.window(since: since, until: until)
        } catch let error as WindowError {
            throw UserError(error.description)
        }
        if since != nil || until != nil {
            var note = "window \(since ?? "…") to \(until ?? "…"): \(windowed.includedDocuments) documents"
            if windowed.excludedDocuments > 0 { note += ", \(windowed.excludedDocuments) outside the window" }
            if windowed.undatedDocuments > 0 { note += ", \(windowed.undatedDocuments) without a date left out" }
            Summary.warn("note: " + note)
        }
        return indexed(windowed.graph)
    }

    /// The graph indexed with the edge filters, kept until the process exits.
    func indexed(_ graph: Graph) -> LoadedGraph {
        let loaded = LoadedGraph(graph: graph, index: GraphIndex(graph, edges: kind, minWeight: minWeight), matcher: NameMatcher(graph))
        KeptUntilExit.keep(loaded)
        return loaded
    }
}

/// The user's alias file and recogniser choice, shared by the commands that resolve entities.
struct AliasOptions: ParsableArguments {
    @Option(
        name: .long,
        help: """
            Entity recogniser: combined (the rules, with the tagger typing the words they can only guess; the default), \
            rules (gazetteers, titles, capitalisation) or tagger (trained on CoNLL-2003).
            """)
    var recognizer: DocumentAnalyzer.RecognizerChoice = .combined

    /// A graph builder with the shipped models, the chosen recogniser and the alias file's
    /// corrections; a missing or damaged model is an error that names it.
    func builder() throws -> GraphBuilder {
        try Self.builder(recognizer: recognizer, corrections: try load())
    }

    /// A graph builder with the shipped models, a recogniser and corrections already read.
    static func builder(recognizer: DocumentAnalyzer.RecognizerChoice, corrections: AliasCorrections) throws -> GraphBuilder {
        var builder: GraphBuilder
        do {
            builder = try GraphBuilder.shipped(recognizer: recognizer)
        } catch let error as ModelFileError {
            throw UserError("\(error.description)")
        }
        builder.corrections = corrections
        return builder
    }

    @Option(name: .long, help: "Alias file of corrections (merge, split, rename, type, drop; tab-separated, see README).")
    var aliases: String?

    /// The corrections, or none; a bad file is a clear error with its line.
    func load() throws -> AliasCorrections {
        guard let aliases else { return .none }
        do {
            return try AliasCorrections.read(from: aliases)
        } catch let error as AliasFileError {
            throw UserError(error.description)
        }
    }

    /// Warns about names in the alias file that matched nothing.
    func warnUnused(_ unused: [UnusedCorrection]) {
        guard let aliases else { return }
        for entry in unused { Summary.warn("warning: \(aliases):\(entry.line): \"\(entry.name)\" never occurs in these articles") }
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

    @Option(name: .long, help: "The diagram's title (default: says what the view shows).")
    var title: String?

    @Option(name: .long, help: "light, dark or print (greyscale; support and oppose differ by line style).")
    var theme: ThemeName = .light

    @Option(name: .long, help: "Page: WIDTHxHEIGHT in pixels at --dpi (default 1920x1080), 16:9, 4:3 or a4.")
    var size: String = "1920x1080"

    @Option(name: .long, help: "Node size by mentions, weighted-degree or pagerank.")
    var sizeBy: NodeSize = .mentions

    @Option(
        name: .long,
        help: "Draw only stance edges at or above this confidence (0–1); the others stay in graph.json and in `plexus stances --all`.")
    var minConfidence: Double = Edge.defaultMinimumStanceConfidence

    func validate() throws {
        guard top > 0 else { throw ValidationError("--top must be at least 1") }
        guard (24...600).contains(dpi) else { throw ValidationError("--dpi must be between 24 and 600") }
        do { _ = try PageSize.parse(size, dpi: dpi) } catch { throw ValidationError("--size: \(error)") }
        guard (0...1).contains(minConfidence) else { throw ValidationError("--min-confidence must be between 0 and 1") }
    }

    /// A diagram writer with these options, titled for `graph`.
    ///
    /// - Throws: ``UserError`` for a page size that cannot be read.
    func writer(for graph: Graph, corpus: String) throws -> DiagramWriter {
        var writer = DiagramWriter()
        writer.view = GraphView(top: top, includeLocations: locations, minimumStanceConfidence: minConfidence)
        writer.layout = layout
        writer.dpi = dpi
        writer.theme = Theme.named(theme)
        do { writer.page = try PageSize.parse(size, dpi: dpi) } catch { throw UserError("--size: \(error)") }
        writer.nodeScores = sizeBy.scores(in: graph)
        if !noTitle {
            writer.title = title ?? "Who is mentioned with whom"
            writer.subtitle = Summary.subtitle(for: graph, corpus: corpus, shown: writer.view.select(from: graph))
        }
        return writer
    }
}

extension LayoutEngine: ExpressibleByArgument {}
extension ThemeName: ExpressibleByArgument {}
extension NodeSize: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}
extension PathMetric: ExpressibleByArgument {}
extension EdgeFilter: ExpressibleByArgument {}
extension CentralityMeasure: ExpressibleByArgument {}
extension EntityType: ExpressibleByArgument {
    /// Reads a type, in British or American spelling ("organisation", "organization").
    public init?(argument: String) {
        let lower = argument.lowercased()
        self.init(rawValue: lower == "organization" ? "organisation" : lower)
    }
}
extension DocumentAnalyzer.RecognizerChoice: ExpressibleByArgument {}
