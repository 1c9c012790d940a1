import Corpus
import EntityRecognition
import PlexusGraph
import PlexusSupport
import Testing

@testable import RelationExtraction

@Suite struct GraphBuilderTests {
    func build(_ texts: [String]) throws -> Graph {
        let documents = texts.enumerated().map { Document(id: "d\($0.offset + 1)", path: "t\($0.offset).txt", text: $0.element) }
        return try GraphBuilder.shipped().build(documents).graph
    }

    @Test func coMentionWeightCountsDistinctSentences() throws {
        let graph = try build([
            "Emmanuel Macron met Keir Starmer. Mr Macron thanked Sir Keir. Keir Starmer left.",
            "Keir Starmer called Emmanuel Macron.",
        ])
        let edge = try #require(graph.edges.first { $0.source == "emmanuel-macron" && $0.target == "keir-starmer" })
        #expect(edge.kind == .coMention)
        #expect(edge.weight == 3)
        #expect(edge.evidence.map(\.document) == ["d1", "d1", "d2"])
        #expect(edge.evidence.first?.sentence == 1)
    }

    @Test func aSentenceRepeatedInADocumentCountsOnce() throws {
        let graph = try build(["Emmanuel Macron met Keir Starmer. Then they ate. Emmanuel Macron met Keir Starmer."])
        #expect(graph.edges.first?.weight == 1)
    }

    @Test func evidenceQuotesTheOriginalCharacters() throws {
        let graph = try build(["Sir Keir Starmer said “Britain is ready.”"])
        let edge = try #require(graph.edges.first)
        #expect(edge.evidence.first?.text == "Sir Keir Starmer said “Britain is ready.”")
    }

    @Test func edgesAreUndirectedWithSourceBeforeTarget() throws {
        let graph = try build(["Vladimir Putin, Donald Trump and Volodymyr Zelensky spoke."])
        #expect(graph.edges.count == 3)
        #expect(graph.edges.allSatisfy { $0.source < $0.target })
    }
}

@Suite struct BoundedCostTests {
    @Test func longEvidenceIsClippedAroundTheMentionsItShows() {
        let filler = String(repeating: "and then nothing happened ", count: 40)
        let text = "Keir Starmer spoke first, " + filler + "before Donald Trump replied."
        let starmer = 0..<12
        let trumpStart = text.unicodeScalars.count - "Donald Trump replied.".unicodeScalars.count
        let clipped = EvidenceClip.clip(text, keeping: [starmer, trumpStart..<(trumpStart + 12)], limit: 600)
        #expect(clipped.unicodeScalars.count <= 600 + 3)
        #expect(clipped.hasPrefix("Keir Starmer spoke first"))
        #expect(clipped.contains("…"))
        #expect(clipped.contains("Donald Trump replied."))
        #expect(EvidenceClip.clip("Short.", keeping: [], limit: 600) == "Short.")
    }

    @Test func aSentenceNamingTooManyEntitiesGivesNoPairsButIsCounted() throws {
        let names = (1...60).map { "Person\($0) Surname\($0)" }.joined(separator: ", ")
        var builder = try GraphBuilder.shipped(stances: false)
        builder.maximumEntitiesPerSentence = 40
        let built = builder.build([Document(id: "d1", path: "t.txt", text: names + " met.")])
        #expect(built.graph.edges.isEmpty)
        #expect(built.crowdedSentences == 1)
    }

    @Test func aSentenceTooLongToBeProseGivesNoEdgesButIsCounted() throws {
        let filler = String(repeating: "and the talks went on ", count: 60)
        let long = "Keir Starmer backed Emmanuel Macron " + filler + "in Paris."
        let built = try GraphBuilder.shipped().build([
            Document(id: "d1", path: "t.txt", text: long + " Olaf Scholz met Giorgia Meloni in Rome.")
        ])
        #expect(built.longSentences == 1)
        let pairs = built.graph.edges.map { [$0.source, $0.target] }
        #expect(pairs.contains(["giorgia-meloni", "olaf-scholz"]), "the short sentence still gives its edge")
        #expect(!built.graph.edges.contains { $0.source == "keir-starmer" || $0.target == "keir-starmer" })
        #expect(built.graph.nodes.contains { $0.id == "keir-starmer" }, "its mentions still count")
    }

    @Test func aRunOfCapitalisedWordsIsNoName() throws {
        let run = (1...30).map { "Word\($0)" }.joined(separator: " ")
        let built = try GraphBuilder.shipped(stances: false).build([Document(id: "d1", path: "t.txt", text: "Mr \(run) said so.")])
        #expect(built.graph.nodes.allSatisfy { $0.label.split(separator: " ").count <= DocumentAnalyzer.maximumNameWords })
    }
}
