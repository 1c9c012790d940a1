import Corpus
import EntityRecognition
import Foundation
import PlexusGraph
import PlexusSupport
import RelationExtraction

/// One sentence of a CoNLL-2003 file: tokens with their part-of-speech, chunk and entity tags.
public struct CoNLLSentence: Sendable, Equatable {
    /// The words.
    public var words: [String]
    /// Part-of-speech tags (column 2).
    public var pos: [String]
    /// Chunk tags (column 3).
    public var chunks: [String]
    /// Entity tags (column 4).
    public var entities: [String]
    /// Index of the document (`-DOCSTART-` blocks) the sentence belongs to.
    public var document: Int
}

extension CoNLLSentence {
    /// The sentence read backwards, for training and scoring a right-to-left tagger: words
    /// and parts of speech reversed, chunk and entity tags as IOBES reversed (so the spans
    /// are the same words).
    public func reversed() -> CoNLLSentence {
        func flip(_ tags: [String]) -> [String] { ChunkTags.iobes(tags).reversed().map(ChunkTags.reversedIOBES) }
        return CoNLLSentence(
            words: words.reversed(), pos: pos.reversed(), chunks: flip(chunks), entities: flip(entities), document: document)
    }
}

/// Why a CoNLL file could not be read.
public struct CoNLLError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The file.
    public var path: String
    /// The 1-based line, when there is one.
    public var line: Int?
    /// What is wrong.
    public var reason: String
    /// `path[:line]: reason`.
    public var description: String { line.map { "\(path):\($0): \(reason)" } ?? "\(path): \(reason)" }
}

/// Reads CoNLL-2003 files: one token per line, `word POS chunk NER`, blank lines between
/// sentences, `-DOCSTART-` lines between documents.
///
/// IOB1 and IOB2 tags are both accepted (the scorer reads chunks the way conlleval does, so either
/// gives the same spans).
public enum CoNLLReader {
    /// Tag prefixes and types accepted in the chunk and entity columns.
    static func isValidTag(_ tag: String) -> Bool {
        if tag == "O" { return true }
        let parts = tag.split(separator: "-", maxSplits: 1)
        return parts.count == 2 && ["B", "I", "E", "S"].contains(parts[0]) && !parts[1].isEmpty
    }

    /// Reads a file.
    ///
    /// - Parameter entityTypes: when given, an entity tag of another type is an error.
    /// - Throws: ``CoNLLError`` naming the file and line (missing file, wrong column count,
    ///   an unknown tag, an empty file).
    public static func read(from path: String, entityTypes: Set<String>? = ["PER", "LOC", "ORG", "MISC"]) throws -> [CoNLLSentence] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CoNLLError(
                path: path, line: nil, reason: FileManager.default.fileExists(atPath: path) ? "cannot be read" : "no such file")
        }
        let text = String(decoding: data, as: UTF8.self)
        var sentences: [CoNLLSentence] = []
        var current = CoNLLSentence(words: [], pos: [], chunks: [], entities: [], document: 0)
        var document = 0
        var lineNumber = 0
        func flush() {
            if !current.words.isEmpty { sentences.append(current) }
            current = CoNLLSentence(words: [], pos: [], chunks: [], entities: [], document: document)
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                flush()
                continue
            }
            let columns = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if columns.first == "-DOCSTART-" {
                flush()
                document += 1
                current.document = document
                continue
            }
            guard columns.count == 4 else {
                throw CoNLLError(path: path, line: lineNumber, reason: "expected 4 columns (word POS chunk NER), found \(columns.count)")
            }
            let chunk = String(columns[2])
            let entity = String(columns[3])
            guard isValidTag(chunk) else { throw CoNLLError(path: path, line: lineNumber, reason: "unknown chunk tag \"\(chunk)\"") }
            guard isValidTag(entity) else { throw CoNLLError(path: path, line: lineNumber, reason: "unknown entity tag \"\(entity)\"") }
            if let entityTypes, entity != "O", let type = entity.split(separator: "-", maxSplits: 1).last,
                !entityTypes.contains(String(type))
            {
                throw CoNLLError(
                    path: path, line: lineNumber, reason: "unknown entity type in \"\(entity)\" (expected PER, LOC, ORG or MISC)")
            }
            current.words.append(String(columns[0]))
            current.pos.append(String(columns[1]))
            current.chunks.append(chunk)
            current.entities.append(entity)
        }
        flush()
        guard !sentences.isEmpty else { throw CoNLLError(path: path, line: nil, reason: "no tokens: the file is empty") }
        return sentences
    }
}

/// Precision, recall and F1 per type and overall, as conlleval computes them.
public struct ChunkScores: Sendable, Codable {
    /// Scores of one type.
    public struct Score: Sendable, Codable {
        /// Chunks found that are right.
        public var correct: Int
        /// Chunks found.
        public var predicted: Int
        /// Chunks in the gold data.
        public var gold: Int
        /// correct / predicted.
        public var precision: Double { predicted == 0 ? 0 : Double(correct) / Double(predicted) }
        /// correct / gold.
        public var recall: Double { gold == 0 ? 0 : Double(correct) / Double(gold) }
        /// Harmonic mean of precision and recall.
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    }

    /// Scores by type.
    public var byType: [String: Score]
    /// Scores over all types.
    public var overall: Score
    /// Tokens whose tag was right (token accuracy).
    public var correctTokens: Int
    /// Tokens scored.
    public var tokens: Int

    /// Token accuracy.
    public var accuracy: Double { tokens == 0 ? 0 : Double(correctTokens) / Double(tokens) }

    /// Scores predicted tag sequences against gold ones, exact-match spans.
    ///
    /// - Complexity: O(total tokens).
    public static func score(gold: [[String]], predicted: [[String]]) -> ChunkScores {
        var byType: [String: Score] = [:]
        var overall = Score(correct: 0, predicted: 0, gold: 0)
        var correctTokens = 0
        var tokens = 0
        for (goldTags, predictedTags) in zip(gold, predicted) {
            let goldChunks = Set(ChunkTags.chunks(goldTags))
            let predictedChunks = Set(ChunkTags.chunks(predictedTags))
            for chunk in goldChunks {
                byType[chunk.type, default: Score(correct: 0, predicted: 0, gold: 0)].gold += 1
                overall.gold += 1
            }
            for chunk in predictedChunks {
                byType[chunk.type, default: Score(correct: 0, predicted: 0, gold: 0)].predicted += 1
                overall.predicted += 1
                if goldChunks.contains(chunk) {
                    byType[chunk.type, default: Score(correct: 0, predicted: 0, gold: 0)].correct += 1
                    overall.correct += 1
                }
            }
            // Token accuracy compares tags in one scheme (BIO), so IOB1 gold and IOBES
            // predictions are judged alike; plain tags (parts of speech) compare as they are.
            let chunked = goldTags.contains { $0.hasPrefix("I-") || $0.hasPrefix("B-") }
            let g = chunked ? ChunkTags.bio(goldTags) : goldTags
            let p = chunked ? ChunkTags.bio(predictedTags) : predictedTags
            for (gold, predicted) in zip(g, p) {
                tokens += 1
                if gold == predicted { correctTokens += 1 }
            }
        }
        return ChunkScores(byType: byType, overall: overall, correctTokens: correctTokens, tokens: tokens)
    }
}
