import EntityRecognition
import Foundation
import PlexusSupport

/// How `plexus train-parser` trains the shipped parser.
///
/// First a part-of-speech tagger on the training file's Penn Treebank tags (XPOS), the
/// averaged perceptron the entity tagger uses, reading the shipped part-of-speech model's
/// word profile; then the same tagger trained ``jackknifeFolds`` times, each time without one
/// fold of documents, tags each fold, so the parser trains on tags as wrong as the ones it
/// will see; then the arc-hybrid perceptron (``ParserTrainer``) on those tags, its epoch
/// chosen by LAS on the development file tagged by the full tagger. The tagger travels
/// inside the parser's model file.
///
/// Deterministic: the same files give the same model bytes. No test file is read.
public struct ParserTrainingRecipe: Sendable {
    /// The model's file name.
    public static let fileName = "parser.plxdep"
    /// Most parser epochs.
    public var epochs = 15
    /// Most tagger epochs.
    public var taggerEpochs = 10
    /// Folds of documents for the jackknifed training tags (0 trains on the file's tags).
    public var jackknifeFolds = 10
    /// Seed for the sentence order and exploration.
    public var seed: UInt64 = 1
    /// Parsers trained with successive seeds; the shipped one is the mean of their weights.
    public var average = 1
    /// Part-of-speech taggers trained with successive seeds for the shipped tagger, which is
    /// the mean of their weights (the jackknife taggers stay single).
    public var taggerAverage = 1
    /// Whether the parser also trains on a second copy of the training sentences with the
    /// treebank's own tags, besides the copy with jackknifed tags: it learns what each tag
    /// means from clean tags and how to live with the tagger's mistakes from predicted ones
    /// (EWT dev LAS 0.8087 → 0.8109 for the mean of two parsers; training takes twice as long).
    public var alsoTreebankTags = false
    /// How often the trainer follows its own wrong move, from the second epoch.
    public var explorationProbability = 0.9
    /// A folder that keeps the tagger and the tags between runs: read when it holds them,
    /// written when it does not (the parser's own settings can then be tried in seconds).
    public var tagsCache: String?

    /// Creates the recipe.
    public init() {}

    /// Trains the tagger and the parser.
    ///
    /// - Throws: ``ModelFileError`` when the shipped part-of-speech model cannot be read.
    /// - Complexity: (folds + 1) tagger trainings plus O(epochs · words · features).
    public func train(_ training: [UDSentence], dev: [UDSentence], log: (String) -> Void) throws -> DependencyParser {
        let profile = try ShippedModels.tagger(.pos).profile
        let tagger: SequenceTagger
        let trainingTags: [[String]]
        if let cached = try readTagsCache(sentences: training.count) {
            (tagger, trainingTags) = cached
            log("Read the tagger and the training tags from \(tagsCache ?? "")")
        } else {
            let trained = trainTagger(training, dev: dev, profile: profile, log: log)
            tagger = averagedTagger(trained.tagger, epochs: trained.epochs, training: training, dev: dev, profile: profile, log: log)
            trainingTags =
                jackknifeFolds > 1
                ? jackknifedTags(training, epochs: trained.epochs, profile: profile, log: log) : training.map(\.xpos)
            try writeTagsCache(tagger: tagger, tags: trainingTags)
        }
        let devTags = tagger.tag(documentsOf: dev)
        var trainer = ParserTrainer()
        trainer.epochs = epochs
        trainer.profile = profile
        trainer.explorationProbability = explorationProbability
        let predicted = zip(training, trainingTags).map {
            ParserTrainer.Example(words: $0.words, tags: $1, heads: $0.heads, relations: $0.relations)
        }
        let treebank =
            alsoTreebankTags && jackknifeFolds > 1
            ? training.map { ParserTrainer.Example(words: $0.words, tags: $0.xpos, heads: $0.heads, relations: $0.relations) } : []
        let examples = predicted + treebank
        let seeds = (0..<UInt64(max(1, average))).map { seed &+ $0 }
        let members = parallelMap(seeds) { [trainer] memberSeed -> (DependencyParser, [String]) in
            var trainer = trainer
            trainer.seed = memberSeed
            var lines: [String] = []
            let parser = trainer.train(
                examples,
                devScore: { parser in ParserEvaluation.score(parser, on: dev, tags: devTags).scores.las },
                progress: { report in
                    lines.append(
                        String(
                            format: "  parser (seed %d) epoch %2d: %6d mistakes, dev LAS %.4f", memberSeed, report.epoch, report.mistakes,
                            report.devScore))
                })
            return (parser, lines)
        }
        for (_, lines) in members { lines.forEach(log) }
        guard var parser = DependencyParser.averaging(members.map(\.0)) else {
            throw TrainingError("the parsers trained with different seeds disagree on their relations")
        }
        if members.count > 1 {
            log(
                String(
                    format: "  mean of %d parsers: dev LAS %.4f", members.count,
                    ParserEvaluation.score(parser, on: dev, tags: devTags).scores.las))
        }
        parser.tagger = tagger
        return parser
    }

