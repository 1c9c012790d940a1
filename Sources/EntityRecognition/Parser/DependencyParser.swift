import Foundation
import PlexusSupport

/// A labelled dependency parser for English in Universal Dependencies: the arc-hybrid
/// transition system (``ParserMove``), read greedily, with two averaged-perceptron models
/// over hashed features, one choosing the move and one the relation of each arc.
///
/// Why this design: a greedy transition parser costs O(n) per sentence, two moves per word,
/// which keeps parsing a whole corpus within the time a build may spend; a perceptron over
/// rich non-local features (``ParserFeatures``) trained with a dynamic oracle (it learns to
/// recover from its own mistakes) is the strongest linear design of this family (Zhang and
/// Nivre 2011; Goldberg and Nivre 2012, 2013). Choosing the relation with its own model,
/// only when an arc is made, keeps each move's scoring to three classes. The variants tried
/// and what each scored on UD English EWT dev are in docs/DESIGN-NOTES.md.
///
/// The parse is deterministic: the same words and tags give the same tree.
public struct DependencyParser: Sendable {
    /// The relations the parser assigns, by index.
    public let labels: [String]
    /// Bits of the feature hash kept as the bucket, for moves and for relations.
    package let moveBits: Int
    package let labelBits: Int
    /// The word profile whose classes the features read, if any.
    package let profile: WordProfile?
    package let moveWeights: SparseWeights
    package let labelWeights: SparseWeights
    /// The part-of-speech tagger trained with the parser, whose tags it reads; `nil` when
    /// the caller gives tags.
    public package(set) var tagger: SequenceTagger?
    let rootLabel: Int?

    /// Creates a parser from trained weights.
    package init(
        labels: [String], moveBits: Int, labelBits: Int, profile: WordProfile?, moveWeights: SparseWeights, labelWeights: SparseWeights
    ) {
        self.labels = labels
        self.moveBits = moveBits
        self.labelBits = labelBits
        self.profile = profile
        self.moveWeights = moveWeights
        self.labelWeights = labelWeights
        rootLabel = labels.firstIndex(of: "root")
    }

    /// The tree of one sentence, tagged by the parser's own tagger.
    ///
    /// - Complexity: O(n) moves for n words, each O(features), plus tagging.
    public func parse(_ words: [String]) -> DependencyParse {
        let tags = tagger?.tag(words) ?? Array(repeating: "", count: words.count)
        var parse = parse(words: words, tags: tags)
        parse.tags = tags
        return parse
    }

    /// The tree of one sentence, given its words and their part-of-speech tags (Penn
    /// Treebank tags, as the parser's tagger gives them).
    ///
    /// - Complexity: O(n) moves for n words, each O(features).
    public func parse(words: [String], tags: [String]) -> DependencyParse {
        let n = words.count
        guard n > 0 else { return DependencyParse(heads: [], relations: []) }
        let sentence = ParserSentence(words: words, tags: tags.count == n ? tags : Array(repeating: "", count: n), profile: profile)
        var state = ArcHybridState(count: n)
        var features: [UInt64] = []
        var buckets: [UInt32] = []
        var moveScores = [Float](repeating: 0, count: 3)
        var labelScores = [Float](repeating: 0, count: labels.count)
        while !state.isTerminal {
            ParserFeatures.moves(state, sentence, into: &features)
            Self.bucketize(features, bits: moveBits, into: &buckets)
            for k in 0..<3 { moveScores[k] = 0 }
            moveWeights.accumulate(buckets, into: &moveScores)
            var best: ParserMove?
            for move in ParserMove.allCases where state.allows(move) {
                if best.map({ moveScores[move.rawValue] > moveScores[$0.rawValue] }) ?? true { best = move }
            }
            guard let move = best else { break }
            var label = 0
            if move != .shift {
                let dependent = state.stackWord(0)
                let head = move == .left ? state.bufferWord(0) : state.stackWord(1)
                label = chooseLabel(head: head, dependent: dependent, state, sentence, &features, &buckets, &labelScores)
            }
            state.apply(move, label: label)
        }
        return DependencyParse(
            heads: (1...n).map { Int(max(0, state.heads[$0])) },
            relations: (1...n).map { state.labels[$0] >= 0 ? labels[Int(state.labels[$0])] : "dep" })
    }

