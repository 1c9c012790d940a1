import Corpus
import EntityRecognition
import Foundation
import PlexusGraph
import PlexusSupport
import RelationExtraction

/// A NewsMTSC file could not be used.
public struct NewsMTSCError: Error, Sendable, CustomStringConvertible {
    /// The file.
    public var path: String
    /// The 1-based line, when the problem is on one line.
    public var line: Int?
    /// What is wrong.
    public var reason: String
    /// `path:line: reason`.
    public var description: String { "\(path)\(line.map { ":\($0)" } ?? ""): \(reason)" }
}

/// Reads NewsMTSC JSON Lines (one sentence per line, each with targets and a polarity of
/// 2.0 negative, 4.0 neutral or 6.0 positive) into one ``PolarityExample`` per target.
public enum NewsMTSCReader {
    private struct Record: Decodable {
        struct Target: Decodable {
            var from: Int
            var to: Int
            var polarity: Double
        }
        var sentenceNormalized: String
        var targets: [Target]

        enum CodingKeys: String, CodingKey {
            case sentenceNormalized = "sentence_normalized"
            case targets
        }
    }

    /// The examples of a file, tokenised with Plexus's own tokenizer.
    ///
    /// - Throws: ``NewsMTSCError`` naming the file and line of a malformed record.
    /// - Complexity: O(n) in the file's size.
    public static func read(from path: String) throws -> [PolarityExample] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw NewsMTSCError(path: path, reason: FileManager.default.fileExists(atPath: path) ? "cannot be read" : "no such file")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw NewsMTSCError(path: path, reason: "is not UTF-8 text") }
        let decoder = JSONDecoder()
        let tokenizer = Tokenizer()
        var examples: [PolarityExample] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let record: Record
            do {
                record = try decoder.decode(Record.self, from: Data(line.utf8))
            } catch {
                throw NewsMTSCError(
                    path: path, line: number + 1,
                    reason: "not a NewsMTSC record (needs sentence_normalized and targets with from, to, polarity)")
            }
            let original = Array(record.sentenceNormalized.unicodeScalars)
            let scalars = original.map(TextNormalizer.normalize)
            let tokens = tokenizer.tokenize(scalars)
            // The model reads tokens as written: curly opening and closing quotes and ’ stay
            // distinct (straightening them lowered rw/dev macro-F1 by 0.02 in a prototype).
            let words = tokens.map { String(scalars: original[$0.start..<$0.end]) }
            for target in record.targets {
                guard target.from >= 0, target.to > target.from, target.to <= scalars.count else {
                    throw NewsMTSCError(
                        path: path, line: number + 1, reason: "target offsets \(target.from)..<\(target.to) fall outside the sentence")
                }
                let covered = tokens.indices.filter { tokens[$0].end > target.from && tokens[$0].start < target.to }
                guard let first = covered.first, let last = covered.last else { continue }
                let gold: TargetPolarity
                switch target.polarity {
                case ..<3: gold = .negative
                case 3..<5: gold = .neutral
                default: gold = .positive
                }
                examples.append(PolarityExample(words: words, target: first..<(last + 1), gold: gold))
            }
        }
        return examples
    }
}

/// Accuracy and macro-F1 over the three polarity classes.
public struct PolarityScores: Sendable {
    /// Examples scored.
    public var count: Int
    /// Share predicted right.
    public var accuracy: Double
    /// Per class (negative, neutral, positive): F1.
    public var f1: [Double]
    /// Mean of the three F1 scores.
    public var macroF1: Double { f1.reduce(0, +) / Double(max(1, f1.count)) }

    /// Scores a model on labelled examples.
    ///
    /// - Complexity: O(total words).
    public static func score(_ model: TargetPolarityModel, on examples: [PolarityExample]) -> PolarityScores {
        var confusion = [[Int]](repeating: [0, 0, 0], count: 3)
        var count = 0
        for example in examples {
            guard let gold = example.gold else { continue }
            confusion[gold.rawValue][model.predict(example).rawValue] += 1
            count += 1
        }
        var f1: [Double] = []
        for k in 0..<3 {
            let truePositive = Double(confusion[k][k])
            let predicted = Double((0..<3).map { confusion[$0][k] }.reduce(0, +))
            let actual = Double(confusion[k].reduce(0, +))
            let precision = predicted > 0 ? truePositive / predicted : 0
            let recall = actual > 0 ? truePositive / actual : 0
            f1.append(precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0)
        }
        let correct = (0..<3).map { confusion[$0][$0] }.reduce(0, +)
        return PolarityScores(count: count, accuracy: count > 0 ? Double(correct) / Double(count) : 0, f1: f1)
    }
}
