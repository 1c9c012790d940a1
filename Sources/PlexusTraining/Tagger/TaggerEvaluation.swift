import Corpus
import Dispatch
import EntityRecognition
import PlexusGraph
import PlexusSupport
import RelationExtraction

/// Scores a tagger on CoNLL sentences: used on dev while training and by `plexus eval-ner`.
public enum TaggerEvaluation {
    /// Scores, time and size of one evaluation.
    public struct Result: Sendable {
        /// Chunk and token scores.
        public var scores: ChunkScores
        /// Seconds spent tagging (not reading or scoring).
        public var seconds: Double
        /// Tokens tagged.
        public var tokens: Int
        /// F1 for entities and chunks, accuracy for parts of speech.
        public var headline: Double
        /// The predicted tags, sentence by sentence.
        public var predicted: [[String]]
    }

    /// Tags every sentence with `model`, document by document as Plexus tags articles, and
    /// scores it; the chunker reads part-of-speech tags from `posTagger` when given (the real
    /// pipeline), else from the file.
    ///
    /// With a `backward` model (right to left, see
    /// ``BidirectionalTagger``) the two are combined.
    ///
    /// - Complexity: O(tokens · features), plus O(tokens · tags²) with a backward model.
    public static func score(
        _ model: SequenceTagger, task: TaggingTask, on sentences: [CoNLLSentence], posTagger: SequenceTagger?,
        backward: SequenceTagger? = nil
    ) -> Result {
        let pair = backward.flatMap { BidirectionalTagger(forward: model, backward: $0) }
        var extras: [[String]?] = sentences.map { task == .chunk ? $0.pos : nil }
        if task == .chunk, let posTagger {
            extras = sentences.map { posTagger.tag($0.words) }
        }
        let started = DispatchTime.now().uptimeNanoseconds
        var predicted: [[String]] = []
        predicted.reserveCapacity(sentences.count)
        // Tag document by document, in order, as Plexus does with articles.
        var start = 0
        while start < sentences.count {
            var end = start + 1
            while end < sentences.count, sentences[end].document == sentences[start].document { end += 1 }
            let words = sentences[start..<end].map(\.words)
            let extraColumn = task == .chunk ? extras[start..<end].map { $0 ?? [] } : nil
            if let pair {
                predicted.append(contentsOf: pair.tagDocument(words, extras: extraColumn))
            } else {
                predicted.append(contentsOf: model.tagDocument(words, extras: extraColumn))
            }
            start = end
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let scores = ChunkScores.score(gold: sentences.map(task.gold), predicted: predicted)
        let tokens = sentences.reduce(0) { $0 + $1.words.count }
        return Result(
            scores: scores, seconds: seconds, tokens: tokens, headline: task == .pos ? scores.accuracy : scores.overall.f1,
            predicted: predicted)
    }
}
