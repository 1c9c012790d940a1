import Foundation
import PlexusGraph
import Testing

@testable import GraphExport

@Suite struct DeckBuilderTests {
    @Test func aDeckHasTitleOverviewStanceMapEgoNetworksAndOneSlidePerPath() async throws {
        var builder = DeckBuilder(graph: star, corpus: "star")
        let hub = try #require(star.nodes.firstIndex { $0.id == "hub" })
        let spoke = try #require(star.nodes.firstIndex { $0.id == "s3" })
        builder.paths = [DeckBuilder.PathRequest(from: spoke, to: hub)]
        let deck = try await builder.build()
        // Title, overview, stance map, one ego network (the graph has one person), one path.
        #expect(
            deck.slides.map(\.title) == [
                "Who stands where: star", "Who is mentioned with whom", "Who supports and opposes whom", "Around Hub", "S3 → Hub",
            ])
        #expect(deck.slides[0].picture == nil)
        #expect(deck.pictures.map(\.slide) == [2, 3, 4, 5])
        for picture in deck.pictures {
            #expect(Array(picture.png.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
            #expect(
                String(decoding: picture.svg.prefix(200), as: UTF8.self).contains("<svg")
                    || String(decoding: picture.svg.prefix(400), as: UTF8.self).contains("<!DOCTYPE svg"))
        }
        #expect(deck.slides[4].caption.hasPrefix("1 hop by strength"))
    }

    @Test func theTitleSlideTakesTheTitleGiven() async throws {
        var builder = DeckBuilder(graph: star, corpus: "star")
        builder.title = "Ukraine talks, spring 2025"
        #expect(try await builder.build().slides.first?.title == "Ukraine talks, spring 2025")
    }

    @Test func aPathThatDoesNotExistGetsASlideThatSaysSo() async throws {
        var graph = star
        graph.nodes.append(Node(id: "zz-alone", label: "Alone", type: .person, mentions: 1, documents: 1))
        var builder = DeckBuilder(graph: graph, corpus: "star")
        let alone = try #require(graph.nodes.firstIndex { $0.id == "zz-alone" })
        builder.paths = [DeckBuilder.PathRequest(from: 0, to: alone)]
        let deck = try await builder.build()
        let last = try #require(deck.slides.last)
        #expect(last.caption.hasPrefix("No connection between"))
        #expect(last.picture == nil)
    }

    @Test func withNoConfidentStanceTheStanceSlideSaysSoInsteadOfDrawingNothing() async throws {
        var builder = DeckBuilder(graph: star, corpus: "star")
        builder.minimumStanceConfidence = 0.95
        let deck = try await builder.build()
        let stance = try #require(deck.slides.first { $0.title == "Who supports and opposes whom" })
        #expect(stance.picture == nil)
        #expect(stance.caption.contains("No stance edges"))
    }
}