    /// The cached tagger and training tags, when the cache folder holds them for as many
    /// sentences.
    func readTagsCache(sentences: Int) throws -> (SequenceTagger, [[String]])? {
        guard let tagsCache else { return nil }
        let taggerPath = (tagsCache as NSString).appendingPathComponent("tagger.plxtag")
        let tagsPath = (tagsCache as NSString).appendingPathComponent("training-tags.txt")
        guard FileManager.default.fileExists(atPath: taggerPath), FileManager.default.fileExists(atPath: tagsPath) else { return nil }
        let tagger = try SequenceTagger(contentsOf: taggerPath)
        let lines = try String(contentsOfFile: tagsPath, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let tags = lines.prefix(sentences).map { $0.split(separator: " ").map(String.init) }
        guard tags.count == sentences else {
            throw TrainingError("\(tagsPath): holds tags for \(tags.count) sentences, not \(sentences); delete it to rebuild it")
        }
        return (tagger, tags)
    }

    /// Writes the tagger and training tags into the cache folder, if there is one.
    func writeTagsCache(tagger: SequenceTagger, tags: [[String]]) throws {
        guard let tagsCache else { return }
        try AtomicFile.write(tagger.serialized(), to: (tagsCache as NSString).appendingPathComponent("tagger.plxtag"))
        try AtomicFile.write(
            tags.map { $0.joined(separator: " ") }.joined(separator: "\n"),
            to: (tagsCache as NSString).appendingPathComponent("training-tags.txt"))
    }

    /// A part-of-speech tagger trained on the sentences' XPOS tags, and the epoch chosen
    /// for it on dev; with no dev sentences, trained for exactly ``taggerEpochs`` epochs.
    func trainTagger(
        _ sentences: [UDSentence], dev: [UDSentence], profile: WordProfile?, log: (String) -> Void
    ) -> (
        tagger: SequenceTagger, epochs: Int
    ) {
        var trainer = TaggerTrainer()
        trainer.epochs = taggerEpochs
        trainer.seed = seed
        trainer.profile = profile
        trainer.lexiconFolds = 10
        let examples = sentences.map { TaggerTrainer.Example(words: $0.words, tags: $0.xpos, document: $0.document) }
        var epoch = 0
        var best = (score: -1.0, epoch: 0)
        let tagger = trainer.train(
            examples,
            devScore: { tagger in
                epoch += 1
                // Without dev sentences, later is better: the last epoch is kept.
                return dev.isEmpty ? Double(epoch) : Self.accuracy(tagger.tag(documentsOf: dev), dev)
            },
            progress: { report in
                if report.devScore > best.score { best = (report.devScore, report.epoch) }
                if !dev.isEmpty {
                    log(
                        String(
                            format: "  tagger epoch %2d: %6d mistakes, dev accuracy %.4f", report.epoch, report.mistakes, report.devScore))
                }
            })
        return (tagger, best.epoch)
    }

    /// The mean of `first` and ``taggerAverage`` − 1 more taggers trained with the next
    /// seeds for the same number of epochs; `first` itself when ``taggerAverage`` is 1.
    func averagedTagger(
        _ first: SequenceTagger, epochs: Int, training: [UDSentence], dev: [UDSentence], profile: WordProfile?, log: (String) -> Void
    ) -> SequenceTagger {
        guard taggerAverage > 1 else { return first }
        var recipe = self
        recipe.taggerEpochs = max(1, epochs)
        let others = parallelMap(Array(1..<taggerAverage)) { [recipe] offset -> SequenceTagger in
            var member = recipe
            member.seed = recipe.seed &+ UInt64(offset)
            return member.trainTagger(training, dev: [], profile: profile, log: { _ in }).tagger
        }
        guard let mean = SequenceTagger.averaging([first] + others) else { return first }
        log(String(format: "  mean of %d taggers: dev accuracy %.4f", taggerAverage, Self.accuracy(mean.tag(documentsOf: dev), dev)))
        return mean
    }

    /// Each training sentence's tags from a tagger trained without its fold of documents.
    func jackknifedTags(_ sentences: [UDSentence], epochs: Int, profile: WordProfile?, log: (String) -> Void) -> [[String]] {
        let folds = jackknifeFolds
        let foldOf = sentences.map { $0.document % folds }
        var recipe = self
        recipe.taggerEpochs = max(1, epochs)
        let taggers = parallelMap(Array(0..<folds)) { [recipe] fold -> SequenceTagger in
            let rest = sentences.indices.filter { foldOf[$0] != fold }.map { sentences[$0] }
            return recipe.trainTagger(rest, dev: [], profile: profile, log: { _ in }).tagger
        }
        var tags = [[String]](repeating: [], count: sentences.count)
        for fold in 0..<folds {
            let members = sentences.indices.filter { foldOf[$0] == fold }
            let tagged = taggers[fold].tag(documentsOf: members.map { sentences[$0] })
            for (index, sentenceTags) in zip(members, tagged) { tags[index] = sentenceTags }
        }
        log(String(format: "  jackknifed training tags over %d folds: accuracy %.4f", folds, Self.accuracy(tags, sentences)))
        return tags
    }

    /// The share of words whose predicted tag is the file's.
    static func accuracy(_ predicted: [[String]], _ sentences: [UDSentence]) -> Double {
        ChunkScores.score(gold: sentences.map(\.xpos), predicted: predicted).accuracy
    }
}
