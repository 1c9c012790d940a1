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

    /// The Graphviz output format name.
    var graphvizName: String {
        switch self {
        case .dot: return "dot"
        case .svg: return "svg"
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
