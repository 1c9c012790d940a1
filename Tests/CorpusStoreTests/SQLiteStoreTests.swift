import Corpus
import EntityRecognition
import Foundation
import GRDB
import PlexusGraph
import RelationExtraction
import Testing

@testable import CorpusStore

@Suite("SQLite store")
struct SQLiteStoreTests {
    let builder: GraphBuilder

    init() throws { builder = try GraphBuilder.shipped() }

    func newStore() throws -> (SQLiteStore, String) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("plexus-\(UUID().uuidString).sqlite").path
        return (try SQLiteStore(path: path, create: true), path)
    }

    @Test("a build from the store gives the one-shot build's graph.json, byte for byte, after ingesting in overlapping parts")
    func storeBuildMatchesOneShotBuild() async throws {
        let folder = try StoreFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let all = StoreFixtures.articles.map(\.name).sorted()
        let (store, _) = try newStore()
        let ingester = StoreFixtures.ingester(builder)
        // The first part holds the shared furniture only twice, so its articles are analysed
        // with it; the build must find it shared by three and analyse them again.
        _ = try await ingester.ingest(paths: StoreFixtures.paths(["a1.txt", "a2.txt", "a3.txt"], in: folder), into: store)
        _ = try await ingester.ingest(paths: StoreFixtures.paths(["a3.txt", "b1.txt", "b2.txt"], in: folder), into: store)
        let built = try await StoreFixtures.fromStore(store, builder: builder)
        #expect(built.corpus.reanalysed == 2)
        #expect(built.corpus.analyses.count == 5)
        let expected = try StoreFixtures.oneShot(StoreFixtures.paths(all, in: folder), builder: builder)
        #expect(built.json == expected)
        #expect(!String(decoding: built.json, as: UTF8.self).contains("live coverage"))
        // The refreshed analyses were written back: the next build analyses nothing.
        let again = try await StoreFixtures.fromStore(store, builder: builder)
        #expect(again.corpus.reanalysed == 0)
        #expect(again.json == expected)
    }

    @Test("ingesting unchanged articles again analyses and writes nothing; a changed article replaces its rows")
    func reingestIsIdempotent() async throws {
        let folder = try StoreFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (store, _) = try newStore()
        let ingester = StoreFixtures.ingester(builder)
        let first = try await ingester.ingest(paths: [folder.path], into: store)
        #expect(first.added == 5)
        let second = try await ingester.ingest(paths: [folder.path], into: store)
        #expect(second.unchangedFiles == 5 && second.articles == 0 && second.added == 0 && second.replaced == 0)

        try "Rishi Sunak said Britain opposes the plan.\n".write(
            to: folder.appendingPathComponent("b2.txt"), atomically: true, encoding: .utf8)
        // A file touched but not changed is read again and found unchanged by its content hash.
        let a1 = folder.appendingPathComponent("a1.txt").path
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: a1)
        let third = try await ingester.ingest(paths: [folder.path], into: store)
        #expect(third.unchangedFiles == 3 && third.articles == 2)
        #expect(third.replaced == 1 && third.skipped == 1)
        let built = try await StoreFixtures.fromStore(store, builder: builder)
        #expect(built.json == (try StoreFixtures.oneShot([folder.path], builder: builder)))
        let labels = try GraphCodec.decode(built.json, path: "graph.json").nodes.map(\.label)
        #expect(labels.contains("Rishi Sunak"))
    }

    @Test("forget removes a document, or every document under a folder, and the build no longer has them")
    func forgetRemovesDocuments() async throws {
        let folder = try StoreFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (store, _) = try newStore()
        _ = try await StoreFixtures.ingester(builder).ingest(paths: [folder.path], into: store)
        let removed = try await store.forget([folder.path + "/b1.txt"])
        #expect(removed == [folder.path + "/b1.txt"])
        // Its file is read again by the next ingest, not skipped as stored.
        #expect(try await store.fileStamps(of: [folder.path + "/b1.txt"]).isEmpty)
        let built = try await StoreFixtures.fromStore(store, builder: builder)
        let kept = StoreFixtures.paths(["a1.txt", "a2.txt", "a3.txt", "b2.txt"], in: folder)
        #expect(built.json == (try StoreFixtures.oneShot(kept, builder: builder)))
        let rest = try await store.forget([folder.path + "/"])
        #expect(rest.count == 4)
        #expect(try await store.catalogue().isEmpty)
    }

    @Test("a JSON Lines file read again keeps only the records it still has, wherever their lines moved")
    func rereadFileDropsRecordsItNoLongerHas() async throws {
        let folder = try StoreFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let feed = folder.appendingPathComponent("feed.jsonl")
        func record(_ text: String) -> String { "{\"title\": \"Update\", \"text\": \"\(text)\"}" }
        let first = "Keir Starmer said Britain supports Ukraine."
        let second = "Emmanuel Macron said France backs the plan for peacekeepers."
        let third = "Dmitry Peskov said Russia rejects the plan."
        try [record(first), record(second), record(third)].joined(separator: "\n").write(to: feed, atomically: true, encoding: .utf8)
        let (store, _) = try newStore()
        let ingester = StoreFixtures.ingester(builder)
        _ = try await ingester.ingest(paths: [folder.path], into: store)
        // The feed drops its first record: the others move up a line.
        try [record(second), record(third)].joined(separator: "\n").write(to: feed, atomically: true, encoding: .utf8)
        let again = try await ingester.ingest(paths: [folder.path], into: store)
        #expect(again.removed == 1)
        #expect(try await store.catalogue().filter { $0.path == feed.path }.count == 2)
        let built = try await StoreFixtures.fromStore(store, builder: builder)
        #expect(built.json == (try StoreFixtures.oneShot([folder.path], builder: builder)))
    }

    @Test("a date window chooses the stored articles as a one-shot build's --since and --until would")
    func windowIsAQuery() async throws {
        let folder = try StoreFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (index, name) in ["a1", "a2", "a3", "b1"].enumerated() {
            let html = """
                <html><head><title>Story \(index)</title><meta property="article:published_time" content="2025-03-0\(index + 1)"></head>
                <body><p>On day \(index + 1) of the talks, Keir Starmer said Britain supports Ukraine.</p>
                <p>Emmanuel Macron agreed with Mr Starmer on point \(index + 1).</p></body></html>
                """
            try html.write(to: folder.appendingPathComponent(name + ".html"), atomically: true, encoding: .utf8)
        }
        let (store, _) = try newStore()
        _ = try await StoreFixtures.ingester(builder).ingest(paths: [folder.path], into: store)
        let window = DateWindow(since: "2025-03-02", until: "2025-03-03")
        let built = try await StoreFixtures.fromStore(store, builder: builder, window: window)
        #expect(built.corpus.analyses.count == 2)
        #expect(built.json == (try StoreFixtures.oneShot([folder.path], builder: builder, window: window)))
    }

    @Test("an analysis reads back from its stored bytes as it was written, and its stored tags build what tags read on demand build")
    func analysisRoundTrips() async throws {
        let folder = try StoreFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (store, _) = try newStore()
        // An analysis stage that tags every sentence, as stores written before tags were read
        // on demand hold them.
        var tagging = builder
        tagging.analyzer = try DocumentAnalyzer.shipped(.combined, syntax: true)
        _ = try await StoreFixtures.ingester(tagging).ingest(paths: [folder.path + "/a2.txt"], into: store)
        let stored = try await StoredCorpus.read(from: store, window: DateWindow(since: nil, until: nil), analyzer: tagging.analyzer)
        let document = try #require(CorpusLoader().load(paths: [folder.path + "/a2.txt"]).documents.first)
        let fresh = tagging.analyzer.analyze(document)
        let read = try #require(stored.analyses.first)
        #expect(read.document == document)
        #expect(read.tokens == fresh.tokens)
        #expect(read.sentences == fresh.sentences)
        #expect(read.sentenceTexts == fresh.sentenceTexts)
        #expect(read.mentions == fresh.mentions)
        #expect(read.syntax == fresh.syntax)
        #expect(read.syntax.contains { $0 != nil })
        let fromStoredTags = try await StoreFixtures.fromStore(store, builder: builder)
        #expect(fromStoredTags.json == (try StoreFixtures.oneShot([folder.path + "/a2.txt"], builder: builder)))
        // The article's stance ("Russia opposes … peacekeepers") is read from the stored tags.
        #expect(try GraphCodec.decode(fromStoredTags.json, path: "graph.json").edges.contains { $0.kind == .stance })
    }

    @Test("a stored analysis that cannot be read is analysed again from the stored text, named, and repaired")
    func damagedAnalysisIsRepaired() async throws {
        let folder = try StoreFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (store, _) = try newStore()
        _ = try await StoreFixtures.ingester(builder).ingest(paths: [folder.path], into: store)
        let damaged = folder.path + "/a3.txt"
        try await store.pool.write { db in
            try db.execute(sql: "UPDATE documents SET analysis = x'01ff' WHERE location = ?", arguments: [damaged])
        }
        let built = try await StoreFixtures.fromStore(store, builder: builder)
        #expect(built.corpus.repaired.count == 1)
        #expect(built.corpus.repaired.first?.description.hasPrefix(damaged) == true)
        #expect(built.json == (try StoreFixtures.oneShot([folder.path], builder: builder)))
        let again = try await StoreFixtures.fromStore(store, builder: builder)
        #expect(again.corpus.repaired.isEmpty && again.corpus.reanalysed == 0)
    }

    @Test("a file that is no SQLite database is refused with its name and the reason")
    func corruptFileIsAClearError() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("plexus-\(UUID().uuidString).sqlite").path
        try Data(repeating: 0x5A, count: 8192).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect {
            _ = try SQLiteStore(path: path, create: true)
        } throws: { error in
            guard let error = error as? StoreError, case .notAStore = error else { return false }
            return error.description.contains(path) && error.description.contains("not an SQLite database")
        }
    }

    @Test("a store of the first schema is migrated when opened, and keeps its documents")
    func olderSchemaIsMigrated() async throws {
        let folder = try StoreFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("plexus-\(UUID().uuidString).sqlite").path
        let pool = try DatabasePool(path: path)
        try SQLiteStore.migrator.migrate(pool, upTo: "v1-documents")
        try pool.close()
        let store = try SQLiteStore(path: path, create: false)
        let (hasFiles, applied) = try await store.pool.read { db in
            (try db.tableExists("files"), try SQLiteStore.migrator.appliedIdentifiers(db))
        }
        #expect(hasFiles)
        #expect(applied == ["v1-documents", "v2-files"])
        _ = try await StoreFixtures.ingester(builder).ingest(paths: [folder.path], into: store)
        #expect(try await store.catalogue().count == 5)
    }

    @Test("a store written by a newer Plexus is refused, naming the schema steps it does not know")
    func newerSchemaIsRefused() throws {
        let (store, path) = try newStore()
        try store.pool.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-future')")
        }
        try store.pool.close()
        #expect(throws: StoreError.newerSchema(store: path, unknown: ["v9-future"])) {
            _ = try SQLiteStore(path: path, create: false)
        }
    }

    @Test("another program's database is refused, and a missing store is not created by a build")
    func foreignOrMissingStoreIsRefused() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("plexus-\(UUID().uuidString).sqlite").path
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "CREATE TABLE invoices (id INTEGER PRIMARY KEY)") }
        try queue.close()
        #expect {
            _ = try SQLiteStore(path: path, create: true)
        } throws: { error in
            (error as? StoreError)?.description.contains("invoices") ?? false
        }
        let missing = path + ".missing"
        #expect(throws: StoreError.missing(store: missing)) { _ = try SQLiteStore(path: missing, create: false) }
        #expect(!FileManager.default.fileExists(atPath: missing))
    }
}
