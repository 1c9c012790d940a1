import Foundation
import PlexusSupport
import RelationExtraction

/// How `plexus train-stance` trains the shipped target-polarity model: word vectors (from a
/// cache, or learned from unlabelled news), then a grid over the inverse regularisation
/// strength, class weighting and vector scale chosen by macro-F1 on dev, then small networks
/// over the pooled vectors mixed in at the share that dev likes best.
///
/// Deterministic: the same files give the same model bytes. No test file is read.
public struct PolarityTrainingRecipe: Sendable {
    /// Inverse regularisation strengths to try (scikit-learn's `C`).
    public var inverseRegularizations: [Double] = [0.3, 1, 3]
    /// Multipliers of the pooled word vectors to try.
    public var vectorScales: [Float] = [1]
    /// Numbers per word vector, when they are learned here.
    public var dimension = 100
    /// Networks over the pooled vectors (0 for none).
    public var networks = 4
    /// Shares of the networks in the mix to try (a share of 0 is always tried too).
    public var networkShares: [Float] = [0.3, 0.4, 0.5]
    /// Passes over the training data per network.
    public var networkEpochs = 30
    /// L2 penalty of the networks.
    public var networkPenalty: Float = 0.1
    /// Hidden units per network.
    public var hidden = 64

    /// Creates the recipe with the shipped model's settings.
    public init() {}

    /// The word vectors: read from `cache` when it exists, else learned from `unlabelled`
    /// with the training sentences (and written to `cache`), else none.
    ///
    /// - Throws: ``TrainingError`` for an unreadable cache or a missing input; `AtomicFile`'s
    ///   error when the cache cannot be written.
    /// - Complexity: O(unlabelled tokens) plus a randomised SVD, minutes on the news corpus.
    public func wordVectors(
        cache: String?, unlabelled: [String], training: [PolarityExample], log: (String) -> Void
    ) throws -> WordVectors? {
        if let cache, FileManager.default.fileExists(atPath: cache) {
            do {
                let vectors = try WordVectors(contentsOf: cache)
                log("Read \(vectors.words.count) word vectors from \(cache)")
                return vectors
            } catch {
                throw TrainingError("\(cache): cannot read the word vectors (\(error)); delete it to rebuild it")
            }
        }
        guard !unlabelled.isEmpty else { return nil }
        for path in unlabelled where !FileManager.default.fileExists(atPath: path) {
            throw TrainingError("\(path): no such file or folder")
        }
        let started = Date()
        // Each training sentence once (a sentence with two targets is two examples).
        var seen = Set<[String]>()
        let sentences = training.map(\.words).filter { seen.insert($0).inserted }
        var builder = WordVectorBuilder()
        builder.dimension = dimension
        let vectors = builder.build(from: unlabelled, sentences: sentences)
        log(String(format: "Learned %d word vectors in %.1f s", vectors.words.count, Date().timeIntervalSince(started)))
        if let cache { try AtomicFile.write(vectors.serialized(), to: cache) }
        return vectors
    }

    /// Trains the model, choosing every setting on `dev`.
    ///
    /// - Throws: ``TrainingError`` when no strength is given or no target is labelled.
    /// - Complexity: one L-BFGS fit per grid point plus `networks` Adam runs.
    public func train(
        _ training: [PolarityExample], dev: [PolarityExample], vectors: WordVectors?, log: (String) -> Void
    ) throws
        -> TargetPolarityModel
    {
        struct Candidate {
            var score: Double
            var strength: Double
            var balanced: Bool
            var scale: Float
            var model: TargetPolarityModel
        }
        var best: Candidate?
        for scale in vectors == nil ? [1] : vectorScales {
            for balanced in [false, true] {
                for strength in inverseRegularizations {
                    var trainer = TargetPolarityTrainer()
                    trainer.inverseRegularization = strength
                    trainer.balancesClasses = balanced
                    trainer.vectorScale = scale
                    let model = trainer.train(training, vectors: vectors)
                    let score = PolarityScores.score(model, on: dev).macroF1
                    log(
                        String(
                            format: "  C %.3g, %@ classes, vectors × %.3g: dev macro-F1 %.4f", strength,
                            balanced ? "balanced" : "unweighted",
                            scale, score))
                    if best.map({ score > $0.score }) ?? true {
                        best = Candidate(score: score, strength: strength, balanced: balanced, scale: scale, model: model)
                    }
                }
            }
        }
        guard let best else { throw TrainingError("give at least one --c value") }
        log(
            String(
                format: "Chose C %.3g with %@ classes, vectors × %.3g", best.strength, best.balanced ? "balanced" : "unweighted", best.scale
            ))
        guard vectors != nil, networks > 0 else { return best.model }
        return try mixNetworks(into: best.model, training: training, dev: dev, log: log)
    }

    /// Trains `networks` networks on the pooled vectors and mixes them in at the best share.
    func mixNetworks(
        into model: TargetPolarityModel, training: [PolarityExample], dev: [PolarityExample], log: (String) -> Void
    ) throws
        -> TargetPolarityModel
    {
        var inputs: [[Float]] = []
        var gold: [Int] = []
        for example in training {
            guard let label = example.gold, let pooled = model.pooledVectors(example) else { continue }
            inputs.append(pooled)
            gold.append(label.rawValue)
        }
        var trained: [PooledVectorNetwork] = []
        for member in 0..<networks {
            var trainer = PooledVectorNetworkTrainer()
            trainer.hidden = hidden
            trainer.epochs = networkEpochs
            trainer.penalty = networkPenalty
            trainer.seed = UInt64(member + 1)
            guard let network = trainer.train(inputs, gold: gold) else {
                throw TrainingError("the training file has no labelled targets to train the networks on")
            }
            trained.append(network)
        }
        var chosen: (score: Double, share: Float, model: TargetPolarityModel)?
        for share in [Float(0)] + networkShares {
            guard let mixed = model.mixing(trained, share: share) else { continue }
            let score = PolarityScores.score(mixed, on: dev).macroF1
            log(String(format: "  %d networks mixed in at %.2f: dev macro-F1 %.4f", networks, share, score))
            if chosen.map({ score > $0.score }) ?? true { chosen = (score, share, mixed) }
        }
        guard let chosen else { return model }
        log(String(format: "Chose the networks' share %.2f", chosen.share))
        return chosen.model
    }
}
