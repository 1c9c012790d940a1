import PlexusGraph

/// The themes Plexus draws with.
public enum ThemeName: String, Sendable, CaseIterable {
    /// Dark text on white: the default.
    case light
    /// Light text on a dark background, for dark slides.
    case dark
    /// Greyscale with line styles, for print.
    case print
}

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
    public var name: ThemeName
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
    /// Border of an entity drawn faded (outside a highlighted path).
    public var fadedBorder: String
    /// Label colour of a faded entity.
    public var fadedText: String
    /// Colour of a faded co-mention edge.
    public var fadedEdge: String
    /// Whether co-mention edges are dotted, so that edge kinds differ without colour.
    public var dotsCoMentions: Bool

    /// The default light theme.
    public static let light = Theme(
        name: .light, background: "#ffffff", text: "#1f2933", font: "DejaVu Sans",
        coMention: "#7b8794a0", support: "#1a9850", oppose: "#d73027",
        nodes: [
            .person: NodeStyle(shape: "ellipse", fill: "#cfe3f7", border: "#2f6db3"),
            .country: NodeStyle(shape: "box", fill: "#d5efcf", border: "#2e8540"),
            .organisation: NodeStyle(shape: "hexagon", fill: "#fde2c0", border: "#c26a00"),
            .location: NodeStyle(shape: "octagon", fill: "#e4e7eb", border: "#616e7c"),
            .topic: NodeStyle(shape: "note", fill: "#e8dcf3", border: "#6b3fa0"),
        ],
        fadedBorder: "#c3cad2", fadedText: "#8a96a3", fadedEdge: "#dde1e6", dotsCoMentions: false)

    /// Fill colours for communities, distinguishable and light enough for dark text.
    public static let communityPalette = [
        "#a6cee3", "#b2df8a", "#fdbf6f", "#cab2d6", "#fb9a99", "#ffff99", "#8dd3c7", "#bebada", "#fccde5",
        "#d9d9d9", "#ccebc5", "#ffed6f",
    ]

    /// A dark theme for dark slides.
    public static let dark = Theme(
        name: .dark, background: "#1b2430", text: "#f1f4f8", font: "DejaVu Sans",
        coMention: "#9aa5b1b0", support: "#5fd38d", oppose: "#ff7a6b",
        nodes: [
            .person: NodeStyle(shape: "ellipse", fill: "#23466e", border: "#8fb8e8"),
            .country: NodeStyle(shape: "box", fill: "#24513a", border: "#8fd6a6"),
            .organisation: NodeStyle(shape: "hexagon", fill: "#6b4416", border: "#f2b46b"),
            .location: NodeStyle(shape: "octagon", fill: "#3a4450", border: "#b8c2cc"),
            .topic: NodeStyle(shape: "note", fill: "#46305f", border: "#c8a8ec"),
        ],
        fadedBorder: "#4a5562", fadedText: "#7b8794", fadedEdge: "#3a4450", dotsCoMentions: false)

    /// A greyscale theme for print: types differ by shape and shade, support and oppose by
    /// line style (solid, dashed) as well as arrowhead, never by colour alone.
    public static let print = Theme(
        name: .print, background: "#ffffff", text: "#000000", font: "DejaVu Sans",
        coMention: "#8c8c8c", support: "#000000", oppose: "#000000",
        nodes: [
            .person: NodeStyle(shape: "ellipse", fill: "#ffffff", border: "#000000"),
            .country: NodeStyle(shape: "box", fill: "#d9d9d9", border: "#000000"),
            .organisation: NodeStyle(shape: "hexagon", fill: "#bdbdbd", border: "#000000"),
            .location: NodeStyle(shape: "octagon", fill: "#f0f0f0", border: "#595959"),
            .topic: NodeStyle(shape: "note", fill: "#e6e6e6", border: "#000000"),
        ],
        fadedBorder: "#c3cad2", fadedText: "#8a96a3", fadedEdge: "#dde1e6", dotsCoMentions: true)

    /// The theme with a name.
    public static func named(_ name: ThemeName) -> Theme {
        switch name {
        case .light: return .light
        case .dark: return .dark
        case .print: return .print
        }
    }

    /// The style of a type.
    public func style(for type: EntityType) -> NodeStyle {
        nodes[type] ?? NodeStyle(shape: "ellipse", fill: background, border: text)
    }
}
