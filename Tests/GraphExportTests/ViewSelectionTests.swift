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

@Suite struct EgoAndStanceViewTests {
    /// A centre tied to four people who are all co-mentioned with one another, more or less often.
    let clique: Graph = {
        let people = ["a", "b", "c", "d"]
        var nodes = [Node(id: "centre", label: "Centre", type: .person, mentions: 20, documents: 1)]
        nodes += people.map { Node(id: $0, label: $0.uppercased(), type: .person, mentions: 5, documents: 1) }
        nodes.append(Node(id: "town", label: "Town", type: .location, mentions: 9, documents: 1))
        var edges = people.map { Edge(source: "centre", target: $0, kind: .coMention, weight: 3) }
        let weights = ["a|b": 9, "a|c": 2, "a|d": 1, "b|c": 1, "b|d": 1, "c|d": 7]
        for (pair, weight) in weights {
            let ends = pair.split(separator: "|").map(String.init)
            edges.append(Edge(source: ends[0], target: ends[1], kind: .coMention, weight: weight))
        }
        edges.append(Edge(source: "a", target: "town", kind: .stance, polarity: .oppose, weight: 2, confidence: 0.9))
        edges.append(Edge(source: "centre", target: "d", kind: .stance, polarity: .support, weight: 1, confidence: 0.3))
        return Graph(nodes: nodes.sorted { $0.id < $1.id }, edges: edges.sorted { ($0.source, $0.target) < ($1.source, $1.target) })
    }()

    @Test func anEgoViewKeepsTheCentresTiesAndOnlyEachNeighboursStrongestOther() {
        let selection = EgoView(centre: "centre", depth: 1, top: 10).selection(from: clique)
        let pairs = Set(selection.shown.edges.map { "\($0.source)|\($0.target)" })
        #expect(pairs.isSuperset(of: ["centre|a", "centre|b", "centre|c", "centre|d"]))
        #expect(
            pairs.subtracting(["centre|a", "centre|b", "centre|c", "centre|d"]) == ["a|b", "c|d"], "a and b, c and d: each one's strongest")
        #expect(selection.tiesLeftOut == 4)
        #expect(selection.neighbours == 4, "the town is a place, left out as in the overview")
        #expect(!selection.shown.edges.contains { $0.kind == .stance }, "the weak stance edge stays out")
    }

    @Test func theCentreIsDrawnDistinct() {
        var writer = DiagramWriter()
        writer.view = EgoView(centre: "centre")
        writer.centre = "centre"
        let dot = writer.dot(for: clique).text
        let centreLine = dot.split(separator: "\n").first { $0.hasPrefix("  \"centre\" [") } ?? ""
        #expect(centreLine.contains("penwidth=\"4.5\"") && centreLine.contains("Bold"))
        #expect(!(dot.split(separator: "\n").first { $0.hasPrefix("  \"a\" [") } ?? "").contains("penwidth=\"4.5\""))
    }

    @Test func theStanceMapLeavesPlacesOutUnlessAskedFor() {
        #expect(StanceView(minimumConfidence: 0).select(from: clique).nodes.map(\.id) == ["centre", "d"])
        #expect(
            StanceView(minimumConfidence: 0, includeLocations: true).select(from: clique).nodes.map(\.id) == ["a", "centre", "d", "town"])
    }
}

@Suite struct LoneEntityTests {
    @Test func oneEntityWithoutTiesIsSaidInWordsNotDrawn() {
        let graph = Graph(nodes: [Node(id: "a", label: "Anna Smith", type: .person, mentions: 3, documents: 1)])
        #expect(throws: NothingToDraw(reason: "only Anna Smith is named, with no ties to draw")) {
            try DiagramWriter().drawing(for: graph)
        }
    }
}

@Suite struct OverviewPruningTests {
    @Test func aCrowdedOverviewKeepsEveryEntitysStrongestTieBeforeTheHubsWeakerOnes() {
        // Two hubs tied to each other and to everyone, heavily; eight others tied in a ring, lightly.
        let others = (0..<8).map { "p\($0)" }
        var edges = [Edge(source: "hub1", target: "hub2", kind: .coMention, weight: 50)]
        for (index, other) in others.enumerated() {
            edges.append(Edge(source: "hub1", target: other, kind: .coMention, weight: 20 + index))
            edges.append(Edge(source: "hub2", target: other, kind: .coMention, weight: 10 + index))
            let next = others[(index + 1) % others.count]
            edges.append(Edge(source: min(other, next), target: max(other, next), kind: .coMention, weight: 2))
        }
        let nodes = (["hub1", "hub2"] + others).map { Node(id: $0, label: $0, type: .person, mentions: 1, documents: 1) }
        let graph = Graph(nodes: nodes, edges: edges)
        let shown = GraphView(top: 10, maxEdges: 12).select(from: graph)
        #expect(shown.edges.count == 12)
        for node in nodes {
            let strongest = edges.filter { $0.source == node.id || $0.target == node.id }.max { $0.weight < $1.weight }
            #expect(shown.edges.contains { $0 == strongest }, "\(node.id) keeps its strongest tie")
        }
        let drawn = Set(shown.edges.flatMap { [$0.source, $0.target] })
        #expect(drawn.count == nodes.count, "no entity is left without a tie")
    }

    @Test func stanceArrowsAreDrawnASizeUp() {
        let graph = Graph(
            nodes: [Node(id: "a", label: "A", type: .person), Node(id: "b", label: "B", type: .country)],
            edges: [Edge(source: "a", target: "b", kind: .stance, polarity: .oppose, weight: 1, confidence: 0.9)])
        let line = DOTWriter(layout: .dot).write(graph).split(separator: "\n").first { $0.contains("\"a\" -> \"b\"") } ?? ""
        #expect(line.contains("arrowsize=\"1.5\"") && line.contains("penwidth=\"2.00\""))
    }
}
