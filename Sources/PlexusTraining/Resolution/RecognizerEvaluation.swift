import EntityRecognition
import Foundation
import PlexusGraph

/// Scores the rule recogniser's spans on a named-entity file of another domain, CrossNER's
/// two-column format (`word<TAB>tag`, IOB2), with its types mapped to person, organisation
/// and place as its README says: politician and person → PER; organisation and political
/// party → ORG; country and location → LOC; the rest is not scored.
///
/// A span counts when its words and type match a gold span exactly (conlleval's rule). The
/// recogniser is read sentence by sentence, without the document-level resolution that a
/// build adds, so a bare surname counts as a person.
public enum RecognizerEvaluation {
    /// One sentence: words and their IOB2 tags, types already mapped (PER, ORG, LOC, or "O").
    public struct Sentence: Sendable {
        /// The words.
        public var words: [String]
        /// The mapped IOB2 tags.
        public var tags: [String]
    }

    /// Figures for one type.
    public struct TypeScores: Sendable, Encodable {
        /// Predicted spans.
        public var predicted = 0
        /// Gold spans.
        public var gold = 0
        /// Spans in both.
        public var right = 0
        /// right / predicted.
        public var precision: Double { predicted == 0 ? 0 : Double(right) / Double(predicted) }
        /// right / gold.
        public var recall: Double { gold == 0 ? 0 : Double(right) / Double(gold) }
        /// Harmonic mean.
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
        /// Empty figures.
        public init() {}
    }

    /// CrossNER's types, mapped.
    static let typeMap: [String: String] = [
        "politician": "PER", "person": "PER", "organisation": "ORG", "politicalparty": "ORG", "country": "LOC", "location": "LOC",
    ]

