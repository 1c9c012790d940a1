import Foundation
import PlexusGraph
import PlexusSupport

/// Writes the diagram files of a graph (DOT, SVG, PNG, PDF) into a folder, each atomically.
public struct DiagramWriter: Sendable {
    /// Which part of the graph to draw: the overview unless told otherwise.
    public var view: any DiagramView = GraphView()
    /// Layout engine; `nil` picks one by size (see ``LayoutEngine/automatic(nodeCount:)``).
    public var layout: LayoutEngine?
    /// Title; `nil` draws none.
    public var title: String?
    /// Subtitle; `nil` draws none.
    public var subtitle: String?
    /// PNG resolution.
    public var dpi = 120
    /// Community number by node id, to colour nodes by community; `nil` colours by type.
    public var communities: [String: Int]?
    /// Colours, shapes and font.
    public var theme: Theme = .light
    /// The page the drawing is fitted into.
    public var page: PageSize = .slide
    /// Node sizes by these scores (centrality); by mentions when `nil`.
    public var nodeScores: [String: Double]?
    /// Draw stance edges with the hierarchical `dot` layout when the graph is small.
    public var prefersHierarchy = false
    /// Nodes drawn strongly with the rest faded (a path, an ego network's centre); none when `nil`.
    public var emphasis: Set<String>?
    /// Whether nodes and edges carry ids in the SVG (see ``DOTWriter/elementIDs``).
    public var elementIDs = false
    /// The entity drawn distinct (see ``DOTWriter/centre``).
    public var centre: String?

    /// Creates a writer.
    public init() {}

    /// The DOT text of a diagram and the layout engine that draws it.
    public struct Diagram: Sendable {
        /// The DOT text.
        public var text: String
        /// The engine to lay it out with.
        public var layout: LayoutEngine
        /// The part of the graph drawn.
        public var shown: Graph
    }

    /// The DOT text of the diagram and the engine used.
    ///
    /// - Complexity: O(V log V + E log E).
    public func dot(for graph: Graph) -> Diagram {
        let selected = view.select(from: graph)
        let engine = layout ?? (prefersHierarchy && selected.nodes.count <= 40 ? .dot : .automatic(nodeCount: selected.nodes.count))
        var writer = DOTWriter(layout: engine, title: title, subtitle: subtitle)
        writer.theme = theme
        writer.communities = communities
        writer.nodeScores = nodeScores
        writer.emphasis = emphasis
        writer.elementIDs = elementIDs
        writer.centre = centre
        writer.widthInches = page.widthPoints / 72
        writer.heightInches = page.heightPoints / 72
        return Diagram(text: writer.write(selected), layout: engine, shown: selected)
    }

    /// The DOT text of the diagram, when its view leaves something to draw.
    ///
    /// - Throws: ``NothingToDraw`` when the view leaves no entity.
    /// - Complexity: that of ``dot(for:)``.
    public func drawing(for graph: Graph) throws -> Diagram {
        let diagram = dot(for: graph)
        guard !diagram.shown.nodes.isEmpty else { throw NothingToDraw(graph: graph) }
        // One entity alone is a sentence, not a picture.
        if diagram.shown.nodes.count == 1, diagram.shown.edges.isEmpty, let only = diagram.shown.nodes.first {
            throw NothingToDraw(reason: "only \(only.label) is named, with no ties to draw")
        }
        return diagram
    }

    /// Renders DOT text and writes it to `path` atomically; PDFs get a fixed date stamp so
    /// the same drawing always gives the same bytes.
    ///
    /// - Throws: ``OutputFormatError`` for HTML, which needs the graph itself (see
    ///   ``writeFile(_:format:to:)``); ``RenderError`` or `AtomicFile.WriteError`; no partial
    ///   file is left.
    public static func renderFile(
        dot: String, layout: LayoutEngine, format: OutputFormat, dpi: Int = 120, page: PageSize = .slide, to path: String
    ) async throws {
        guard format != .html else {
            throw OutputFormatError(description: "\(path): an HTML view is made from a graph, not from DOT text; use `plexus view`")
        }
        let data = try await GraphvizRenderer.shared.render(dot: dot, layout: layout, format: format, dpi: dpi, page: page)
        try AtomicFile.write(format == .pdf ? PDFStamp.fixDates(data) : data, to: path)
    }

