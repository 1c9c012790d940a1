import Dispatch
import EntityRecognition

/// Attachment scores of predicted trees against gold ones, as the CoNLL 2018 shared task
/// counts them on gold tokenisation: every word, punctuation included, and also without
/// punctuation.
public struct AttachmentScores: Sendable, Codable {
    /// Words scored.
    public var words: Int = 0
    /// Words with the right head.
    public var rightHeads: Int = 0
    /// Words with the right head and relation.
    public var rightArcs: Int = 0
    /// Words that are not punctuation.
    public var wordsWithoutPunctuation: Int = 0
    /// Of those, with the right head.
    public var rightHeadsWithoutPunctuation: Int = 0
    /// Of those, with the right head and relation.
    public var rightArcsWithoutPunctuation: Int = 0
    /// Per relation (without subtype): gold count, predicted count, and right (head and relation).
    public var byRelation: [String: RelationCounts] = [:]

    /// Counts of one relation.
    public struct RelationCounts: Sendable, Codable {
        /// In the gold trees.
        public var gold = 0
        /// In the predicted trees.
        public var predicted = 0
        /// Predicted with the right head and relation.
        public var right = 0
        /// Creates empty counts.
        public init() {}
        /// right / predicted.
        public var precision: Double { predicted == 0 ? 0 : Double(right) / Double(predicted) }
        /// right / gold.
        public var recall: Double { gold == 0 ? 0 : Double(right) / Double(gold) }
    }

    /// Unlabelled attachment score, punctuation included.
    public var uas: Double { words == 0 ? 0 : Double(rightHeads) / Double(words) }
    /// Labelled attachment score, punctuation included.
    public var las: Double { words == 0 ? 0 : Double(rightArcs) / Double(words) }
    /// Unlabelled attachment score without punctuation.
    public var uasWithoutPunctuation: Double {
        wordsWithoutPunctuation == 0 ? 0 : Double(rightHeadsWithoutPunctuation) / Double(wordsWithoutPunctuation)
    }
    /// Labelled attachment score without punctuation.
    public var lasWithoutPunctuation: Double {
        wordsWithoutPunctuation == 0 ? 0 : Double(rightArcsWithoutPunctuation) / Double(wordsWithoutPunctuation)
    }

    /// Creates empty scores.
    public init() {}

    /// Adds one sentence; `upos` marks punctuation (`PUNCT`).
    public mutating func add(gold: UDSentence, predicted: DependencyParse) {
        for index in gold.words.indices {
            let punctuation = gold.upos[index] == "PUNCT"
            let head = predicted.heads[index] == gold.heads[index]
            let arc = head && predicted.relations[index] == gold.relations[index]
            words += 1
            if head { rightHeads += 1 }
            if arc { rightArcs += 1 }
            if !punctuation {
                wordsWithoutPunctuation += 1
                if head { rightHeadsWithoutPunctuation += 1 }
                if arc { rightArcsWithoutPunctuation += 1 }
            }
            let goldRelation = Self.base(gold.relations[index])
            let predictedRelation = Self.base(predicted.relations[index])
            byRelation[goldRelation, default: RelationCounts()].gold += 1
            byRelation[predictedRelation, default: RelationCounts()].predicted += 1
            if head && goldRelation == predictedRelation { byRelation[goldRelation, default: RelationCounts()].right += 1 }
        }
    }

    /// A relation without its subtype ("nsubj:pass" → "nsubj").
    static func base(_ relation: String) -> String {
        relation.split(separator: ":").first.map(String.init) ?? relation
    }
}

/// Parses sentences and scores them.
public enum ParserEvaluation {
    /// The result of scoring a parser on a file.
    public struct Result: Sendable {
        /// The scores.
        public var scores: AttachmentScores
        /// Seconds spent parsing (not reading or scoring).
        public var seconds: Double
        /// The predicted trees, one per sentence.
        public var parses: [DependencyParse]
    }

    /// Parses each sentence with its tags in `tags` (the file's XPOS when `nil`) and scores
    /// the trees.
    ///
    /// - Complexity: O(total words · features).
    public static func score(_ parser: DependencyParser, on sentences: [UDSentence], tags: [[String]]? = nil) -> Result {
        let tagged = tags ?? sentences.map(\.xpos)
        let start = DispatchTime.now().uptimeNanoseconds
        let parses = zip(sentences, tagged).map { parser.parse(words: $0.words, tags: $1) }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        var scores = AttachmentScores()
        for (gold, parse) in zip(sentences, parses) { scores.add(gold: gold, predicted: parse) }
        return Result(scores: scores, seconds: seconds, parses: parses)
    }
}

extension SequenceTagger {
    /// Tags UD sentences document by document, as the analysis stage tags an article.
    ///
    /// - Complexity: O(words · features).
    public func tag(documentsOf sentences: [UDSentence]) -> [[String]] {
        var out: [[String]] = []
        var start = 0
        while start < sentences.count {
            var end = start + 1
            while end < sentences.count && sentences[end].document == sentences[start].document { end += 1 }
            out += tagDocument(sentences[start..<end].map(\.words))
            start = end
        }
        return out
    }
}
