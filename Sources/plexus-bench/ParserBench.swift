import ArgumentParser
import Corpus
import EntityRecognition
import Foundation
import PlexusSupport

/// `plexus-bench parser`: how fast the dependency parser parses news, on one core.
struct ParserBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parser",
        abstract: "Time the dependency parser on a news corpus: model load, its tagging, and parsing alone in words per second.",
        discussion: "Loading, cleaning, tokenizing and sentence splitting are done first and not timed; everything runs on one core."
    )

    @Argument(help: "Files or folders of articles (e.g. ../shared/data/news-corpus).")
    var inputs: [String]

    @Option(help: "A parser model file (default: the shipped parser).") var model: String?

    func run() throws {
        let loadStart = DispatchTime.now().uptimeNanoseconds
        let parser = try model.map { try DependencyParser(contentsOf: $0) } ?? ShippedModels.parser()
        let loadSeconds = Double(DispatchTime.now().uptimeNanoseconds - loadStart) / 1e9
        print(String(format: "model load  %8.1f ms   %d relations", loadSeconds * 1000, parser.labels.count))
        let documents = CorpusLoader().load(paths: inputs).documents
        let tokenizer = Tokenizer()
        let splitter = SentenceSplitter()
        var sentences: [[String]] = []
        for document in documents {
            let tokens = tokenizer.tokenize(document.analysisText)
            sentences += splitter.split(tokens).map { tokens[$0.tokenRange].map(\.text) }
        }
        let words = sentences.reduce(0) { $0 + $1.count }
        print("corpus      \(documents.count) documents, \(sentences.count) sentences, \(words) words")
        let tagStart = DispatchTime.now().uptimeNanoseconds
        let tags = sentences.map { parser.tagger?.tag($0) ?? Array(repeating: "", count: $0.count) }
        let tagSeconds = Double(DispatchTime.now().uptimeNanoseconds - tagStart) / 1e9
        print(String(format: "tagging     %8.2f s    %.0f words/s on one core", tagSeconds, Double(words) / tagSeconds))
        let start = DispatchTime.now().uptimeNanoseconds
        var arcs = 0
        for (sentence, sentenceTags) in zip(sentences, tags) {
            arcs += parser.parse(words: sentence, tags: sentenceTags).heads.filter { $0 != 0 }.count
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        print(String(format: "parsing     %8.2f s    %.0f words/s on one core (%d arcs)", seconds, Double(words) / seconds, arcs))
    }
}
