import ArgumentParser
import Corpus
import EntityRecognition
import Foundation
import PlexusSupport
import PlexusTraining

/// `plexus eval-ner`: scores the shipped (or a given) tagger on a CoNLL file.
struct EvalNERCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval-ner",
        abstract: "Score the entity tagger (or the POS or chunk tagger) on a CoNLL-2003 file, conlleval-style.",
        discussion:
            "Exact-match spans; IOB1 and IOB2 files are read alike. Prints precision, recall and F1 per type and overall, and tokens per second of tagging."
    )

    @Argument(help: "A CoNLL-2003 file.")
    var file: String

    @Option(name: .long, help: "ner, pos or chunk.")
    var task: TaggingTask = .ner

    @Option(name: .long, help: "Folder with model files (default: the models shipped with plexus).")
    var models: String?

    @Option(name: .long, help: "table or json.")
    var format: OutputStyle = .table

    @Flag(
        name: .long,
        help:
            "For --task chunk: read the file's part-of-speech column instead of tagging it (what the chunker scores when the tags are right)."
    )
    var filePartOfSpeech = false

    @Option(name: .long, help: "Also write each token with its gold and predicted tag to this file (conlleval's input format).")
    var predictions: String?

    struct Report: Encodable {
        var task: String
        var sentences: Int
        var tokens: Int
        var tokensPerSecond: Double
        var accuracy: Double
        var precision: Double
        var recall: Double
        var f1: Double
        var byType: [String: [String: Double]]
    }

    func run() throws {
        let sentences: [CoNLLSentence]
        do {
            sentences = try CoNLLReader.read(from: file, entityTypes: nil)
        } catch let error as CoNLLError {
            throw UserError(error.description)
        }
        func model(_ task: TaggingTask, _ direction: ReadingDirection = .forward) throws -> SequenceTagger {
            do {
                if let models {
                    return try SequenceTagger(contentsOf: (models as NSString).appendingPathComponent(task.fileName(direction)))
                }
                return try ShippedModels.tagger(task, direction)
            } catch let error as ModelFileError {
                throw UserError(error.description)
            }
        }
        let tagger = try model(task)
        // The chunker runs in both directions when its right-to-left model is there.
        var backward: SequenceTagger?
        if task == .chunk {
            let path = models.map { ($0 as NSString).appendingPathComponent(task.backwardFileName) }
            if path.map(FileManager.default.fileExists(atPath:)) ?? true {
                backward = try model(task, .backward)
            }
        }
        let result = TaggerEvaluation.score(
            tagger, task: task, on: sentences, posTagger: task == .chunk && !filePartOfSpeech ? try model(.pos) : nil, backward: backward)
        let scores = result.scores
        if let predictions {
            var lines = ""
            for (sentence, tags) in zip(sentences, result.predicted) {
                for (index, word) in sentence.words.enumerated() {
                    lines += "\(word) \(task.gold(sentence)[index]) \(tags[index])\n"
                }
                lines += "\n"
            }
            do { try AtomicFile.write(Data(lines.utf8), to: predictions) } catch { throw UserError("\(error)") }
        }
        let rate = Double(result.tokens) / max(result.seconds, 1e-9)
        let report = Report(
            task: task.rawValue, sentences: sentences.count, tokens: result.tokens, tokensPerSecond: rate, accuracy: scores.accuracy,
            precision: scores.overall.precision, recall: scores.overall.recall, f1: scores.overall.f1,
            byType: scores.byType.mapValues { ["precision": $0.precision, "recall": $0.recall, "f1": $0.f1] })
        switch format {
        case .json:
            print(try Summary.json(report))
        case .table:
            print("\(file): \(sentences.count) sentences, \(result.tokens) tokens, \(Int(rate)) tokens/s tagging (\(task.rawValue))")
            print(String(format: "accuracy %.4f", scores.accuracy))
            if task != .pos {
                print("  type     precision  recall     F1")
                for (type, score) in scores.byType.sorted(by: { $0.key < $1.key }) {
                    print(
                        String(
                            format: "  %@ %9.4f  %9.4f  %9.4f", type.padding(toLength: 7, withPad: " ", startingAt: 0), score.precision,
                            score.recall, score.f1))
                }
                print(String(format: "  overall %9.4f  %9.4f  %9.4f", scores.overall.precision, scores.overall.recall, scores.overall.f1))
            }
        }
    }
}

extension TaggingTask: ExpressibleByArgument {}
