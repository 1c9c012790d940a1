import Foundation

/// Two greedy taggers for one IOBES tag set, one reading left to right and one right to
/// left, combined per token and decoded with Viterbi search over the valid tag sequences.
///
/// Why: a greedy left-to-right tagger decides each tag before it sees the tags to its right,
/// so a chunk's start is chosen without knowing where it ends. A right-to-left model sees
/// exactly that, and summing the two models' log-probabilities per token before a Viterbi
/// search is the classic cheap fix (Shen & Sarkar 2005; Tsuruoka & Tsujii 2005 for
/// bidirectional inference). Each model is still greedy, so the cost is two tagging passes
/// plus O(n · tags²) for the search; it is used for the chunker only, which runs on the few
/// sentences that carry a stance word.
///
/// The backward model is trained on reversed sentences whose IOBES tags have B- and E-
/// swapped (``CoNLLSentence/reversed()``), so it has the same tag set as the forward model.
public struct BidirectionalTagger: Sendable {
    /// The left-to-right model.
    public let forward: SequenceTagger
    /// The right-to-left model (trained on reversed sentences).
    public let backward: SequenceTagger
    /// For each forward tag, the index of the same tag, read backwards, in the backward model.
    let backwardIndex: [Int]

    /// Pairs two models, or `nil` when their tag sets do not match under the B-/E- swap.
    public init?(forward: SequenceTagger, backward: SequenceTagger) {
        guard forward.usesExtra == backward.usesExtra else { return nil }
        let position = Dictionary(backward.tags.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
        var index: [Int] = []
        for tag in forward.tags {
            guard let found = position[ChunkTags.reversedIOBES(tag)] else { return nil }
            index.append(found)
        }
        guard Set(index).count == backward.tags.count else { return nil }
        self.forward = forward
        self.backward = backward
        self.backwardIndex = index
    }

    /// The tags of `words` (with `extra`, the part-of-speech tags, when the models read them).
    ///
    /// - Complexity: O(n · (features + tags²)).
    public func tag(_ words: [String], extra: [String]? = nil) -> [String] {
        tagDocument([words], extras: extra.map { [$0] }).first ?? []
    }

    /// Tags the sentences of one document.
    ///
    /// - Complexity: O(total tokens · (features + tags²)).
    public func tagDocument(_ sentences: [[String]], extras: [[String]]? = nil) -> [[String]] {
        let ahead = forward.scoreDocument(sentences, extras: extras)
        let behind = backward.scoreDocument(sentences.map { $0.reversed() }, extras: extras?.map { $0.reversed() })
        return zip(ahead, behind).map { pair in
            let (forwardScores, backwardScores) = pair
            let count = forwardScores.count
            guard count > 0, backwardScores.count == count else { return [] }
            var combined: [[Float]] = []
            combined.reserveCapacity(count)
            for i in 0..<count {
                let f = Self.logSoftmax(forwardScores[i])
                let b = Self.logSoftmax(backwardScores[count - 1 - i])
                combined.append(f.indices.map { f[$0] + b[backwardIndex[$0]] })
            }
            return viterbi(combined).map { forward.tags[$0] }
        }
    }

    /// Log-probabilities from raw perceptron scores.
    static func logSoftmax(_ scores: [Float]) -> [Float] {
        let top = scores.max() ?? 0
        var total: Float = 0
        for score in scores { total += expf(score - top) }
        let shift = top + logf(total)
        return scores.map { $0 - shift }
    }

    /// The best tag sequence under `scores` that keeps to the forward model's valid
    /// transitions (a first-order search; hand-written, it is a dozen lines).
    func viterbi(_ scores: [[Float]]) -> [Int] {
        let tags = forward.tags.count
        let transitions = forward.transitions
        var best = [Float](repeating: -.infinity, count: tags)
        for c in 0..<tags where transitions.allows(previous: -1, current: c) { best[c] = scores[0][c] }
        var back: [[Int]] = [[Int](repeating: -1, count: tags)]
        for i in 1..<max(1, scores.count) {
            var next = [Float](repeating: -.infinity, count: tags)
            var from = [Int](repeating: -1, count: tags)
            for c in 0..<tags {
                for p in 0..<tags where best[p] > -.infinity && transitions.allows(previous: p, current: c) {
                    let value = best[p] + scores[i][c]
                    if value > next[c] {
                        next[c] = value
                        from[c] = p
                    }
                }
            }
            best = next
            back.append(from)
        }
        var last = -1
        for c in 0..<tags where transitions.mayEnd(on: c) && best[c] > -.infinity {
            if last < 0 || best[c] > best[last] { last = c }
        }
        if last < 0 { last = best.indices.max { best[$0] < best[$1] } ?? 0 }
        var path = [Int](repeating: 0, count: scores.count)
        for i in stride(from: scores.count - 1, through: 0, by: -1) {
            path[i] = last
            last = back[i][last] >= 0 ? back[i][last] : last
        }
        return path
    }
}
