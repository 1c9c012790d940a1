import Crypto
import Foundation
import PlexusGraph
import PlexusSupport

/// Why an HTML view could not be written.
public struct HTMLViewError: Error, Sendable, CustomStringConvertible, Equatable {
    /// What is wrong, in words a user can act on.
    public var description: String
}

/// Writes the interactive view: one self-contained HTML file holding the diagram as
/// Graphviz laid it out (the same layout as the SVG), the graph's data and every edge's
/// evidence, and the team's own script and styles that let a reader pan, zoom, search,
/// filter and click an entity or a tie to read the sentences behind it.
///
/// The file asks for nothing over the network: its Content-Security-Policy allows no
/// source at all except its own script and style block (named by their SHA-256), so a
/// browser refuses any other script even if one reached the page. Text from articles
/// reaches the page only as JSON, with `<`, `>` and `&` written as `\u` escapes, and the
/// script shows it as text, never as markup.
public struct HTMLViewWriter: Sendable {
    /// The diagram settings (view, theme, page, title); its view decides what is drawn,
    /// while every entity and edge of the graph stays searchable in the page.
    public var diagram: DiagramWriter

    /// Creates a writer that draws as `diagram` does.
    public init(diagram: DiagramWriter) {
        self.diagram = diagram
    }

    /// The page's HTML.
    ///
    /// - Throws: ``NothingToDraw`` when the view leaves no entity; ``RenderError``;
    ///   ``HTMLViewError`` when the page's script or styles are missing from the install.
    /// - Complexity: that of the SVG layout, plus O(size of the graph) for the data.
    public func page(for graph: Graph) async throws -> String {
        var drawing = diagram
        // Every stance edge among the drawn entities is drawn, so that the page's confidence
        // filter can show weaker ones; the filter starts at the view's threshold.
        var initialConfidence = Edge.defaultMinimumStanceConfidence
        if var overview = drawing.view as? GraphView {
            initialConfidence = overview.minimumStanceConfidence
            overview.minimumStanceConfidence = 0
            drawing.view = overview
        } else if let stances = drawing.view as? StanceView {
            initialConfidence = stances.minimumConfidence
        }
        drawing.elementIDs = true
        // The page shows the title and subtitle above the drawing; the drawing keeps its legend.
        let title = drawing.title ?? "Plexus view"
        let subtitle = drawing.subtitle
        drawing.title = nil
        drawing.subtitle = nil
        // Edge kinds must differ without colour (greyscale print, colour-blind readers).
        drawing.theme.dotsCoMentions = true
        let shown = try drawing.drawing(for: graph)
        let svgData = try await GraphvizRenderer.shared.render(
            dot: shown.text, layout: shown.layout, format: .svg, dpi: drawing.dpi, page: drawing.page)
        let svg = Self.inlineSVG(String(decoding: svgData, as: UTF8.self))
        let payload = HTMLViewData(
            graph: graph, shown: shown.shown, title: title, subtitle: subtitle,
            minimumConfidence: initialConfidence, theme: drawing.theme)
        let style = try Self.asset("view", "css")
        let script = try Self.asset("view", "js")
        let policy = [
            "default-src 'none'", "img-src data: blob:", "style-src '\(Self.sha256(style))'",
            "script-src '\(Self.sha256(script))'", "base-uri 'none'", "form-action 'none'",
        ].joined(separator: "; ")
        var page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        page += "<meta http-equiv=\"Content-Security-Policy\" content=\"\(policy)\">\n"
        page += "<meta name=\"generator\" content=\"Plexus\">\n"
        page += "<title>\(XML.escape(title))</title>\n<style>\(style)</style>\n</head>\n<body>\n"
        page += "<header id=\"top\"><h1 id=\"title\">\(XML.escape(title))</h1>"
        page += "<p id=\"subtitle\">\(XML.escape(subtitle ?? ""))</p></header>\n"
        page += "<div id=\"layout\">\n"
        page +=
            "<main id=\"stage\" tabindex=\"0\" aria-label=\"Diagram. Drag or use the arrow keys to pan, plus and minus to zoom, 0 to fit.\">\n"
        page += "<div id=\"zoom\" role=\"group\" aria-label=\"Zoom\"></div>\n"
        page += svg
        page += "\n</main>\n<aside id=\"side\" aria-label=\"Search, details and filters\"></aside>\n</div>\n"
        page += "<script type=\"application/json\" id=\"plexus-data\">\(try payload.json())</script>\n"
        page += "<script>\(script)</script>\n</body>\n</html>\n"
        return page
    }

    /// Writes the page to `path` atomically.
    ///
    /// - Throws: as ``page(for:)``, or `AtomicFile.WriteError`; no partial file is left.
    public func write(_ graph: Graph, to path: String) async throws {
        try AtomicFile.write(Data(try await page(for: graph).utf8), to: path)
    }

    /// The SVG element of Graphviz's output, without the XML prolog, the DOCTYPE and the
    /// comments (which repeat node names and have no use in a page).
    ///
    /// - Complexity: O(n).
    static func inlineSVG(_ text: String) -> String {
        guard let start = text.range(of: "<svg") else { return text }
        var out = ""
        var rest = text[start.lowerBound...]
        while let open = rest.range(of: "<!--") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "-->") else {
                rest = rest[rest.endIndex...]
                break
            }
            rest = rest[close.upperBound...]
            // Drop the line break the comment stood on.
            if rest.first == "\n" { rest = rest.dropFirst() }
        }
        out += rest
        return out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A Content-Security-Policy source naming `text` by its SHA-256 (`sha256-<base64>`).
    static func sha256(_ text: String) -> String {
        "sha256-" + Data(SHA256.hash(data: Data(text.utf8))).base64EncodedString()
    }

    /// A file of the page's script or styles, shipped beside the program.
    ///
    /// - Throws: ``HTMLViewError`` naming the file when it is missing or unreadable.
    static func asset(_ name: String, _ suffix: String) throws -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: suffix, subdirectory: "Assets") else {
            throw HTMLViewError(
                description:
                    "\(name).\(suffix), the HTML view's \(suffix == "js" ? "script" : "styles"), is missing from the install; reinstall Plexus"
            )
        }
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw HTMLViewError(description: "\(url.path): cannot be read (\(error.localizedDescription)); reinstall Plexus")
        }
    }
}
