import Foundation
import PlexusGraph
import PlexusSupport
import Testing

@testable import EntityRecognition
@testable import PlexusTraining

@Suite struct CoNLLReaderTests {
    func write(_ text: String) throws -> String {
        let path = NSTemporaryDirectory() + "conll-\(UUID().uuidString).txt"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func readsSentencesDocumentsAndTags() throws {
        let path = try write(
            "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\n\nPeter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\n\n-DOCSTART- -X- O O\n\nLondon NNP I-NP I-LOC\n"
        )
        defer { try? FileManager.default.removeItem(atPath: path) }
        let sentences = try CoNLLReader.read(from: path)
        #expect(sentences.map(\.words) == [["EU", "rejects"], ["Peter", "Blackburn"], ["London"]])
        #expect(sentences.map(\.document) == [1, 1, 2])
        #expect(sentences[0].pos == ["NNP", "VBZ"])
    }

    @Test(arguments: [
        ("EU NNP I-ORG\n", ":1: expected 4 columns (word POS chunk NER), found 3"),
        ("EU NNP I-NP X-ORG\n", ":1: unknown entity tag \"X-ORG\""),
        ("EU NNP I-NP I-GPE\n", ":1: unknown entity type in \"I-GPE\" (expected PER, LOC, ORG or MISC)"),
        ("\n\n", "no tokens: the file is empty"),
    ])
    func badFilesAreReportedWithTheLine(text: String, reason: String) throws {
        let path = try write(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try CoNLLReader.read(from: path)
            Issue.record("expected an error")
        } catch let error as CoNLLError {
            #expect(error.description.hasSuffix(reason))
            #expect(error.description.hasPrefix(path))
        }
    }

    @Test func iob1AndIob2GiveTheSameChunks() {
        let iob1 = ["I-PER", "I-PER", "B-PER", "O", "I-LOC", "I-ORG"]
        let iob2 = ["B-PER", "I-PER", "B-PER", "O", "B-LOC", "B-ORG"]
        let expected = [
            ChunkTags.Chunk(start: 0, end: 2, type: "PER"), .init(start: 2, end: 3, type: "PER"),
            .init(start: 4, end: 5, type: "LOC"), .init(start: 5, end: 6, type: "ORG"),
        ]
        #expect(ChunkTags.chunks(iob1) == expected)
        #expect(ChunkTags.chunks(iob2) == expected)
        #expect(ChunkTags.chunks(ChunkTags.iobes(iob1)) == expected)
    }
}

@Suite struct ChunkScoreTests {
    @Test func matchesHandComputedPrecisionRecallAndF1() {
        // Gold: PER(0-2), LOC(3), ORG(5-7). Predicted: PER(0-1) boundary error, LOC(3) right,
        // MISC(5-7) type error, PER(8) spurious. Correct 1 of 4 predicted, 1 of 3 gold.
        let gold = [["B-PER", "I-PER", "O", "B-LOC", "O", "B-ORG", "I-ORG", "O", "O"]]
        let predicted = [["B-PER", "O", "O", "B-LOC", "O", "B-MISC", "I-MISC", "O", "B-PER"]]
        let scores = ChunkScores.score(gold: gold, predicted: predicted)
        #expect(scores.overall.correct == 1 && scores.overall.predicted == 4 && scores.overall.gold == 3)
        #expect(abs(scores.overall.precision - 0.25) < 1e-12)
        #expect(abs(scores.overall.recall - 1.0 / 3.0) < 1e-12)
        #expect(abs(scores.overall.f1 - 2 * 0.25 * (1.0 / 3.0) / (0.25 + 1.0 / 3.0)) < 1e-12)
        #expect(scores.byType["LOC"]?.f1 == 1)
        #expect(scores.byType["PER"]?.correct == 0)
    }
}

@Suite struct SequenceTaggerTests {
    let examples = [
        TaggerTrainer.Example(words: ["Peter", "Smith", "visited", "London", "."], tags: ["B-PER", "E-PER", "O", "S-LOC", "O"]),
        TaggerTrainer.Example(words: ["Mary", "Jones", "left", "Paris", "."], tags: ["B-PER", "E-PER", "O", "S-LOC", "O"], document: 1),
        TaggerTrainer.Example(
            words: ["The", "EU", "met", "in", "Brussels", "."], tags: ["O", "S-ORG", "O", "O", "S-LOC", "O"], document: 2),
    ]