    /// The best relation for an arc; the root's dependent is always `root` and no other
    /// arc is.
    @inline(__always)
    func chooseLabel(
        head: Int, dependent: Int, _ state: ArcHybridState, _ sentence: ParserSentence, _ features: inout [UInt64],
        _ buckets: inout [UInt32], _ scores: inout [Float]
    ) -> Int {
        if head == 0, let rootLabel { return rootLabel }
        ParserFeatures.labels(head: head, dependent: dependent, state, sentence, into: &features)
        Self.bucketize(features, bits: labelBits, into: &buckets)
        for k in scores.indices { scores[k] = 0 }
        labelWeights.accumulate(buckets, into: &scores)
        var best = -1
        for k in scores.indices where k != rootLabel {
            if best < 0 || scores[k] > scores[best] { best = k }
        }
        return max(best, 0)
    }

    /// Feature hashes reduced to buckets.
    @inline(__always)
    package static func bucketize(_ features: [UInt64], bits: Int, into buckets: inout [UInt32]) {
        buckets.removeAll(keepingCapacity: true)
        let mask = (UInt64(1) << UInt64(bits)) - 1
        for feature in features { buckets.append(UInt32(truncatingIfNeeded: feature & mask)) }
    }
}

extension DependencyParser: ModelFile {
    /// `PLXDEP1`: relations, the word profile, move and relation weights (16-bit floats),
    /// and the part-of-speech tagger trained with the parser.
    public static let signature = ModelSignature("PLXDEP1\n", kindLength: 6, kind: "parser model", remedy: "plexus train-parser")

    /// Writes the body: bucket bits, relations, the profile when there is one, then the
    /// move and relation weights, buckets in order (the same model always gives the same
    /// bytes).
    public func writeBody(to writer: inout BinaryWriter) {
        writer.put(UInt8(moveBits))
        writer.put(UInt8(labelBits))
        writer.put(UInt16(labels.count))
        for label in labels { writer.put(label, lengthAs: UInt8.self) }
        if let profile {
            writer.put(UInt8(1))
            profile.writeBody(to: &writer)
        } else {
            writer.put(UInt8(0))
        }
        moveWeights.write(to: &writer)
        labelWeights.write(to: &writer)
        if let tagger {
            writer.put(UInt8(1))
            tagger.writeBody(to: &writer)
        } else {
            writer.put(UInt8(0))
        }
    }

    /// Reads a body written by ``writeBody(to:)``.
    ///
    /// - Throws: ``ModelFileError`` for a body that is cut short or inconsistent.
    public init(readingBody reader: inout BinaryReader) throws {
        let moveBits = Int(try reader.read(UInt8.self))
        let labelBits = Int(try reader.read(UInt8.self))
        let labelCount = Int(try reader.read(UInt16.self))
        var labels: [String] = []
        for _ in 0..<labelCount { labels.append(try reader.readString(lengthAs: UInt8.self)) }
        let profile = try reader.read(UInt8.self) == 1 ? try WordProfile(readingBody: &reader) : nil
        let moves = try SparseWeights(reading: &reader)
        let relations = try SparseWeights(reading: &reader)
        let tagger = try reader.read(UInt8.self) == 1 ? try SequenceTagger(readingBody: &reader) : nil
        guard (8...30).contains(moveBits), (8...30).contains(labelBits), moves.classCount == 3, relations.classCount == labels.count
        else {
            throw ModelFileError(path: reader.path, reason: "is not a consistent parser model (\(labels.count) relations)")
        }
        self.init(labels: labels, moveBits: moveBits, labelBits: labelBits, profile: profile, moveWeights: moves, labelWeights: relations)
        self.tagger = tagger
    }
}
