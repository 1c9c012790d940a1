import ArgumentParser
import Corpus
import EntityRecognition
import Foundation
import PlexusSupport
import PlexusTraining
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

    @Option(
        name: .long, parsing: .upToNextOption,
        help: "Inverse regularisation strengths to try (scikit-learn's C); the best on --dev is kept.")
    var c: [Double] = [0.3, 1, 3]

    @Option(
        name: .long, parsing: .upToNextOption,
        help: "Unlabelled news (files or folders) to learn word vectors from, with the training sentences; none gives a sparse-only model.")
    var unlabelled: [String] = []

    @Option(
        name: .long,
        help: "Word-vector cache: read it from this file if it exists, else build the vectors from --unlabelled and write it here.")
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
        if networkShare.contains(where: { !(0...1).contains($0) }) {
            throw ValidationError("--network-share values must be between 0 and 1")
        }
        if dimension < 1 { throw ValidationError("--dimension must be at least 1") }
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
        var recipe = PolarityTrainingRecipe()
        recipe.inverseRegularizations = c
        recipe.vectorScales = vectorScale
        recipe.dimension = dimension
        recipe.networks = networks
        recipe.networkShares = networkShare
        recipe.networkEpochs = networkEpochs
        recipe.networkPenalty = networkPenalty
        recipe.hidden = hidden
        do {
            let vectors = try recipe.wordVectors(cache: vectorsCache, unlabelled: unlabelled, training: trainExamples) { print($0) }
            let started = Date()
            let model = try recipe.train(trainExamples, dev: devExamples, vectors: vectors) { print($0) }
            let bytes = model.serialized()
            try AtomicFile.write(bytes, to: out)
            print(String(format: "Wrote %@ (%.1f MB) in %.1f s", out, Double(bytes.count) / 1e6, Date().timeIntervalSince(started)))
        } catch let error as TrainingError {
            throw UserError(error.description)
        } catch let error as AtomicFile.WriteError {
            throw UserError(error.description)
        }
    }
}
