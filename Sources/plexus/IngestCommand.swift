import ArgumentParser
import Corpus
import CorpusStore
import EntityRecognition
import Foundation
import PlexusSupport
import RelationExtraction

/// `plexus ingest`: articles into a store, analysed once.
struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Read and analyse articles into a store, so that builds and queries need not analyse them again.",
        discussion: """
            An article the store holds with the same content is skipped; a changed one replaces \
            its rows. Articles are written in batches, each in one transaction (one per article \
            in PostgreSQL): a killed run keeps what it wrote, and the next run goes on from \
            there. Several ingests may write one store at once. Paths are stored as given: \
            ingest from the folder you will build from, so `plexus build --store` orders and \
            names the documents as `plexus build` of the same articles would.
            """
    )

    @Argument(help: "Files or folders of articles.")
    var inputs: [String] = []

    @OptionGroup var storeOptions: StoreOptions

    @Option(name: .long, help: "Entity recogniser: combined (the default), rules or tagger; builds must use the same.")
    var recognizer: DocumentAnalyzer.RecognizerChoice = .combined

    @Option(
        name: .long,
        help:
            "K/N: ingest only the K-th of N equal shares of the files (every N-th file, from the K-th), to spread one corpus over N processes or machines."
    )
    var shard: String?

    /// `--shard` as a 0-based index and a count.
    var shardParts: (index: Int, count: Int)? {
        guard let shard else { return nil }
        let parts = shard.split(separator: "/").compactMap { Int($0) }
        guard parts.count == 2, parts[1] >= 1, (1...parts[1]).contains(parts[0]) else { return nil }
        return (parts[0] - 1, parts[1])
    }

    @Flag(name: .long, help: "Analyse every article again, even those the store holds unchanged (after upgrading Plexus).")
    var reanalyse = false

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("give the files or folders of articles to ingest") }
        guard storeOptions.store != nil else { throw ValidationError("give --store, an SQLite file or a postgres:// address") }
        if let shard, shardParts == nil { throw ValidationError("--shard: \"\(shard)\" is not K/N with 1 ≤ K ≤ N (e.g. 2/4)") }
    }

    func run() async throws {
        let started = Date()
        let analyzer: DocumentAnalyzer
        do {
            analyzer = try GraphBuilder.shipped(recognizer: recognizer).analyzer
        } catch let error as ModelFileError {
            throw UserError(error.description)
        }
        let store = try await storeOptions.open(create: true)
        var ingester = StoreIngester(analyzer: analyzer, settings: analysisSettings(recognizer))
        ingester.reanalyse = reanalyse
        ingester.shard = shardParts
        let showProgress = isatty(STDERR_FILENO) == 1
        ingester.onBatchWritten = { written, total in
            guard showProgress else { return }
            FileHandle.standardError.write(Data("\r\u{1B}[2KIngested \(written) of \(total) documents".utf8))
        }
        let report: StoreIngester.Report
        do {
            report = try await ingester.ingest(paths: inputs, into: store)
            try await store.close()
        } catch let error as StoreError {
            try? await store.close()
            throw UserError(error.description)
        }
        if showProgress && report.added + report.replaced + report.unchanged > 0 { FileHandle.standardError.write(Data("\n".utf8)) }
        for failure in report.failures { Summary.warn("error: \(failure)") }
        for warning in report.warnings { Summary.warn("warning: \(warning)") }
        print(
            "Found \(report.files) files: \(report.unchangedFiles) unchanged since they were stored, \(report.files - report.unchangedFiles) read"
                + " (\(report.failures.count) failed)")
        print(
            "Articles read: \(report.articles): \(report.added) added, \(report.replaced) replaced, \(report.skipped + report.unchanged) unchanged"
                + (report.removed > 0 ? "; \(report.removed) stored records their files no longer have removed" : ""))
        print(String(format: "Done in %.2f s", Date().timeIntervalSince(started)))
        if !report.failures.isEmpty { throw ExitCode(1) }
    }
}

/// `plexus forget`: documents out of a store.
struct ForgetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forget",
        abstract: "Remove documents from a store: by path (or path:line for a JSON Lines record), or every document under a folder."
    )

    @Argument(help: "Documents or folders, as they were ingested.")
    var documents: [String] = []

    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        guard !documents.isEmpty else { throw ValidationError("name the documents to remove") }
    }

    func run() async throws {
        let store = try await storeOptions.open(create: false)
        let removed: [String]
        do {
            removed = try await store.forget(documents)
            try await store.close()
        } catch let error as StoreError {
            try? await store.close()
            throw UserError(error.description)
        }
        for location in removed { print("Removed \(location)") }
        print("Removed \(removed.count) document\(removed.count == 1 ? "" : "s")")
        guard removed.isEmpty else { return }
        Summary.warn("error: none of \(documents.joined(separator: ", ")) is in the store")
        throw ExitCode(1)
    }
}
