import ArgumentParser
import Corpus
import EntityRecognition
import Foundation
import PlexusSupport
import RelationExtraction

/// `plexus train-stance`: trains the target-polarity model on NewsMTSC.
struct TrainStanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-stance",
        abstract: "Train the target-polarity model (negative, neutral, positive toward a target) on NewsMTSC.",
        discussion: """
            The epoch is chosen by macro-F1 on --dev; no test file is read. Training is \
            deterministic, and the model file is written only when training has finished.
            """
    )

    @Option(name: .long, help: "NewsMTSC training file (train.jsonl).")
    var train: String

    @Option(name: .long, help: "NewsMTSC development file (rw/dev.jsonl), used to choose the epoch.")
    var dev: String

    @Option(name: .long, help: "Where to write the model (polarity.plxpol).")
    var out: String

    @Option(name: .long, parsing: .upToNextOption, help: "Inverse regularisation strengths to try (scikit-learn's C); the best on --dev is kept.")
    var c: [Double] = [0.3, 1, 3]

    @Option(name: .long, parsing: .upToNextOption, help: "Unlabelled news (files or folders) to learn word vectors from, with the training sentences; none gives a sparse-only model.")
    var unlabelled: [String] = []

    @Option(name: .long, help: "Word-vector cache: read it from this file if it exists, else build the vectors from --unlabelled and write it here.")
    var vectorsCache: String?

    @Option(name: .long, parsing: .upToNextOption, help: "Multipliers of the pooled word vectors to try; the best on --dev is kept.")
    var vectorScale: [Float] = [1]

    @Option(name: .long, help: "Numbers per word vector.")
    var dimension: Int = 100

    @Option(name: .long, help: "Networks over the pooled word vectors whose mean is mixed with the linear model (0 for none).")
    var networks: Int = 4

    @Option(name: .long, parsing: .upToNextOption, help: "Shares of the networks in the mix to try; the best on --dev is kept.")
    var networkShare: [Float] = [0.3, 0.4, 0.5]

    @Option(name: .long, help: "Passes over the training data for each network.")
    var networkEpochs: Int = 30

    @Option(name: .long, help: "L2 penalty of the networks (scikit-learn's alpha).")
    var networkPenalty: Float = 0.1

    @Option(name: .long, help: "Hidden units per network.")
    var hidden: Int = 64

    func validate() throws {
        if networks < 0 || networks > 64 { throw ValidationError("--networks must be between 0 and 64") }
        if hidden < 1 { throw ValidationError("--hidden must be at least 1") }
        if networkShare.contains(where: { !(0...1).contains($0) }) { throw ValidationError("--network-share values must be between 0 and 1") }
        if dimension < 1 { throw ValidationError("--dimension must be at least 1") }
    }

    /// The word vectors: from the cache, else learned from --unlabelled, else none.
    func wordVectors(training: [PolarityExample]) throws -> WordVectors? {
        if let vectorsCache, FileManager.default.fileExists(atPath: vectorsCache) {
            do {
                let vectors = try WordVectors(serialized: try Data(contentsOf: URL(fileURLWithPath: vectorsCache)), path: vectorsCache)
                print("Read \(vectors.words.count) word vectors from \(vectorsCache)")
                return vectors
            } catch {
                throw UserError("\(vectorsCache): cannot read the word vectors (\(error)); delete it to rebuild it")
            }
        }
        guard !unlabelled.isEmpty else { return nil }
        for path in unlabelled where !FileManager.default.fileExists(atPath: path) { throw UserError("\(path): no such file or folder") }
        let started = Date()
        // Each training sentence once (a sentence with two targets is two examples).
        var seen = Set<[String]>()
        let sentences = training.map(\.words).filter { seen.insert($0).inserted }
        var builder = WordVectorBuilder()
        builder.dimension = dimension
        let vectors = builder.build(from: unlabelled, sentences: sentences)
        print(String(format: "Learned %d word vectors in %.1f s", vectors.words.count, Date().timeIntervalSince(started)))
        if let vectorsCache {
            do { try AtomicFile.write(vectors.serialized(), to: vectorsCache) } catch { throw UserError("\(error)") }
        }
        return vectors
    }

    func run() throws {
        let trainExamples: [PolarityExample]
        let devExamples: [PolarityExample]
        do {
            trainExamples = try NewsMTSCReader.read(from: train)
            devExamples = try NewsMTSCReader.read(from: dev)
        } catch let error as NewsMTSCError {
            throw UserError(error.description)
        }
        print("Read \(trainExamples.count) training and \(devExamples.count) development targets")
        let vectors = try wordVectors(training: trainExamples)
        let started = Date()
        var best: (score: Double, c: Double, balanced: Bool, scale: Float, model: TargetPolarityModel)?
        for scale in vectors == nil ? [1] : vectorScale {
            for balanced in [false, true] {
                for strength in c {
                    var trainer = TargetPolarityTrainer()
                    trainer.inverseRegularization = strength
                    trainer.balancesClasses = balanced
                    trainer.vectorScale = scale
                    let model = trainer.train(trainExamples, vectors: vectors)
                    let score = PolarityScores.score(model, on: devExamples).macroF1
                    print(String(format: "  C %.3g, %@ classes, vectors × %.3g: dev macro-F1 %.4f", strength, balanced ? "balanced" : "unweighted", scale, score))
                    if best.map({ score > $0.score }) ?? true { best = (score, strength, balanced, scale, model) }
                }
            }
        }
        guard let best else { throw UserError("give at least one --c value") }
        var model = best.model
        print(String(format: "Chose C %.3g with %@ classes, vectors × %.3g", best.c, best.balanced ? "balanced" : "unweighted", best.scale))
        if vectors != nil && networks > 0 {
            var inputs: [[Float]] = []
            var gold: [Int] = []
            for example in trainExamples {
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
                guard let network = trainer.train(inputs, gold: gold) else { throw UserError("\(train): no labelled targets to train the networks on") }
                trained.append(network)
            }
            var chosen: (score: Double, share: Float, model: TargetPolarityModel)?
            for share in [Float(0)] + networkShare {
                guard let mixed = model.mixing(trained, share: share) else { continue }
                let score = PolarityScores.score(mixed, on: devExamples).macroF1
                print(String(format: "  %d networks mixed in at %.2f: dev macro-F1 %.4f", networks, share, score))
                if chosen.map({ score > $0.score }) ?? true { chosen = (score, share, mixed) }
            }
            if let chosen {
                model = chosen.model
                print(String(format: "Chose the networks' share %.2f", chosen.share))
            }
        }
        let bytes = model.serialized()
        do {
            try AtomicFile.write(bytes, to: out)
        } catch {
            throw UserError("\(error)")
        }
        print(String(format: "Wrote %@ (%.1f MB) in %.1f s", out, Double(bytes.count) / 1e6, Date().timeIntervalSince(started)))
    }
}
