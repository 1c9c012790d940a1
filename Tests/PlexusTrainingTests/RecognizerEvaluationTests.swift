import Foundation
import Testing

@testable import PlexusTraining

/// A CrossNER-style file written for these tests.
@Suite struct RecognizerEvaluationTests {
    func write(_ text: String) throws -> String {
        let path = NSTemporaryDirectory() + "crossner-\(UUID().uuidString).txt"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func spansAreScoredExactlyWithCrossNERTypesMapped() throws {
        let path = try write(
            "President\tO\nBarack\tB-politician\nObama\tI-politician\nvisited\tO\nFrance\tB-country\n.\tO\n\n"
                + "The\tO\nLabour\tB-politicalparty\nParty\tI-politicalparty\nwon\tO\nthe\tO\n1997\tB-election\nelection\tI-election\n.\tO\n"
        )
        defer { try? FileManager.default.removeItem(atPath: path) }
        let sentences = try RecognizerEvaluation.read(from: path)
        #expect(sentences.count == 2 && sentences[1].tags.contains("B-ORG") && !sentences[1].tags.contains { $0.hasSuffix("election") })
        let scores = RecognizerEvaluation.score(sentences)
        #expect(scores["PER"]?.right == 1 && scores["PER"]?.gold == 1)
        #expect(scores["LOC"]?.right == 1 && scores["LOC"]?.gold == 1)
        #expect(scores["ORG"]?.right == 1 && scores["ORG"]?.gold == 1)
    }

    @Test func theReportListsEveryWrongAndMissedSpan() throws {
        let path = try write("Barack\tB-politician\nObama\tI-politician\nmet\tO\nthe\tO\nGreens\tB-politicalparty\n.\tO\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let report = RecognizerEvaluation.report(try RecognizerEvaluation.read(from: path))
        let right = report.scores.values.reduce(0) { $0 + $1.right }
        let predicted = report.scores.values.reduce(0) { $0 + $1.predicted }
        let gold = report.scores.values.reduce(0) { $0 + $1.gold }
        #expect(report.wrong.count == predicted - right)
        #expect(report.missed.count == gold - right)
        #expect(report.missed.allSatisfy { $0.gold != nil && $0.sentence.hasPrefix("Barack Obama") })
    }

    @Test func aLineThatIsNotWordAndTagNamesTheFileAndLine() throws {
        let path = try write("Obama\tB-politician\nvisited France B-country\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: CoNLLError(path: path, line: 2, reason: "expected 2 columns (word, tag), found 1")) {
            try RecognizerEvaluation.read(from: path)
        }
    }
}
