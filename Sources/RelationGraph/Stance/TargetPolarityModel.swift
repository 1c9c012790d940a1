import Corpus
import EntityRecognition
import Foundation

/// The polarity of a sentence toward one of its targets (NewsMTSC's three classes).
public enum TargetPolarity: Int, Sendable, CaseIterable, CustomStringConvertible {
    /// The sentence speaks against the target.
    case negative = 0
    /// The sentence reports on the target without taking a side.
    case neutral = 1
    /// The sentence speaks for the target.
    case positive = 2

    /// "negative", "neutral" or "positive".
    public var description: String {
        switch self {
        case .negative: "negative"
        case .neutral: "neutral"
        case .positive: "positive"
        }
    }
}

/// A sentence with one target marked, as the polarity model sees it.
public struct PolarityExample: Sendable {
    /// The sentence's words (tokens as written, normalised quotes).
    public var words: [String]
    /// The target's tokens.
    public var target: Range<Int>
    /// The gold polarity, when known.
    public var gold: TargetPolarity?

    /// Creates an example.
    public init(words: [String], target: Range<Int>, gold: TargetPolarity? = nil) {
        self.words = words
        self.target = target
        self.gold = gold
    }
}

/// Target-dependent polarity: multinomial logistic regression over hashed sparse features
/// of the sentence, with the target masked.
///
/// Why this model: NewsMTSC's training set is 8,739 targets, too few to learn word vectors
/// from, and Plexus runs without Python or a neural runtime. A linear model over bag-of-words,
/// bigrams, words near the target (left and right kept apart) and words under a negation
/// trains in seconds, predicts in microseconds, and scored best on rw/dev among the feature
/// sets tried (a team-written sentiment lexicon as extra features lowered dev macro-F1, so it
/// is not used). Logistic regression rather than a perceptron because the stance extractor
/// needs calibrated probabilities for its confidence.
///
/// Features are hashed into 2^20 buckets; only buckets with a weight are stored.
public struct TargetPolarityModel: Sendable {
    /// Bucket index → weights for (negative, neutral, positive).
    var weights: [UInt32: SIMD4<Float>]
    /// Words on either side of the target that get side-marked features.
    static let nearWindow = 8
    static let bucketBits: UInt64 = 20
    static let magic = Array("PLXPOL1\n".utf8)

    /// The probabilities of (negative, neutral, positive) toward the target.
    ///
    /// - Complexity: O(n) in the sentence's length.
    public func probabilities(_ example: PolarityExample) -> [Double] {
        var score = SIMD4<Float>(repeating: 0)
        for feature in Self.features(example) {
            if let w = weights[feature] { score += w }
        }
        return Self.softmax(score)
    }

    /// The most probable polarity toward the target.
    public func predict(_ example: PolarityExample) -> TargetPolarity {
        let p = probabilities(example)
        var best = 0
        for k in 1..<3 where p[k] > p[best] { best = k }
        return TargetPolarity(rawValue: best) ?? .neutral
    }

    static func softmax(_ score: SIMD4<Float>) -> [Double] {
        let values = [Double(score[0]), Double(score[1]), Double(score[2])]
        let top = values.max() ?? 0
        let exps = values.map { exp($0 - top) }
        let sum = exps.reduce(0, +)
        return exps.map { $0 / sum }
    }

    static let negators: Set<String> = ["not", "no", "never", "without", "nor", "cannot", "neither"]
    static let scopeEnds: Set<String> = [",", ".", ";", ":", "but", "\"", "!", "?"]

