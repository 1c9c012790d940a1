import Corpus
import EntityRecognition
import Foundation
import PlexusGraph
import PlexusSupport
import RelationExtraction

/// Trains a ``SequenceTagger`` with the averaged perceptron, greedily, on its own predictions.
///
/// Sentences are visited in an order shuffled by a fixed seed each epoch; after each epoch
/// the averaged model is scored on the development data and the best epoch is kept, so the
/// number of epochs is tuned on dev, never on test. Weights are pruned below `pruneBelow`
/// (in absolute value) to keep the shipped model small.
public struct TaggerTrainer: Sendable {
    /// One training example.
    public struct Example: Sendable {
        /// Tokens.
        public var words: [String]
        /// Gold tags.
        public var tags: [String]
        /// Second column (part-of-speech tags for the chunker), if used.
        public var extra: [String]?
        /// The document the sentence belongs to; sentences of one document are trained in order.
        public var document: Int

        /// Creates an example.
        public init(words: [String], tags: [String], extra: [String]? = nil, document: Int = 0) {
            self.words = words
            self.tags = tags
            self.extra = extra
            self.document = document
        }
    }

    /// Most epochs to run.
    public var epochs = 12
    /// Shuffling seed.
    public var seed: UInt64 = 1
    /// Averaged weights with a smaller magnitude are dropped from the shipped model.
    public var pruneBelow: Float = 0.02
    /// The share of capitalised training tokens whose own word features are hidden, so the
    /// model learns to tag names from their context, shape and classes as it must for names
    /// the training data never shows (word dropout).
    public var wordDropout = 0.0
    /// Whether examples carry a second column.
    public var usesExtra = false
    /// Word profile learned from unlabelled text, used as features and shipped in the model.
    public var profile: WordProfile?
    /// When above 1, the model reads a ``TagLexicon`` of its training data (the
    /// part-of-speech tagger), and each training sentence sees the lexicon of the other
    /// folds of this many; 0 for no lexicon.
    public var lexiconFolds = 0

    /// Creates a trainer.
    public init() {}

    /// How one epoch went.
    public typealias EpochReport = TrainingEpoch

