import EntityRecognition
import Foundation
import PlexusSupport

/// Trains a ``DependencyParser``: averaged perceptrons for the move and the relation, over
/// the arc-hybrid system, with a dynamic oracle and error exploration (Goldberg and Nivre
/// 2012, 2013): at every configuration the best move is any that loses no more gold arcs
/// than the least a move can lose, so the parser learns from configurations its own
/// mistakes lead to, not only from the gold path.
///
/// Sentences are visited in an order shuffled by a fixed seed each epoch; after each epoch
/// the averaged model is scored on dev and the best epoch is kept, so the number of epochs is
/// chosen on dev, never on test. Deterministic: the same data gives the same model bytes.
public struct ParserTrainer: Sendable {
    /// One training sentence: words, the tags the parser will read, and the gold tree.
    public struct Example: Sendable {
        /// Word forms.
        public var words: [String]
        /// Part-of-speech tags as the parser will see them.
        public var tags: [String]
        /// Gold heads, 1-based, 0 for the root.
        public var heads: [Int]
        /// Gold relations.
        public var relations: [String]

        /// Creates an example.
        public init(words: [String], tags: [String], heads: [Int], relations: [String]) {
            self.words = words
            self.tags = tags
            self.heads = heads
            self.relations = relations
        }
    }

    /// Most epochs.
    public var epochs = 15
    /// Shuffling and exploration seed.
    public var seed: UInt64 = 1
    /// Bits of the hashed move features (2^bits buckets).
    public var moveBits = 22
    /// Bits of the hashed relation features.
    public var labelBits = 20
    /// The epoch from which the trainer follows its own mistakes.
    public var explorationStart = 2
    /// How often, from that epoch, it follows a wrong move it predicted.
    public var explorationProbability = 0.9
    /// Averaged weights smaller than this in absolute value are left out of the model.
    public var pruneBelow: Float = 0.001
    /// The word profile whose classes the features read.
    public var profile: WordProfile?

    /// Creates a trainer.
    public init() {}

    /// How one epoch went (mistakes are moves that cost gold arcs).
    public typealias EpochReport = TrainingEpoch

    /// Trains on `examples`; `devScore` scores a candidate model on dev.
    ///
    /// - Complexity: O(epochs · words · features), plus one dev scoring per epoch.
    public func train(
        _ examples: [Example], devScore: (DependencyParser) -> Double, progress: (EpochReport) -> Void = { _ in }
    ) -> DependencyParser {
        var labelSet = Set<String>()
        for example in examples { labelSet.formUnion(example.relations) }
        let labels = labelSet.sorted()
        let labelIndex = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($0.element, $0.offset) })
        let rootLabel = labelIndex["root"]
        let sentences = examples.map { ParserSentence(words: $0.words, tags: $0.tags, profile: profile) }
        var moves = AveragedWeights(buckets: 1 << moveBits, classes: 3)
        var relations = AveragedWeights(buckets: 1 << labelBits, classes: labels.count)
        var generator = SeededGenerator(seed: seed)
        var order = Array(examples.indices)
        var features: [UInt64] = []
        var buckets: [UInt32] = []
        var scores = [Float](repeating: 0, count: 3)
        var labelScores = [Float](repeating: 0, count: labels.count)
        var best: (score: Double, parser: DependencyParser)?
        func snapshot() -> DependencyParser {
            DependencyParser(
                labels: labels, moveBits: moveBits, labelBits: labelBits, profile: profile,
                moveWeights: moves.averaged(pruneBelow: pruneBelow), labelWeights: relations.averaged(pruneBelow: pruneBelow))
        }
        for epoch in 1...max(1, epochs) {
            order.shuffle(using: &generator)
            var mistakes = 0
            for index in order {
                let example = examples[index]
                let sentence = sentences[index]
                let n = example.words.count
                guard n > 0 else { continue }
                var goldHeads = [Int32](repeating: 0, count: n + 1)
                var goldDependents = [[Int32]](repeating: [], count: n + 1)
                for (word, head) in example.heads.enumerated() {
                    goldHeads[word + 1] = Int32(head)
                    if head <= n { goldDependents[head].append(Int32(word + 1)) }
                }
                var state = ArcHybridState(count: n)
                while !state.isTerminal {
                    ParserFeatures.moves(state, sentence, into: &features)
                    DependencyParser.bucketize(features, bits: moveBits, into: &buckets)
                    moves.scores(buckets, into: &scores)
                    var predicted: ParserMove?
                    var costs = [Int](repeating: Int.max, count: 3)
                    for move in ParserMove.allCases where state.allows(move) {
                        costs[move.rawValue] = state.cost(of: move, goldHeads: goldHeads, goldDependents: goldDependents)
                        if predicted.map({ scores[move.rawValue] > scores[$0.rawValue] }) ?? true { predicted = move }
                    }
                    guard let predicted else { break }
                    let least = costs.min() ?? 0
                    var gold = predicted
                    var goldScore = -Float.infinity
                    for move in ParserMove.allCases where costs[move.rawValue] == least && scores[move.rawValue] > goldScore {
                        gold = move
                        goldScore = scores[move.rawValue]
                    }
                    var follow = gold
                    if costs[predicted.rawValue] > least {
                        mistakes += 1
                        moves.update(buckets, good: gold.rawValue, bad: predicted.rawValue)
                        let explore =
                            epoch >= explorationStart
                            && Double(generator.next() >> 11) / Double(1 << 53) < explorationProbability
                        if explore { follow = predicted }
                    } else {
                        follow = predicted
                    }
                    moves.tick()
                    var label = 0
                    if follow != .shift {
                        let dependent = state.stackWord(0)
                        let head = follow == .left ? state.bufferWord(0) : state.stackWord(1)
                        if head == 0, let rootLabel {
                            label = rootLabel
                        } else {
                            ParserFeatures.labels(head: head, dependent: dependent, state, sentence, into: &features)
                            DependencyParser.bucketize(features, bits: labelBits, into: &buckets)
                            relations.scores(buckets, into: &labelScores)
                            var guess = -1
                            for k in labelScores.indices where k != rootLabel {
                                if guess < 0 || labelScores[k] > labelScores[guess] { guess = k }
                            }
                            label = max(guess, 0)
                            if Int(goldHeads[dependent]) == head, let goldLabel = labelIndex[example.relations[dependent - 1]] {
                                if goldLabel != label { relations.update(buckets, good: goldLabel, bad: label) }
                                label = goldLabel
                            }
                            relations.tick()
                        }
                    }
                    state.apply(follow, label: label)
                }
            }
            let candidate = snapshot()
            let score = devScore(candidate)
            progress(EpochReport(epoch: epoch, mistakes: mistakes, devScore: score))
            if best.map({ score > $0.score }) ?? true { best = (score, candidate) }
        }
        return best?.parser ?? snapshot()
    }
}

