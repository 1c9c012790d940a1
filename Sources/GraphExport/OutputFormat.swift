import Foundation

/// The files Plexus draws through Graphviz.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// DOT text: exactly what Plexus gives Graphviz.
    case dot
    /// Scalable vector graphics (Graphviz's own writer: real text elements, searchable and editable).
    case svg
    /// Portable network graphics at the chosen DPI (cairo).
    case png
    /// Portable document format (cairo).
    case pdf
    /// One self-contained interactive page: the SVG drawing, the graph's data and every
    /// edge's evidence (see ``HTMLViewWriter``).
    case html

    /// The Graphviz output format name (an HTML view holds an SVG drawing).
    var graphvizName: String {
        switch self {
        case .dot: return "dot"
        case .svg, .html: return "svg"
        case .png: return "png:cairo"
        case .pdf: return "pdf:cairo"
        }
    }
}

/// Graphviz layout engines Plexus uses.
public enum LayoutEngine: String, Sendable, CaseIterable {
    /// Hierarchical layout, for small directed graphs.
    case dot
    /// Spring model, for up to about 100 nodes.
    case neato
    /// Force-directed, for small and medium graphs.
    case fdp
    /// Multiscale force-directed, for large graphs.
    case sfdp
    /// Circular layout.
    case circo

    /// The engine Plexus picks for a graph: `neato` up to 100 nodes, `sfdp` above.
    public static func automatic(nodeCount: Int) -> LayoutEngine {
        nodeCount > 100 ? .sfdp : .neato
    }
}

/// Why an output file cannot be written in the format asked for.
public struct OutputFormatError: Error, Sendable, CustomStringConvertible, Equatable {
    /// What is wrong, in words a user can act on.
    public var description: String
}

extension OutputFormat {
    /// The format a file name's extension names (`.svg`, `.png`, `.pdf`, `.dot`, `.gv`, `.html`
    /// or `.htm`),
    /// if it names one.
    public init?(pathExtensionOf path: String) {
        let suffix = (path as NSString).pathExtension.lowercased()
        switch suffix {
        case "gv":
            self = .dot
            return
        case "htm":
            self = .html
            return
        default: break
        }
        self.init(rawValue: suffix)
    }

    /// The format to write `path` in: the one given, else the one its extension names, else
    /// SVG when there is no path.
    ///
    /// A given format that contradicts the extension, or a path
    /// whose extension names no format when none is given, is an error, so a file never
    /// holds one format under another's name.
    ///
    /// - Throws: ``OutputFormatError``.
    public static func resolve(given: OutputFormat?, path: String?) throws -> OutputFormat {
        let named = path.flatMap { OutputFormat(pathExtensionOf: $0) }
        switch (given, named, path) {
        case (let given?, let named?, let path?) where given != named:
            throw OutputFormatError(
                description:
                    "--format \(given.rawValue) contradicts \(path), whose name says \(named.rawValue.uppercased()); make them agree")
        case (let given?, _, _): return given
        case (nil, let named?, _): return named
        case (nil, nil, let path?):
            throw OutputFormatError(
                description: "cannot tell the format from \"\(path)\": end the name in .svg, .png, .pdf, .dot or .html, or give --format")
        case (nil, nil, nil): return .svg
        }
    }
}