    /// Trains a tagger.
    ///
    /// - Parameters:
    ///   - train: training examples.
    ///   - devScore: scores a candidate model on the development data.
    ///   - progress: called after each epoch.
    /// - Complexity: O(epochs · tokens · features · tags).
    public func train(
        _ train: [Example], devScore: (SequenceTagger) -> Double, progress: (EpochReport) -> Void = { _ in }
    ) -> SequenceTagger {
        var tagSet = Set<String>()
        for example in train { tagSet.formUnion(example.tags) }
        let tags = tagSet.sorted()
        let tagIndex = Dictionary(uniqueKeysWithValues: tags.enumerated().map { ($0.element, $0.offset) })
        let classes = tags.count
        let lexicons =
            lexiconFolds > 1
            ? TagLexicon.folds(
                train.map { ($0.words, $0.document) }, tags: train.map { $0.tags.map { tagIndex[$0] ?? 0 } }, folds: lexiconFolds)
            : nil

        var rowOf: [UInt64: Int] = [:]
        var keys: [UInt64] = []
        var weights: [Float] = []
        var totals: [Double] = []
        var stamps: [Int32] = []
        var time: Int32 = 0
        func row(_ key: UInt64) -> Int {
            if let existing = rowOf[key] { return existing }
            let index = keys.count
            rowOf[key] = index
            keys.append(key)
            weights.append(contentsOf: repeatElement(0, count: classes))
            totals.append(contentsOf: repeatElement(0, count: classes))
            stamps.append(contentsOf: repeatElement(0, count: classes))
            return index
        }
        func update(_ key: UInt64, _ cls: Int, _ delta: Float) {
            let base = row(key) * classes + cls
            totals[base] += Double(time - stamps[base]) * Double(weights[base])
            stamps[base] = time
            weights[base] += delta
        }
        func averagedModel() -> SequenceTagger {
            var features: [(key: UInt64, entries: [(UInt8, Float)])] = []
            for (rowIndex, key) in keys.enumerated() {
                var entries: [(UInt8, Float)] = []
                for cls in 0..<classes {
                    let base = rowIndex * classes + cls
                    let total = totals[base] + Double(time - stamps[base]) * Double(weights[base])
                    let average = Float(total / Double(max(1, time)))
                    if abs(average) >= pruneBelow { entries.append((UInt8(cls), average)) }
                }
                if !entries.isEmpty { features.append((key, entries)) }
            }
            features.sort { $0.key < $1.key }
            return SequenceTagger(tags: tags, usesExtra: usesExtra, profile: profile, lexicon: lexicons?.full, features: features)
        }

        // Documents are shuffled; sentences keep their order inside a document.
        var documents: [[Int]] = []
        for (index, example) in train.enumerated() {
            if index == 0 || example.document != train[index - 1].document { documents.append([]) }
            documents[documents.count - 1].append(index)
        }
        var cache: [String: TokenFacts] = [:]
        var prepared: [(facts: [TokenFacts], gold: [Int])] = []
        prepared.reserveCapacity(train.count)
        for document in documents {
            var facts = document.map { index in
                TaggerFeatures.facts(
                    for: train[index].words, extra: usesExtra ? train[index].extra : nil, profile: profile,
                    lexicon: lexicons.map { $0.without[$0.foldOf[index]] }, cache: &cache)
            }
            TaggerFeatures.addDocumentCues(&facts)
            for (index, sentenceFacts) in zip(document, facts) {
                prepared.append((sentenceFacts, train[index].tags.map { tagIndex[$0] ?? 0 }))
            }
        }
        var generator = SeededGenerator(seed: seed)
        var dropouts = SeededGenerator(seed: seed &+ 0x5EED)
        var best: (score: Double, model: SequenceTagger)?
        var features: [UInt64] = []
        var scores = [Float](repeating: 0, count: classes)

        for epoch in 1...max(1, epochs) {
            documents.shuffle(using: &generator)
            var mistakes = 0
            for document in documents {
                var history = DocumentHistory()
                for index in document {
                    let (facts, gold) = prepared[index]
                    var previous = -1
                    var beforePrevious = -1
                    var predicted: [Int] = []
                    for i in 0..<gold.count {
                        time += 1
                        let remembered = history.feature(for: facts[i + 2])
                        TaggerFeatures.features(
                            facts, i, previous: previous, beforePrevious: beforePrevious, usesExtra: usesExtra, history: remembered,
                            hidesWord: wordDropout > 0 && facts[i + 2].flags & TokenFacts.capitalized != 0
                                && Double(dropouts.next() % 1_000_000) < wordDropout * 1_000_000,
                            into: &features)
                        for c in 0..<classes { scores[c] = 0 }
                        for key in features {
                            if let r = rowOf[key] {
                                let base = r * classes
                                for c in 0..<classes { scores[c] += weights[base + c] }
                            }
                        }
                        // Unconstrained during training: a constraint would forbid the gold tag
                        // after an earlier mistake and the update would teach nothing useful.
                        var guess = 0
                        for c in 1..<classes where scores[c] > scores[guess] { guess = c }
                        if guess != gold[i] {
                            mistakes += 1
                            for key in features {
                                update(key, gold[i], 1)
                                update(key, guess, -1)
                            }
                        }
                        beforePrevious = previous
                        previous = guess
                        predicted.append(guess)
                    }
                    history.record(facts: facts, tags: predicted, names: tags)
                }
            }
            let model = averagedModel()
            let score = devScore(model)
            progress(EpochReport(epoch: epoch, mistakes: mistakes, devScore: score))
            if best.map({ score > $0.score }) ?? true { best = (score, model) }
        }
        return best?.model ?? averagedModel()
    }
}
