import Corpus
import EntityRecognition
import Foundation
import PlexusGraph
import PlexusSupport
import RelationExtraction

/// Trains a ``PooledVectorNetwork`` with mini-batch Adam on the cross-entropy loss plus an
/// L2 penalty on the weights.
public struct PooledVectorNetworkTrainer: Sendable {
    /// Hidden units.
    public var hidden = 64
    /// Passes over the training data.
    public var epochs = 40
    /// Examples per Adam step.
    public var batchSize = 64
    /// Adam's step size.
    public var learningRate: Float = 0.001
    /// L2 penalty: the loss adds ½ · penalty · ‖W‖² / batch size per step, as scikit-learn's `alpha`.
    public var penalty: Float = 0.01
    /// Seed for the starting weights and the visiting order.
    public var seed: UInt64 = 1

    /// Creates a trainer with the defaults chosen in cross-validation on NewsMTSC train.jsonl.
    public init() {}

    /// Trains on inputs with gold classes (0 negative, 1 neutral, 2 positive).
    ///
    /// - Complexity: O(epochs · examples · inputs · hidden).
    public func train(_ inputs: [[Float]], gold: [Int]) -> PooledVectorNetwork? {
        guard let width = inputs.first?.count, width > 0, inputs.count == gold.count else { return nil }
        var network = PooledVectorNetwork(inputs: width, hidden: hidden, seed: seed)
        var generator = SeededGenerator(seed: seed &+ 0xBA7C4)
        let classes = PooledVectorNetwork.classes
        // Adam state for the four parameter arrays.
        var moments = [network.inputWeights, network.hiddenBias, network.outputWeights, network.outputBias].map {
            (first: [Float](repeating: 0, count: $0.count), second: [Float](repeating: 0, count: $0.count))
        }
        let beta1: Float = 0.9
        let beta2: Float = 0.999
        let epsilon: Float = 1e-8
        var step = 0
        var order = Array(inputs.indices)
        for _ in 0..<epochs {
            order.shuffle(using: &generator)
            var start = 0
            while start < order.count {
                let batch = order[start..<min(order.count, start + batchSize)]
                start += batchSize
                var gradients = [
                    [Float](repeating: 0, count: network.inputWeights.count), [Float](repeating: 0, count: hidden),
                    [Float](repeating: 0, count: network.outputWeights.count), [Float](repeating: 0, count: classes),
                ]
                let scale = 1 / Float(batch.count)
                for index in batch {
                    let x = inputs[index]
                    let activation = network.hiddenActivation(x)
                    let logits = network.outputLogits(activation)
                    let top = logits.max() ?? 0
                    let exps = logits.map { expf($0 - top) }
                    let sum = exps.reduce(0, +)
                    var outputError = [Float](repeating: 0, count: classes)
                    for k in 0..<classes { outputError[k] = (exps[k] / sum - (k == gold[index] ? 1 : 0)) * scale }
                    var hiddenError = [Float](repeating: 0, count: hidden)
                    for k in 0..<classes {
                        gradients[3][k] += outputError[k]
                        let row = k * hidden
                        for j in 0..<hidden {
                            gradients[2][row + j] += outputError[k] * activation[j]
                            hiddenError[j] += outputError[k] * network.outputWeights[row + j]
                        }
                    }
                    for j in 0..<hidden where activation[j] > 0 {
                        let error = hiddenError[j]
                        gradients[1][j] += error
                        let row = j * width
                        for i in 0..<width where x[i] != 0 { gradients[0][row + i] += error * x[i] }
                    }
                }
                // L2 on the weights (not the biases), scaled by the batch as scikit-learn does.
                for i in gradients[0].indices { gradients[0][i] += penalty * network.inputWeights[i] * scale }
                for i in gradients[2].indices { gradients[2][i] += penalty * network.outputWeights[i] * scale }
                step += 1
                let correction1 = 1 - powf(beta1, Float(step))
                let correction2 = 1 - powf(beta2, Float(step))
                func adam(_ values: inout [Float], _ gradient: [Float], _ slot: Int) {
                    for i in values.indices {
                        let g = gradient[i]
                        moments[slot].first[i] = beta1 * moments[slot].first[i] + (1 - beta1) * g
                        moments[slot].second[i] = beta2 * moments[slot].second[i] + (1 - beta2) * g * g
                        let mHat = moments[slot].first[i] / correction1
                        let vHat = moments[slot].second[i] / correction2
                        values[i] -= learningRate * mHat / (vHat.squareRoot() + epsilon)
                    }
                }
                adam(&network.inputWeights, gradients[0], 0)
                adam(&network.hiddenBias, gradients[1], 1)
                adam(&network.outputWeights, gradients[2], 2)
                adam(&network.outputBias, gradients[3], 3)
            }
        }
        return network
    }
}
