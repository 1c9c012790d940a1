/// The operations Plexus needs of a database holding a corpus; SQLite (``SQLiteStore``) and
/// PostgreSQL (``PostgresStore``) implement them over the same schema.
///
/// Every write of a document is atomic: a reader or a killed run sees the whole document or
/// none of it.
public protocol StoreBackend: Sendable {
    /// The store's name for messages: the file path, or the address without its password.
    var name: String { get }

    /// The stamps recorded for those of `paths` whose articles are all stored.
    func fileStamps(of paths: [String]) async throws -> [String: FileStamp]

    /// Records that every article of these files is stored, as the files were then.
    func recordFiles(_ stamps: [String: FileStamp]) async throws

    /// The content hashes of those of `locations` (`path` or `path:line`) the store holds.
    func contentHashes(of locations: [String]) async throws -> [String: String]

    /// In how many stored documents each of `keys` (hashed paragraph keys) occurs.
    func documentCounts(of keys: [String]) async throws -> [String: Int]

    /// Writes documents, each replacing the stored one at its location unless that one has
    /// the same content hash (or `force` is set). A document is written in one transaction
    /// (SQLite groups a batch in one).
    func write(_ documents: [StoredDocument], force: Bool) async throws -> [WriteOutcome]

    /// Removes the documents at `locations`, and every document under a folder among them,
    /// with the stamps of their files. Returns the locations removed.
    func forget(_ locations: [String]) async throws -> [String]

    /// Removes the documents of the file at `path` whose locations are not in `locations`
    /// (records a JSON Lines file no longer has, or has on other lines). Returns how many.
    func retain(path: String, locations: Set<String>) async throws -> Int

    /// Every stored document's id, source, date and removed paragraphs.
    func catalogue() async throws -> [CatalogueEntry]

    /// For every document with a paragraph found in `threshold` or more documents (titles
    /// aside), those paragraphs' indices.
    func sharedParagraphs(threshold: Int) async throws -> [Int64: [Int]]

    /// The text and analysis of the documents with `ids`.
    func contents(of ids: [Int64]) async throws -> [Int64: StoredContent]

    /// Replaces the analysis, sentences and mentions of the document with `id` (after the
    /// paragraphs it shares with other documents changed), unless its content hash is no
    /// longer `document.contentHash` (another process replaced it meanwhile).
    func updateAnalysis(id: Int64, with document: StoredDocument) async throws

    /// Releases connections.
    func close() async throws
}

/// What tells an unchanged file from a changed one without reading it: its size, its
/// modification time, and the analysis settings it was ingested with.
public struct FileStamp: Sendable, Equatable {
    /// Size in bytes.
    public var size: Int
    /// Modification time, seconds since 1970.
    public var modified: Double
    /// The ingest's analysis settings.
    public var settings: String

    /// Creates a stamp.
    public init(size: Int, modified: Double, settings: String) {
        self.size = size
        self.modified = modified
        self.settings = settings
    }
}
