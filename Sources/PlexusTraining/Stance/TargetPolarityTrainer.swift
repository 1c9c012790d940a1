import Corpus
import EntityRecognition
import Foundation
import PlexusGraph
import PlexusSupport
import RelationExtraction

/// Trains a ``TargetPolarityModel`` by minimising the L2-regularised log loss with L-BFGS.
///
/// Written by hand because no Swift package this project can use offers a sparse
/// logistic-regression solver; L-BFGS (rather than stochastic steps) reaches the exact
/// regularised optimum, so the result does not depend on a learning rate or on example order,
/// and the same data always gives the same bytes.
public struct TargetPolarityTrainer: Sendable {
    /// Most L-BFGS iterations.
    public var iterations = 600
    /// Inverse regularisation strength, as in scikit-learn's `C`: the loss is
    /// C · Σ log-loss + ½ ‖w‖².
    public var inverseRegularization = 1.0
    /// Corrections kept by L-BFGS.
    public var memory = 8
    /// Whether each class weighs the same in the loss (weight n / (3 · nₖ)), which favours
    /// macro-F1 when positive targets are rarer than the others.
    public var balancesClasses = false
    /// What pooled word vectors are multiplied by (see ``TargetPolarityModel``).
    public var vectorScale: Float = 1

    /// Creates a trainer with the defaults chosen on NewsMTSC rw/dev.
    public init() {}

    /// Trains on labelled examples, with word vectors pooled around the target when given.
    ///
    /// - Complexity: O(iterations · (total features + examples · pooled numbers + memory · weights)).
    public func train(
        _ examples: [PolarityExample], vectors: WordVectors? = nil, progress: (Int, Double) -> Void = { _, _ in }
    ) -> TargetPolarityModel {
        // Pooled vector features take the first indices; the buckets seen in training follow,
        // compacted to dense indices.
        let denseCount = vectors.map { TargetPolarityModel.pools.count * $0.dimension } ?? 0
        var dense: [UInt32: Int] = [:]
        var rows: [(features: [Int], values: [Float], gold: Int)] = []
        for example in examples {
            guard let gold = example.gold else { continue }
            let read = TargetPolarityModel.readWords(example)
            let features = TargetPolarityModel.features(read).map { bucket -> Int in
                if let index = dense[bucket] { return index }
                dense[bucket] = denseCount + dense.count
                return denseCount + dense.count - 1
            }
            let values = vectors.map { TargetPolarityModel.denseFeatures(read, $0, scale: vectorScale) } ?? []
            rows.append((features, values, gold.rawValue))
        }
        let classes = 3
        let n = (denseCount + dense.count) * classes
        let c = inverseRegularization
        var classCounts = [0, 0, 0]
        for row in rows { classCounts[row.gold] += 1 }
        let classWeight = (0..<classes).map { k in
            balancesClasses ? Double(rows.count) / (Double(classes) * Double(max(1, classCounts[k]))) : 1.0
        }

        func objective(_ w: [Double], _ gradient: inout [Double]) -> Double {
            var loss = 0.0
            for i in 0..<n { gradient[i] = w[i] }
            loss = 0.5 * w.reduce(0) { $0 + $1 * $1 }
            for row in rows {
                var score = [0.0, 0.0, 0.0]
                for f in row.features { for k in 0..<classes { score[k] += w[f * classes + k] } }
                for (d, value) in row.values.enumerated() where value != 0 {
                    for k in 0..<classes { score[k] += w[d * classes + k] * Double(value) }
                }
                let top = score.max() ?? 0
                let exps = score.map { Foundation.exp($0 - top) }
                let sum = exps.reduce(0, +)
                let weight = c * classWeight[row.gold]
                loss += weight * (Foundation.log(sum) + top - score[row.gold])
                for k in 0..<classes {
                    let g = weight * (exps[k] / sum - (k == row.gold ? 1 : 0))
                    for f in row.features { gradient[f * classes + k] += g }
                    for (d, value) in row.values.enumerated() where value != 0 { gradient[d * classes + k] += g * Double(value) }
                }
            }
            return loss
        }

        var w = [Double](repeating: 0, count: n)
        var g = [Double](repeating: 0, count: n)
        var f = objective(w, &g)
        var sHistory: [[Double]] = []
        var yHistory: [[Double]] = []
        func dot(_ a: [Double], _ b: [Double]) -> Double {
            var total = 0.0
            for i in 0..<a.count { total += a[i] * b[i] }
            return total
        }
        for iteration in 1...max(1, iterations) {
            // Two-loop recursion: direction = −H·g.
            var q = g
            var alphas: [Double] = []
            for k in stride(from: sHistory.count - 1, through: 0, by: -1) {
                let rho = 1 / dot(yHistory[k], sHistory[k])
                let alpha = rho * dot(sHistory[k], q)
                alphas.append(alpha)
                for i in 0..<n { q[i] -= alpha * yHistory[k][i] }
            }
            if let s = sHistory.last, let y = yHistory.last {
                let gamma = dot(s, y) / dot(y, y)
                for i in 0..<n { q[i] *= gamma }
            } else {
                let norm = dot(g, g).squareRoot()
                for i in 0..<n { q[i] /= max(norm, 1e-12) }
            }
            for k in 0..<sHistory.count {
                let rho = 1 / dot(yHistory[k], sHistory[k])
                let beta = rho * dot(yHistory[k], q)
                let alpha = alphas[sHistory.count - 1 - k]
                for i in 0..<n { q[i] += sHistory[k][i] * (alpha - beta) }
            }
            let direction = q.map { -$0 }
            let slope = dot(g, direction)
            guard slope < 0 else { break }
            // Backtracking line search (Armijo).
            var step = 1.0
            var newW = w
            var newG = g
            var newF = f
            while true {
                for i in 0..<n { newW[i] = w[i] + step * direction[i] }
                newF = objective(newW, &newG)
                if newF <= f + 1e-4 * step * slope || step < 1e-10 { break }
                step *= 0.5
            }
            var s = [Double](repeating: 0, count: n)
            var y = [Double](repeating: 0, count: n)
            for i in 0..<n {
                s[i] = newW[i] - w[i]
                y[i] = newG[i] - g[i]
            }
            if dot(s, y) > 1e-10 {
                sHistory.append(s)
                yHistory.append(y)
                if sHistory.count > memory {
                    sHistory.removeFirst()
                    yHistory.removeFirst()
                }
            }
            let improvement = (f - newF) / max(abs(f), 1)
            w = newW
            g = newG
            f = newF
            progress(iteration, f)
            if improvement < 1e-9 { break }
        }
        var weights: [UInt32: SIMD4<Float>] = [:]
        for (bucket, index) in dense {
            let value = SIMD4<Float>(Float(w[index * classes]), Float(w[index * classes + 1]), Float(w[index * classes + 2]), 0)
            if value != .zero { weights[bucket] = value }
        }
        let denseWeights = (0..<denseCount).map { d in
            SIMD4<Float>(Float(w[d * classes]), Float(w[d * classes + 1]), Float(w[d * classes + 2]), 0)
        }
        return TargetPolarityModel(weights: weights, vectors: vectors, denseWeights: denseWeights, vectorScale: vectorScale)
    }
}
