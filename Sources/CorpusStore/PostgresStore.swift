import Corpus
import Foundation
import Logging
import NIOSSL
import PostgresNIO

/// A store in a PostgreSQL database, through postgres-nio, shared by every process that
/// ingests into it or builds from it: each document is written in its own transaction,
/// and two processes writing the same document settle on one row by its location (the
/// later with other content replaces it, the later with the same content changes nothing).
///
/// The schema is SQLite's (``StoreSchema``) with PostgreSQL's types; it is created under an
/// advisory lock, so processes starting together create it once.
public final class PostgresStore: StoreBackend {
    /// The address without its password.
    public let name: String
    /// The connection for everything but writing documents.
    let connection: PostgresConnection
    /// Connections that write documents side by side (the first is `connection`): a write
    /// waits mostly on round trips, so several in flight keep the analysis busy.
    let writers: [PostgresConnection]
    /// Connections used to write documents.
    static let writerCount = 3
    let logger: Logger

    /// The schema steps this Plexus knows, in order.
    static let steps = ["v1-documents", "v2-files"]

    /// Connects to the database at `address` and creates or checks the schema.
    ///
    /// - Throws: ``StoreError`` when the server cannot be reached, refuses the login, or
    ///   holds a schema this Plexus does not know.
    public init(address: PostgresAddress) async throws {
        name = address.redacted
        var logger = Logger(label: "plexus.store")
        logger.logLevel = .critical
        self.logger = logger
        do {
            let configuration = try address.configuration()
            var opened: [PostgresConnection] = []
            do {
                for id in 1...Self.writerCount {
                    opened.append(try await PostgresConnection.connect(configuration: configuration, id: id, logger: logger))
                }
            } catch {
                for connection in opened { try? await connection.close() }
                throw error
            }
            connection = opened[0]
            writers = opened
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.connection(store: address.redacted, reason: Self.connectionFailure(error))
        }
        do {
            try await migrate()
        } catch {
            for writer in writers { try? await writer.close() }
            throw Self.storeError(error, store: address.redacted)
        }
    }

    /// `error` as a ``StoreError``: one thrown inside a transaction as it was, a driver's as
    /// the server's message.
    static func storeError(_ error: any Error, store: String) -> StoreError {
        if let error = error as? StoreError { return error }
        if let transaction = error as? PostgresTransactionError, let inner = transaction.closureError as? StoreError { return inner }
        return .database(store: store, reason: describe(error))
    }

    /// Why a connection failed, in a user's words where the cause is a common one.
    static func connectionFailure(_ error: any Error) -> String {
        let text = describe(error)
        if text.contains("Connection refused") { return "connection refused: is PostgreSQL running and listening there?" }
        if text.contains("UnknownHost") || text.contains("Name or service not known") { return "no such host" }
        return text
    }

    /// What went wrong, from the server's message when there is one; never the password.
    static func describe(_ error: any Error) -> String {
        if let transaction = error as? PostgresTransactionError {
            return describe(transaction.closureError ?? transaction.commitError ?? transaction.beginError ?? error)
        }
        if let psql = error as? PSQLError {
            if let message = psql.serverInfo?[.message] { return message }
            if let underlying = psql.underlying { return "\(underlying)" }
            return "\(psql.code)"
        }
        return "\(error)"
    }

