import Corpus
import EntityRecognition
import Foundation
import PlexusGraph
import Testing

@testable import PlexusTraining

@Suite struct ClusteringScoreTests {
    @Test func bCubedMatchesAHandComputedExample() {
        // Gold: {m1, m2, m3} = A, {m4} = B. Predicted: {m1, m2} = X, {m3, m4} = Y.
        // Precision per mention: 1, 1, 1/2, 1/2 → 0.75. Recall: 2/3, 2/3, 1/3, 1 → 2/3.
        let gold = [0..<2, 3..<5, 6..<8, 9..<11].enumerated().map {
            ClusteringScore.Item(document: 0, range: $0.element, cluster: $0.offset < 3 ? "A" : "B", surface: "m\($0.offset + 1)")
        }
        let predicted = [0..<2, 3..<5, 6..<8, 9..<11].enumerated().map {
            ClusteringScore.Item(document: 0, range: $0.element, cluster: $0.offset < 2 ? "X" : "Y", surface: "m\($0.offset + 1)")
        }
        let report = ClusteringScore.score(gold: gold, predicted: predicted)
        #expect(abs(report.bCubedPrecision - 0.75) < 1e-12)
        #expect(abs(report.bCubedRecall - 2.0 / 3.0) < 1e-12)
        #expect(abs(report.bCubedF1 - 2 * 0.75 * (2.0 / 3.0) / (0.75 + 2.0 / 3.0)) < 1e-12)
    }

    @Test func missedMentionsLowerRecallAndSpuriousOnesTheEntityList() {
        let gold = [
            ClusteringScore.Item(document: 0, range: 0..<3, cluster: "A", surface: "a"),
            ClusteringScore.Item(document: 0, range: 5..<8, cluster: "A", surface: "b"),
        ]
        let predicted = [
            ClusteringScore.Item(document: 0, range: 0..<3, cluster: "A", surface: "a"),
            ClusteringScore.Item(document: 0, range: 10..<12, cluster: "Z", surface: "z"),
        ]
        let report = ClusteringScore.score(gold: gold, predicted: predicted)
        #expect(report.matchedMentions == 1)
        #expect(report.bCubedRecall < 1 && report.bCubedPrecision == 1)
        #expect(report.entityPrecision == 0.5 && report.entityRecall == 1)
    }

    @Test func readsTheFixtureFormat() throws {
        let passages = try AnnotatedPassages.parse(
            "# c\n=== one\n[[Sir Keir|Keir Starmer]] met [[Mr Macron|Emmanuel Macron]].\n\n=== two\nNo one.\n", path: "f.txt")
        #expect(passages.map(\.id) == ["one", "two"])
        #expect(passages[0].document.text == "Sir Keir met Mr Macron.")
        #expect(passages[0].mentions.map(\.range) == [0..<8, 13..<22])
        #expect(passages[0].mentions.map(\.label) == ["Keir Starmer", "Emmanuel Macron"])
        #expect(throws: AnnotatedPassages.FormatError.self) { try AnnotatedPassages.parse("=== x\n[[broken", path: "f.txt") }
    }
}
