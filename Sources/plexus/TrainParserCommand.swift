import ArgumentParser
import EntityRecognition
import Foundation
import PlexusSupport
import PlexusTraining

/// `plexus train-parser`: trains the dependency parser on Universal Dependencies files.
struct TrainParserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-parser",
        abstract: "Train the dependency parser on CoNLL-U files (UD English EWT).",
        discussion: """
            The epoch is chosen by LAS on --dev; no test file is read. Training is deterministic, \
            and the model file is written only when training has finished.
            """
    )

    @Option(name: .long, help: "Training file (CoNLL-U).")
    var train: String

    @Option(name: .long, help: "Development file (CoNLL-U), used to choose the epoch.")
    var dev: String

    @Option(name: .long, help: "Folder to write parser.plxdep into.")
    var out: String

    @Option(name: .long, help: "Most epochs.")
    var epochs: Int = 15

    @Option(name: .long, help: "Seed for the sentence order and exploration.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "Train this many parsers with successive seeds and ship the mean of their weights.")
    var average: Int = 1

    @Option(name: .long, help: "Train this many part-of-speech taggers with successive seeds and ship the mean of their weights.")
    var taggerAverage: Int = 1

    @Option(name: .long, help: "How often training follows its own wrong move (error exploration), from the second epoch.")
    var exploration: Double = 0.9

    @Option(name: .long, help: "Folds of documents for the jackknifed training tags (0: the file's own tags).")
    var jackknifeFolds: Int = 10

    @Flag(name: .long, help: "Also train on a second copy of the training sentences with the treebank's own tags.")
    var alsoTreebankTags = false

    @Option(name: .long, help: "Folder keeping the tagger and training tags between runs (read if present, else written).")
    var tagsCache: String?

    func run() throws {
        let training: [UDSentence]
        let development: [UDSentence]
        do {
            training = try CoNLLUReader.read(from: train)
            development = try CoNLLUReader.read(from: dev)
        } catch let error as CoNLLUError {
            throw UserError(error.description)
        }
        print("Read \(training.count) training and \(development.count) development sentences")
        var recipe = ParserTrainingRecipe()
        recipe.epochs = epochs
        recipe.seed = seed
        recipe.jackknifeFolds = jackknifeFolds
        recipe.average = average
        recipe.taggerAverage = taggerAverage
        recipe.explorationProbability = exploration
        recipe.tagsCache = tagsCache
        recipe.alsoTreebankTags = alsoTreebankTags
        do {
            let started = Date()
            let parser = try recipe.train(training, dev: development) { print($0) }
            let path = (out as NSString).appendingPathComponent(ParserTrainingRecipe.fileName)
            let bytes = parser.serialized()
            try AtomicFile.write(bytes, to: path)
            print(String(format: "Wrote %@ (%.1f MB) in %.0f s", path, Double(bytes.count) / 1e6, Date().timeIntervalSince(started)))
        } catch let error as TrainingError {
            throw UserError(error.description)
        } catch let error as AtomicFile.WriteError {
            throw UserError(error.description)
        } catch let error as ModelFileError {
            throw UserError(error.description)
        }
    }
}

/// `plexus eval-parser`: scores a parser on a CoNLL-U file.
struct EvalParserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval-parser",
        abstract: "Score the dependency parser on CoNLL-U files: UAS and LAS, per relation, and words per second.",
        discussion: "Gold tokenisation; tags from Plexus's part-of-speech tagger unless --gold-tags."
    )

    @Argument(help: "CoNLL-U files.")
    var files: [String]

    @Option(name: .long, help: "A parser model file instead of the shipped one.")
    var model: String?

    @Flag(name: .long, help: "Give the parser the files' own XPOS tags instead of predicted ones.")
    var goldTags = false

    @Option(name: .long, help: "table or json.")
    var format: OutputStyle = .table

    struct Report: Encodable {
        var files: [String]
        var sentences: Int
        var words: Int
        var wordsPerSecond: Double
        var uas: Double
        var las: Double
        var uasWithoutPunctuation: Double
        var lasWithoutPunctuation: Double
        var relations: [String: [String: Double]]
    }

    func run() throws {
        var sentences: [UDSentence] = []
        do {
            for file in files { sentences += try CoNLLUReader.read(from: file) }
        } catch let error as CoNLLUError {
            throw UserError(error.description)
        }
        let parser: DependencyParser
        var tags: [[String]]?
        do {
            parser = try model.map { try DependencyParser(contentsOf: $0) } ?? ShippedModels.parser()
            if !goldTags { tags = try (parser.tagger ?? ShippedModels.tagger(.pos)).tag(documentsOf: sentences) }
        } catch let error as ModelFileError {
            throw UserError(error.description)
        }
        let result = ParserEvaluation.score(parser, on: sentences, tags: tags)
        let scores = result.scores
        let rate = Double(scores.words) / max(result.seconds, 1e-9)
        let shown = [
            "nsubj", "obj", "iobj", "obl", "ccomp", "xcomp", "advcl", "conj", "appos", "nmod", "amod", "advmod", "compound", "flat",
        ]
        var relations: [String: [String: Double]] = [:]
        for name in shown {
            let counts = scores.byRelation[name] ?? AttachmentScores.RelationCounts()
            relations[name] = ["precision": counts.precision, "recall": counts.recall, "gold": Double(counts.gold)]
        }
        switch format {
        case .json:
            let report = Report(
                files: files, sentences: sentences.count, words: scores.words, wordsPerSecond: rate, uas: scores.uas, las: scores.las,
                uasWithoutPunctuation: scores.uasWithoutPunctuation, lasWithoutPunctuation: scores.lasWithoutPunctuation,
                relations: relations)
            print(try Summary.json(report))
        case .table:
            print("\(sentences.count) sentences, \(scores.words) words, \(goldTags ? "gold" : "predicted") tags")
            print(String(format: "UAS %.4f  LAS %.4f  (punctuation included)", scores.uas, scores.las))
            print(String(format: "UAS %.4f  LAS %.4f  (without punctuation)", scores.uasWithoutPunctuation, scores.lasWithoutPunctuation))
            print(String(format: "%.0f words per second (parsing only, one core)", rate))
            print("relation   precision  recall   gold")
            for name in shown {
                let counts = scores.byRelation[name] ?? AttachmentScores.RelationCounts()
                print(
                    name.padding(toLength: 10, withPad: " ", startingAt: 0)
                        + String(format: " %9.4f %7.4f %6d", counts.precision, counts.recall, counts.gold))
            }
        }
    }
}
