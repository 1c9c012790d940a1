/// What can go wrong with a store, in words a user can act on; every case names the store
/// (a file path, or a PostgreSQL address without its password) or the document.
public enum StoreError: Error, Sendable, CustomStringConvertible, Equatable {
    /// There is no store at the path given.
    case missing(store: String)
    /// The file exists but is no SQLite database, or is damaged.
    case notAStore(store: String, reason: String)
    /// The store was written by a newer Plexus, whose schema this one does not know.
    case newerSchema(store: String, unknown: [String])
    /// The store holds a layout this Plexus can neither read nor migrate.
    case unsupportedSchema(store: String, reason: String)
    /// A document's stored analysis cannot be read.
    case damagedAnalysis(location: String, reason: String)
    /// The store address is not one Plexus understands.
    case badAddress(String)
    /// The database server could not be reached or refused the login.
    case connection(store: String, reason: String)
    /// The database refused a statement.
    case database(store: String, reason: String)

    /// The message a user sees.
    public var description: String {
        switch self {
        case .missing(let store):
            return "\(store): no store here; create one with `plexus ingest ARTICLES --store \(store)`"
        case .notAStore(let store, let reason):
            return "\(store): not a Plexus store (\(reason)); give a new file name to start a store, or restore this one from a backup"
        case .newerSchema(let store, let unknown):
            return
                "\(store): written by a newer Plexus (schema steps \(unknown.joined(separator: ", ")) unknown here); upgrade Plexus to read it"
        case .unsupportedSchema(let store, let reason):
            return "\(store): \(reason); ingest the articles into a new store"
        case .damagedAnalysis(let location, let reason):
            return "\(location): the stored analysis cannot be read (\(reason))"
        case .badAddress(let reason):
            return "--store: \(reason)"
        case .connection(let store, let reason):
            return "\(store): cannot connect (\(reason))"
        case .database(let store, let reason):
            return "\(store): \(reason)"
        }
    }
}
