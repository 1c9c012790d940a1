import PlexusSupport

/// The tags each word was given in the training data (its ambiguity class: "run" NN|VB|VBN),
/// read by the part-of-speech tagger for the word and its neighbours.
///
/// Why: the CoNLL-2003 part-of-speech column was written by a memory-based tagger (MBT,
/// Daelemans et al. 1996) that decides from the tags to the left and the ambiguity classes
/// of the word and the words to its right; the chunk column was then written from those
/// tags. Giving our tagger the same kind of evidence lets it follow the column's choices
/// (including its habits, such as "home defeat" as VB) and so feeds the chunker tags like
/// the ones it was trained on. A word's class is a set, so it generalises across words
/// ("the next word may be a verb") where word features cannot.
///
/// Training sentences see a lexicon built without their own fold of documents (see
/// ``folds(_:tags:folds:)``), so rare words look unknown as often as they will in use.
package struct TagLexicon: Sendable, Equatable {
    /// Per word as written, a bit per tag index (the model's tag order; at most 64 tags).
    private(set) var masks: [String: UInt64]

    package init(masks: [String: UInt64] = [:]) {
        self.masks = masks
    }

    /// The hashed ambiguity class of `word`: its tag mask, or a value of its own for a word
    /// never seen in training.
    @inline(__always)
    func feature(_ word: String) -> UInt64 {
        guard let mask = masks[word] else { return Self.unknown }
        return FeatureHash.mix(mask, 0x1A3B)
    }

    /// The class of a word not in the lexicon.
    static let unknown: UInt64 = 2
    /// The class of the boundary tokens beyond a sentence's ends.
    static let boundary: UInt64 = 3

    /// Adds the tags of one sentence.
    package mutating func add(words: [String], tags: [Int]) {
        for (word, tag) in zip(words, tags) where tag < 64 { masks[word, default: 0] |= 1 << UInt64(tag) }
    }

    /// Adds another lexicon's tags to this one's.
    package mutating func merge(_ other: TagLexicon) {
        masks.merge(other.masks) { $0 | $1 }
    }

    /// Writes the lexicon, words sorted, so the same lexicon gives the same bytes.
    func write(to out: inout BinaryWriter) {
        out.put(UInt32(masks.count))
        for (word, mask) in masks.sorted(by: { $0.key < $1.key }) {
            out.put(word, lengthAs: UInt16.self)
            out.put(mask)
        }
    }

    /// Reads a lexicon written by ``write(to:)``.
    static func read(from reader: inout BinaryReader) throws -> TagLexicon {
        let count = Int(try reader.read(UInt32.self))
        var masks: [String: UInt64] = [:]
        masks.reserveCapacity(count)
        for _ in 0..<count {
            let word = try reader.readString(lengthAs: UInt16.self)
            masks[word] = try reader.read(UInt64.self)
        }
        return TagLexicon(masks: masks)
    }
}
