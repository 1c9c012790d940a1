import ArgumentParser
import Corpus
import EntityRecognition
import Foundation

/// `plexus train-ner`: trains the tagger models from CoNLL-2003 files.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-ner",
        abstract: "Train the entity, part-of-speech and chunk taggers on CoNLL-2003 files.",
        discussion: """
            Epochs are chosen on --dev; the test file is never read. Training is deterministic: the \
            same files give the same model bytes. A model file is written only when its training \
            has finished.
            """
    )

    @Option(name: .long, help: "Training file (CoNLL-2003 format).")
    var train: String

    @Option(name: .long, help: "Development file, used to choose the number of epochs.")
    var dev: String

    @Option(name: .long, help: "Folder to write ner.plxtag, pos.plxtag and chunk.plxtag into.")
    var out: String

    @Option(name: .long, help: "ner, pos, chunk or all.")
    var task: String = "all"

    @Option(name: .long, help: "Most epochs per model.")
    var epochs: Int = 12

    @Option(name: .long, parsing: .upToNextOption, help: "Unlabelled news (files or folders) to learn word profiles and clusters from.")
    var unlabelled: [String] = []

    func run() throws {
        let tasks: [TaggingTask] = task == "all" ? TaggingTask.allCases : try [TaggingTask(rawValue: task).orThrow(UserError("--task must be ner, pos, chunk or all"))]
        let trainSentences: [CoNLLSentence]
        let devSentences: [CoNLLSentence]
        do {
            trainSentences = try CoNLLReader.read(from: train)
            devSentences = try CoNLLReader.read(from: dev)
        } catch let error as CoNLLError {
            throw UserError(error.description)
        }
        print("Read \(trainSentences.count) training and \(devSentences.count) development sentences")
        var profile: WordProfile?
        if !unlabelled.isEmpty {
            let started = Date()
            profile = WordProfile.build(from: unlabelled)
            print(String(format: "Profiled %d words from unlabelled text in %.1f s", profile?.count ?? 0, Date().timeIntervalSince(started)))
        }
        for task in tasks {
            var trainer = TaggerTrainer()
            trainer.epochs = epochs
            trainer.usesExtra = task == .chunk
            trainer.profile = profile
            let started = Date()
            let model = trainer.train(task.examples(trainSentences), devScore: { model in
                TaggerEvaluation.score(model, task: task, on: devSentences, posTagger: nil).headline
            }, progress: { report in
                print(String(format: "  %@ epoch %2d: %6d mistakes, dev %.4f", task.rawValue, report.epoch, report.mistakes, report.devScore))
            })
            let path = (out as NSString).appendingPathComponent(task.fileName)
            let bytes = model.serialized()
            do {
                try AtomicFile.write(bytes, to: path)
            } catch {
                throw UserError("\(error)")
            }
            print(String(format: "Wrote %@ (%.1f MB) in %.0f s", path, Double(bytes.count) / 1e6, Date().timeIntervalSince(started)))
        }
    }
}

extension Optional {
    func orThrow(_ error: @autoclosure () -> Error) throws -> Wrapped {
        guard let value = self else { throw error() }
        return value
    }
}

