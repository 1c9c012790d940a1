import Corpus
import Foundation

/// What unlabelled news says about each word: how often it is capitalised in mid-sentence
/// (names) rather than written in lower case (ordinary words), how frequent it is, and a
/// distributional cluster: a 16-bit SimHash of the words seen to its left and right, so that
/// words used alike ("Tuesday"/"Friday", "Blair"/"Brown") share bit prefixes.
///
/// Built by the project's training command from `../shared/data/news-corpus`; deterministic
/// (files in sorted order, exact counts, a fixed projection), and stored inside the model.
public struct WordProfile: Sendable {
    /// Per lower-cased word: case bucket (0–5), frequency bucket (0–15) and cluster bits.
    struct Entry: Sendable, Equatable {
        var caseBucket: UInt8
        var frequencyBucket: UInt8
        var cluster: UInt16
    }

    var entries: [String: Entry]

    /// The number of words profiled.
    public var count: Int { entries.count }

    func entry(_ lower: String) -> Entry? { entries[lower] }

    /// Builds a profile from plain-text files.
    ///
    /// - Parameters:
    ///   - paths: files or folders of `.txt` articles.
    ///   - minimumCount: words seen fewer times are left out.
    /// - Complexity: O(tokens).
    public static func build(from paths: [String], minimumCount: Int = 3) -> WordProfile {
        let documents = CorpusLoader().load(paths: paths).documents
        let tokenizer = Tokenizer()
        var lowerCount: [String: Int] = [:]
        var capitalCount: [String: Int] = [:]
        var total: [String: Int] = [:]
        var sequences: [[String]] = []
        for document in documents {
            let tokens = tokenizer.tokenize(document.analysisText)
            var words: [String] = []
            var sentenceStart = true
            for token in tokens {
                let lower = token.text.lowercased()
                if token.kind == .word {
                    total[lower, default: 0] += 1
                    if let first = token.text.unicodeScalars.first {
                        if first.properties.isLowercase {
                            lowerCount[lower, default: 0] += 1
                        } else if first.properties.isUppercase, !sentenceStart, !token.paragraphStart, !token.isAllCaps {
                            capitalCount[lower, default: 0] += 1
                        }
                    }
                }
                words.append(lower)
                sentenceStart = token.text == "." || token.text == "?" || token.text == "!" || token.text == "\"" || token.paragraphStart
            }
            sequences.append(words)
        }
        // Context vocabulary: the 1,000 most frequent words, weighted by inverse frequency.
        let ranked = total.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        let contextWords = Array(ranked.prefix(1000))
        let totalTokens = Double(max(1, total.values.reduce(0, +)))
        var contextWeight: [String: Double] = [:]
        for (word, count) in contextWords { contextWeight[word] = log(totalTokens / Double(count)) }
        // Random ±1 projections per (context, side, bit) from a hash: no table to store.
        func sign(_ context: String, _ side: UInt64, _ bit: Int) -> Double {
            FeatureHash.mix(FeatureHash.of(context) ^ side, UInt64(bit)) & 1 == 0 ? -1 : 1
        }
        var accumulators: [String: [Double]] = [:]
        for words in sequences {
            for (i, word) in words.enumerated() where (total[word] ?? 0) >= minimumCount {
                var vector = accumulators[word] ?? [Double](repeating: 0, count: 16)
                for (offset, side) in [(-1, UInt64(0x1111)), (1, UInt64(0x2222))] {
                    let j = i + offset
                    guard j >= 0, j < words.count, let weight = contextWeight[words[j]] else { continue }
                    for bit in 0..<16 { vector[bit] += weight * sign(words[j], side, bit) }
                }
                accumulators[word] = vector
            }
        }
        var entries: [String: Entry] = [:]
        for (word, count) in total where count >= minimumCount {
            let lower = lowerCount[word] ?? 0
            let capital = capitalCount[word] ?? 0
            let observed = lower + capital
            let caseBucket: UInt8
            if observed == 0 {
                caseBucket = 0
            } else {
                let ratio = Double(capital) / Double(observed)
                caseBucket = ratio == 0 ? 1 : (ratio < 0.1 ? 2 : (ratio < 0.5 ? 3 : (ratio < 0.95 ? 4 : 5)))
            }
            var cluster: UInt16 = 0
            if let vector = accumulators[word] {
                for bit in 0..<16 where vector[bit] > 0 { cluster |= 1 << UInt16(15 - bit) }
            }
            let frequencyBucket = UInt8(min(15, Int(log2(Double(count)))))
            entries[word] = Entry(caseBucket: caseBucket, frequencyBucket: frequencyBucket, cluster: cluster)
        }
        return WordProfile(entries: entries)
    }

    /// Writes the profile (words sorted, so the same profile gives the same bytes).
    func write(to out: inout BinaryWriter) {
        out.put(UInt32(entries.count))
        for (word, entry) in entries.sorted(by: { $0.key < $1.key }) {
            out.put(word, lengthAs: UInt8.self)
            out.put(entry.caseBucket)
            out.put(entry.frequencyBucket)
            out.put(entry.cluster)
        }
    }

    /// Reads a profile written by ``write(to:)``.
    static func read(from reader: inout BinaryReader) throws -> WordProfile {
        let count = Int(try reader.read(UInt32.self))
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(count)
        for _ in 0..<count {
            let word = try reader.readString(lengthAs: UInt8.self)
            entries[word] = Entry(
                caseBucket: try reader.read(UInt8.self), frequencyBucket: try reader.read(UInt8.self), cluster: try reader.read(UInt16.self))
        }
        return WordProfile(entries: entries)
    }
}