    /// Runs `body`, turning driver errors into ``StoreError``s that name the store.
    func guarded<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch { throw Self.storeError(error, store: name) }
    }

    func migrate() async throws {
        try await connection.withTransaction(logger: logger) { db in
            // One process at a time creates or checks the schema.
            try await db.query("SELECT pg_advisory_xact_lock(7305812)", logger: logger)
            let hasSteps =
                try await db.query("SELECT to_regclass('plexus_schema') IS NOT NULL", logger: logger)
                .collect().first?.decode(Bool.self) ?? false
            var applied: [String] = []
            if hasSteps {
                for try await step in try await db.query("SELECT step FROM plexus_schema", logger: logger).decode(String.self) {
                    applied.append(step)
                }
            } else {
                let hasDocuments =
                    try await db.query("SELECT to_regclass('documents') IS NOT NULL", logger: logger)
                    .collect().first?.decode(Bool.self) ?? false
                if hasDocuments {
                    throw StoreError.notAStore(store: name, reason: "it has a documents table of another program")
                }
                try await db.query(
                    "CREATE TABLE plexus_schema (step TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())", logger: logger)
            }
            let unknown = applied.filter { !Self.steps.contains($0) }.sorted()
            if !unknown.isEmpty { throw StoreError.newerSchema(store: name, unknown: unknown) }
            if !applied.contains("v1-documents") {
                for statement in StoreSchema.postgres { try await db.query(PostgresQuery(unsafeSQL: statement), logger: logger) }
                try await db.query("INSERT INTO plexus_schema (step) VALUES ('v1-documents')", logger: logger)
            }
            if !applied.contains("v2-files") {
                try await db.query(PostgresQuery(unsafeSQL: StoreSchema.sqliteFiles), logger: logger)
                try await db.query("INSERT INTO plexus_schema (step) VALUES ('v2-files')", logger: logger)
            }
        }
    }

    public func fileStamps(of paths: [String]) async throws -> [String: FileStamp] {
        try await guarded {
            var out: [String: FileStamp] = [:]
            for chunk in paths.chunked(5000) {
                let rows = try await connection.query(
                    "SELECT path, size, modified, settings FROM files WHERE path = ANY(\(Array(chunk)))", logger: logger)
                for try await (path, size, modified, settings) in rows.decode((String, Int, Double, String).self) {
                    out[path] = FileStamp(size: size, modified: modified, settings: settings)
                }
            }
            return out
        }
    }

    public func recordFiles(_ stamps: [String: FileStamp]) async throws {
        let sorted = stamps.sorted { $0.key < $1.key }
        for chunk in sorted.chunked(5000) {
            _ = try await guarded {
                try await connection.query(
                    """
                    INSERT INTO files (path, size, modified, settings)
                    SELECT * FROM unnest(\(chunk.map(\.key))::text[], \(chunk.map(\.value.size))::bigint[],
                    \(chunk.map(\.value.modified))::double precision[], \(chunk.map(\.value.settings))::text[])
                    ON CONFLICT (path) DO UPDATE SET size = excluded.size, modified = excluded.modified, settings = excluded.settings
                    """, logger: logger)
            }
        }
    }

    public func contentHashes(of locations: [String]) async throws -> [String: String] {
        try await guarded {
            var out: [String: String] = [:]
            for chunk in locations.chunked(5000) {
                let rows = try await connection.query(
                    "SELECT location, content_hash FROM documents WHERE location = ANY(\(Array(chunk)))", logger: logger)
                for try await (location, hash) in rows.decode((String, String).self) { out[location] = hash }
            }
            return out
        }
    }

    public func documentCounts(of keys: [String]) async throws -> [String: Int] {
        try await guarded {
            var out: [String: Int] = [:]
            for chunk in Array(Set(keys)).sorted().chunked(5000) {
                let rows = try await connection.query(
                    "SELECT key, COUNT(DISTINCT document_id) FROM paragraph_keys WHERE key = ANY(\(Array(chunk))) GROUP BY key",
                    logger: logger)
                for try await (key, count) in rows.decode((String, Int).self) { out[key] = count }
            }
            return out
        }
    }

    public func write(_ documents: [StoredDocument], force: Bool) async throws -> [WriteOutcome] {
        try await withThrowingTaskGroup(of: [(Int, WriteOutcome)].self) { group in
            for (lane, writer) in writers.enumerated() {
                let share = Array(stride(from: lane, to: documents.count, by: writers.count))
                group.addTask {
                    var outcomes: [(Int, WriteOutcome)] = []
                    for index in share {
                        outcomes.append(
                            (index, try await self.guarded { try await self.write(documents[index], force: force, on: writer) }))
                    }
                    return outcomes
                }
            }
            var outcomes = [WriteOutcome](repeating: .unchanged, count: documents.count)
            for try await lane in group { for (index, outcome) in lane { outcomes[index] = outcome } }
            return outcomes
        }
    }

    func write(_ document: StoredDocument, force: Bool, on db: PostgresConnection) async throws -> WriteOutcome {
        // A new document goes in with one statement (atomic on its own, one round trip);
        // one already stored takes the transaction below.
        if try await insertNew(document, on: db) { return .added }
        return try await replace(document, force: force, on: db)
    }

    /// Inserts `document` and its rows in one statement unless its location is stored;
    /// returns whether it did.
    func insertNew(_ document: StoredDocument, on db: PostgresConnection) async throws -> Bool {
        let article = document.article
        let location = article.location
        let paragraphs = article.paragraphs.joined(separator: "\n\n")
        let keys = document.paragraphKeys
        let sentences = document.sentences
        let mentions = document.mentions
        let rows = try await db.query(
            """
            WITH doc AS (
                INSERT INTO documents (location, path, line, title, date, url, source_id, content_hash, paragraphs, removed,
                lettered, analysis, ingested_at) VALUES (\(location), \(article.path), \(article.line), \(article.title),
                \(article.date), \(article.url), \(article.sourceID), \(document.contentHash), \(paragraphs),
                \(IndexList.encode(document.removed)), \(IndexList.encode(document.lettered)), \(document.analysis), \(StoreSchema.now()))
                ON CONFLICT (location) DO NOTHING RETURNING id
            ), keys AS (
                INSERT INTO paragraph_keys (document_id, paragraph, key, is_title)
                SELECT doc.id, k.* FROM doc, unnest(\(keys.map(\.paragraph))::bigint[], \(keys.map(\.key))::text[],
                \(keys.map(\.isTitle))::boolean[]) AS k
            ), sentence_rows AS (
                INSERT INTO sentences (document_id, idx, start_offset, end_offset, text)
                SELECT doc.id, s.* FROM doc, unnest(\(sentences.map(\.index))::bigint[], \(sentences.map(\.start))::bigint[],
                \(sentences.map(\.end))::bigint[], \(sentences.map(\.text))::text[]) AS s
            ), mention_rows AS (
                INSERT INTO mentions (document_id, idx, sentence, start_offset, end_offset, surface, type, local_entity, entity_label)
                SELECT doc.id, m.i, m.s, m.b, m.e, m.surface, m.type, NULLIF(m.entity, -1), NULLIF(m.label, '')
                FROM doc, unnest(\(mentions.map(\.index))::bigint[], \(mentions.map(\.sentence))::bigint[],
                \(mentions.map(\.start))::bigint[], \(mentions.map(\.end))::bigint[], \(mentions.map(\.surface))::text[],
                \(mentions.map(\.type))::text[], \(mentions.map { $0.localEntity ?? -1 })::bigint[],
                \(mentions.map { $0.entityLabel ?? "" })::text[]) AS m(i, s, b, e, surface, type, entity, label)
            )
            SELECT id FROM doc
            """, logger: logger
        ).collect()
        return !rows.isEmpty
    }

    /// Replaces a stored document's rows in one transaction, unless it has the same
    /// content hash (and `force` is off).
    func replace(_ document: StoredDocument, force: Bool, on connection: PostgresConnection) async throws -> WriteOutcome {
        let logger = self.logger
        return try await connection.withTransaction(logger: logger) { db -> WriteOutcome in
            let article = document.article
            let location = article.location
            let paragraphs = article.paragraphs.joined(separator: "\n\n")
            let removed = IndexList.encode(document.removed)
            let lettered = IndexList.encode(document.lettered)
            let now = StoreSchema.now()
            let inserted = try await db.query(
                """
                INSERT INTO documents (location, path, line, title, date, url, source_id, content_hash, paragraphs, removed,
                lettered, analysis, ingested_at) VALUES (\(location), \(article.path), \(article.line), \(article.title),
                \(article.date), \(article.url), \(article.sourceID), \(document.contentHash), \(paragraphs), \(removed),
                \(lettered), \(document.analysis), \(now)) ON CONFLICT (location) DO NOTHING RETURNING id
                """, logger: logger
            ).collect()
            let id: Int64
            let outcome: WriteOutcome
            if let row = inserted.first {
                id = try row.decode(Int64.self)
                outcome = .added
            } else {
                let existing = try await db.query(
                    "SELECT id, content_hash FROM documents WHERE location = \(location) FOR UPDATE", logger: logger
                ).collect()
                guard let row = existing.first else {
                    throw StoreError.database(store: self.name, reason: "\(location) vanished while it was written")
                }
                let (found, hash) = try row.decode((Int64, String).self)
                if !force && hash == document.contentHash { return .unchanged }
                id = found
                try await db.query(
                    """
                    UPDATE documents SET title = \(article.title), date = \(article.date), url = \(article.url),
                    source_id = \(article.sourceID), content_hash = \(document.contentHash), paragraphs = \(paragraphs),
                    removed = \(removed), lettered = \(lettered), analysis = \(document.analysis), ingested_at = \(now)
                    WHERE id = \(id)
                    """, logger: logger)
                for table in ["paragraph_keys", "sentences", "mentions"] {
                    try await db.query(
                        PostgresQuery(unsafeSQL: "DELETE FROM \(table) WHERE document_id = $1", binds: Self.binds(id)), logger: logger)
                }
                outcome = .replaced
            }
            try await Self.insertRows(of: document, id: id, keys: true, on: db, logger: logger)
            return outcome
        }
    }

    static func binds(_ id: Int64) -> PostgresBindings {
        var binds = PostgresBindings()
        binds.append(id)
        return binds
    }

    /// Inserts a document's child rows, one statement per table (arrays, `unnest`).
    static func insertRows(of document: StoredDocument, id: Int64, keys: Bool, on db: PostgresConnection, logger: Logger) async throws {
        if keys && !document.paragraphKeys.isEmpty {
            let rows = document.paragraphKeys
            try await db.query(
                """
                INSERT INTO paragraph_keys (document_id, paragraph, key, is_title)
                SELECT \(id), * FROM unnest(\(rows.map(\.paragraph))::bigint[], \(rows.map(\.key))::text[], \(rows.map(\.isTitle))::boolean[])
                """, logger: logger)
        }
        if !document.sentences.isEmpty {
            let rows = document.sentences
            try await db.query(
                """
                INSERT INTO sentences (document_id, idx, start_offset, end_offset, text)
                SELECT \(id), * FROM unnest(\(rows.map(\.index))::bigint[], \(rows.map(\.start))::bigint[],
                \(rows.map(\.end))::bigint[], \(rows.map(\.text))::text[])
                """, logger: logger)
        }
        if !document.mentions.isEmpty {
            let rows = document.mentions
            try await db.query(
                """
                INSERT INTO mentions (document_id, idx, sentence, start_offset, end_offset, surface, type, local_entity, entity_label)
                SELECT \(id), i, s, b, e, surface, type, NULLIF(entity, -1), NULLIF(label, '')
                FROM unnest(\(rows.map(\.index))::bigint[], \(rows.map(\.sentence))::bigint[], \(rows.map(\.start))::bigint[],
                \(rows.map(\.end))::bigint[], \(rows.map(\.surface))::text[], \(rows.map(\.type))::text[],
                \(rows.map { $0.localEntity ?? -1 })::bigint[], \(rows.map { $0.entityLabel ?? "" })::text[])
                AS m(i, s, b, e, surface, type, entity, label)
                """, logger: logger)
        }
    }

    public func forget(_ locations: [String]) async throws -> [String] {
        try await guarded {
            var removed: [String] = []
            for given in locations {
                let folder = given.hasSuffix("/") ? String(given.dropLast()) : given
                let prefix = folder + "/"
                let rows = try await connection.query(
                    """
                    DELETE FROM documents WHERE location = \(given) OR path = \(folder)
                    OR left(path, \(prefix.count)::integer) = \(prefix) RETURNING location, path
                    """, logger: logger)
                var paths: [String] = []
                for try await (location, path) in rows.decode((String, String).self) {
                    removed.append(location)
                    paths.append(path)
                }
                try await connection.query("DELETE FROM files WHERE path = ANY(\(paths))", logger: logger)
            }
            return removed.sorted()
        }
    }

    public func retain(path: String, locations: Set<String>) async throws -> Int {
        try await guarded {
            let keep = locations.sorted()
            let rows = try await connection.query(
                "DELETE FROM documents WHERE path = \(path) AND NOT (location = ANY(\(keep))) RETURNING id", logger: logger)
            var removed = 0
            for try await _ in rows { removed += 1 }
            return removed
        }
    }

    public func catalogue() async throws -> [CatalogueEntry] {
        try await guarded {
            var out: [CatalogueEntry] = []
            let rows = try await connection.query(
                "SELECT id, path, line, date, content_hash, removed, lettered FROM documents", logger: logger)
            for try await (id, path, line, date, hash, removed, lettered) in rows.decode(
                (Int64, String, Int?, String?, String, String, String).self)
            {
                out.append(
                    CatalogueEntry(
                        id: id, path: path, line: line, date: date, contentHash: hash, removed: IndexList.decode(removed),
                        lettered: IndexList.decode(lettered)))
            }
            return out
        }
    }

    public func sharedParagraphs(threshold: Int) async throws -> [Int64: [Int]] {
        try await guarded {
            var out: [Int64: [Int]] = [:]
            var binds = PostgresBindings()
            binds.append(threshold)
            let rows = try await connection.query(
                PostgresQuery(unsafeSQL: StoreSchema.sharedParagraphsSQL(placeholder: "$1"), binds: binds), logger: logger)
            for try await (id, paragraph) in rows.decode((Int64, Int).self) { out[id, default: []].append(paragraph) }
            return out
        }
    }

    public func contents(of ids: [Int64]) async throws -> [Int64: StoredContent] {
        try await guarded {
            var out: [Int64: StoredContent] = [:]
            let rows = try await connection.query(
                """
                SELECT id, path, line, title, date, url, source_id, paragraphs, analysis FROM documents WHERE id = ANY(\(ids))
                """, logger: logger)
            for try await (id, path, line, title, date, url, sourceID, paragraphs, analysis) in rows.decode(
                (Int64, String, Int?, String?, String?, String?, String?, String, Data).self)
            {
                let article = CleanedArticle(
                    path: path, line: line, title: title, date: date, url: url, sourceID: sourceID,
                    paragraphs: StoreSchema.paragraphs(paragraphs))
                out[id] = StoredContent(article: article, analysis: analysis)
            }
            return out
        }
    }

    public func updateAnalysis(id: Int64, with document: StoredDocument) async throws {
        let logger = self.logger
        try await guarded {
            try await connection.withTransaction(logger: logger) { db in
                let rows = try await db.query(
                    "SELECT content_hash FROM documents WHERE id = \(id) FOR UPDATE", logger: logger
                ).collect()
                guard let row = rows.first, try row.decode(String.self) == document.contentHash else { return }
                try await db.query(
                    """
                    UPDATE documents SET removed = \(IndexList.encode(document.removed)), analysis = \(document.analysis)
                    WHERE id = \(id)
                    """, logger: logger)
                for table in ["sentences", "mentions"] {
                    try await db.query(
                        PostgresQuery(unsafeSQL: "DELETE FROM \(table) WHERE document_id = $1", binds: Self.binds(id)), logger: logger)
                }
                try await Self.insertRows(of: document, id: id, keys: false, on: db, logger: logger)
            }
        }
    }

    public func close() async throws {
        try await guarded { for writer in writers { try await writer.close() } }
    }
}
