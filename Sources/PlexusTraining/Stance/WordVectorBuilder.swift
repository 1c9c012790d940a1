import Corpus
import EntityRecognition
import Foundation
import PlexusGraph
import PlexusSupport
import RelationExtraction

/// Learns ``WordVectors`` from unlabelled text: positive pointwise mutual information of
/// words within a window, reduced by a truncated singular value decomposition (PPMI-SVD,
/// Levy, Goldberg & Dagan 2015).
///
/// Written by hand because no Swift package this project can resolve offers a sparse SVD,
/// and Linux has no Accelerate. The SVD is the randomised range finder of Halko, Martinsson
/// & Tropp (2011) with power iterations, Gram–Schmidt orthonormalisation and a Jacobi
/// eigen-solver for the small projected matrix. Everything runs on one thread in a fixed
/// order from a seeded generator, so the same text always gives the same bytes.
public struct WordVectorBuilder: Sendable {
    /// Numbers per word.
    public var dimension = 100
    /// Words either side that count as context (weighted 1 / distance).
    public var window = 5
    /// Words seen fewer times get no vector.
    public var minimumCount = 3
    /// Power iterations of the range finder.
    public var powerIterations = 4
    /// Extra random directions beyond `dimension`, for accuracy.
    public var oversampling = 10
    /// Seed of the random projection.
    public var seed: UInt64 = 1

    /// Creates a builder with the settings chosen on NewsMTSC rw/dev.
    public init() {}

    /// Learns vectors from plain-text articles (files or folders of `.txt`) and more text
    /// already tokenised (such as the sentences of a training set, labels unused).
    ///
    /// - Complexity: as ``build(_:)``, after reading and tokenising the files.
    public func build(from paths: [String], sentences: [[String]]) -> WordVectors {
        let documents = CorpusLoader().load(paths: paths).documents
        let tokenizer = Tokenizer()
        var sequences = sentences.map(TargetPolarityModel.vectorWords)
        for document in documents {
            sequences.append(TargetPolarityModel.vectorWords(tokenizer.tokenize(document.analysisText).map(\.text)))
        }
        return build(sequences)
    }

    /// Learns vectors from token sequences (already lowercased and split as the polarity model reads them).
    ///
    /// - Complexity: O(tokens · window) to count, then O(iterations · nonzeros · dimension)
    ///   for the SVD; about 1 minute and 1 GB for four million tokens.
    public func build(_ sequences: [[String]]) -> WordVectors {
        // Vocabulary: frequent words, most frequent first, ties by spelling.
        var counts: [String: Int] = [:]
        for sequence in sequences { for word in sequence { counts[word, default: 0] += 1 } }
        let vocabulary = counts.filter { $0.value >= minimumCount }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
        var index: [String: Int32] = [:]
        for (i, word) in vocabulary.enumerated() { index[word] = Int32(i) }
        let n = vocabulary.count
        guard n > dimension + oversampling else {
            return WordVectors(dimension: dimension, words: [], quantized: [])
        }

        // Co-occurrence, weighted by 1 / distance.
        var pairs: [UInt64: Float] = [:]
        for sequence in sequences {
            let ids = sequence.map { index[$0] ?? -1 }
            for (i, a) in ids.enumerated() where a >= 0 {
                for j in max(0, i - window)..<min(ids.count, i + window + 1) where j != i && ids[j] >= 0 {
                    pairs[UInt64(UInt32(a)) << 32 | UInt64(UInt32(ids[j])), default: 0] += 1 / Float(abs(i - j))
                }
            }
        }
        let keys = pairs.keys.sorted()
        var rowSums = [Double](repeating: 0, count: n)
        var columnSums = [Double](repeating: 0, count: n)
        for key in keys {
            let value = Double(pairs[key] ?? 0)
            rowSums[Int(key >> 32)] += value
            columnSums[Int(key & 0xFFFF_FFFF)] += value
        }
        // Context distribution smoothed by the power 0.75.
        let smoothed = columnSums.map { Foundation.pow($0, 0.75) }
        let smoothedTotal = smoothed.reduce(0, +)

        // PPMI as compressed rows (keys are sorted by row, then column).
        var rowStarts = [Int](repeating: 0, count: n + 1)
        var columns: [Int32] = []
        var entries: [Double] = []
        for key in keys {
            let row = Int(key >> 32)
            let column = Int(key & 0xFFFF_FFFF)
            let value = Double(pairs[key] ?? 0)
            let pmi = Foundation.log(value / (rowSums[row] * smoothed[column] / smoothedTotal))
            guard pmi > 0 else { continue }
            rowStarts[row + 1] += 1
            columns.append(Int32(column))
            entries.append(pmi)
        }
        pairs = [:]
        for row in 0..<n { rowStarts[row + 1] += rowStarts[row] }
        let matrix = SparseRows(count: n, starts: rowStarts, columns: columns, values: entries)
        let transposed = matrix.transposed()

        let factors = truncatedSVD(matrix, transposed)
        // Vectors U·√Σ, each row scaled to unit length, then quantised.
        var quantized = [Int8](repeating: 0, count: n * dimension)
        for row in 0..<n {
            var vector = (0..<dimension).map { factors.left[row * factors.width + $0] * factors.singular[$0].squareRoot() }
            let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
            if norm > 0 { vector = vector.map { $0 / norm } }
            for d in 0..<dimension { quantized[row * dimension + d] = Int8(max(-127, min(127, (vector[d] * 127).rounded()))) }
        }
        return WordVectors(dimension: dimension, words: vocabulary, quantized: quantized)
    }

