import Corpus
import EntityRecognition
import Foundation
import PlexusGraph
import PlexusSupport
import RelationExtraction

/// Flat word classes learned from unlabelled text by the exchange algorithm, with the
/// one-sided ("predictive") class bigram model of Uszkoreit & Brants (2008):
/// P(w | v) ≈ P(class(w) | v) · P(w | class(w)).
///
/// Why this algorithm, written by hand: word classes from unlabelled news are among the
/// strongest features for named-entity taggers (Ratinov & Roth 2009; Turian et al. 2010),
/// no Swift package provides word clustering, and the exchange algorithm is short, exact
/// and deterministic. Brown clustering would give a hierarchy but costs far more; running
/// the exchange algorithm at several class counts gives coarse and fine classes instead.
///
/// The objective, up to terms that do not depend on the classes, is
/// Σ_{v,c} N(v,c) log N(v,c) − Σ_c N(c) log N(c), where N(v,c) counts bigrams whose first
/// word is v and whose second word is in class c. Each iteration visits the words from the
/// most to the least frequent and moves each to the class that raises the objective most.
struct ExchangeClustering {
    /// Number of word ids (ids run from 0 to `vocabularySize - 1`).
    let vocabularySize: Int
    /// Ids below this are clustered; the rest (sentence starts, rare words) only count as
    /// the left neighbour of clustered words.
    let clusteredCount: Int
    /// How often each id occurs.
    private let unigram: [Int]
    /// For each clustered id, its distinct left neighbours with their counts.
    private let predecessors: [[(Int32, Int32)]]

    /// Counts the bigrams of `sequences` once, for any number of ``classes(classCount:iterations:)`` runs.
    ///
    /// - Complexity: O(tokens) time, O(distinct bigrams) memory.
    init(sequences: [[Int32]], vocabularySize: Int, clusteredCount: Int) {
        self.vocabularySize = vocabularySize
        self.clusteredCount = min(clusteredCount, vocabularySize)
        var unigram = [Int](repeating: 0, count: vocabularySize)
        var pairCounts: [Int64: Int32] = [:]
        for sequence in sequences {
            for i in sequence.indices {
                unigram[Int(sequence[i])] += 1
                if i > 0, Int(sequence[i]) < clusteredCount {
                    pairCounts[Int64(sequence[i - 1]) << 32 | Int64(sequence[i]), default: 0] += 1
                }
            }
        }
        var predecessors = [[(Int32, Int32)]](repeating: [], count: self.clusteredCount)
        for (key, count) in pairCounts.sorted(by: { $0.key < $1.key }) {
            predecessors[Int(key & 0xFFFF_FFFF)].append((Int32(truncatingIfNeeded: key >> 32), count))
        }
        self.unigram = unigram
        self.predecessors = predecessors
    }

    /// Assigns each clustered word id a class in `0..<classCount`.
    ///
    /// - Complexity: O(iterations · (distinct bigrams · classCount)) time and
    ///   O(vocabularySize · classCount) memory.
    func classes(classCount: Int, iterations: Int) -> [UInt16] {
        let v = vocabularySize
        let classCount = max(2, min(classCount, clusteredCount))
        // Initial classes: words by descending frequency, dealt round-robin.
        let order = (0..<clusteredCount).sorted { unigram[$0] != unigram[$1] ? unigram[$0] > unigram[$1] : $0 < $1 }
        var assignment = [Int](repeating: 0, count: clusteredCount)
        for (rank, word) in order.enumerated() { assignment[word] = rank % classCount }
        // N(v, c) dense, and N(c).
        var byClass = [Int32](repeating: 0, count: v * classCount)
        var classTotal = [Int](repeating: 0, count: classCount)
        for word in order {
            classTotal[assignment[word]] += unigram[word]
            for (pred, count) in predecessors[word] { byClass[Int(pred) * classCount + assignment[word]] += count }
        }
        // x log x for every count that can occur.
        let largest = max(unigram.reduce(0, +), 1)
        var xlogx = [Double](repeating: 0, count: largest + 2)
        for x in 1..<xlogx.count { xlogx[x] = Double(x) * log(Double(x)) }
        func f(_ x: Int) -> Double { x < xlogx.count ? xlogx[x] : Double(x) * log(Double(x)) }

        var delta = [Double](repeating: 0, count: classCount)
        for _ in 0..<max(1, iterations) {
            var moved = 0
            for word in order {
                let current = assignment[word]
                let count = unigram[word]
                let preds = predecessors[word]
                // Take the word out of its class.
                classTotal[current] -= count
                for (pred, n) in preds { byClass[Int(pred) * classCount + current] -= n }
                for c in 0..<classCount { delta[c] = -(f(classTotal[c] + count) - f(classTotal[c])) }
                byClass.withUnsafeBufferPointer { table in
                    xlogx.withUnsafeBufferPointer { xlogx in
                        delta.withUnsafeMutableBufferPointer { delta in
                            for (pred, n) in preds {
                                let base = Int(pred) * classCount
                                let add = Int(n)
                                for c in 0..<classCount {
                                    let old = Int(table[base + c])
                                    delta[c] += xlogx[old + add] - xlogx[old]
                                }
                            }
                        }
                    }
                }
                var best = current
                for c in 0..<classCount where delta[c] > delta[best] + 1e-9 { best = c }
                if best != current { moved += 1 }
                assignment[word] = best
                classTotal[best] += count
                for (pred, n) in preds { byClass[Int(pred) * classCount + best] += n }
            }
            if moved == 0 { break }
        }
        return assignment.map { UInt16($0) }
    }
}
