import RelationGraph

/// Colours, shapes and fonts of a diagram.
public struct Theme: Sendable {
    /// Fill, border and shape for one entity type.
    public struct NodeStyle: Sendable {
        /// Graphviz shape name.
        public var shape: String
        /// Fill colour.
        public var fill: String
        /// Border colour.
        public var border: String
    }

    /// Theme name.
    public var name: String
    /// Page background.
    public var background: String
    /// Text colour.
    public var text: String
    /// Font family; Graphviz falls back through fontconfig (DejaVu Sans, then Liberation Sans, then any sans).
    public var font: String
    /// Co-mention edge colour.
    public var coMention: String
    /// Support edge colour.
    public var support: String
    /// Oppose edge colour.
    public var oppose: String
    /// Styles by entity type.
    public var nodes: [EntityType: NodeStyle]

    /// The default light theme.
    public static let light = Theme(
        name: "light", background: "#ffffff", text: "#1f2933", font: "DejaVu Sans",
        coMention: "#7b8794a0", support: "#1a9850", oppose: "#d73027",
        nodes: [
            .person: NodeStyle(shape: "ellipse", fill: "#cfe3f7", border: "#2f6db3"),
            .country: NodeStyle(shape: "box", fill: "#d5efcf", border: "#2e8540"),
            .organisation: NodeStyle(shape: "hexagon", fill: "#fde2c0", border: "#c26a00"),
            .location: NodeStyle(shape: "octagon", fill: "#e4e7eb", border: "#616e7c"),
            .topic: NodeStyle(shape: "note", fill: "#e8dcf3", border: "#6b3fa0"),
        ])

    /// Fill colours for communities, distinguishable and light enough for dark text.
    public static let communityPalette = [
        "#a6cee3", "#b2df8a", "#fdbf6f", "#cab2d6", "#fb9a99", "#ffff99", "#8dd3c7", "#bebada", "#fccde5",
        "#d9d9d9", "#ccebc5", "#ffed6f",
    ]

    /// The style of a type.
    public func style(for type: EntityType) -> NodeStyle {
        nodes[type] ?? NodeStyle(shape: "ellipse", fill: background, border: text)
    }
}