    /// The leading left singular vectors (row-major, `width` columns, best first) and singular values.
    func truncatedSVD(_ matrix: SparseRows, _ transposed: SparseRows) -> (left: [Double], singular: [Double], width: Int) {
        let n = matrix.count
        let width = dimension + oversampling
        var generator = SeededGenerator(seed: seed)
        var omega = [Double](repeating: 0, count: n * width)
        for i in 0..<omega.count { omega[i] = Self.gaussian(&generator) }
        var q = Self.orthonormalized(matrix.times(omega, width: width), rows: n, width: width)
        for _ in 0..<powerIterations {
            let z = Self.orthonormalized(transposed.times(q, width: width), rows: n, width: width)
            q = Self.orthonormalized(matrix.times(z, width: width), rows: n, width: width)
        }
        // B = Qᵀ·A, so Bᵀ = Aᵀ·Q (n × width); C = B·Bᵀ = (Aᵀ·Q)ᵀ(Aᵀ·Q).
        let bt = transposed.times(q, width: width)
        var c = [Double](repeating: 0, count: width * width)
        for row in 0..<n {
            let base = row * width
            for a in 0..<width {
                let value = bt[base + a]
                if value == 0 { continue }
                for b in a..<width { c[a * width + b] += value * bt[base + b] }
            }
        }
        for a in 0..<width { for b in 0..<a { c[a * width + b] = c[b * width + a] } }
        let (eigenvalues, eigenvectors) = Self.symmetricEigen(c, size: width)
        let order = (0..<width).sorted { eigenvalues[$0] != eigenvalues[$1] ? eigenvalues[$0] > eigenvalues[$1] : $0 < $1 }
        // U = Q·V (columns in eigenvalue order).
        var left = [Double](repeating: 0, count: n * width)
        for row in 0..<n {
            for (k, column) in order.enumerated() {
                var total = 0.0
                for j in 0..<width { total += q[row * width + j] * eigenvectors[j * width + column] }
                left[row * width + k] = total
            }
        }
        return (left, order.map { max(0, eigenvalues[$0]).squareRoot() }, width)
    }

    /// A standard normal draw (Box–Muller).
    static func gaussian(_ generator: inout SeededGenerator) -> Double {
        let u = (Double(generator.next() >> 11) + 0.5) / Double(1 << 53)
        let v = Double(generator.next() >> 11) / Double(1 << 53)
        return (-2 * Foundation.log(u)).squareRoot() * Foundation.cos(2 * Double.pi * v)
    }

