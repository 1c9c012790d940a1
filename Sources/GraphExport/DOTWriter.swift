import Foundation
import PlexusGraph

/// Writes a ``Graph`` as DOT text for Graphviz: node shape and colour by entity type, edge
/// colour and style by kind and polarity, edge width growing with the log of the weight,
/// a title, a subtitle and one legend, sized for a 16:9 slide.
///
/// Every string is escaped, so a label holding quotes, backslashes, braces, HTML-like text
/// or line breaks is drawn as written and can never break the file.
public struct DOTWriter: Sendable {
    /// Colours, shapes and font.
    public var theme: Theme = .light
    /// The layout engine named in the file (and used to draw it).
    public var layout: LayoutEngine
    /// Title drawn above the graph, or `nil` for none.
    public var title: String?
    /// Subtitle under the title (corpus, dates, counts), or `nil`.
    public var subtitle: String?
    /// When set, these nodes (and the edges between consecutive ones) are drawn strongly and
    /// everything else faded: used to show a path in front of its neighbourhood.
    public var emphasis: Set<String>?
    /// Node size (label size) by these scores (centrality); by mentions when `nil`.
    public var nodeScores: [String: Double]?
    /// When set, nodes are filled by community number instead of by type (shape still shows type).
    public var communities: [String: Int]?
    /// Drawing size in inches (16×9 fills a 16:9 slide; at 120 dpi a PNG is 1920×1080).
    public var widthInches = 16.0
    /// See ``widthInches``.
    public var heightInches = 9.0
    /// The entity a view is about (an ego network's centre): drawn with a heavy border and
    /// a bold label, so it stands out without fading the rest.
    public var centre: String?
    /// When set, node `i` of the drawn graph carries the id `n<i>` and edge `i` the id `e<i>`,
    /// which Graphviz writes on their SVG groups, so a page can find them (the HTML view).
    public var elementIDs = false

    /// Creates a writer.
    public init(layout: LayoutEngine, title: String? = nil, subtitle: String? = nil) {
        self.layout = layout
        self.title = title
        self.subtitle = subtitle
    }

    /// The DOT text of a graph; the same graph always gives the same bytes.
    ///
    /// - Complexity: O(V + E).
    public func write(_ graph: Graph) -> String {
        var out = "digraph \"plexus\" {\n"
        let graphAttributes: [(String, String)] = [
            ("layout", layout.rawValue), ("charset", "UTF-8"), ("bgcolor", theme.background),
            ("fontname", theme.font), ("fontcolor", theme.text), ("size", "\(format(widthInches)),\(format(heightInches))!"),
            ("ratio", "fill"), ("pad", "0.3"), ("margin", "0"), ("overlap", "prism"), ("overlap_scaling", "-1"),
            ("sep", "+6"), ("esep", "+3"), ("splines", splines(for: graph)), ("outputorder", "edgesfirst"),
            ("start", "42"), ("labelloc", "t"), ("labeljust", "l"),
        ]
        out += "  graph [" + graphAttributes.map { "\($0.0)=\(Self.quote($0.1))" }.joined(separator: ", ")
        out += ", label=<\(legend(graph))>];\n"
        out +=
            "  node [fontname=\(Self.quote(theme.font)), fontcolor=\(Self.quote(theme.text)), style=\"filled\", penwidth=1.4, margin=\"0.12,0.06\"];\n"
        out += "  edge [fontname=\(Self.quote(theme.font)), arrowsize=0.8];\n"
        let maxScore = max(1e-12, graph.nodes.map(nodeScore).max() ?? 1)
        for (nodeIndex, node) in graph.nodes.enumerated() {
            var style = theme.style(for: node.type)
            var fontColour = theme.text
            if let communities, let number = communities[node.id] {
                style.fill = Theme.communityPalette[number % Theme.communityPalette.count]
            }
            if let emphasis, !emphasis.contains(node.id) {
                style.fill = theme.background
                style.border = theme.fadedBorder
                fontColour = theme.fadedText
            }
            let fontSize = 12 + 12 * (nodeScore(node) / maxScore).squareRoot()
            var attributes: [(String, String)] = [
                ("label", Self.clip(node.label)), ("shape", style.shape), ("fillcolor", style.fill), ("color", style.border),
                ("fontcolor", fontColour), ("fontsize", format(fontSize)),
                ("tooltip", "\(Self.clip(node.label)) (\(node.type.rawValue)): \(node.mentions) mentions in \(node.documents) documents"),
            ]
            if elementIDs { attributes.append(("id", "n\(nodeIndex)")) }
            if node.id == centre {
                attributes += [("penwidth", "4.5"), ("fontname", theme.font + " Bold")]
            }
            out += "  \(Self.quote(node.id)) [" + attributes.map { "\($0.0)=\(Self.quote($0.1))" }.joined(separator: ", ") + "];\n"
        }
        for (edgeIndex, edge) in graph.edges.enumerated() {
            let width = min(9, 1 + 1.6 * log(Double(max(1, edge.weight))))
            var attributes: [(String, String)] = [("penwidth", format(width)), ("weight", String(edge.weight))]
            switch edge.kind {
            case .coMention:
                let onPath = emphasis.map { $0.contains(edge.source) && $0.contains(edge.target) }
                let colour = onPath == true ? theme.text : (onPath == false ? theme.fadedEdge : theme.coMention)
                if onPath == true { attributes[0].1 = format(min(9, width + 2.5)) }
                if theme.dotsCoMentions { attributes.append(("style", "dotted")) }
                attributes += [
                    ("dir", "none"), ("color", colour),
                    ("tooltip", "mentioned together in \(edge.weight) sentence\(edge.weight == 1 ? "" : "s")"),
                ]
            case .stance:
                let support = edge.polarity == .support
                // Heads and lines a size up from co-mentions, so direction and polarity read at
                // slide size and in print.
                attributes[0].1 = format(max(2, width))
                attributes += [
                    ("color", support ? theme.support : theme.oppose), ("style", support ? "solid" : "dashed"),
                    ("arrowhead", support ? "normal" : "tee"), ("arrowsize", "1.5"),
                    ("tooltip", "\(support ? "supports" : "opposes") (\(edge.weight) sentence\(edge.weight == 1 ? "" : "s"))"),
                ]
            }
            if elementIDs { attributes.append(("id", "e\(edgeIndex)")) }
            out += "  \(Self.quote(edge.source)) -> \(Self.quote(edge.target)) ["
            out += attributes.map { "\($0.0)=\(Self.quote($0.1))" }.joined(separator: ", ") + "];\n"
        }
        out += "}\n"
        return out
    }

