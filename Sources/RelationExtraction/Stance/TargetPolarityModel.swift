import Corpus
import EntityRecognition
import Foundation
import PlexusSupport

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
/// of the sentence, with the target masked, and over word vectors pooled around the target.
///
/// Why this model: NewsMTSC's training set is 8,739 targets, too few to learn word vectors
/// from, and Plexus runs without Python or a neural runtime. A linear model over bag-of-words,
/// bigrams, words near the target (left and right kept apart) and words under a negation
/// trains in seconds and predicts in microseconds. Those features alone know only the words
/// seen in training; so the model also reads ``WordVectors`` learned from unlabelled news
/// (PPMI-SVD), averaged over five windows: three and ten words left of the target, three and
/// ten right, and the whole sentence. Logistic regression rather than a perceptron because
/// the stance extractor needs calibrated probabilities for its confidence. Its
/// probabilities are mixed with those of small networks over the same pooled vectors
/// (``PooledVectorNetwork``), which see combinations of windows a linear model cannot. What
/// each part added on dev is in docs/DESIGN-NOTES.md.
///
/// Sparse features are hashed into 2^20 buckets; only buckets with a weight are stored.
public struct TargetPolarityModel: Sendable {
    /// Bucket index → weights for (negative, neutral, positive).
    var weights: [UInt32: SIMD4<Float>]
    /// Word vectors pooled around the target, or `nil` for a sparse-only model.
    var vectors: WordVectors?
    /// Weights of the pooled vector features: pools · dimension of them.
    var denseWeights: [SIMD4<Float>]
    /// What the pooled vectors are multiplied by before they are weighed: a mean of unit
    /// vectors has small entries, which the shared L2 penalty would otherwise silence next to
    /// the sparse features' counts of 1.
    var vectorScale: Float = 1
    /// Networks over the same pooled vectors (see ``PooledVectorNetwork``), whose mean
    /// probabilities are mixed with the linear model's; empty for a linear model alone.
    var networks: [PooledVectorNetwork] = []
    /// The share of the networks' probabilities in the mix, in [0, 1].
    var networkShare: Float = 0
    /// Words on either side of the target that get side-marked features.
    static let nearWindow = 8
    /// The windows word vectors are averaged over: (side, words), side −1 left, +1 right, 0 all.
    package static let pools: [(side: Int, width: Int)] = [(-1, 3), (1, 3), (-1, 10), (1, 10), (0, 0)]
    static let bucketBits: UInt64 = 20

    /// The probabilities of (negative, neutral, positive) toward the target.
    ///
    /// - Complexity: O(n · d + d · h) in the sentence's length n, the vectors' dimension d and
    ///   the networks' hidden units h.
    public func probabilities(_ example: PolarityExample) -> [Double] {
        let words = Self.readWords(example)
        var score = SIMD4<Float>(repeating: 0)
        for feature in Self.features(words) {
            if let w = weights[feature] { score += w }
        }
        guard let vectors else { return Self.softmax(score) }
        let dense = Self.denseFeatures(words, vectors, scale: vectorScale)
        for (i, value) in dense.enumerated() where value != 0 { score += denseWeights[i] * value }
        let linear = Self.softmax(score)
        guard !networks.isEmpty, networkShare > 0 else { return linear }
        var mixed = linear.map { $0 * Double(1 - networkShare) }
        let share = Double(networkShare) / Double(networks.count)
        for network in networks {
            for (k, p) in network.probabilities(dense).enumerated() { mixed[k] += share * p }
        }
        return mixed
    }

    /// The pooled word-vector numbers the model reads for an example (what its networks
    /// take as input), or `nil` for a model without word vectors.
    ///
    /// - Complexity: O(n · d).
    public func pooledVectors(_ example: PolarityExample) -> [Float]? {
        vectors.map { Self.denseFeatures(Self.readWords(example), $0, scale: vectorScale) }
    }