    /// The columns of a row-major rows × width matrix made orthonormal (modified Gram–Schmidt,
    /// twice for stability).
    static func orthonormalized(_ matrix: [Double], rows: Int, width: Int) -> [Double] {
        // Work column-major: one contiguous array per column.
        var columns = (0..<width).map { c in (0..<rows).map { matrix[$0 * width + c] } }
        for _ in 0..<2 {
            for c in 0..<width {
                for previous in 0..<c {
                    var dot = 0.0
                    for i in 0..<rows { dot += columns[c][i] * columns[previous][i] }
                    for i in 0..<rows { columns[c][i] -= dot * columns[previous][i] }
                }
                let norm = columns[c].reduce(0) { $0 + $1 * $1 }.squareRoot()
                if norm > 1e-12 { for i in 0..<rows { columns[c][i] /= norm } }
            }
        }
        var out = [Double](repeating: 0, count: rows * width)
        for c in 0..<width { for i in 0..<rows { out[i * width + c] = columns[c][i] } }
        return out
    }

    /// Eigenvalues and eigenvectors (columns of a row-major matrix) of a symmetric matrix, by
    /// cyclic Jacobi rotations.
    static func symmetricEigen(_ matrix: [Double], size: Int) -> (values: [Double], vectors: [Double]) {
        var a = matrix
        var v = [Double](repeating: 0, count: size * size)
        for i in 0..<size { v[i * size + i] = 1 }
        let scale = max(1e-300, (0..<size).map { abs(a[$0 * size + $0]) }.max() ?? 1)
        for _ in 0..<100 {
            var off = 0.0
            for p in 0..<size { for q in (p + 1)..<size { off += a[p * size + q] * a[p * size + q] } }
            if off.squareRoot() < 1e-14 * scale { break }
            for p in 0..<size {
                for q in (p + 1)..<size {
                    let apq = a[p * size + q]
                    if abs(apq) < 1e-300 { continue }
                    let theta = (a[q * size + q] - a[p * size + p]) / (2 * apq)
                    let t = (theta >= 0 ? 1 : -1) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let cosine = 1 / (t * t + 1).squareRoot()
                    let sine = t * cosine
                    for k in 0..<size {
                        let akp = a[k * size + p]
                        let akq = a[k * size + q]
                        a[k * size + p] = cosine * akp - sine * akq
                        a[k * size + q] = sine * akp + cosine * akq
                    }
                    for k in 0..<size {
                        let apk = a[p * size + k]
                        let aqk = a[q * size + k]
                        a[p * size + k] = cosine * apk - sine * aqk
                        a[q * size + k] = sine * apk + cosine * aqk
                    }
                    for k in 0..<size {
                        let vkp = v[k * size + p]
                        let vkq = v[k * size + q]
                        v[k * size + p] = cosine * vkp - sine * vkq
                        v[k * size + q] = sine * vkp + cosine * vkq
                    }
                }
            }
        }
        return ((0..<size).map { a[$0 * size + $0] }, v)
    }
}

/// A sparse square matrix stored by rows.
struct SparseRows: Sendable {
    var count: Int
    var starts: [Int]
    var columns: [Int32]
    var values: [Double]

    /// The matrix times a dense row-major count × width matrix.
    func times(_ dense: [Double], width: Int) -> [Double] {
        var out = [Double](repeating: 0, count: count * width)
        out.withUnsafeMutableBufferPointer { out in
            dense.withUnsafeBufferPointer { dense in
                for row in 0..<count {
                    let base = row * width
                    for k in starts[row]..<starts[row + 1] {
                        let other = Int(columns[k]) * width
                        let value = values[k]
                        for c in 0..<width { out[base + c] += value * dense[other + c] }
                    }
                }
            }
        }
        return out
    }

    /// The transpose, also by rows.
    func transposed() -> SparseRows {
        var starts = [Int](repeating: 0, count: count + 1)
        for column in columns { starts[Int(column) + 1] += 1 }
        for i in 0..<count { starts[i + 1] += starts[i] }
        var next = starts
        var columns = [Int32](repeating: 0, count: self.columns.count)
        var values = [Double](repeating: 0, count: self.values.count)
        for row in 0..<count {
            for k in self.starts[row]..<self.starts[row + 1] {
                let column = Int(self.columns[k])
                columns[next[column]] = Int32(row)
                values[next[column]] = self.values[k]
                next[column] += 1
            }
        }
        return SparseRows(count: count, starts: starts, columns: columns, values: values)
    }
}
