import Corpus
import EntityRecognition
import Foundation
import PlexusSupport
import RelationExtraction

/// Reads articles, analyses the new and changed ones and writes them into a store.
///
/// An article whose content hash the store already holds is skipped without analysis. The
/// others are analysed in batches on all cores and written batch by batch, so a killed run
/// keeps every batch it wrote, and the next run picks up where it stopped.
public struct StoreIngester: Sendable {
    /// The analysis stage (the same one a build uses).
    public var analyzer: DocumentAnalyzer
    /// The analysis settings (recogniser, models), part of every content hash: an article
    /// analysed with other settings counts as changed.
    public var settings: String
    /// Cleaning limits; the cross-document threshold must match the build's.
    public var loaderOptions = CorpusLoader.Options()
    /// Articles analysed and written together.
    public var batchSize = 64
    /// Analyse and write every article, even those the store holds unchanged.
    public var reanalyse = false
    /// Take only every `count`-th file, starting with the `index`-th (0-based), so that
    /// several processes or machines can share one corpus without reading each other's files.
    public var shard: (index: Int, count: Int)?
    /// Called after each batch is written, with the documents written so far and the total to write.
    public var onBatchWritten: (@Sendable (_ written: Int, _ total: Int) -> Void)?

    /// Creates an ingester.
    public init(analyzer: DocumentAnalyzer, settings: String) {
        self.analyzer = analyzer
        self.settings = settings
    }

    /// What an ingest did.
    public struct Report: Sendable {
        /// Files found.
        public var files = 0
        /// Files unchanged since an ingest stored all their articles (not read).
        public var unchangedFiles = 0
        /// Articles read (from the changed and new files).
        public var articles = 0
        /// Articles the store already held with the same content (not analysed again).
        public var skipped = 0
        /// New documents written.
        public var added = 0
        /// Changed documents whose rows were replaced.
        public var replaced = 0
        /// Documents another process wrote with the same content meanwhile.
        public var unchanged = 0
        /// Stored records that a re-read file no longer has (or has on another line).
        public var removed = 0
        /// Inputs that could not be read, with reasons.
        public var failures: [CorpusError] = []
        /// What was read but not as written.
        public var warnings: [CorpusWarning] = []
        /// What cleaning removed within files.
        public var cleaning: CleaningReport
    }

    /// Reads `paths` and writes what is new or changed into `store`.
    ///
    /// - Throws: ``StoreError`` when the store fails; batches written before stay written.
    /// - Complexity: O(bytes read + tokens of the new and changed articles).
    public func ingest(paths: [String], into store: any StoreBackend) async throws -> Report {
        let loader = CorpusLoader(options: loaderOptions)
        var listing = loader.files(under: paths)
        if let shard {
            listing.files = listing.files.enumerated().filter { $0.offset % shard.count == shard.index }.map(\.element)
        }
        let settings = self.settings
        let stamps = parallelMap(listing.files) { Self.stamp(of: $0, settings: settings) }
        let recorded = reanalyse ? [:] : try await store.fileStamps(of: listing.files)
        let changed = listing.files.indices.filter { stamps[$0] == nil || recorded[listing.files[$0]] != stamps[$0] }
        var read = loader.read(files: changed.map { listing.files[$0] })
        read.failures = listing.failures + read.failures
        var report = Report(files: listing.files.count, failures: read.failures, warnings: read.warnings, cleaning: read.report)
        report.unchangedFiles = listing.files.count - changed.count
        report.articles = read.articles.count
        // Once every article of a file is stored, its stamp says so; a file with a failure
        // keeps none, so that the next ingest reads it (and reports it) again.
        let failed = Set(read.failures.map(\.path))
        var finished: [String: FileStamp] = [:]
        for index in changed where !failed.contains(listing.files[index]) {
            if let stamp = stamps[index] { finished[listing.files[index]] = stamp }
        }
        report = try await write(read, report: report, into: store)
        // A file read whole is what the store keeps of it: records it no longer has go.
        var locationsByFile: [String: Set<String>] = [:]
        for article in read.articles { locationsByFile[article.path, default: []].insert(article.location) }
        for path in finished.keys.sorted() {
            report.removed += try await store.retain(path: path, locations: locationsByFile[path] ?? [])
        }
        try await store.recordFiles(finished)
        return report
    }

    /// The stamp of a file now, or `nil` when it cannot be read; such a file counts as
    /// changed, and reading it reports why.
    static func stamp(of path: String, settings: String) -> FileStamp? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let size = attributes[.size] as? Int, let modified = attributes[.modificationDate] as? Date
        else { return nil }
        return FileStamp(size: size, modified: modified.timeIntervalSince1970, settings: settings)
    }

    /// Analyses and writes the new and changed articles of `read`.
    func write(_ read: ArticleReadResult, report: Report, into store: any StoreBackend) async throws -> Report {
        var report = report
        let settings = self.settings
        let hashes = parallelMap(read.articles) { StoredDocument.contentHash(of: $0, analysis: settings) }
        let locations = read.articles.map(\.location)
        let stored = try await store.contentHashes(of: locations)
        let todo = read.articles.indices.filter { reanalyse || stored[locations[$0]] != hashes[$0] }
        report.skipped = read.articles.count - todo.count
        guard !todo.isEmpty else { return report }

        let articles = todo.map { read.articles[$0] }
        let keys = CorpusLoader.repeatKeys(of: articles, maxWords: loaderOptions.crossDocumentMaxWords)
        let hashedKeys = zip(articles, keys).map { StoredDocument.paragraphKeys(of: $0, keys: $1) }
        // How often each key occurs: in the store, plus in this run's articles. The build
        // checks this guess against the whole store and analyses again what it got wrong.
        var counts = try await store.documentCounts(of: hashedKeys.flatMap { $0.map(\.key) })
        for documentKeys in hashedKeys {
            for key in Set(documentKeys.map(\.key)) { counts[key, default: 0] += 1 }
        }
        let keyCounts = counts
        let loader = CorpusLoader(options: loaderOptions)
        let analyzer = self.analyzer
        var written = 0
        // A batch is written while the next one is analysed, so the database's round trips
        // overlap the analysis; batches are still written one after another, in order.
        var pending: Task<[WriteOutcome], any Error>?
        func settle(_ task: Task<[WriteOutcome], any Error>) async throws {
            let outcomes = try await task.value
            for outcome in outcomes {
                switch outcome {
                case .added: report.added += 1
                case .replaced: report.replaced += 1
                case .unchanged: report.unchanged += 1
                }
            }
            written += outcomes.count
            onBatchWritten?(written, todo.count)
        }
        let force = reanalyse
        for batch in Array(todo.indices).chunked(batchSize) {
            let documents = parallelMap(Array(batch)) { position -> StoredDocument in
                let article = articles[position]
                let removed = loader.sharedParagraphs(
                    of: article, keys: keys[position], documentCount: { keyCounts[StoredDocument.hashedKey($0)] ?? 0 })
                return StoredDocument(
                    article: article, contentHash: hashes[todo[position]], paragraphKeys: hashedKeys[position], removed: removed,
                    analysis: analyzer.analyze(article.document(id: "", removing: removed)))
            }
            if let pending { try await settle(pending) }
            pending = Task { try await store.write(documents, force: force) }
        }
        if let pending { try await settle(pending) }
        return report
    }
}
