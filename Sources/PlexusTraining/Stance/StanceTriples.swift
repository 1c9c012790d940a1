import Corpus
import EntityRecognition
import Foundation
import PlexusGraph
import PlexusSupport
import RelationExtraction

/// A passage of the stance fixture: its text and the triples it should give.
public struct StancePassage: Sendable {
    /// The 1-based line the passage starts on.
    public var line: Int
    /// The passage's name (after "==").
    public var name: String
    /// The text (one or more sentences).
    public var text: String
    /// The expected triples; empty when the passage states no stance.
    public var expected: [StanceTriple]
}

/// Reads the stance fixture format.
///
/// ```
/// == reported speech Moscow rejects any peacekeeping force, Peskov said. > Dmitry Peskov | oppose
/// | peacekeepers
/// ```
///
/// A passage starts with a line "== name"; text lines follow; each "> holder | polarity |
/// target" line is an expected triple; "> none" says the passage has no stance. Lines
/// starting with "#" are comments.
public enum StanceFixture {
    /// A line the reader cannot use.
    public struct FormatError: Error, Sendable, CustomStringConvertible {
        /// The file.
        public var path: String
        /// The 1-based line.
        public var line: Int
        /// What is wrong.
        public var reason: String
        /// `path:line: reason`.
        public var description: String { "\(path):\(line): \(reason)" }
    }

    /// The passages of a fixture file.
    ///
    /// - Throws: ``FormatError`` for a malformed triple or text outside a passage; a missing file is a
    ///   ``FormatError`` at line 0.
    public static func read(from path: String) throws -> [StancePassage] {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw FormatError(
                path: path, line: 0, reason: FileManager.default.fileExists(atPath: path) ? "is not UTF-8 text" : "no such file")
        }
        var passages: [StancePassage] = []
        var current: StancePassage?
        var sawNone = false
        func close(at line: Int) throws {
            guard let passage = current else { return }
            if passage.text.isEmpty { throw FormatError(path: path, line: passage.line, reason: "passage \"\(passage.name)\" has no text") }
            if passage.expected.isEmpty && !sawNone {
                throw FormatError(
                    path: path, line: passage.line,
                    reason: "passage \"\(passage.name)\" has no \"> …\" line; write \"> none\" if it has no stance")
            }
            passages.append(passage)
        }
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            let number = index + 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("==") {
                try close(at: number)
                current = StancePassage(line: number, name: line.dropFirst(2).trimmingCharacters(in: .whitespaces), text: "", expected: [])
                sawNone = false
                continue
            }
            guard current != nil else { throw FormatError(path: path, line: number, reason: "text before the first \"==\" passage line") }
            if line.hasPrefix(">") {
                let body = line.dropFirst().trimmingCharacters(in: .whitespaces)
                if body.lowercased() == "none" {
                    sawNone = true
                    continue
                }
                let parts = body.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 3, let polarity = Polarity(rawValue: parts[1].lowercased()), !parts[0].isEmpty, !parts[2].isEmpty
                else {
                    throw FormatError(path: path, line: number, reason: "expected \"> holder | support or oppose | target\"")
                }
                current?.expected.append(StanceTriple(holder: parts[0], polarity: polarity, target: parts[2]))
            } else {
                if var passage = current {
                    passage.text += (passage.text.isEmpty ? "" : " ") + line
                    current = passage
                }
            }
        }
        try close(at: 0)
        return passages
    }
}

/// Precision, recall and F1 of exact triples over a fixture.
public struct TripleScores: Sendable {
    /// Triples predicted and expected that match.
    public var correct: Int
    /// Triples predicted.
    public var predicted: Int
    /// Triples expected.
    public var expected: Int
    /// For each passage: the triples predicted but not expected, and expected but not predicted.
    public var errors: [PassageErrors]

    /// What one passage got wrong.
    public struct PassageErrors: Sendable {
        /// The passage.
        public var passage: StancePassage
        /// Triples predicted but not expected.
        public var spurious: [StanceTriple]
        /// Triples expected but not predicted.
        public var missed: [StanceTriple]
    }

    /// correct / predicted.
    public var precision: Double { predicted > 0 ? Double(correct) / Double(predicted) : 0 }
    /// correct / expected.
    public var recall: Double { expected > 0 ? Double(correct) / Double(expected) : 0 }
    /// Harmonic mean of precision and recall.
    public var f1: Double { precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0 }

    /// Builds the passages as one corpus (one document per passage) and compares each
    /// passage's triples at or above `minimumConfidence` with the expected ones.
    ///
    /// - Complexity: one graph build of the passages.
    public static func score(_ passages: [StancePassage], builder: GraphBuilder, minimumConfidence: Double) -> TripleScores {
        let documents = passages.enumerated().map { index, passage in
            Document(id: "p\(index + 1)", path: "passage \(passage.line)", text: passage.text)
        }
        let built = builder.build(documents)
        let triples = built.stanceTriples()
        var scores = TripleScores(correct: 0, predicted: 0, expected: 0, errors: [])
        for (index, passage) in passages.enumerated() {
            let predicted = Set(triples[index].filter { $0.confidence >= minimumConfidence }.map(\.triple.folded))
            let expected = Set(passage.expected.map(\.folded))
            scores.correct += predicted.intersection(expected).count
            scores.predicted += predicted.count
            scores.expected += expected.count
            let labels = Dictionary(passage.expected.map { ($0.folded, $0) }, uniquingKeysWith: { a, _ in a })
            let predictedLabels = Dictionary(triples[index].map { ($0.triple.folded, $0.triple) }, uniquingKeysWith: { a, _ in a })
            let spurious = predicted.subtracting(expected).compactMap { predictedLabels[$0] }.sorted { $0.description < $1.description }
            let missed = expected.subtracting(predicted).compactMap { labels[$0] }.sorted { $0.description < $1.description }
            if !spurious.isEmpty || !missed.isEmpty {
                scores.errors.append(PassageErrors(passage: passage, spurious: spurious, missed: missed))
            }
        }
        return scores
    }
}
