import ArgumentParser
import Corpus
import CorpusStore
import EntityRecognition
import PlexusSupport
import RelationExtraction

/// The `--store` option of the commands that read or write a store.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: "The store: an SQLite file (created by `plexus ingest`), or a postgres://user@host:port/database address.")
    var store: String?

    init() {}

    init(store: String) { self.store = store }

    /// The store named, or a clear error.
    func open(create: Bool) async throws -> any StoreBackend {
        guard let store else { throw ValidationError("give --store, an SQLite file or a postgres:// address") }
        do {
            return try await StoreOpening.open(store, create: create)
        } catch let error as StoreError {
            throw UserError(error.description)
        }
    }
}

/// The settings an ingest records in every content hash: an article analysed with another
/// recogniser counts as changed.
func analysisSettings(_ recognizer: DocumentAnalyzer.RecognizerChoice) -> String {
    "plexus \(Plexus.version); recogniser \(recognizer.rawValue); stance syntax"
}

/// A stored corpus and the graph built from it.
struct StoreBuild {
    var corpus: StoredCorpus
    var output: GraphBuilder.Output
}

/// Reads the documents of `store` inside `window` and builds their graph with `builder`,
/// closing the store; notes on the window and on documents analysed again go to standard
/// error, and store errors become ``UserError``s.
func buildFromStore(_ store: any StoreBackend, window: DateWindow, builder: GraphBuilder) async throws -> StoreBuild {
    do {
        let corpus = try await StoredCorpus.read(from: store, window: window, analyzer: builder.analyzer)
        try await store.close()
        Summary.noteWindow(window, documents: corpus.analyses.count, outside: corpus.outside, undated: corpus.undated)
        for damage in corpus.repaired { Summary.warn("warning: \(damage); analysed again from its stored text, and repaired") }
        let refreshed = corpus.reanalysed - corpus.repaired.count
        if refreshed > 0 {
            Summary.warn(
                "note: \(refreshed) stored document\(refreshed == 1 ? "" : "s") analysed again: the paragraphs they share with other documents changed"
            )
        }
        return StoreBuild(corpus: corpus, output: builder.build(analysed: corpus.analyses))
    } catch let error as StoreError {
        try? await store.close()
        throw UserError(error.description)
    }
}
