import Foundation
import PlexusGraph

/// Builds a slide deck from a graph: a title slide, the overview, the stance map, the three
/// most connected people's ego networks, and one slide per requested path, each with a
/// title and a caption that says what it shows.
public struct DeckBuilder: Sendable {
    /// The graph.
    public var graph: Graph
    /// The corpus name for the title slide.
    public var corpus: String
    /// Colours and shapes.
    public var theme: Theme = .light
    /// Paths to show, one slide each.
    public var paths: [PathRequest] = []
    /// Stance edges below this confidence are not drawn.
    public var minimumStanceConfidence = Edge.defaultMinimumStanceConfidence
    /// The title slide's title; `nil` gives "Who stands where: CORPUS".
    public var title: String?

    /// Creates a builder.
    public init(graph: Graph, corpus: String) {
        self.graph = graph
        self.corpus = corpus
    }

    /// A path to show: its two ends, as indices into `graph.nodes`.
    public struct PathRequest: Sendable, Equatable {
        /// The start.
        public var from: Int
        /// The end.
        public var to: Int

        /// Creates a request.
        public init(from: Int, to: Int) {
            self.from = from
            self.to = to
        }
    }

    /// The slides of a deck and the pictures drawn for them.
    public struct Deck: Sendable {
        /// The slides, in order.
        public var slides: [Slide]
        /// Each drawn slide's picture as PNG and SVG.
        public var pictures: [Picture]
    }

    /// One rendered slide picture, in both formats.
    public struct Picture: Sendable {
        /// 1-based slide number.
        public var slide: Int
        /// PNG bytes (1920 × 1080).
        public var png: Data
        /// SVG bytes.
        public var svg: Data
    }

    /// The slides and their pictures.
    ///
    /// - Throws: ``RenderError`` from Graphviz.
    public func build() async throws -> Deck {
        var slides: [Slide] = []
        var pictures: [Picture] = []
        let dates = graph.documents.compactMap(\.date).sorted()
        let span = dates.first.map { first in first == dates.last ? first : "\(first) to \(dates.last ?? first)" }
        let coMentions = graph.edges.filter { $0.kind == .coMention }.count
        let stances = graph.edges.filter { $0.kind == .stance }
        slides.append(
            Slide(
                title: title ?? "Who stands where: \(corpus)",
                caption: [
                    "\(graph.documents.count) articles", span, "\(graph.nodes.count) entities", "\(coMentions) co-mention ties",
                    "\(stances.count) stance edges",
                ].compactMap { $0 }.joined(separator: " · ")))

        func add(
            _ title: String, _ caption: (Graph) -> String, _ view: any DiagramView, hierarchy: Bool = false, emphasis: Set<String>? = nil,
            centre: String? = nil
        )
            async throws
        {
            var writer = DiagramWriter()
            writer.theme = theme
            writer.view = view
            writer.prefersHierarchy = hierarchy
            writer.emphasis = emphasis
            writer.centre = centre
            let diagram: DiagramWriter.Diagram
            do {
                diagram = try writer.drawing(for: graph)
            } catch let nothing as NothingToDraw {
                slides.append(Slide(title: title, caption: "Nothing to draw: \(nothing.reason)"))
                return
            }
            let png = try await GraphvizRenderer.shared.render(
                dot: diagram.text, layout: diagram.layout, format: .png, dpi: 120, page: .slide)
            let svg = try await GraphvizRenderer.shared.render(dot: diagram.text, layout: diagram.layout, format: .svg, page: .slide)
            slides.append(Slide(title: title, caption: caption(diagram.shown), picture: png))
            pictures.append(Picture(slide: slides.count, png: png, svg: svg))
        }

        let overview = GraphView(top: 40, minimumStanceConfidence: minimumStanceConfidence)
        try await add(
            "Who is mentioned with whom",
            { shown in
                "The \(shown.nodes.count) most connected of \(graph.nodes.filter { $0.type != .location }.count) entities; line width grows with the sentences they share"
            }, overview)

        if !stances.contains(where: { ($0.confidence ?? 1) >= minimumStanceConfidence }) {
            slides.append(
                Slide(
                    title: "Who supports and opposes whom",
                    caption: "No stance edges at confidence \(minimumStanceConfidence) or above were found in these articles"))
        } else {
            let view = StanceView(minimumConfidence: minimumStanceConfidence)
            try await add(
                "Who supports and opposes whom",
                { shown in
                    let support = shown.edges.filter { $0.polarity == .support }.count
                    return
                        "\(support) support and \(shown.edges.count - support) oppose edges among \(shown.nodes.count) entities; arrows point at the target"
                }, view, hierarchy: true)
        }

        let index = GraphIndex(graph)
        let strength = (0..<index.nodeCount).map { index.weightedDegree($0) }
        let people = graph.nodes.indices.filter { graph.nodes[$0].type == .person }
            .sorted { strength[$0] != strength[$1] ? strength[$0] > strength[$1] : graph.nodes[$0].id < graph.nodes[$1].id }
        for person in people.prefix(3) {
            let node = graph.nodes[person]
            let strongest = index.neighborhood(of: person).first.map { graph.nodes[$0.node].label }
            let view = EgoView(centre: node.id, depth: 1, top: 25)
            try await add(
                "Around \(node.label)",
                { shown in
                    "\(shown.nodes.count - 1) entities mentioned with \(node.label) (\(node.mentions) mentions in \(node.documents) articles)"
                        + (strongest.map { "; strongest tie: \($0)" } ?? "")
                }, view, centre: node.id)
        }

        let finder = PathFinder(index)
        for request in paths {
            let a = graph.nodes[request.from].label
            let b = graph.nodes[request.to].label
            guard let path = finder.shortestPath(from: request.from, to: request.to, by: .strength) else {
                slides.append(Slide(title: "\(a) → \(b)", caption: "No connection between \(a) and \(b) in these articles"))
                continue
            }
            let ids = path.nodes.map(\.id)
            let view = PathView(path: ids, neighbours: 3)
            let via = path.nodes.dropFirst().dropLast().map(\.label)
            try await add(
                "\(a) → \(b)",
                { _ in
                    "\(path.hops.count) hop\(path.hops.count == 1 ? "" : "s") by strength"
                        + (via.isEmpty ? ", mentioned together directly" : " via " + via.joined(separator: ", "))
                        + "; faded: their strongest neighbours"
                }, view, emphasis: Set(ids))
        }
        return Deck(slides: slides, pictures: pictures)
    }
}