    /// Reads a CrossNER file.
    ///
    /// - Throws: ``CoNLLError`` naming the file and line of a line that is not `word<TAB>tag`.
    public static func read(from path: String) throws -> [Sentence] {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw CoNLLError(path: path, line: nil, reason: "cannot be read (\(error.localizedDescription))")
        }
        var sentences: [Sentence] = []
        var current = Sentence(words: [], tags: [])
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                if !current.words.isEmpty { sentences.append(current) }
                current = Sentence(words: [], tags: [])
                continue
            }
            let columns = trimmed.split(separator: "\t")
            guard columns.count == 2 else {
                throw CoNLLError(path: path, line: index + 1, reason: "expected 2 columns (word, tag), found \(columns.count)")
            }
            let tag = String(columns[1])
            var mapped = "O"
            if tag != "O" {
                let parts = tag.split(separator: "-", maxSplits: 1)
                guard parts.count == 2, parts[0] == "B" || parts[0] == "I" else {
                    throw CoNLLError(path: path, line: index + 1, reason: "tag \"\(tag)\" is not B-TYPE, I-TYPE or O")
                }
                if let type = typeMap[String(parts[1])] { mapped = "\(parts[0])-\(type)" }
            }
            current.words.append(String(columns[0]))
            current.tags.append(mapped)
        }
        if !current.words.isEmpty { sentences.append(current) }
        return sentences
    }

    /// Per-type figures of the recogniser on the sentences.
    ///
    /// A bare name (a lone capitalised word no list knows) is a build's person only when it
    /// joins a full name elsewhere, which one sentence cannot show; so it counts as its
    /// fallback type when a tagger gave it one, as a person when `bareNamesArePeople`, and
    /// otherwise not at all. A demonym, which Plexus reads as a mention of its country, is
    /// CrossNER's misc and is not counted.
    ///
    /// - Complexity: O(total words), plus the recogniser's own cost.
    public static func score(
        _ sentences: [Sentence], recognizer: any EntityRecognizer = RuleBasedRecognizer(), bareNamesArePeople: Bool = true
    ) -> [String: TypeScores] {
        report(sentences, recognizer: recognizer, bareNamesArePeople: bareNamesArePeople).scores
    }

    /// A span the recogniser got wrong: found where the gold has none of that type and
    /// extent (`predicted` set), or missed (`gold` set).
    public struct SpanMistake: Sendable, Equatable {
        /// The span's words.
        public var words: String
        /// The type found, if the recogniser found this span.
        public var predicted: String?
        /// The gold type, if the gold marks this span.
        public var gold: String?
        /// The sentence, for reading the mistake in context.
        public var sentence: String
    }

    /// The per-type figures and every wrong and missed span.
    public struct Report: Sendable {
        /// Precision, recall and F1 per type ("PER", "ORG", "LOC").
        public var scores: [String: TypeScores]
        /// Spans found that the gold does not have with that type and extent, in file order.
        public var wrong: [SpanMistake]
        /// Gold spans not found with their type and extent, in file order.
        public var missed: [SpanMistake]
    }

    /// ``score(_:recognizer:bareNamesArePeople:)`` with the mistakes behind the figures.
    ///
    /// - Complexity: O(total words), plus the recogniser's own cost.
    public static func report(
        _ sentences: [Sentence], recognizer: any EntityRecognizer = RuleBasedRecognizer(), bareNamesArePeople: Bool = true
    ) -> Report {
        var scores: [String: TypeScores] = ["PER": TypeScores(), "ORG": TypeScores(), "LOC": TypeScores()]
        var wrong: [SpanMistake] = []
        var missed: [SpanMistake] = []
        for sentence in sentences {
            var offset = 0
            let tokens = sentence.words.enumerated().map { index, word -> Token in
                let kind: Token.Kind =
                    word.first?.isLetter == true ? .word : (word.first?.isNumber == true ? .number : .punctuation)
                let length = word.unicodeScalars.count
                defer { offset += length + 1 }
                return Token(
                    text: word, start: offset, end: offset + length, kind: kind, spaceBefore: index > 0, paragraphStart: index == 0)
            }
            var predicted = Set<ChunkTags.Chunk>()
            for span in recognizer.recognize(tokens) {
                let type: String
                let spanType = span.isBareName ? (span.fallbackType ?? (bareNamesArePeople ? .person : nil)) : span.type
                guard let spanType else { continue }
                // "British", "North Korean": Plexus reads a demonym as its country; CrossNER calls it misc.
                let words = tokens[span.range].map(\.text)
                if spanType == .country, Gazetteer.standard.longestMatch(words: words, at: 0)?.entry.isDemonym == true { continue }
                switch spanType {
                case .person: type = "PER"
                case .organisation: type = "ORG"
                case .country, .location: type = "LOC"
                case .topic: continue
                }
                predicted.insert(ChunkTags.Chunk(start: span.nameRange.lowerBound, end: span.nameRange.upperBound, type: type))
            }
            let goldChunks = ChunkTags.chunks(sentence.tags)
            let gold = Set(goldChunks)
            let text = sentence.words.joined(separator: " ")
            func words(_ chunk: ChunkTags.Chunk) -> String { sentence.words[chunk.start..<chunk.end].joined(separator: " ") }
            func goldType(_ chunk: ChunkTags.Chunk) -> String? {
                goldChunks.first { $0.start == chunk.start && $0.end == chunk.end }?.type
            }
            for chunk in predicted.sorted(by: { $0.start < $1.start }) {
                scores[chunk.type, default: TypeScores()].predicted += 1
                if !gold.contains(chunk) {
                    wrong.append(SpanMistake(words: words(chunk), predicted: chunk.type, gold: goldType(chunk), sentence: text))
                }
            }
            for chunk in goldChunks {
                scores[chunk.type, default: TypeScores()].gold += 1
                if predicted.contains(chunk) {
                    scores[chunk.type, default: TypeScores()].right += 1
                } else {
                    let found = predicted.first { $0.start == chunk.start && $0.end == chunk.end }?.type
                    missed.append(SpanMistake(words: words(chunk), predicted: found, gold: chunk.type, sentence: text))
                }
            }
        }
        return Report(scores: scores, wrong: wrong, missed: missed)
    }
}