    /// Edge routing: curved around nodes for small drawings; straight above 60 nodes, where
    /// spline routing grows too slow to wait for (see docs/DESIGN-NOTES.md).
    func splines(for graph: Graph) -> String {
        if layout == .dot { return "spline" }
        return graph.nodes.count <= 60 ? "true" : "false"
    }

    func nodeScore(_ node: Node) -> Double { nodeScores?[node.id] ?? Double(node.mentions) }

    /// The title, subtitle and legend as one HTML-like label.
    func legend(_ graph: Graph) -> String {
        let types = EntityType.allCases.filter { type in graph.nodes.contains { $0.type == type } }
        let kinds = Set(graph.edges.map { $0.kind == .stance ? ($0.polarity?.rawValue ?? "stance") : "co-mention" })
        var cells = ""
        for type in types {
            var style = theme.style(for: type)
            if communities != nil { style.fill = theme.background }
            cells += "<td bgcolor=\"\(style.fill)\" color=\"\(style.border)\" border=\"1\" width=\"18\" height=\"14\"></td>"
            cells += "<td align=\"left\"><font point-size=\"14\">\(Self.html(type.rawValue))</font></td>"
        }
        let edgeLegend: [(String, String, String)] = [
            ("co-mention", "co-mention", theme.coMention), ("support", "supports", theme.support),
            ("oppose", "opposes", theme.oppose),
        ]
        if communities != nil {
            cells += "<td align=\"left\"><font point-size=\"14\">fill colour: community</font></td>"
        }
        for (kind, text, colour) in edgeLegend where kinds.contains(kind) {
            let line = kind == "oppose" ? "- - - ⊣" : (kind == "support" ? "——— ▶" : (theme.dotsCoMentions ? "·······" : "———"))
            cells += "<td align=\"left\"><font point-size=\"14\" color=\"\(Self.html(String(colour.prefix(7))))\">\(line)</font></td>"
            cells += "<td align=\"left\"><font point-size=\"14\">\(Self.html(text))</font></td>"
        }
        var rows = ""
        if let title {
            rows += "<tr><td align=\"left\"><font point-size=\"30\"><b>\(Self.html(title))</b></font></td></tr>"
        }
        if let subtitle {
            rows += "<tr><td align=\"left\"><font point-size=\"16\">\(Self.html(subtitle))</font></td></tr>"
        }
        rows +=
            "<tr><td align=\"left\"><table border=\"0\" cellborder=\"0\" cellspacing=\"4\" cellpadding=\"1\"><tr>\(cells)</tr></table></td></tr>"
        return "<table border=\"0\" cellborder=\"0\" cellspacing=\"4\" cellpadding=\"2\">\(rows)</table>"
    }

    func format(_ value: Double) -> String {
        String(format: "%.2f", value)
    }

    /// Labels longer than this many characters are cut, with "…", in drawings.
    ///
    /// Graphviz cannot read a label of more than about 16 KB, and no drawing can show one.
    /// Plexus's own names stop at 120 characters; this guards graph files from elsewhere.
    public static let maximumLabelLength = 200

    /// `label` cut to ``maximumLabelLength`` characters.
    static func clip(_ label: String) -> String {
        label.count <= maximumLabelLength ? label : String(label.prefix(maximumLabelLength - 1)) + "…"
    }

    /// A DOT double-quoted string: `"` and `\` escaped, line breaks written as `\n`.
    ///
    /// - Complexity: O(n).
    public static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": continue
            // Graphviz reads HTML entities in labels ("&amp;" would show as "&"), so an
            // ampersand is written as an entity itself.
            case "&": out += "&amp;"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out += " "
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Text safe inside a Graphviz HTML-like label: `&`, `<`, `>`, `"` as entities.
    ///
    /// - Complexity: O(n).
    public static func html(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default:
                // Control characters (a newline included) and noncharacters would make the
                // HTML-like label invalid, and Graphviz would drop the whole title and legend.
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out += " "
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