    func train() -> SequenceTagger {
        var trainer = TaggerTrainer()
        trainer.epochs = 5
        trainer.pruneBelow = 0
        // Score candidates on the training sentences themselves: this test checks learning, not generalisation.
        return trainer.train(
            examples,
            devScore: { model in
                Double(examples.filter { model.tag($0.words) == $0.tags }.count)
            })
    }

    @Test func trainingIsDeterministicToTheByte() {
        #expect(train().serialized() == train().serialized())
    }

    @Test func learnsItsTrainingDataAndRoundTripsThroughItsFile() throws {
        let model = train()
        #expect(model.tag(["Peter", "Smith", "visited", "London", "."]) == ["B-PER", "E-PER", "O", "S-LOC", "O"])
        let reloaded = try SequenceTagger(serialized: model.serialized(), path: "m")
        #expect(reloaded.tag(["Mary", "Jones", "left", "Paris", "."]) == model.tag(["Mary", "Jones", "left", "Paris", "."]))
    }

    @Test func aDamagedModelFileIsAClearError() {
        #expect(throws: ModelFileError.self) { try SequenceTagger(serialized: Data("not a model".utf8), path: "m") }
        let cut = train().serialized().prefix(40)
        #expect(throws: ModelFileError.self) { try SequenceTagger(serialized: Data(cut), path: "m") }
        // A model written by an older Plexus says so, and what to do.
        var older = train().serialized()
        older.replaceSubrange(0..<8, with: Array("PLXTAG4\u{0}".utf8))
        do {
            _ = try SequenceTagger(serialized: older, path: "old.plxtag")
            Issue.record("expected an error")
        } catch let error as ModelFileError {
            #expect(error.description.contains("older format (PLXTAG4)") && error.description.contains("train-ner"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}

@Suite struct BidirectionalTaggerTests {
    let sentences = [
        CoNLLSentence(
            words: ["The", "new", "plan", "was", "rejected", "by", "Moscow", "."], pos: ["DT", "JJ", "NN", "VBD", "VBN", "IN", "NNP", "."],
            chunks: ["I-NP", "I-NP", "I-NP", "I-VP", "I-VP", "I-PP", "I-NP", "O"], entities: ["O", "O", "O", "O", "O", "O", "I-LOC", "O"],
            document: 0),
        CoNLLSentence(
            words: ["London", "backed", "the", "talks", "."], pos: ["NNP", "VBD", "DT", "NNS", "."],
            chunks: ["I-NP", "I-VP", "I-NP", "I-NP", "O"], entities: ["I-LOC", "O", "O", "O", "O"], document: 1),
    ]

    @Test func readingASentenceBackwardsKeepsItsSpansOnTheSameWords() {
        // "The new plan | was rejected | by | Moscow ." read from the full stop back.
        #expect(sentences[0].reversed().chunks == ["O", "S-NP", "S-PP", "B-VP", "E-VP", "B-NP", "I-NP", "E-NP"])
        for sentence in sentences {
            let backwards = sentence.reversed()
            #expect(backwards.words == sentence.words.reversed())
            let n = sentence.words.count
            let mirrored = ChunkTags.chunks(backwards.chunks).map { ChunkTags.Chunk(start: n - $0.end, end: n - $0.start, type: $0.type) }
            #expect(Set(mirrored) == Set(ChunkTags.chunks(sentence.chunks)))
            #expect(Set(ChunkTags.chunks(backwards.entities).map(\.type)) == ["LOC"])
            #expect(backwards.reversed().chunks == ChunkTags.iobes(sentence.chunks))
        }
    }

    func trained(backwards: Bool) -> SequenceTagger {
        var trainer = TaggerTrainer()
        trainer.epochs = 6
        trainer.pruneBelow = 0
        trainer.usesExtra = true
        let examples = TaggingTask.chunk.examples(backwards ? sentences.map { $0.reversed() } : sentences)
        return trainer.train(
            examples,
            devScore: { model in
                Double(examples.filter { model.tag($0.words, extra: $0.extra) == $0.tags }.count)
            })
    }

    @Test func bothDirectionsTogetherTagValidChunksAndLearnTheirData() throws {
        let pair = try #require(BidirectionalTagger(forward: trained(backwards: false), backward: trained(backwards: true)))
        for sentence in sentences {
            let tags = pair.tag(sentence.words, extra: sentence.pos)
            #expect(tags == ChunkTags.iobes(sentence.chunks))
        }
        // A document is tagged as its sentences are one by one.
        let document = pair.tagDocument(sentences.map(\.words), extras: sentences.map(\.pos))
        #expect(document == sentences.map { ChunkTags.iobes($0.chunks) })
    }

    @Test func modelsWithDifferentTagSetsDoNotPair() {
        var trainer = TaggerTrainer()
        trainer.epochs = 1
        let other = trainer.train([.init(words: ["a", "b"], tags: ["DT", "NN"])], devScore: { _ in 0 })
        #expect(BidirectionalTagger(forward: trained(backwards: false), backward: other) == nil)
    }
}

@Suite struct TaggerDecodingAndProfileTests {
    @Test func decodingNeverEndsASpanAsAnotherTypeOrLeavesItOpen() {
        let tags = ["B-LOC", "B-ORG", "E-LOC", "E-ORG", "I-LOC", "I-ORG", "O", "S-LOC", "S-ORG"]
        let transitions = TagTransitions(tags: tags)
        func scores(favouring best: String, then second: String) -> [Float] {
            tags.map { $0 == best ? 2 : ($0 == second ? 1 : 0) }
        }
        let bLOC = tags.firstIndex(of: "B-LOC")!
        // After B-LOC, E-ORG scores highest but would mix types: the best valid tag wins.
        let next = transitions.best(scores(favouring: "E-ORG", then: "E-LOC"), previous: bLOC, last: true)
        #expect(tags[next] == "E-LOC")
        // At the start of a sentence a span cannot continue.
        #expect(tags[transitions.best(scores(favouring: "I-ORG", then: "S-ORG"), previous: -1, last: false)] == "S-ORG")
        // The last word cannot leave a span open.
        #expect(tags[transitions.best(scores(favouring: "B-ORG", then: "O"), previous: -1, last: true)] == "O")
        // Part-of-speech tags are not constrained.
        let pos = TagTransitions(tags: ["DT", "NN", "VB"])
        #expect(pos.best([0, 1, 3], previous: 0, last: true) == 2)
    }

    @Test func exchangeClassesGroupWordsUsedAlike() {
        // "cat"/"dog" follow "the" and precede "ran"/"sat"; "ran"/"sat" follow animals.
        let words = ["the", "cat", "dog", "ran", "sat", "."]
        let id = Dictionary(uniqueKeysWithValues: words.enumerated().map { ($1, Int32($0)) })
        var sequences: [[Int32]] = []
        for animal in ["cat", "dog"] {
            for verb in ["ran", "sat"] {
                for _ in 0..<5 { sequences.append(["the", animal, verb, "."].map { id[$0]! }) }
            }
        }
        let clustering = ExchangeClustering(sequences: sequences, vocabularySize: words.count, clusteredCount: words.count)
        let classes = clustering.classes(classCount: 3, iterations: 10)
        #expect(classes[Int(id["cat"]!)] == classes[Int(id["dog"]!)])
        #expect(classes[Int(id["ran"]!)] == classes[Int(id["sat"]!)])
        #expect(classes[Int(id["cat"]!)] != classes[Int(id["ran"]!)])
        #expect(classes == clustering.classes(classCount: 3, iterations: 10))
    }

    @Test func aWordProfileRoundTripsWithItsClasses() throws {
        let sentences =
            Array(repeating: ["Mr", "Blair", "said", "the", "deal", "was", "fair", "."], count: 4)
            + Array(repeating: ["Mr", "Brown", "said", "the", "plan", "was", "good", "."], count: 4)
        let profile = WordProfile.build(from: [], sentences: sentences, minimumCount: 3, classIterations: 5)
        #expect(profile.wordClasses("Blair") != nil)
        #expect(profile.wordClasses("Smith") == nil)  // never seen
        #expect(profile.wordClasses("BLAIR") == profile.wordClasses("Blair"))  // headline capitals
        let reread = try WordProfile(serialized: profile.serialized(), path: "p")
        #expect(reread.serialized() == profile.serialized())
        #expect(reread.wordClasses("said") == profile.wordClasses("said"))
        #expect(throws: ModelFileError.self) { try WordProfile(serialized: Data("nope".utf8), path: "p") }
    }

    @Test func aHeadlineInCapitalsSeesCuesFromTheBody() {
        var cache: [String: TokenFacts] = [:]
        var facts = [
            TaggerFeatures.facts(for: ["JORDAN", "SCORES", "40"], cache: &cache),
            TaggerFeatures.facts(for: ["Later", "Michael", "Jordan", "said", "he", "was", "tired", "."], cache: &cache),
        ]
        TaggerFeatures.addDocumentCues(&facts)
        let headline = facts[0][2].documentCues
        #expect(headline & TaggerFeatures.DocumentCue.speechAfter != 0)
        #expect(headline & TaggerFeatures.DocumentCue.mixedCase != 0)
        #expect(headline & TaggerFeatures.DocumentCue.capitalisedBefore != 0)
        #expect(facts[1][5].documentCues == 0)  // "said" is not capitalised
    }

    @Test func wordDropoutTrainingIsStillDeterministic() {
        let examples = [
            TaggerTrainer.Example(words: ["Peter", "Smith", "visited", "London", "."], tags: ["B-PER", "E-PER", "O", "S-LOC", "O"]),
            TaggerTrainer.Example(
                words: ["Mary", "Jones", "left", "Paris", "."], tags: ["B-PER", "E-PER", "O", "S-LOC", "O"], document: 1),
        ]
        func train() -> Data {
            var trainer = TaggerTrainer()
            trainer.epochs = 4
            trainer.wordDropout = 0.5
            return trainer.train(examples, devScore: { _ in 0 }).serialized()
        }
        #expect(train() == train())
    }
}

@Suite struct TagLexiconTests {
    /// Three one-sentence documents; "bank" is a verb in document 2 only.
    let sentences: [(words: [String], document: Int)] = [
        (["the", "bank", "fell"], 0), (["a", "bank", "rose"], 1), (["they", "bank", "it"], 2),
    ]
    let tags = [[0, 1, 2], [0, 1, 2], [3, 2, 3]]

    @Test func eachFoldSeesOnlyTheOtherFoldsTags() {
        let lexicons = TagLexicon.folds(sentences, tags: tags, folds: 3)
        #expect(lexicons.foldOf == [0, 1, 2])
        #expect(lexicons.full.masks["bank"] == 0b110)
        // Without document 2, "bank" was only ever a noun (tag 1); without document 0, "fell" is unknown.
        #expect(lexicons.without[2].masks["bank"] == 0b010)
        #expect(lexicons.without[0].feature("fell") == TagLexicon.unknown)
        #expect(lexicons.full.feature("bank") != lexicons.without[2].feature("bank"))
    }

    @Test func aPartOfSpeechModelCarriesItsLexiconThroughItsFile() throws {
        var trainer = TaggerTrainer()
        trainer.epochs = 4
        trainer.pruneBelow = 0
        trainer.lexiconFolds = 3
        let examples = zip(sentences, tags).map { sentence, tags in
            TaggerTrainer.Example(words: sentence.words, tags: tags.map { ["DT", "NN", "VBD", "PRP"][$0] }, document: sentence.document)
        }
        let model = trainer.train(examples, devScore: { model in Double(examples.filter { model.tag($0.words) == $0.tags }.count) })
        #expect(model.lexicon?.masks["bank"] != nil)
        let reloaded = try SequenceTagger(serialized: model.serialized(), path: "m")
        #expect(reloaded.lexicon == model.lexicon)
        #expect(reloaded.serialized() == model.serialized())
        #expect(reloaded.tag(["the", "bank", "rose"]) == model.tag(["the", "bank", "rose"]))
    }
}