    /// This model with `networks` over its pooled vectors, their mean probabilities mixed in
    /// at `share`; `nil` when the model has no word vectors or a network's inputs do not match.
    public func mixing(_ networks: [PooledVectorNetwork], share: Float) -> TargetPolarityModel? {
        guard let vectors, (0...1).contains(share), networks.allSatisfy({ $0.inputs == Self.pools.count * vectors.dimension }) else {
            return nil
        }
        var model = self
        model.networks = networks
        model.networkShare = networks.isEmpty ? 0 : share
        return model
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
    static let targetWord = "<t>"

    /// A sentence's words as the model reads them, and where the target is among them.
    package struct ReadWords {
        var words: [String]
        var target: Int
    }

    /// Tokens lowercased, hyphenated words split into their parts, the target one placeholder.
    package static func readWords(_ example: PolarityExample) -> ReadWords {
        var words: [String] = []
        words.reserveCapacity(example.words.count)
        var targetIndex = 0
        for (i, word) in example.words.enumerated() {
            if i == example.target.lowerBound {
                targetIndex = words.count
                words.append(targetWord)
            } else if !example.target.contains(i) {
                appendRead(word, to: &words)
            }
        }
        return ReadWords(words: words, target: targetIndex)
    }

    /// Appends a token as the model reads it.
    ///
    /// "anti-war", "pro-Trump": the parts carry the
    /// polarity, so a hyphenated word is read as its parts (as a plain word tokenizer would).
    static func appendRead(_ word: String, to words: inout [String]) {
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

    /// Tokens as the word vectors are learned from them (see ``appendRead(_:to:)``).
    public static func vectorWords(_ tokens: [String]) -> [String] {
        var words: [String] = []
        words.reserveCapacity(tokens.count)
        for token in tokens { appendRead(token, to: &words) }
        return words
    }

    /// The hashed feature buckets of a sentence (with repeats; each counts once per occurrence).
    package static func features(_ read: ReadWords) -> [UInt32] {
        let words = read.words
        let targetIndex = read.target
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

    /// The mean word vector of each pool around the target, concatenated (pools · dimension numbers).
    package static func denseFeatures(_ read: ReadWords, _ vectors: WordVectors, scale: Float) -> [Float] {
        let d = vectors.dimension
        var out = [Float](repeating: 0, count: pools.count * d)
        let words = read.words
        let t = read.target
        for (k, pool) in pools.enumerated() {
            let slice: ArraySlice<String>
            switch pool.side {
            case ..<0: slice = words[max(0, t - pool.width)..<t]
            case 1...: slice = words[min(words.count, t + 1)..<min(words.count, t + 1 + pool.width)]
            default: slice = words[...]
            }
            vectors.addMean(of: slice, into: &out, at: k * d)
        }
        if scale != 1 { for i in out.indices { out[i] *= scale } }
        return out
    }

}

extension TargetPolarityModel: ModelFile {
    /// `PLXPOL3`: sparse weights, word vectors, dense weights and networks.
    public static let signature = ModelSignature("PLXPOL3\n", kindLength: 6, kind: "polarity model", remedy: "make stance-model")

    /// Writes the body: bucket count, (bucket, three weights) records in bucket order, then
    /// a flag for word vectors and, when set, the vectors, the vector scale, the dense
    /// weights, the networks' share and the networks.
    public func writeBody(to writer: inout BinaryWriter) {
        writer.put(UInt32(weights.count))
        for key in weights.keys.sorted() {
            guard let w = weights[key] else { continue }
            writer.put(key)
            for k in 0..<3 { writer.put(w[k].bitPattern) }
        }
        writer.put(UInt8(vectors == nil ? 0 : 1))
        if let vectors {
            vectors.writeBody(to: &writer)
            writer.put(vectorScale.bitPattern)
            writer.put(UInt32(denseWeights.count))
            for w in denseWeights { for k in 0..<3 { writer.put(w[k].bitPattern) } }
            writer.put(networkShare.bitPattern)
            writer.put(UInt32(networks.count))
            for network in networks { network.write(to: &writer) }
        }
    }

    /// Reads a body written by ``writeBody(to:)``.
    ///
    /// - Throws: ``ModelFileError`` when the bytes are cut short or inconsistent.
    /// - Complexity: O(file size).
    public init(readingBody reader: inout BinaryReader) throws {
        let path = reader.path
        let count = Int(try reader.read(UInt32.self))
        var weights: [UInt32: SIMD4<Float>] = [:]
        weights.reserveCapacity(count)
        for _ in 0..<count {
            let key = try reader.read(UInt32.self)
            weights[key] = try Self.readWeight(&reader)
        }
        self.weights = weights
        self.vectors = nil
        self.denseWeights = []
        if try reader.read(UInt8.self) == 1 {
            let vectors = try WordVectors(readingBody: &reader)
            self.vectorScale = Float(bitPattern: try reader.read(UInt32.self))
            let denseCount = Int(try reader.read(UInt32.self))
            guard denseCount == Self.pools.count * vectors.dimension else {
                throw ModelFileError(
                    path: path, reason: "has \(denseCount) vector weights where \(Self.pools.count * vectors.dimension) were expected")
            }
            self.denseWeights = try (0..<denseCount).map { _ in try Self.readWeight(&reader) }
            self.vectors = vectors
            self.networkShare = Float(bitPattern: try reader.read(UInt32.self))
            let networkCount = Int(try reader.read(UInt32.self))
            guard networkCount <= 64, (0...1).contains(networkShare) else {
                throw ModelFileError(
                    path: path, reason: "has \(networkCount) networks with share \(networkShare), which is not a valid model")
            }
            self.networks = try (0..<networkCount).map { _ in try PooledVectorNetwork(reading: &reader) }
            guard networks.allSatisfy({ $0.inputs == denseCount }) else {
                throw ModelFileError(path: path, reason: "has a network whose inputs do not match its \(denseCount) pooled vector numbers")
            }
        }
    }

    private static func readWeight(_ reader: inout BinaryReader) throws -> SIMD4<Float> {
        var w = SIMD4<Float>(repeating: 0)
        for k in 0..<3 { w[k] = Float(bitPattern: try reader.read(UInt32.self)) }
        return w
    }

    package init(weights: [UInt32: SIMD4<Float>], vectors: WordVectors? = nil, denseWeights: [SIMD4<Float>] = [], vectorScale: Float = 1) {
        self.weights = weights
        self.vectors = vectors
        self.denseWeights = denseWeights
        self.vectorScale = vectorScale
    }

    /// The model shipped with Plexus (trained on NewsMTSC train.jsonl), read once per process.
    ///
    /// - Throws: ``ModelFileError`` naming the resource when it is missing or damaged.
    public static func shipped() throws -> TargetPolarityModel {
        try shippedCache.model(named: "polarity.plxpol") { name in
            guard let url = Bundle.module.url(forResource: "polarity", withExtension: "plxpol", subdirectory: "Models") else {
                throw ModelFileError(path: "Models/\(name)", reason: "is missing from the package resources; run make stance-model")
            }
            return try TargetPolarityModel(contentsOf: url.path)
        }
    }

    private static let shippedCache = ModelCache<TargetPolarityModel>()
}
