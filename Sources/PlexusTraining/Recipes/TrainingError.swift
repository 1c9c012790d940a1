/// Why a training run stopped, in words a user can act on.
public struct TrainingError: Error, Sendable, CustomStringConvertible, Equatable {
    /// What went wrong.
    public var description: String

    /// Creates an error.
    public init(_ description: String) { self.description = description }
}
