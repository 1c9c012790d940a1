import ArgumentParser
import Corpus
import Foundation
import RelationGraph

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
        let started = Date()
        var best: (score: Double, c: Double, balanced: Bool, model: TargetPolarityModel)?
        for balanced in [false, true] {
            for strength in c {
                var trainer = TargetPolarityTrainer()
                trainer.inverseRegularization = strength
                trainer.balancesClasses = balanced
                let model = trainer.train(trainExamples)
                let score = PolarityScores.score(model, on: devExamples).macroF1
                print(String(format: "  C %.3g, %@ classes: dev macro-F1 %.4f", strength, balanced ? "balanced" : "unweighted", score))
                if best.map({ score > $0.score }) ?? true { best = (score, strength, balanced, model) }
            }
        }
        guard let best else { throw UserError("give at least one --c value") }
        let model = best.model
        print(String(format: "Chose C %.3g with %@ classes", best.c, best.balanced ? "balanced" : "unweighted"))
        let bytes = model.serialized()
        do {
            try AtomicFile.write(bytes, to: out)
        } catch {
            throw UserError("\(error)")
        }
        print(String(format: "Wrote %@ (%.1f MB) in %.1f s", out, Double(bytes.count) / 1e6, Date().timeIntervalSince(started)))
    }
}
