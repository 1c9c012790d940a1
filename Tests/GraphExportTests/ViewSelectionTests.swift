import Foundation
import PlexusGraph
import Testing

@testable import GraphExport

/// A star around "hub" with ties of falling weight, a location, and stance edges of high and
/// low confidence.
///
/// Written for these tests.
let star: Graph = {
    let spokes = ["s1", "s2", "s3", "s4", "s5"]
    var nodes = [Node(id: "hub", label: "Hub", type: .person, mentions: 10, documents: 1)]
    nodes += spokes.map { Node(id: $0, label: $0.uppercased(), type: .country, mentions: 1, documents: 1) }
    nodes.append(Node(id: "place", label: "Place", type: .location, mentions: 50, documents: 1))
    var edges = spokes.enumerated().map { index, id in
        Edge(source: "hub", target: id, kind: .coMention, weight: 10 - index)
    }
    edges.append(Edge(source: "hub", target: "place", kind: .coMention, weight: 20))
    edges.append(Edge(source: "s1", target: "hub", kind: .stance, polarity: .support, weight: 1, confidence: 0.9))
    edges.append(Edge(source: "s2", target: "hub", kind: .stance, polarity: .oppose, weight: 1, confidence: 0.3))
    return Graph(documents: [DocumentInfo(id: "d1", path: "a.txt")], nodes: nodes.sorted { $0.id < $1.id }, edges: edges)
}()

@Suite struct GraphViewTests {
    @Test func theOverviewKeepsTheMostConnectedEntitiesAndHidesLocations() {
        let shown = GraphView(top: 3).select(from: star)
        #expect(Set(shown.nodes.map(\.id)) == ["hub", "s1", "s2"])
        let withPlaces = GraphView(top: 3, includeLocations: true).select(from: star)
        #expect(withPlaces.nodes.contains { $0.id == "place" })
    }

    @Test func stanceEdgesBelowTheConfidenceThresholdAreNotDrawn() {
        let shown = GraphView(top: 10).select(from: star)
        let stances = shown.edges.filter { $0.kind == .stance }
        #expect(stances.map(\.source) == ["s1"])
        let everything = GraphView(top: 10, minimumStanceConfidence: 0).select(from: star)
        #expect(everything.edges.filter { $0.kind == .stance }.count == 2)
    }

    @Test func anEdgeLimitKeepsTheStrongestEdges() {
        let shown = GraphView(top: 10, maxEdges: 2).select(from: star)
        #expect(shown.edges.map(\.weight).sorted() == [9, 10])
    }

    @Test func aPathViewKeepsThePathAndEachNodesStrongestNeighbours() {
        let shown = PathView(path: ["s1", "hub"], neighbours: 1).select(from: star)
        #expect(Set(shown.nodes.map(\.id)) == ["s1", "hub", "place"])
    }

    @Test func everyViewIsADiagramViewTheWriterCanDraw() {
        let views: [any DiagramView] = [GraphView(top: 3), PathView(path: ["hub"]), EgoView(centre: "hub"), StanceView()]
        for view in views {
            var writer = DiagramWriter()
            writer.view = view
            let diagram = writer.dot(for: star)
            #expect(diagram.shown == view.select(from: star))
            #expect(diagram.text.hasPrefix("digraph"))
        }
    }
}

@Suite struct NothingToDrawTests {
    @Test func anEmptyGraphWritesNoFileAndSaysWhy() async throws {
        let folder = NSTemporaryDirectory() + "plexus-nothing-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        do {
            _ = try await DiagramWriter().write(Graph(), formats: [.png, .svg], to: folder)
            Issue.record("an empty graph was drawn")
        } catch let error as NothingToDraw {
            #expect(error.description == "nothing to draw: the articles name no person, country or organisation")
        }
        #expect(!FileManager.default.fileExists(atPath: folder + "/graph.png"))
    }

    @Test func onlyHiddenPlacesSayHowToShowThem() {
        let places = Graph(nodes: [Node(id: "p", label: "P", type: .location, mentions: 1, documents: 1)])
        #expect(NothingToDraw(graph: places).reason.contains("--locations"))
    }

    @Test func aDeckOfAnEmptyGraphSaysSoInsteadOfFailing() async throws {
        let deck = try await DeckBuilder(graph: Graph(), corpus: "empty").build()
        #expect(deck.slides.count >= 2)
        #expect(deck.slides[1].caption.hasPrefix("Nothing to draw"))
        #expect(deck.pictures.isEmpty)
    }
}