/// Perceptron weights over hashed buckets with the averaging trick of Daumé (2006): beside
/// each weight, the sum of its updates times the step they were made at, so the average is
/// one subtraction away and no weight is touched when it does not change.
struct AveragedWeights {
    let classes: Int
    var weights: [Float]
    var stamped: [Double]
    var step: Double = 1

    init(buckets: Int, classes: Int) {
        self.classes = classes
        weights = [Float](repeating: 0, count: buckets * classes)
        stamped = [Double](repeating: 0, count: buckets * classes)
    }

    func scores(_ buckets: [UInt32], into scores: inout [Float]) {
        for k in scores.indices { scores[k] = 0 }
        weights.withUnsafeBufferPointer { weights in
            for bucket in buckets {
                let base = Int(bucket) * classes
                for k in 0..<classes { scores[k] += weights[base + k] }
            }
        }
    }

    mutating func update(_ buckets: [UInt32], good: Int, bad: Int) {
        for bucket in buckets {
            let base = Int(bucket) * classes
            weights[base + good] += 1
            weights[base + bad] -= 1
            stamped[base + good] += step
            stamped[base + bad] -= step
        }
    }

    mutating func tick() { step += 1 }

    /// The averaged weights, sparse, without those below `pruneBelow`.
    func averaged(pruneBelow: Float) -> SparseWeights {
        var rows: [(bucket: UInt32, entries: [(UInt8, Float)])] = []
        let buckets = weights.count / classes
        for bucket in 0..<buckets {
            let base = bucket * classes
            var entries: [(UInt8, Float)] = []
            for k in 0..<classes {
                let average = Float(Double(weights[base + k]) - stamped[base + k] / step)
                if abs(average) >= pruneBelow { entries.append((UInt8(k), average)) }
            }
            if !entries.isEmpty { rows.append((UInt32(bucket), entries)) }
        }
        return SparseWeights(classCount: classes, rows: rows)
    }
}

extension DependencyParser {
    /// The mean of several parsers' weights (same relations, same features): one model, as
    /// fast as each, with less of the variance the visiting order gives a perceptron
    /// (parameter mixing).
    ///
    /// `nil` when the parsers do not share their relations.
    ///
    /// - Complexity: O(total weights).
    static func averaging(_ parsers: [DependencyParser]) -> DependencyParser? {
        guard let first = parsers.first,
            parsers.allSatisfy({ $0.labels == first.labels && $0.moveBits == first.moveBits && $0.labelBits == first.labelBits })
        else { return nil }
        func mean(_ tables: [SparseWeights]) -> SparseWeights {
            var sums: [UInt32: [Float]] = [:]
            let classes = tables[0].classCount
            for table in tables {
                for row in table.rows {
                    var sum = sums[row.bucket] ?? [Float](repeating: 0, count: classes)
                    for (cls, weight) in row.entries { sum[Int(cls)] += weight }
                    sums[row.bucket] = sum
                }
            }
            let scale = 1 / Float(tables.count)
            let rows = sums.keys.sorted().map { bucket -> (bucket: UInt32, entries: [(UInt8, Float)]) in
                let sum = sums[bucket] ?? []
                return (bucket, sum.indices.compactMap { k in sum[k] != 0 ? (UInt8(k), sum[k] * scale) : nil })
            }
            return SparseWeights(classCount: classes, rows: rows)
        }
        var mixed = DependencyParser(
            labels: first.labels, moveBits: first.moveBits, labelBits: first.labelBits, profile: first.profile,
            moveWeights: mean(parsers.map(\.moveWeights)), labelWeights: mean(parsers.map(\.labelWeights)))
        mixed.tagger = first.tagger
        return mixed
    }
}
