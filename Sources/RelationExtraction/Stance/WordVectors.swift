import Corpus
import EntityRecognition
import Foundation
import PlexusSupport

/// Word vectors learned from unlabelled text, one unit-length vector per known word, stored as
/// signed bytes (value · 127), which keeps 33,000 words of 100 dimensions at 3.3 MB.
///
/// The polarity model pools them over the words around a target, so that a word never seen
/// in NewsMTSC's small training set still counts through the words it is used like.
public struct WordVectors: Sendable {
    /// Numbers per word.
    public let dimension: Int
    /// The known words, in vector order.
    public let words: [String]
    /// words.count × dimension values, row-major; each is a stored byte / 127.
    let values: [Float]
    let index: [String: Int]

    /// Creates vectors from quantised rows.
    ///
    /// - Precondition: `quantized.count == words.count * dimension`.
    package init(dimension: Int, words: [String], quantized: [Int8]) {
        precondition(quantized.count == words.count * dimension)
        self.dimension = dimension
        self.words = words
        self.values = quantized.map { Float($0) / 127 }
        var index: [String: Int] = [:]
        index.reserveCapacity(words.count)
        for (i, word) in words.enumerated() { index[word] = i }
        self.index = index
    }

    /// Adds the mean vector of the known words among `words` to `out[offset..<offset + dimension]`;
    /// adds nothing when none is known.
    ///
    /// - Complexity: O(words · dimension).
    func addMean(of words: ArraySlice<String>, into out: inout [Float], at offset: Int) {
        var rows: [Int] = []
        for word in words { if let row = index[word] { rows.append(row) } }
        guard !rows.isEmpty else { return }
        let scale = 1 / Float(rows.count)
        values.withUnsafeBufferPointer { values in
            for row in rows {
                let base = row * dimension
                for d in 0..<dimension { out[offset + d] += values[base + d] * scale }
            }
        }
    }

    /// The `count` words closest to `word` by cosine, for inspecting the vectors.
    ///
    /// - Complexity: O(words · dimension).
    public func neighbours(of word: String, count: Int) -> [String] {
        guard let row = index[word] else { return [] }
        let base = row * dimension
        var scored: [(Float, Int)] = []
        for other in 0..<words.count where other != row {
            var dot: Float = 0
            for d in 0..<dimension { dot += values[base + d] * values[other * dimension + d] }
            scored.append((dot, other))
        }
        return scored.sorted { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }.prefix(count).map { words[$0.1] }
    }

}

extension WordVectors: ModelFile {
    /// `PLXVEC1`: word vectors on their own (a cache between training runs); polarity models
    /// embed the same body.
    public static let signature = ModelSignature(
        "PLXVEC1\n", kindLength: 6, kind: "word-vector file", remedy: "plexus train-stance --vectors-cache")

    /// Appends the vectors to a model file: dimension, word count, words, quantised rows.
    public func writeBody(to writer: inout BinaryWriter) {
        writer.put(UInt32(dimension))
        writer.put(UInt32(words.count))
        for word in words { writer.put(word, lengthAs: UInt16.self) }
        // Exact: every value is a byte / 127.
        writer.put(bytes: values.map { UInt8(bitPattern: Int8(($0 * 127).rounded())) })
    }

    /// Reads vectors written by ``writeBody(to:)``.
    ///
    /// - Throws: ``ModelFileError`` when the bytes are cut short.
    public init(readingBody reader: inout BinaryReader) throws {
        let dimension = Int(try reader.read(UInt32.self))
        let count = Int(try reader.read(UInt32.self))
        var words: [String] = []
        words.reserveCapacity(count)
        for _ in 0..<count { words.append(try reader.readString(lengthAs: UInt16.self)) }
        let bytes = try reader.take(count * dimension)
        self.init(dimension: dimension, words: words, quantized: bytes.map { Int8(bitPattern: $0) })
    }
}
