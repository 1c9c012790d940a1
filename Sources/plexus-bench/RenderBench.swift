import ArgumentParser
import EntityRecognition
import Foundation
import GraphExport
import PlexusGraph
import RelationExtraction

/// `plexus-bench render`: how long diagrams and decks take.
struct RenderBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Time the 40-node overview, a 1,000-node sfdp drawing and an 8-slide deck for a graph.json."
    )

    @Option(help: "A graph.json with at least 1,000 entities (e.g. built from ../shared/data/news-corpus).") var graph: String

    func run() async throws {
        let graph = try GraphCodec.read(from: graph)
        func time(_ work: () async throws -> Void) async rethrows -> Double {
            let start = DispatchTime.now().uptimeNanoseconds
            try await work()
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }
        var overview = DiagramWriter()
        overview.title = "Overview"
        for format in [OutputFormat.svg, .png, .pdf] {
            let seconds = try await time {
                let diagram = overview.dot(for: graph)
                _ = try await GraphvizRenderer.shared.render(dot: diagram.text, layout: diagram.layout, format: format)
            }
            print(String(format: "overview, 40 nodes, %@           %6.2f s", format.rawValue.uppercased(), seconds))
        }
        var large = DiagramWriter()
        large.view = GraphView(top: 1_000, includeLocations: true, maxEdges: 3_000)
        let largeSeconds = try await time {
            let diagram = large.dot(for: graph)
            _ = try await GraphvizRenderer.shared.render(dot: diagram.text, layout: diagram.layout, format: .svg)
        }
        print(String(format: "1,000 nodes (%@), SVG            %6.2f s", large.dot(for: graph).layout.rawValue, largeSeconds))
        var deck = DeckBuilder(graph: graph, corpus: "benchmark")
        let index = GraphIndex(graph)
        let strength = (0..<index.nodeCount).map { index.weightedDegree($0) }
        let strongest = (0..<index.nodeCount).sorted { strength[$0] > strength[$1] }
        deck.paths = [.init(from: strongest[0], to: strongest[5]), .init(from: strongest[1], to: strongest[9])]
        let deckSeconds = try await time {
            let slides = try await deck.build().slides
            let data = try SlideDeck.pptx(slides)
            print("deck: \(slides.count) slides, \(data.count / 1000) kB")
        }
        print(String(format: "deck of 8 slides                  %6.2f s", deckSeconds))
    }
}
