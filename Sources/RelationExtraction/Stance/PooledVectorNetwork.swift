import EntityRecognition
import Foundation
import PlexusSupport

/// A small feed-forward network over the word vectors pooled around a target: one hidden
/// layer of rectified units, then a softmax over (negative, neutral, positive).
///
/// Why: the logistic regression in ``TargetPolarityModel`` weighs each pooled dimension on
/// its own, so it cannot learn that a word's vector means one thing left of the target and
/// another right of it, or in combination with a second window. One hidden layer can; four
/// of them, averaged and mixed with the linear model's probabilities, score better on
/// NewsMTSC's dev set than the linear model alone (figures in docs/DESIGN-NOTES.md).
/// Written by hand (forward pass, back-propagation, Adam) because no Swift package this
/// project can use trains neural networks on Linux.
///
/// Cost: at 500 inputs and 64 hidden units, about 32,000 weights; a prediction is one
/// matrix-vector product, O(inputs · hidden).
///
/// Training is deterministic: weights start from a seeded generator, examples are visited in
/// a seeded order, and all arithmetic runs on one thread in a fixed order.
public struct PooledVectorNetwork: Sendable, Equatable {
    /// Inputs (pooled vector numbers).
    public let inputs: Int
    /// Hidden units.
    public let hidden: Int
    /// Hidden-layer weights, `hidden` rows of `inputs`.
    package var inputWeights: [Float]
    package var hiddenBias: [Float]
    /// Output weights, 3 rows of `hidden`.
    package var outputWeights: [Float]
    package var outputBias: [Float]

    package static let classes = 3

    /// The probabilities of (negative, neutral, positive) for one input.
    ///
    /// - Complexity: O(inputs · hidden).
    public func probabilities(_ input: [Float]) -> [Double] {
        let activation = hiddenActivation(input)
        let logits = outputLogits(activation)
        return TargetPolarityModel.softmax(SIMD4<Float>(logits[0], logits[1], logits[2], 0))
    }

    package func hiddenActivation(_ input: [Float]) -> [Float] {
        var activation = hiddenBias
        input.withUnsafeBufferPointer { x in
            inputWeights.withUnsafeBufferPointer { w in
                for j in 0..<hidden {
                    var sum: Float = 0
                    let row = j * inputs
                    for i in 0..<inputs where x[i] != 0 { sum += w[row + i] * x[i] }
                    activation[j] = max(0, activation[j] + sum)
                }
            }
        }
        return activation
    }

    package func outputLogits(_ activation: [Float]) -> [Float] {
        var logits = outputBias
        for k in 0..<Self.classes {
            let row = k * hidden
            for j in 0..<hidden { logits[k] += outputWeights[row + j] * activation[j] }
        }
        return logits
    }

    // MARK: Files

    /// Writes the sizes and the weights.
    func write(to writer: inout BinaryWriter) {
        writer.put(UInt32(inputs))
        writer.put(UInt32(hidden))
        for values in [inputWeights, hiddenBias, outputWeights, outputBias] {
            for value in values { writer.put(value.bitPattern) }
        }
    }

    /// Reads a network written by ``write(to:)``.
    init(reading reader: inout BinaryReader) throws {
        let path = reader.path
        inputs = Int(try reader.read(UInt32.self))
        hidden = Int(try reader.read(UInt32.self))
        guard inputs > 0, hidden > 0, inputs * hidden <= 10_000_000 else {
            throw ModelFileError(path: path, reason: "has a network of \(inputs) × \(hidden) units, which is not a valid size")
        }
        func floats(_ count: Int) throws -> [Float] {
            try (0..<count).map { _ in Float(bitPattern: try reader.read(UInt32.self)) }
        }
        inputWeights = try floats(inputs * hidden)
        hiddenBias = try floats(hidden)
        outputWeights = try floats(Self.classes * hidden)
        outputBias = try floats(Self.classes)
    }

    package init(inputs: Int, hidden: Int, seed: UInt64) {
        self.inputs = inputs
        self.hidden = hidden
        var generator = SeededGenerator(seed: seed)
        // Glorot-uniform starting weights, zero biases.
        func uniform(_ count: Int, fanIn: Int, fanOut: Int) -> [Float] {
            let bound = Float((6.0 / Double(fanIn + fanOut)).squareRoot())
            return (0..<count).map { _ in Float(Double(generator.next() >> 11) / Double(1 << 53)) * 2 * bound - bound }
        }
        inputWeights = uniform(inputs * hidden, fanIn: inputs, fanOut: hidden)
        hiddenBias = [Float](repeating: 0, count: hidden)
        outputWeights = uniform(Self.classes * hidden, fanIn: hidden, fanOut: Self.classes)
        outputBias = [Float](repeating: 0, count: Self.classes)
    }
}
