import Corpus
import Foundation
import GRDB

/// A store in one SQLite file, through GRDB: write-ahead logging (readers never wait for the
/// writer, and a killed writer loses only its open transaction), foreign keys on, and a
/// schema built by versioned migrations.
///
/// Several processes may write one file; SQLite lets one write at a time, and a waiting
/// writer retries for up to a minute.
public final class SQLiteStore: StoreBackend {
    /// The file.
    public let name: String
    let pool: DatabasePool

    /// The schema, step by step.
    ///
    /// A store records the steps it has; one with a step this Plexus does not know is
    /// refused, one that lacks later steps is migrated.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-documents") { db in
            try db.execute(sql: StoreSchema.sqlite)
        }
        migrator.registerMigration("v2-files") { db in
            try db.execute(sql: StoreSchema.sqliteFiles)
        }
        return migrator
    }

    /// Opens the store at `path`, creating it (and migrating an older one) when `create` is
    /// true; otherwise a missing file is an error.
    ///
    /// - Throws: ``StoreError`` when the file is no SQLite database, holds another program's
    ///   tables, or was written by a newer Plexus.
    public init(path: String, create: Bool) throws {
        name = path
        guard create || FileManager.default.fileExists(atPath: path) else {
            throw StoreError.missing(store: path)
        }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(60)
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            let migrator = Self.migrator
            try pool.read { db in
                let applied = try migrator.appliedIdentifiers(db)
                let known = Set(migrator.migrations)
                let unknown = applied.filter { !known.contains($0) }.sorted()
                if !unknown.isEmpty { throw StoreError.newerSchema(store: path, unknown: unknown) }
                if applied.isEmpty {
                    let tables = try String.fetchAll(
                        db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
                    if !tables.isEmpty {
                        throw StoreError.notAStore(
                            store: path, reason: "it holds other tables: \(tables.prefix(3).joined(separator: ", "))")
                    }
                }
            }
            try migrator.migrate(pool)
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw Self.storeError(error, path: path)
        }
    }

    static func storeError(_ error: DatabaseError, path: String) -> StoreError {
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return .notAStore(store: path, reason: "the file is not an SQLite database, or is damaged")
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY:
            return .database(store: path, reason: "cannot open or write the file: \(error.message ?? "\(error.resultCode)")")
        default:
            return .database(store: path, reason: error.message ?? "\(error.resultCode)")
        }
    }

    /// Runs `body`, turning database errors into ``StoreError``s that name the file.
    func guarded<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as DatabaseError { throw Self.storeError(error, path: name) }
    }

    /// The rows of `select` (a query ending in `… IN`, then `rest`) for `values`, asked 500
    /// at a time, SQLite's limit on a statement's arguments being 999 on older builds.
    static func rows<Value: DatabaseValueConvertible>(
        _ db: Database, _ select: String, in values: [Value], then rest: String = ""
    ) throws -> [Row] {
        try values.chunked(500).flatMap { chunk in
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            return try Row.fetchAll(db, sql: "\(select) (\(marks)) \(rest)", arguments: StatementArguments(Array(chunk)))
        }
    }

    public func fileStamps(of paths: [String]) async throws -> [String: FileStamp] {
        try guarded {
            try pool.read { db in
                var out: [String: FileStamp] = [:]
                for row in try Self.rows(db, "SELECT path, size, modified, settings FROM files WHERE path IN", in: paths) {
                    out[row["path"]] = FileStamp(size: row["size"], modified: row["modified"], settings: row["settings"])
                }
                return out
            }
        }
    }

    public func recordFiles(_ stamps: [String: FileStamp]) async throws {
        try guarded {
            try pool.write { db in
                let statement = try db.cachedStatement(
                    sql: "INSERT OR REPLACE INTO files (path, size, modified, settings) VALUES (?, ?, ?, ?)")
                for (path, stamp) in stamps.sorted(by: { $0.key < $1.key }) {
                    try statement.execute(arguments: [path, stamp.size, stamp.modified, stamp.settings])
                }
            }
        }
    }

    public func contentHashes(of locations: [String]) async throws -> [String: String] {
        try guarded {
            try pool.read { db in
                var out: [String: String] = [:]
                for row in try Self.rows(db, "SELECT location, content_hash FROM documents WHERE location IN", in: locations) {
                    out[row["location"]] = row["content_hash"]
                }
                return out
            }
        }
    }

    public func documentCounts(of keys: [String]) async throws -> [String: Int] {
        try guarded {
            try pool.read { db in
                var out: [String: Int] = [:]
                // Two paragraphs of one document may share a key; the count is of documents.
                let select = "SELECT key, COUNT(DISTINCT document_id) AS n FROM paragraph_keys WHERE key IN"
                for row in try Self.rows(db, select, in: Array(Set(keys)).sorted(), then: "GROUP BY key") {
                    out[row["key"]] = row["n"]
                }
                return out
            }
        }
    }

    public func write(_ documents: [StoredDocument], force: Bool) async throws -> [WriteOutcome] {
        try guarded {
            try pool.write { db in try documents.map { try Self.write($0, force: force, in: db) } }
        }
    }

    static func write(_ document: StoredDocument, force: Bool, in db: Database) throws -> WriteOutcome {
        let article = document.article
        let location = article.location
        let existing = try Row.fetchOne(db, sql: "SELECT id, content_hash FROM documents WHERE location = ?", arguments: [location])
        let outcome: WriteOutcome
        let id: Int64
        if let existing {
            if !force, (existing["content_hash"] as String) == document.contentHash { return .unchanged }
            id = existing["id"]
            try db.execute(
                sql: """
                    UPDATE documents SET title = ?, date = ?, url = ?, source_id = ?, content_hash = ?, paragraphs = ?,
                    removed = ?, lettered = ?, analysis = ?, ingested_at = ? WHERE id = ?
                    """,
                arguments: [
                    article.title, article.date, article.url, article.sourceID, document.contentHash,
                    article.paragraphs.joined(separator: "\n\n"), IndexList.encode(document.removed),
                    IndexList.encode(document.lettered), document.analysis, StoreSchema.now(), id,
                ])
            for table in ["paragraph_keys", "sentences", "mentions"] {
                try db.execute(sql: "DELETE FROM \(table) WHERE document_id = ?", arguments: [id])
            }
            outcome = .replaced
        } else {
            try db.execute(
                sql: """
                    INSERT INTO documents (location, path, line, title, date, url, source_id, content_hash, paragraphs, removed,
                    lettered, analysis, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    location, article.path, article.line, article.title, article.date, article.url, article.sourceID,
                    document.contentHash, article.paragraphs.joined(separator: "\n\n"), IndexList.encode(document.removed),
                    IndexList.encode(document.lettered), document.analysis, StoreSchema.now(),
                ])
            id = db.lastInsertedRowID
            outcome = .added
        }
        try insertRows(of: document, id: id, in: db)
        return outcome
    }

    /// Inserts the child rows of a document: its paragraph keys (unless `keys` is false),
    /// sentences and mentions.
    static func insertRows(of document: StoredDocument, id: Int64, keys: Bool = true, in db: Database) throws {
        if keys {
            let statement = try db.cachedStatement(
                sql: "INSERT INTO paragraph_keys (document_id, paragraph, key, is_title) VALUES (?, ?, ?, ?)")
            for key in document.paragraphKeys { try statement.execute(arguments: [id, key.paragraph, key.key, key.isTitle]) }
        }
        let sentences = try db.cachedStatement(
            sql: "INSERT INTO sentences (document_id, idx, start_offset, end_offset, text) VALUES (?, ?, ?, ?, ?)")
        for row in document.sentences { try sentences.execute(arguments: [id, row.index, row.start, row.end, row.text]) }
        let mentions = try db.cachedStatement(
            sql: """
                INSERT INTO mentions (document_id, idx, sentence, start_offset, end_offset, surface, type, local_entity, entity_label)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for row in document.mentions {
            try mentions.execute(
                arguments: [id, row.index, row.sentence, row.start, row.end, row.surface, row.type, row.localEntity, row.entityLabel])
        }
    }

    public func forget(_ locations: [String]) async throws -> [String] {
        try guarded {
            try pool.write { db in
                var removed: [String] = []
                for given in locations {
                    let folder = given.hasSuffix("/") ? String(given.dropLast()) : given
                    let matched = try String.fetchAll(
                        db,
                        sql: """
                            SELECT location FROM documents WHERE location = ? OR path = ?
                            OR substr(path, 1, length(?) + 1) = ? || '/'
                            """,
                        arguments: [given, folder, folder, folder])
                    for location in matched {
                        let path = try String.fetchOne(db, sql: "SELECT path FROM documents WHERE location = ?", arguments: [location])
                        try db.execute(sql: "DELETE FROM documents WHERE location = ?", arguments: [location])
                        try db.execute(sql: "DELETE FROM files WHERE path = ?", arguments: [path])
                    }
                    removed += matched
                }
                return removed
            }
        }
    }

    public func retain(path: String, locations: Set<String>) async throws -> Int {
        try guarded {
            try pool.write { db in
                let stored = try String.fetchAll(db, sql: "SELECT location FROM documents WHERE path = ?", arguments: [path])
                let gone = stored.filter { !locations.contains($0) }
                for location in gone { try db.execute(sql: "DELETE FROM documents WHERE location = ?", arguments: [location]) }
                return gone.count
            }
        }
    }

    public func catalogue() async throws -> [CatalogueEntry] {
        try guarded {
            try pool.read { db in
                try Row.fetchAll(db, sql: "SELECT id, path, line, date, content_hash, removed, lettered FROM documents").map { row in
                    CatalogueEntry(
                        id: row["id"], path: row["path"], line: row["line"], date: row["date"], contentHash: row["content_hash"],
                        removed: IndexList.decode(row["removed"]), lettered: IndexList.decode(row["lettered"]))
                }
            }
        }
    }

    public func sharedParagraphs(threshold: Int) async throws -> [Int64: [Int]] {
        try guarded {
            try pool.read { db in
                var out: [Int64: [Int]] = [:]
                for row in try Row.fetchAll(db, sql: StoreSchema.sharedParagraphsSQL(placeholder: "?"), arguments: [threshold]) {
                    out[row["document_id"], default: []].append(row["paragraph"])
                }
                return out
            }
        }
    }

    public func contents(of ids: [Int64]) async throws -> [Int64: StoredContent] {
        try guarded {
            try pool.read { db in
                var out: [Int64: StoredContent] = [:]
                let select = "SELECT id, path, line, title, date, url, source_id, paragraphs, analysis FROM documents WHERE id IN"
                for row in try Self.rows(db, select, in: ids) {
                    let article = CleanedArticle(
                        path: row["path"], line: row["line"], title: row["title"], date: row["date"], url: row["url"],
                        sourceID: row["source_id"], paragraphs: StoreSchema.paragraphs(row["paragraphs"]))
                    out[row["id"]] = StoredContent(article: article, analysis: row["analysis"])
                }
                return out
            }
        }
    }

    public func updateAnalysis(id: Int64, with document: StoredDocument) async throws {
        try guarded {
            try pool.write { db in
                let hash = try String.fetchOne(db, sql: "SELECT content_hash FROM documents WHERE id = ?", arguments: [id])
                guard hash == document.contentHash else { return }
                try db.execute(
                    sql: "UPDATE documents SET removed = ?, analysis = ? WHERE id = ?",
                    arguments: [IndexList.encode(document.removed), document.analysis, id])
                for table in ["sentences", "mentions"] {
                    try db.execute(sql: "DELETE FROM \(table) WHERE document_id = ?", arguments: [id])
                }
                try Self.insertRows(of: document, id: id, keys: false, in: db)
            }
        }
    }

    public func close() async throws {
        try guarded { try pool.close() }
    }
}

extension Array {
    /// The array in consecutive pieces of at most `size` elements.
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
