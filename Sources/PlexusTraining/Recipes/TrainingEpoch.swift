/// How one epoch of a perceptron trainer went.
public struct TrainingEpoch: Sendable {
    /// 1-based epoch.
    public var epoch: Int
    /// Mistakes made on the training data during the epoch (wrong tags, or moves that cost
    /// gold arcs).
    public var mistakes: Int
    /// The averaged model's score on the development data (higher is better).
    public var devScore: Double
}
