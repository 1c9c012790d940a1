import Foundation

/// Models already read in this process, by name.
///
/// Only successful loads are kept, so a damaged file is reported on every attempt.
public final class ModelCache<Model: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var models: [String: Model] = [:]

    /// Creates an empty cache.
    public init() {}

    /// The model with this name, loaded by `load` the first time it is asked for.
    ///
    /// - Throws: whatever `load` throws; nothing is kept then.
    public func model(named name: String, load: (String) throws -> Model) throws -> Model {
        lock.lock()
        defer { lock.unlock() }
        if let model = models[name] { return model }
        let model = try load(name)
        models[name] = model
        return model
    }
}
