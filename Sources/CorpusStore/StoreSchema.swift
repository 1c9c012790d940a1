import Foundation

/// The tables of a store, the same in SQLite and PostgreSQL but for column types.
///
/// - `documents`: one row per article (keyed by its location, `path` or `path:line`): its
///   metadata, content hash, the paragraphs as cleaned file by file (joined by a blank line),
///   the paragraphs the analysis left out as shared with other documents, those that hold
///   a letter (a document left with none is no article), and the analysis
///   (tokens, sentences, mentions, syntax) as bytes.
/// - `paragraph_keys`: the hashed key of each short paragraph, to find page furniture shared
///   across documents with one `GROUP BY`.
/// - `sentences` and `mentions`: the analysis again as rows, for queries in SQL (which
///   entities share sentences, where a name occurs); the build reads the bytes.
///
/// - `files` (step 2): each file whose articles are all stored, with its size, modification
///   time and the analysis settings, so that an ingest skips it unread while it is unchanged.
///
/// Child rows go with their document (`ON DELETE CASCADE`).
enum StoreSchema {
    static let sqlite = """
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            location TEXT NOT NULL UNIQUE,
            path TEXT NOT NULL,
            line INTEGER,
            title TEXT,
            date TEXT,
            url TEXT,
            source_id TEXT,
            content_hash TEXT NOT NULL,
            paragraphs TEXT NOT NULL,
            removed TEXT NOT NULL,
            lettered TEXT NOT NULL,
            analysis BLOB NOT NULL,
            ingested_at TEXT NOT NULL
        );
        CREATE INDEX documents_date ON documents(date);
        CREATE INDEX documents_path ON documents(path);
        CREATE TABLE paragraph_keys (
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            paragraph INTEGER NOT NULL,
            key TEXT NOT NULL,
            is_title BOOLEAN NOT NULL,
            PRIMARY KEY (document_id, paragraph)
        );
        CREATE INDEX paragraph_keys_key ON paragraph_keys(key);
        CREATE TABLE sentences (
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            start_offset INTEGER NOT NULL,
            end_offset INTEGER NOT NULL,
            text TEXT NOT NULL,
            PRIMARY KEY (document_id, idx)
        );
        CREATE TABLE mentions (
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            sentence INTEGER NOT NULL,
            start_offset INTEGER NOT NULL,
            end_offset INTEGER NOT NULL,
            surface TEXT NOT NULL,
            type TEXT NOT NULL,
            local_entity INTEGER,
            entity_label TEXT,
            PRIMARY KEY (document_id, idx)
        );
        CREATE INDEX mentions_label ON mentions(entity_label);
        """

    /// Step 2: the files whose articles are all stored, with what they were then, so that an
    /// ingest skips an unchanged file without reading it.
    static let sqliteFiles = """
        CREATE TABLE files (
            path TEXT PRIMARY KEY,
            size INTEGER NOT NULL,
            modified DOUBLE PRECISION NOT NULL,
            settings TEXT NOT NULL
        )
        """

    /// The same tables in PostgreSQL's types, one statement per entry.
    static let postgres: [String] = sqlite.replacingOccurrences(of: "id INTEGER PRIMARY KEY,", with: "id BIGSERIAL PRIMARY KEY,")
        .replacingOccurrences(of: "document_id INTEGER", with: "document_id BIGINT")
        .replacingOccurrences(of: "BLOB", with: "BYTEA")
        .split(separator: ";").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }

    /// Paragraphs (document, index) whose key occurs in at least the threshold's documents,
    /// titles aside; `placeholder` is the driver's mark for the one argument.
    static func sharedParagraphsSQL(placeholder: String) -> String {
        """
        SELECT p.document_id, p.paragraph FROM paragraph_keys p
        JOIN (SELECT key FROM paragraph_keys GROUP BY key HAVING COUNT(DISTINCT document_id) >= \(placeholder)) shared
        ON p.key = shared.key WHERE NOT p.is_title ORDER BY p.document_id, p.paragraph
        """
    }

    /// The paragraphs of a `paragraphs` column.
    static func paragraphs(_ joined: String) -> [String] {
        joined.isEmpty ? [] : joined.components(separatedBy: "\n\n")
    }

    /// The time of writing, ISO 8601 in UTC.
    static func now() -> String {
        ISO8601DateFormatter().string(from: Date())
    }
}
