import CGraphviz
import Foundation

/// Why Graphviz could not draw a graph.
public struct RenderError: Error, Sendable, CustomStringConvertible {
    /// The step of a drawing that failed.
    public enum Stage: Sendable, Equatable, CustomStringConvertible {
        /// Creating the Graphviz context.
        case start
        /// Parsing the DOT text.
        case parse
        /// Laying the graph out with an engine.
        case layout(LayoutEngine)
        /// Writing the drawing in a format.
        case write(OutputFormat)

        /// The step as the end of "Graphviz could not …".
        public var description: String {
            switch self {
            case .start: return "start"
            case .parse: return "parse the DOT text"
            case .layout(let engine): return "lay out the graph with \(engine.rawValue)"
            case .write(let format): return "write \(format.rawValue)"
            }
        }
    }

    /// The step that failed.
    public var stage: Stage
    /// Graphviz's own message, when it gave one.
    public var message: String

    /// `Graphviz could not <stage>: <message>`.
    public var description: String {
        "Graphviz could not \(stage)" + (message.isEmpty ? "" : ": \(message)")
    }
}

/// The page a diagram is fitted into.
public struct PageSize: Sendable, Equatable {
    /// Width in points (1/72 inch).
    public var widthPoints: Double
    /// Height in points.
    public var heightPoints: Double

    /// Creates a page size in points.
    public init(widthPoints: Double, heightPoints: Double) {
        self.widthPoints = widthPoints
        self.heightPoints = heightPoints
    }

    /// A 16:9 slide, 16 × 9 inches: 1920 × 1080 pixels at 120 dpi.
    public static let slide = PageSize(widthPoints: 1152, heightPoints: 648)
    /// A 4:3 slide, 1600 × 1200 pixels at 120 dpi.
    public static let slide4x3 = PageSize(widthPoints: 960, heightPoints: 720)
    /// A4 landscape, 297 × 210 mm.
    public static let a4 = PageSize(widthPoints: 841.89, heightPoints: 595.28)

    /// Why a size could not be used.
    public struct SizeError: Error, Sendable, CustomStringConvertible {
        /// What was given.
        public var text: String
        /// A message a user can act on.
        public var description: String {
            "\"\(text)\" is not a page size; use WIDTHxHEIGHT in pixels (each 100 to 20000, e.g. 1920x1080), 16:9, 4:3 or a4"
        }
    }

    /// Reads `1920x1080` (pixels at `dpi`), `16:9`, `4:3` or `a4`.
    ///
    /// - Throws: ``SizeError`` for anything else, or sizes under 100 or over 20,000 pixels.
    public static func parse(_ text: String, dpi: Int) throws -> PageSize {
        switch text.lowercased() {
        case "16:9": return .slide
        case "4:3": return .slide4x3
        case "a4": return .a4
        default: break
        }
        let parts = text.lowercased().split(separator: "x")
        guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]),
            (100...20_000).contains(width), (100...20_000).contains(height), dpi > 0
        else { throw SizeError(text: text) }
        return PageSize(widthPoints: Double(width) * 72 / Double(dpi), heightPoints: Double(height) * 72 / Double(dpi))
    }
}

/// Draws DOT text through libgvc, in-process.
///
/// libcgraph is not thread safe, not even for reads, so every Graphviz call goes through
/// this one actor: callers on many threads are served one at a time.
public actor GraphvizRenderer {
    /// The process-wide renderer.
    public static let shared = GraphvizRenderer()

    // Only touched from this actor, and from deinit when nothing else can reach it.
    private nonisolated(unsafe) let context: OpaquePointer?

    /// Creates a renderer with its own Graphviz context (plugins loaded once).
    public init() {
        context = gvContext()
        // Keep Graphviz's messages for our errors instead of printing them.
        agseterr(AGMAX)
    }

    deinit {
        if let context { gvFreeContext(context) }
    }

    /// Lays out `dot` with `layout` and renders it as `format`.
    ///
    /// - Parameters:
    ///   - dot: DOT text, as written by ``DOTWriter``.
    ///   - layout: the engine to lay it out with.
    ///   - format: SVG, PNG or PDF (DOT is returned as given).
    ///   - dpi: resolution for PNG; ignored for vector formats.
    /// - Throws: ``RenderError`` with Graphviz's message.
    /// - Complexity: that of the layout engine (neato is roughly O(V²) per iteration; sfdp O(V log V)).
    public func render(
        dot: String, layout: LayoutEngine, format: OutputFormat, dpi: Int = 120, page: PageSize? = .slide
    ) throws -> Data {
        if format == .dot { return Data(dot.utf8) }
        guard let context else { throw RenderError(stage: .start, message: "no Graphviz context") }
        _ = agreseterrors()
        guard let graph = agmemread(dot) else {
            throw RenderError(stage: .parse, message: lastError())
        }
        defer { agclose(graph) }
        if format == .png {
            setAttribute(graph, "dpi", String(dpi))
        }
        guard gvLayout(context, graph, layout.rawValue) == 0 else {
            throw RenderError(stage: .layout(layout), message: lastError())
        }
        defer { gvFreeLayout(context, graph) }
        if let page, let box = boundingBox(graph) {
            // Fit the whole drawing, title included, into the page: Graphviz's `ratio=fill`
            // ignores the graph label, so the exact page size is set with a viewport.
            let zoom = 0.97 * min(page.widthPoints / box.width, page.heightPoints / box.height)
            let viewport = String(
                format: "%.2f,%.2f,%.5f,%.2f,%.2f", page.widthPoints, page.heightPoints, zoom, box.midX, box.midY)
            setAttribute(graph, "viewport", viewport)
        }
        var buffer: UnsafeMutablePointer<CChar>?
        var length = 0
        let status = plexus_gv_render_data(context, graph, format.graphvizName, &buffer, &length)
        guard status == 0, let buffer else {
            throw RenderError(stage: .write(format), message: lastError())
        }
        defer { gvFreeRenderData(buffer) }
        guard length > 0 else {
            let message = lastError()
            throw RenderError(stage: .write(format), message: message.isEmpty ? "Graphviz wrote nothing" : message)
        }
        return Data(bytes: buffer, count: length)
    }

    /// The laid-out bounding box from the graph's `bb` attribute ("llx lly urx ury" after `gvLayout`).
    private func boundingBox(_ graph: UnsafeMutablePointer<Agraph_t>) -> (width: Double, height: Double, midX: Double, midY: Double)? {
        guard let name = strdup("bb") else { return nil }
        defer { free(name) }
        guard let raw = agget(graph, name) else { return nil }
        let values = String(cString: raw).split(whereSeparator: { $0 == "," || $0 == " " }).compactMap { Double($0) }
        guard values.count == 4, values[2] > values[0], values[3] > values[1] else { return nil }
        return (values[2] - values[0], values[3] - values[1], (values[0] + values[2]) / 2, (values[1] + values[3]) / 2)
    }

    private func lastError() -> String {
        guard let message = aglasterr() else { return "" }
        let text = String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
        free(message)
        return text
    }

    /// Sets a graph attribute.
    ///
    /// cgraph takes `char *` and copies the strings into its own
    /// pool, so the temporary copies are freed right after the call.
    private func setAttribute(_ graph: UnsafeMutablePointer<Agraph_t>, _ name: String, _ value: String) {
        guard let cName = strdup(name), let cValue = strdup(value), let cDefault = strdup("") else { return }
        defer {
            free(cName)
            free(cValue)
            free(cDefault)
        }
        _ = agsafeset(graph, cName, cValue, cDefault)
    }
}