    /// Renders `graph` in each format and writes `<folder>/<baseName>.<format>`.
    ///
    /// - Returns: the paths written, in the order of `formats`.
    /// - Throws: ``NothingToDraw`` (and writes nothing) when the view leaves no entity;
    ///   ``RenderError`` or `AtomicFile.WriteError`; files already written stay complete.
    public func write(_ graph: Graph, formats: [OutputFormat], to folder: String, baseName: String = "graph") async throws -> [String] {
        let diagram = try drawing(for: graph)
        var written: [String] = []
        for format in formats {
            let path = (folder as NSString).appendingPathComponent("\(baseName).\(format.rawValue)")
            if format == .html {
                try await HTMLViewWriter(diagram: self).write(graph, to: path)
            } else {
                try await Self.renderFile(dot: diagram.text, layout: diagram.layout, format: format, dpi: dpi, page: page, to: path)
            }
            written.append(path)
        }
        return written
    }

    /// Draws `graph` in one format and writes it to `path` atomically; HTML through
    /// ``HTMLViewWriter``, the others through Graphviz.
    ///
    /// - Throws: ``NothingToDraw`` (and writes nothing) when the view leaves no entity;
    ///   ``RenderError`` or `AtomicFile.WriteError`; no partial file is left.
    public func writeFile(_ graph: Graph, format: OutputFormat, to path: String) async throws {
        if format == .html {
            try await HTMLViewWriter(diagram: self).write(graph, to: path)
        } else {
            let diagram = try drawing(for: graph)
            try await Self.renderFile(dot: diagram.text, layout: diagram.layout, format: format, dpi: dpi, page: page, to: path)
        }
    }
}

/// Makes cairo's PDF output reproducible: its creation and modification dates are set to
/// a fixed value of the same length, so the byte offsets in the file stay valid.
enum PDFStamp {
    /// 2000-01-01 00:00:00; any time-zone digits become zeros.
    static let stamp = Array("20000101000000".utf8)

    static func fixDates(_ data: Data) -> Data {
        var bytes = [UInt8](data)
        for key in ["/CreationDate (D:", "/ModDate (D:"] {
            let pattern = Array(key.utf8)
            var i = 0
            while i + pattern.count < bytes.count {
                if bytes[i] == pattern[0], Array(bytes[i..<(i + pattern.count)]) == pattern {
                    var j = i + pattern.count
                    var digit = 0
                    while j < bytes.count, bytes[j] != UInt8(ascii: ")") {
                        let value = bytes[j]
                        if value >= 48 && value <= 57 {
                            bytes[j] = digit < stamp.count ? stamp[digit] : UInt8(ascii: "0")
                            digit += 1
                        }
                        j += 1
                    }
                    i = j
                } else {
                    i += 1
                }
            }
        }
        return Data(bytes)
    }
}

/// Why a diagram was not drawn: the part of the graph it would show is empty.
public struct NothingToDraw: Error, Sendable, CustomStringConvertible, Equatable {
    /// What was missing, in words a user can act on.
    public var reason: String

    /// A reason in words.
    public init(reason: String) { self.reason = reason }

    /// The reason for a graph whose view came out empty.
    public init(graph: Graph) {
        if graph.nodes.isEmpty {
            reason = "the articles name no person, country or organisation"
        } else if graph.nodes.allSatisfy({ $0.type == .location }) {
            reason = "the articles name only places, which diagrams hide (draw them with --locations)"
        } else {
            reason = "the chosen view leaves no entity"
        }
    }

    /// `nothing to draw: <reason>`.
    public var description: String { "nothing to draw: \(reason)" }
}
