import EntityRecognition
import Foundation
import PlexusSupport

/// Which chunk models a tagger training run writes.
public enum ChunkerDirections: String, Sendable, CaseIterable {
    /// The left-to-right model only.
    case forward
    /// The right-to-left model only, paired with the forward model already in the output folder.
    case backward
    /// Both.
    case both
}

/// How `plexus train-ner` trains the shipped taggers on CoNLL-2003: a word profile from
/// unlabelled news, then for each task `average` perceptrons with successive seeds, their
/// epochs chosen on dev, averaged into one model and written into the output folder only
/// when its training has finished.
///
/// The chunker is trained on the file's part-of-speech tags
/// and scored on dev as Plexus runs it, on tags from the part-of-speech model of this run
/// (or the one already in the folder).
///
/// Deterministic: the same files give the same model bytes. No test file is read.
public struct TaggerTrainingRecipe: Sendable {
    /// Most epochs per model.
    public var epochs = 12
    /// Seed of the first model's sentence order.
    public var seed: UInt64 = 1
    /// Models trained per task with successive seeds; the shipped model is their mean.
    public var average = 1
    /// Weights smaller than this in absolute value, after averaging, are left out.
    public var pruneBelow: Float = 0.02
    /// Share of capitalised training words whose word features are hidden (entities only).
    public var wordDropout = 0.0
    /// Folds of the part-of-speech tagger's jackknifed tag lexicon (0: no lexicon).
    public var partOfSpeechLexiconFolds = 10
    /// Which chunk models to write.
    public var chunkerDirections = ChunkerDirections.both

    /// Creates the recipe with default settings (the shipped models use `make models`'s).
    public init() {}

    /// The word profile: read from `cache` when it exists, else built from `unlabelled`
    /// and the training words (and written to `cache`), else none.
    ///
    /// - Throws: ``TrainingError`` for an unreadable cache; `AtomicFile`'s error when the
    ///   cache cannot be written.
    /// - Complexity: O(unlabelled tokens) plus exchange clustering, about a minute on the
    ///   news corpus.
    public func wordProfile(cache: String?, unlabelled: [String], training: [CoNLLSentence], log: (String) -> Void) throws -> WordProfile? {
        if let cache, FileManager.default.fileExists(atPath: cache) {
            do {
                let profile = try WordProfile(contentsOf: cache)
                log("Read the word profile from \(cache)")
                return profile
            } catch {
                throw TrainingError("\(cache): cannot read the word profile (\(error)); delete it to rebuild it")
            }
        }
        guard !unlabelled.isEmpty else { return nil }
        let started = Date()
        // The training words join the unlabelled text for the word classes (labels unused).
        let built = WordProfile.build(from: unlabelled, sentences: training.map(\.words))
        log(String(format: "Profiled %d words from unlabelled text in %.1f s", built.count, Date().timeIntervalSince(started)))
        if let cache { try AtomicFile.write(built.serialized(), to: cache) }
        return built
    }

    /// Trains the models of `tasks` and writes each into `folder` as it finishes.
    ///
    /// - Throws: ``TrainingError`` when a model the run pairs with cannot be read or the
    ///   averaged models disagree; `AtomicFile`'s error when a model cannot be written.
    /// - Complexity: O(epochs · average · training tokens · features) per task.
    public func train(
        _ tasks: [TaggingTask], training: [CoNLLSentence], dev: [CoNLLSentence], profile: WordProfile?, folder: String,
        log: (String) -> Void
    ) throws {
        var trainedPartOfSpeech: SequenceTagger?
        for task in tasks {
            var trainer = TaggerTrainer()
            trainer.epochs = epochs
            trainer.pruneBelow = pruneBelow
            trainer.usesExtra = task == .chunk
            trainer.profile = profile
            trainer.wordDropout = task == .ner ? wordDropout : 0
            trainer.lexiconFolds = task == .pos ? partOfSpeechLexiconFolds : 0
            let started = Date()
            // The chunker is trained on the file's part-of-speech tags (training it on tags
            // predicted by jackknifing scored lower on dev; the file's chunk tags were written
            // from its part-of-speech tags, so they agree with those and not with predicted
            // ones) but scored on dev as it runs in Plexus: on predicted tags.
            var devPartOfSpeech: SequenceTagger?
            if task == .chunk {
                let path = (folder as NSString).appendingPathComponent(TaggingTask.pos.fileName)
                if let trainedPartOfSpeech {
                    devPartOfSpeech = trainedPartOfSpeech
                } else if FileManager.default.fileExists(atPath: path) {
                    do { devPartOfSpeech = try SequenceTagger(contentsOf: path) } catch { throw TrainingError("\(error)") }
                }
            }
            let tagsForDev = devPartOfSpeech
            let devScore = { (model: SequenceTagger) in
                TaggerEvaluation.score(model, task: task, on: dev, posTagger: tagsForDev).headline
            }
            if task == .chunk && chunkerDirections == .backward {
                try trainBackwardChunker(
                    trainer, training: training, dev: dev, devPartOfSpeech: tagsForDev, forward: nil, folder: folder, log: log)
                continue
            }
            let model = try trainAveraged(
                trainer, examples: task.examples(training), name: task.rawValue, devLabel: "dev", devScore: devScore, log: log)
            if task == .pos { trainedPartOfSpeech = model }
            try write(model, as: task.fileName, into: folder, started: started, log: log)
            if task == .chunk && chunkerDirections == .both {
                try trainBackwardChunker(
                    trainer, training: training, dev: dev, devPartOfSpeech: tagsForDev, forward: model, folder: folder, log: log)
            }
        }
    }

