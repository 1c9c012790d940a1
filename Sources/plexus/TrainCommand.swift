import ArgumentParser
import Corpus
import EntityRecognition
import Foundation
import PlexusSupport
import PlexusTraining

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
    var task: TaskChoice = .all

    @Option(name: .long, help: "Most epochs per model.")
    var epochs: Int = 12

    @Option(name: .long, parsing: .upToNextOption, help: "Unlabelled news (files or folders) to learn word profiles and clusters from.")
    var unlabelled: [String] = []

    @Option(name: .long, help: "Seed for the order sentences are visited in (the shipped models use 1).")
    var seed: UInt64 = 1

    @Option(name: .long, help: "Train this many models with successive seeds and ship the mean of their weights.")
    var average: Int = 1

    @Option(name: .long, help: "Weights smaller than this (in absolute value, after averaging) are left out of the model.")
    var pruneBelow: Float = 0.02

    @Option(name: .long, help: "Share of capitalised training words whose word features are hidden (word dropout).")
    var wordDropout: Double = 0

    @Option(
        name: .long, help: "Word-profile cache: read it from this file if it exists, else build it from --unlabelled and write it here.")
    var profileCache: String?

    @Option(
        name: .long,
        help: "For the chunker: forward (left to right), backward (right to left, paired with the forward chunk.plxtag in --out) or both.")
    var direction: ChunkerDirections = .both

    @Option(
        name: .long,
        help: "The part-of-speech tagger reads a lexicon of its training words' tags, jackknifed over this many folds (0: no lexicon).")
    var posLexiconFolds: Int = 10

    /// The tasks `--task` names.
    enum TaskChoice: String, ExpressibleByArgument, CaseIterable {
        case ner, pos, chunk, all

        var tasks: [TaggingTask] {
            switch self {
            case .ner: return [.ner]
            case .pos: return [.pos]
            case .chunk: return [.chunk]
            case .all: return TaggingTask.allCases
            }
        }
    }

    func validate() throws {
        guard posLexiconFolds == 0 || posLexiconFolds >= 2 else {
            throw ValidationError("--pos-lexicon-folds must be 0 (no lexicon) or at least 2")
        }
    }

    func run() throws {
        let trainSentences: [CoNLLSentence]
        let devSentences: [CoNLLSentence]
        do {
            trainSentences = try CoNLLReader.read(from: train)
            devSentences = try CoNLLReader.read(from: dev)
        } catch let error as CoNLLError {
            throw UserError(error.description)
        }
        print("Read \(trainSentences.count) training and \(devSentences.count) development sentences")
        var recipe = TaggerTrainingRecipe()
        recipe.epochs = epochs
        recipe.seed = seed
        recipe.average = average
        recipe.pruneBelow = pruneBelow
        recipe.wordDropout = wordDropout
        recipe.partOfSpeechLexiconFolds = posLexiconFolds
        recipe.chunkerDirections = direction
        do {
            let profile = try recipe.wordProfile(cache: profileCache, unlabelled: unlabelled, training: trainSentences) { print($0) }
            try recipe.train(task.tasks, training: trainSentences, dev: devSentences, profile: profile, folder: out) { print($0) }
        } catch let error as TrainingError {
            throw UserError(error.description)
        } catch let error as AtomicFile.WriteError {
            throw UserError(error.description)
        }
    }
}

extension ChunkerDirections: ExpressibleByArgument {}
