import ArgumentParser
import Corpus
import EntityRecognition
import Foundation
import PlexusSupport

/// `plexus-bench tagger`: how fast the shipped entity tagger tags news, on one core and on
/// all of them.
struct TaggerBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tagger",
        abstract: "Time the shipped tagger on a news corpus: model load, and tagging alone in tokens per second.",
        discussion:
            "Loading, cleaning, tokenizing and sentence splitting are done first and not timed; tagging runs document by document, as plexus build does: first on one core, then on every core (documents spread over them, as plexus build spreads them)."
    )

    @Argument(help: "Files or folders of articles (e.g. ../shared/data/news-corpus).")
    var inputs: [String]

    @Option(help: "ner, pos or chunk.") var task: TaggingTask = .ner

    @Option(help: "Folder with model files (default: the shipped models).") var models: String?

    func run() throws {
        let loadStart = DispatchTime.now().uptimeNanoseconds
        let model: SequenceTagger
        if let models {
            model = try SequenceTagger(contentsOf: (models as NSString).appendingPathComponent(task.fileName))
        } else {
            model = try ShippedModels.tagger(task)
        }
        let loadSeconds = Double(DispatchTime.now().uptimeNanoseconds - loadStart) / 1e9
        print(
            String(
                format: "model load  %8.1f ms   %@ (%d tags, %d profiled words)", loadSeconds * 1000, task.fileName, model.tags.count,
                model.profile?.count ?? 0))
        let documents = CorpusLoader().load(paths: inputs).documents
        let tokenizer = Tokenizer()
        let splitter = SentenceSplitter()
        var corpus: [[[String]]] = []
        var tokenCount = 0
        for document in documents {
            let tokens = tokenizer.tokenize(document.analysisText)
            let sentences = splitter.split(tokens).map { tokens[$0.tokenRange].map(\.text) }
            tokenCount += tokens.count
            corpus.append(sentences)
        }
        print("corpus      \(documents.count) documents, \(corpus.reduce(0) { $0 + $1.count }) sentences, \(tokenCount) tokens")
        let start = DispatchTime.now().uptimeNanoseconds
        var entities = 0
        for sentences in corpus {
            for tags in model.tagDocument(sentences) { entities += tags.filter { $0.hasPrefix("B-") || $0.hasPrefix("S-") }.count }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        print(
            String(
                format: "tagging     %8.2f s    %.0f tokens/s on one core (%d chunks found)", seconds, Double(tokenCount) / seconds,
                entities))
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let parallelStart = DispatchTime.now().uptimeNanoseconds
        let found = parallelMap(corpus) { sentences in
            model.tagDocument(sentences).reduce(0) { $0 + $1.filter { $0.hasPrefix("B-") || $0.hasPrefix("S-") }.count }
        }.reduce(0, +)
        let parallelSeconds = Double(DispatchTime.now().uptimeNanoseconds - parallelStart) / 1e9
        print(
            String(
                format: "tagging     %8.2f s    %.0f tokens/s on %d cores (%d chunks found; load %@)", parallelSeconds,
                Double(tokenCount) / parallelSeconds, cores, found, Self.loadAverage()))
    }

    /// The one-minute load average, for reading the figure beside it.
    static func loadAverage() -> String {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return "unknown" }
        return text.split(separator: " ").first.map(String.init) ?? "unknown"
    }
}

extension TaggingTask: ExpressibleByArgument {}