    /// The hashed feature buckets of an example (with repeats; each counts once per occurrence).
    static func features(_ example: PolarityExample) -> [UInt32] {
        var words: [String] = []
        words.reserveCapacity(example.words.count)
        var targetIndex = 0
        for (i, word) in example.words.enumerated() {
            if i == example.target.lowerBound {
                targetIndex = words.count
                words.append("<t>")
            } else if !example.target.contains(i) {
                // "anti-war", "pro-Trump": the parts carry the polarity, so a hyphenated word
                // is read as its parts (as a plain word tokenizer would).
                let lower = word.lowercased()
                if lower.contains("-") && lower.count > 2 {
                    let parts = lower.split(separator: "-", omittingEmptySubsequences: true)
                    for (k, part) in parts.enumerated() {
                        if k > 0 { words.append("-") }
                        words.append(String(part))
                    }
                } else {
                    words.append(lower)
                }
            }
        }
        let mask: UInt64 = (1 << bucketBits) - 1
        var out: [UInt32] = [UInt32(FeatureHash.feature(0, 1) & mask)]  // bias
        out.reserveCapacity(words.count * 5)
        let hashes = words.map { FeatureHash.of($0) }
        var negated = false
        for (i, word) in words.enumerated() {
            if negators.contains(word) || word.hasSuffix("n't") { negated = true }
            if scopeEnds.contains(word) { negated = false }
            out.append(UInt32(FeatureHash.feature(1, hashes[i]) & mask))
            if negated && !(negators.contains(word) || word.hasSuffix("n't")) {
                out.append(UInt32(FeatureHash.feature(2, hashes[i]) & mask))
            }
            if i + 1 < words.count { out.append(UInt32(FeatureHash.feature(3, hashes[i], hashes[i + 1]) & mask)) }
            let distance = i - targetIndex
            if distance != 0 && abs(distance) <= nearWindow {
                out.append(UInt32(FeatureHash.feature(distance < 0 ? 4 : 5, hashes[i]) & mask))
            }
        }
        return out
    }

    // MARK: Files

    /// The model as bytes: magic, bucket count, then (bucket, three weights) records in bucket order.
    public func serialized() -> Data {
        var writer = BinaryWriter()
        writer.put(bytes: Self.magic)
        writer.put(UInt32(weights.count))
        for key in weights.keys.sorted() {
            guard let w = weights[key] else { continue }
            writer.put(key)
            for k in 0..<3 { writer.put(w[k].bitPattern) }
        }
        return writer.data
    }

    /// Reads a model written by ``serialized()``.
    ///
    /// - Throws: ``ModelFileError`` when the bytes are not a polarity model or are cut short.
    public init(serialized data: Data, path: String) throws {
        var reader = BinaryReader(Array(data), path: path)
        guard Array(try reader.take(Self.magic.count)) == Self.magic else {
            throw ModelFileError(path: path, reason: "not a Plexus polarity model")
        }
        let count = Int(try reader.read(UInt32.self))
        var weights: [UInt32: SIMD4<Float>] = [:]
        weights.reserveCapacity(count)
        for _ in 0..<count {
            let key = try reader.read(UInt32.self)
            var w = SIMD4<Float>(repeating: 0)
            for k in 0..<3 { w[k] = Float(bitPattern: try reader.read(UInt32.self)) }
            weights[key] = w
        }
        self.weights = weights
    }

    init(weights: [UInt32: SIMD4<Float>]) {
        self.weights = weights
    }

    /// The model shipped with Plexus (trained on NewsMTSC train.jsonl), or `nil` if the resource is missing.
    public static let shipped: TargetPolarityModel? = {
        guard let url = Bundle.module.url(forResource: "polarity", withExtension: "plxpol", subdirectory: "Models"),
            let data = FileManager.default.contents(atPath: url.path)
        else { return nil }
        return try? TargetPolarityModel(serialized: data, path: url.path)
    }()
}

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

    /// Creates a trainer with the defaults chosen on NewsMTSC rw/dev.
    public init() {}

    /// Trains on labelled examples.
    ///
    /// - Complexity: O(iterations · (total features + memory · buckets used)).
    public func train(_ examples: [PolarityExample], progress: (Int, Double) -> Void = { _, _ in }) -> TargetPolarityModel {
        // Compact the buckets seen in training to dense indices.
        var dense: [UInt32: Int] = [:]
        var rows: [(features: [Int], gold: Int)] = []
        for example in examples {
            guard let gold = example.gold else { continue }
            let features = TargetPolarityModel.features(example).map { bucket -> Int in
                if let index = dense[bucket] { return index }
                dense[bucket] = dense.count
                return dense.count - 1
            }
            rows.append((features, gold.rawValue))
        }
        let classes = 3
        let n = dense.count * classes
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
                let top = score.max() ?? 0
                let exps = score.map { Foundation.exp($0 - top) }
                let sum = exps.reduce(0, +)
                let weight = c * classWeight[row.gold]
                loss += weight * (Foundation.log(sum) + top - score[row.gold])
                for k in 0..<classes {
                    let g = weight * (exps[k] / sum - (k == row.gold ? 1 : 0))
                    for f in row.features { gradient[f * classes + k] += g }
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
        return TargetPolarityModel(weights: weights)
    }
}
