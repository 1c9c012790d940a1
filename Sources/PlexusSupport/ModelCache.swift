import Foundation

/// Models already read in this process, by name.
///
/// Only successful loads are kept, so a damaged file is reported on every attempt. Each name
/// has a lock of its own: two threads asking for one model load it once, and two asking for
/// different models load them at the same time.
public final class ModelCache<Model: Sendable>: @unchecked Sendable {
    /// One name's model, loaded under the entry's own lock.
    private final class Entry: @unchecked Sendable {
        let lock = NSLock()
        var model: Model?
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    /// Creates an empty cache.
    public init() {}

    /// The model with this name, loaded by `load` the first time it is asked for.
    ///
    /// - Throws: whatever `load` throws; nothing is kept then.
    public func model(named name: String, load: (String) throws -> Model) throws -> Model {
        let entry = lock.withLock {
            if let entry = entries[name] { return entry }
            let entry = Entry()
            entries[name] = entry
            return entry
        }
        entry.lock.lock()
        defer { entry.lock.unlock() }
        if let model = entry.model { return model }
        let model = try load(name)
        entry.model = model
        return model
    }
}