    /// Trains the right-to-left chunker on reversed sentences, choosing its epochs by the dev
    /// F1 of the pair (forward and backward combined, as Plexus runs them), and writes it.
    func trainBackwardChunker(
        _ trainer: TaggerTrainer, training: [CoNLLSentence], dev: [CoNLLSentence], devPartOfSpeech: SequenceTagger?,
        forward: SequenceTagger?, folder: String, log: (String) -> Void
    ) throws {
        let forwardPath = (folder as NSString).appendingPathComponent(TaggingTask.chunk.fileName)
        let pairedWith: SequenceTagger
        if let forward {
            pairedWith = forward
        } else {
            do { pairedWith = try SequenceTagger(contentsOf: forwardPath) } catch {
                throw TrainingError("--direction backward pairs with \(forwardPath): \(error)")
            }
        }
        let started = Date()
        let devScore = { (model: SequenceTagger) in
            TaggerEvaluation.score(pairedWith, task: .chunk, on: dev, posTagger: devPartOfSpeech, backward: model).headline
        }
        let examples = TaggingTask.chunk.examples(training.map { $0.reversed() })
        let model = try trainAveraged(
            trainer, examples: examples, name: "chunk-backward", devLabel: "dev (both directions)", devScore: devScore, log: log)
        try write(model, as: TaggingTask.chunk.backwardFileName, into: folder, started: started, log: log)
    }

    /// Trains `average` models with successive seeds and returns the mean of their weights,
    /// logging each epoch's dev score.
    func trainAveraged(
        _ trainer: TaggerTrainer, examples: [TaggerTrainer.Example], name: String, devLabel: String,
        devScore: (SequenceTagger) -> Double, log: (String) -> Void
    ) throws -> SequenceTagger {
        var trainer = trainer
        var members: [SequenceTagger] = []
        for member in 0..<max(1, average) {
            trainer.seed = seed &+ UInt64(member)
            members.append(
                trainer.train(
                    examples, devScore: devScore,
                    progress: { report in
                        log(
                            String(
                                format: "  %@ epoch %2d: %6d mistakes, %@ %.4f", name, report.epoch, report.mistakes, devLabel,
                                report.devScore))
                    }))
        }
        guard let model = SequenceTagger.averaging(members, pruneBelow: pruneBelow) else {
            throw TrainingError("the averaged models disagree on their tags")
        }
        if members.count > 1 {
            log(String(format: "  %@ mean of %d models: %@ %.4f", name, members.count, devLabel, devScore(model)))
        }
        return model
    }

    /// Writes a model into the folder, only now that its training has finished.
    func write(_ model: SequenceTagger, as fileName: String, into folder: String, started: Date, log: (String) -> Void) throws {
        let path = (folder as NSString).appendingPathComponent(fileName)
        let bytes = model.serialized()
        try AtomicFile.write(bytes, to: path)
        log(String(format: "Wrote %@ (%.1f MB) in %.0f s", path, Double(bytes.count) / 1e6, Date().timeIntervalSince(started)))
    }
}
