import Foundation
import PlexusGraph
import PlexusSupport
import Testing

@testable import EntityRecognition

/// The models shipped in the package: they load, they read back to their exact bytes, and a
/// damaged one is an error that names it.
@Suite struct ShippedModelTests {
    @Test func writingAShippedModelAgainGivesItsExactBytes() throws {
        for name in TaggingTask.allCases.map(\.fileName) + [TaggingTask.chunk.backwardFileName] {
            let url = try #require(modelURL(name))
            let data = try Data(contentsOf: url)
            #expect(try SequenceTagger(serialized: data, path: url.path).serialized() == data)
        }
    }

    @Test(arguments: TaggingTask.allCases)
    func aShippedModelScoresExactlyAsItsWeightsStoredPlainly(task: TaggingTask) throws {
        // Read from its file, a model keeps its weights packed with their classes, laid out
        // busiest first, and its busiest features also as dense rows; the scores must be the
        // very sums of the plain weights.
        let model = try ShippedModels.tagger(task)
        let features = model.table.filter { $0.key != 0 }.map { slot in
            (
                key: slot.key,
                entries: (Int(slot.start)..<(Int(slot.start) + Int(slot.count))).map {
                    (UInt8(model.entry($0).cls), model.entry($0).weight)
                }
            )
        }
        let plain = SequenceTagger(
            tags: model.tags, usesExtra: model.usesExtra, profile: model.profile, lexicon: model.lexicon, features: features,
            packing: false)
        #expect(!model.packed.isEmpty && plain.packed.isEmpty)
        #expect(!model.dense.isEmpty && plain.dense.isEmpty)
        let document = [
            ["Sir", "Keir", "Starmer", "met", "Donald", "Trump", "in", "Washington", "on", "Thursday", "."],
            ["The", "European", "Union", "said", "Russia", "must", "withdraw", "its", "troops", "from", "Ukraine", "."],
        ]
        let extras = model.usesExtra ? try ShippedModels.tagger(.pos).tagDocument(document) : nil
        #expect(model.scoreDocument(document, extras: extras) == plain.scoreDocument(document, extras: extras))
        #expect(model.tagDocument(document, extras: extras) == plain.tagDocument(document, extras: extras))
    }

    @Test func theShippedModelsLoad() throws {
        let ner = try ShippedModels.tagger(.ner)
        #expect(Set(ner.tags).isSuperset(of: ["O", "B-PER", "E-PER", "S-LOC", "S-ORG", "S-MISC"]))
        #expect(try ShippedModels.tagger(.chunk).usesExtra)
        _ = try SyntaxModels.shipped()
    }

    @Test func theTaggerRecognizerMapsTypesOntoPlexusTypes() throws {
        let recognizer = try TaggerRecognizer.shipped()
        let tokens = Tokenizer().tokenize("President Vladimir Putin met British officials from Nato in Moscow.")
        let spans = recognizer.recognize(tokens)
        let found = spans.map { span in (span.nameRange.map { tokens[$0].text }.joined(separator: " "), span.type, span.label) }
        #expect(found.contains { $0.0 == "Vladimir Putin" && $0.1 == .person })
        #expect(found.contains { $0.1 == .country && $0.2 == "United Kingdom" })
        #expect(found.contains { $0.1 == .organisation && $0.2 == "NATO" })
        #expect(found.contains { $0.0 == "Moscow" && $0.1 == .location })
        let putin = try #require(spans.first { $0.type == .person })
        #expect(tokens[putin.range.lowerBound].text == "President")
    }

    @Test func theShippedChunkerRunsInBothDirections() throws {
        let chunker = try ShippedModels.chunker()
        let words = ["Moscow", "firmly", "rejects", "any", "European", "peacekeeping", "force", "."]
        let pos = try ShippedModels.tagger(.pos).tag(words)
        let tags = chunker.tag(words, extra: pos)
        let chunks = ChunkTags.chunks(tags).map { words[$0.start..<$0.end].joined(separator: " ") + "/" + $0.type }
        #expect(chunks.contains("any European peacekeeping force/NP"))
    }

    func modelURL(_ name: String) -> URL? {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/EntityRecognition/Models/\(name)")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    @Test func tagsReadAWordAtATimeAreTheTagsOfTheWholeSentence() throws {
        let models = try SyntaxModels.shipped()
        let sentences = [
            "Russia opposes the deployment of European peacekeepers in Ukraine , the Kremlin said on Thursday .",
            "Finland backs Ukraine", "Critics attacked the plan .", "",
        ].map { $0.split(separator: " ").map(String.init) }
        for words in sentences {
            let whole = models.partOfSpeechTags(of: words)
            // In order, out of order (a later word first, then an earlier one), and past the end.
            var inOrder = models.startPartOfSpeech(of: words)
            #expect(words.indices.map { models.partOfSpeechTag(&inOrder, at: $0) } == whole)
            var jumping = models.startPartOfSpeech(of: words)
            for index in [words.count / 2, 0, words.count - 1, 1] where words.indices.contains(index) {
                #expect(models.partOfSpeechTag(&jumping, at: index) == whole[index])
            }
            #expect(models.partOfSpeechTag(&jumping, at: words.count) == nil)
            #expect(jumping.indices.count <= words.count)
            // The rest at once, after some words were read.
            #expect(models.partOfSpeechTags(&jumping) == whole)
        }
        var partial = models.startPartOfSpeech(of: sentences[0])
        _ = models.partOfSpeechTag(&partial, at: 2)
        #expect(partial.indices.count == 3)
    }

    @Test func aTruncatedModelFileIsAnErrorNamingTheFile() throws {
        let url = try #require(modelURL(TaggingTask.pos.fileName))
        let cut = try Data(contentsOf: url).prefix(1_000)
        let path = NSTemporaryDirectory() + "plexus-truncated-\(UUID().uuidString).plxtag"
        try cut.write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: ModelFileError(path: path, reason: "model file is cut short")) {
            try SequenceTagger(contentsOf: path)
        }
    }

    @Test func aParserModelCutInItsWeightsIsAnErrorNamingTheFile() throws {
        let url = try #require(modelURL("parser.plxdep"))
        let cut = try Data(contentsOf: url).prefix(10_000_000)  // inside the move weights
        let path = NSTemporaryDirectory() + "plexus-truncated-\(UUID().uuidString).plxdep"
        try cut.write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: ModelFileError(path: path, reason: "model file is cut short")) {
            try DependencyParser(contentsOf: path)
        }
    }
}
