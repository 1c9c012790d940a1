/// Opens the store a user names: a `postgres://` address, or else an SQLite file.
public enum StoreOpening {
    /// The store at `text`.
    ///
    /// An SQLite file is created when `create` is true (ingest) and must exist otherwise
    /// (build, queries, forget).
    ///
    /// - Throws: ``StoreError`` naming the store and what is wrong.
    public static func open(_ text: String, create: Bool) async throws -> any StoreBackend {
        if PostgresAddress.isAddress(text) { return try await PostgresStore(address: try PostgresAddress(text)) }
        return try SQLiteStore(path: text, create: create)
    }
}
