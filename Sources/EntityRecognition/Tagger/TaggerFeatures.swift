/// The feature templates of the sequence tagger, hashed.
///
/// For token i: the word, its lower-case form, prefixes and suffixes of 1–4 letters, its
/// shape ("Xxxxx", "XX", "dd") and collapsed shape, capitalisation, digits, hyphens and
/// periods, whether it opens the sentence, membership in the team's gazetteers (countries,
/// demonyms, known organisations and places, with the position inside the phrase), title
/// and organisation words; the words and shapes two to the left and right; the previous
/// two predicted tags, alone and with the word and shape; word bigrams; the tag most often
/// given to the same capitalised word earlier in the document (document history); cues
/// from the rest of the document; the word profile (case and frequency buckets, SimHash
/// cluster, exchange-algorithm classes of the word and of its neighbours up to two away,
/// and class pairs with the next and previous word); and, for the chunker, the
/// part-of-speech tags in a window of two, their pairs and triples, the word with its tag,
/// and the previous chunk tag with the tag pair ahead; for the part-of-speech tagger, the
/// ambiguity classes of the word and its neighbours alone and with the previous tags
/// (``TagLexicon``). What each group added on dev is in docs/DESIGN-NOTES.md.
package struct TaggerFeatures {
    /// Marks each capitalised token with what the rest of its document says about the same
    /// word (see ``TokenFacts/documentCues``): read before tagging, so every sentence,
    /// including a headline in capitals, sees cues from sentences after it.
    ///
    /// Why: most remaining errors on CoNLL dev are one word tagged differently in one
    /// document ("Jordan" a person after "Michael Jordan", "Petofi" a club after "Petofi
    /// won"); these surface cues need no second tagging pass, so speed is kept.
    /// - Complexity: O(tokens in the document).
    package static func addDocumentCues(_ sentences: inout [[TokenFacts]]) {
        var cues: [UInt64: UInt64] = [:]
        for facts in sentences {
            for p in 2..<(facts.count - 2) {
                let t = facts[p]
                guard t.flags & TokenFacts.capitalized != 0 else {
                    if t.flags & TokenFacts.punctuation == 0 { cues[t.lower, default: 0] |= DocumentCue.lowercase }
                    continue
                }
                var cue: UInt64 = 0
                let before = facts[p - 1]
                let after = facts[p + 1]
                if before.flags & TokenFacts.titleWord != 0 { cue |= DocumentCue.titleBefore }
                if after.flags & TokenFacts.organisationWord != 0 { cue |= DocumentCue.organisationAfter }
                if DocumentCue.placeWords.contains(before.lower) { cue |= DocumentCue.placeWordBefore }
                if DocumentCue.speechWords.contains(after.lower) { cue |= DocumentCue.speechAfter }
                if t.flags & TokenFacts.allCaps == 0 && p > 2 { cue |= DocumentCue.mixedCase }
                if before.flags & TokenFacts.capitalized != 0 && before.flags & TokenFacts.titleWord == 0 && p > 3 {
                    cue |= DocumentCue.capitalisedBefore
                }
                if after.flags & TokenFacts.capitalized != 0 && after.flags & TokenFacts.organisationWord == 0 {
                    cue |= DocumentCue.capitalisedAfter
                }
                if cue != 0 { cues[t.lower, default: 0] |= cue }
            }
        }
        for s in sentences.indices {
            for p in 2..<(sentences[s].count - 2) where sentences[s][p].flags & TokenFacts.capitalized != 0 {
                sentences[s][p].documentCues = cues[sentences[s][p].lower] ?? 0
            }
        }
    }

    /// The document cues, as bits.
    enum DocumentCue {
        static let titleBefore: UInt64 = 1
        static let organisationAfter: UInt64 = 2
        static let placeWordBefore: UInt64 = 4
        static let speechAfter: UInt64 = 8
        static let mixedCase: UInt64 = 16
        static let lowercase: UInt64 = 32
        static let capitalisedBefore: UInt64 = 64
        static let capitalisedAfter: UInt64 = 128
        static let placeWords: Set<UInt64> = Set(["in", "at", "near", "from"].map { FeatureHash.of($0) })
        static let speechWords: Set<UInt64> = Set(["said", "says", "told", "added"].map { FeatureHash.of($0) })
    }

    /// Facts for each token of a sentence, with two boundary tokens each side.
    package static func facts(
        for words: [String], extra: [String]? = nil, profile: WordProfile? = nil, lexicon: TagLexicon? = nil,
        cache: inout [String: TokenFacts]
    ) -> [TokenFacts] {
        var edge = TokenFacts.boundary
        if lexicon != nil { edge.ambiguity = TagLexicon.boundary }
        var facts: [TokenFacts] = [edge, edge]
        facts.reserveCapacity(words.count + 4)
        for (index, word) in words.enumerated() {
            var fact: TokenFacts
            if let cached = cache[word] {
                fact = cached
            } else {
                fact = TokenFacts.make(word, profile: profile)
                if cache.count < 500_000 { cache[word] = fact }
            }
            if let extra { fact.extra = FeatureHash.of(extra[index]) }
            if let lexicon { fact.ambiguity = lexicon.feature(word) }
            facts.append(fact)
        }
        facts.append(edge)
        facts.append(edge)
        // Gazetteer phrases, longest match, case-sensitive; words in headline capitals
        // ("SOUTH KOREA") are also tried in title case.
        var titled: [String]?
        var i = 0
        while i < words.count {
            var found = Gazetteer.standard.longestMatch(words: words, at: i)
            if found == nil, facts[i + 2].flags & TokenFacts.allCaps != 0 {
                if titled == nil {
                    titled = words.map { word in
                        word.count > 1 && word == word.uppercased() ? WordProfile.titleCased(word) : word
                    }
                }
                if let titled { found = Gazetteer.standard.longestMatch(words: titled, at: i) }
            }
            if let match = found {
                let kind: UInt64 =
                    match.entry.isDemonym ? 4 : (match.entry.type == .country ? 1 : (match.entry.type == .organisation ? 2 : 3))
                for k in 0..<match.length { facts[i + 2 + k].gazetteer = kind << 2 | (k == 0 ? 1 : 2) }
                i += match.length
            } else {
                i += 1
            }
        }
        return facts
    }

    /// The hashed features of position `i` (0-based) given the two previous tags.
    @inline(__always)
    package static func features(
        _ facts: [TokenFacts], _ i: Int, previous: Int, beforePrevious: Int, usesExtra: Bool, history: UInt64 = 0,
        hidesWord: Bool = false, into out: inout [UInt64]
    ) {
        out.removeAll(keepingCapacity: true)
        let p = i + 2
        let t = facts[p]
        let prev = UInt64(previous + 1)
        let prev2 = UInt64(beforePrevious + 1)
        out.append(FeatureHash.feature(1, 0))
        if !hidesWord {
            out.append(FeatureHash.feature(2, t.lower))
            out.append(FeatureHash.feature(3, t.word))
            out.append(FeatureHash.feature(25, facts[p - 1].lower, t.lower))
            out.append(FeatureHash.feature(26, t.lower, facts[p + 1].lower))
        }
        out.append(FeatureHash.feature(4, t.prefixes.0))
        out.append(FeatureHash.feature(5, t.prefixes.1))
        out.append(FeatureHash.feature(6, t.prefixes.2))
        out.append(FeatureHash.feature(7, t.prefixes.3))
        out.append(FeatureHash.feature(8, t.suffixes.0))
        out.append(FeatureHash.feature(9, t.suffixes.1))
        out.append(FeatureHash.feature(10, t.suffixes.2))
        out.append(FeatureHash.feature(11, t.suffixes.3))
        out.append(FeatureHash.feature(12, t.shape))
        out.append(FeatureHash.feature(13, t.shortShape))
        out.append(FeatureHash.feature(14, UInt64(t.flags), i == 0 ? 1 : 0))
        out.append(FeatureHash.feature(15, facts[p - 1].lower))
        out.append(FeatureHash.feature(16, facts[p + 1].lower))
        out.append(FeatureHash.feature(17, facts[p - 2].lower))
        out.append(FeatureHash.feature(18, facts[p + 2].lower))
        out.append(FeatureHash.feature(19, facts[p - 1].shortShape))
        out.append(FeatureHash.feature(20, facts[p + 1].shortShape))
        out.append(FeatureHash.feature(21, prev))
        out.append(FeatureHash.feature(22, prev2, prev))
        out.append(FeatureHash.feature(23, prev, t.lower))
        out.append(FeatureHash.feature(24, prev, t.shortShape))
        out.append(FeatureHash.feature(27, t.gazetteer))
        out.append(FeatureHash.feature(28, facts[p - 1].gazetteer, t.gazetteer))
        out.append(FeatureHash.feature(29, t.gazetteer, facts[p + 1].gazetteer))
        out.append(FeatureHash.feature(30, UInt64(facts[p - 1].flags), UInt64(t.flags)))
        out.append(FeatureHash.feature(31, UInt64(t.flags), UInt64(facts[p + 1].flags)))
        out.append(FeatureHash.feature(32, facts[p - 1].suffixes.2))
        out.append(FeatureHash.feature(33, facts[p + 1].suffixes.2))
        out.append(FeatureHash.feature(34, t.shortShape, facts[p + 1].shortShape))
        out.append(FeatureHash.feature(35, facts[p - 1].shortShape, t.shortShape))
        if t.profile != 0 {
            out.append(FeatureHash.feature(38, t.profile >> 8, UInt64(t.flags & TokenFacts.capitalized)))
            out.append(FeatureHash.feature(39, t.profile))
        }
        if t.hasCluster {
            out.append(FeatureHash.feature(50, UInt64(t.cluster >> 12)))
            out.append(FeatureHash.feature(51, UInt64(t.cluster >> 8)))
            out.append(FeatureHash.feature(52, UInt64(t.cluster >> 4)))
            out.append(FeatureHash.feature(53, UInt64(t.cluster)))
            out.append(FeatureHash.feature(54, prev, UInt64(t.cluster >> 8)))
        }
        if facts[p - 1].hasCluster { out.append(FeatureHash.feature(55, UInt64(facts[p - 1].cluster >> 8))) }
        if facts[p + 1].hasCluster { out.append(FeatureHash.feature(56, UInt64(facts[p + 1].cluster >> 8))) }
        if facts[p + 1].profile != 0 { out.append(FeatureHash.feature(57, facts[p + 1].profile >> 8)) }
        if facts[p - 1].profile != 0 { out.append(FeatureHash.feature(58, facts[p - 1].profile >> 8)) }
        if t.classes.0 != 0 {
            out.append(FeatureHash.feature(60, t.classes.0))
            out.append(FeatureHash.feature(61, t.classes.1))
            out.append(FeatureHash.feature(62, t.classes.2))
            out.append(FeatureHash.feature(63, prev, t.classes.1))
            out.append(FeatureHash.feature(64, t.classes.2, UInt64(t.flags & TokenFacts.capitalized)))
        }
        out.append(FeatureHash.feature(94, facts[p - 1].classes.2, t.classes.1))
        out.append(FeatureHash.feature(95, t.classes.1, facts[p + 1].classes.2))
        if facts[p - 2].classes.0 != 0 { out.append(FeatureHash.feature(96, facts[p - 2].classes.1)) }
        if facts[p + 2].classes.0 != 0 { out.append(FeatureHash.feature(97, facts[p + 2].classes.1)) }
        if facts[p - 1].classes.0 != 0 { out.append(FeatureHash.feature(65, facts[p - 1].classes.1)) }
        if facts[p + 1].classes.0 != 0 { out.append(FeatureHash.feature(66, facts[p + 1].classes.1)) }
        if t.documentCues != 0 {
            var bits = t.documentCues
            var bit: UInt64 = 0
            while bits != 0 {
                if bits & 1 != 0 { out.append(FeatureHash.feature(80, bit)) }
                bits >>= 1
                bit += 1
            }
            out.append(FeatureHash.feature(81, t.documentCues))
            out.append(FeatureHash.feature(82, t.documentCues & 15, prev))
        }
        if t.ambiguity != 0 {
            // Ambiguity classes of the word and its neighbours with the tags to the left, as
            // the memory-based tagger that wrote CoNLL's part-of-speech column read them.
            let left = facts[p - 1].ambiguity
            let right = facts[p + 1].ambiguity
            out.append(FeatureHash.feature(100, t.ambiguity))
            out.append(FeatureHash.feature(101, right))
            out.append(FeatureHash.feature(102, facts[p + 2].ambiguity))
            out.append(FeatureHash.feature(103, left))
            out.append(FeatureHash.feature(104, prev, t.ambiguity))
            out.append(FeatureHash.feature(105, t.ambiguity, right))
            out.append(FeatureHash.feature(106, FeatureHash.mix(prev2, prev), t.ambiguity))
            out.append(FeatureHash.feature(107, FeatureHash.mix(prev, t.ambiguity), right))
            out.append(FeatureHash.feature(108, FeatureHash.mix(t.ambiguity, right), facts[p + 2].ambiguity))
            out.append(FeatureHash.feature(109, prev, right))
        }
        if history != 0 {
            // What this word was tagged earlier in the same document.
            out.append(FeatureHash.feature(36, history))
            out.append(FeatureHash.feature(37, history, prev))
        }
        if usesExtra {
            out.append(FeatureHash.feature(40, t.extra))
            out.append(FeatureHash.feature(41, facts[p - 1].extra))
            out.append(FeatureHash.feature(42, facts[p + 1].extra))
            out.append(FeatureHash.feature(43, facts[p - 1].extra, t.extra))
            out.append(FeatureHash.feature(44, t.extra, facts[p + 1].extra))
            out.append(FeatureHash.feature(45, facts[p - 2].extra))
            out.append(FeatureHash.feature(46, facts[p + 2].extra))
            out.append(FeatureHash.feature(47, prev, t.extra))
            // Part-of-speech pairs and triples across the window, as in classic chunkers.
            out.append(FeatureHash.feature(48, facts[p - 2].extra, facts[p - 1].extra))
            out.append(FeatureHash.feature(49, facts[p + 1].extra, facts[p + 2].extra))
            out.append(FeatureHash.feature(67, FeatureHash.mix(facts[p - 1].extra, t.extra), facts[p + 1].extra))
            out.append(FeatureHash.feature(68, FeatureHash.mix(facts[p - 2].extra, facts[p - 1].extra), t.extra))
            out.append(FeatureHash.feature(69, FeatureHash.mix(t.extra, facts[p + 1].extra), facts[p + 2].extra))
            out.append(FeatureHash.feature(70, t.lower, t.extra))
            out.append(FeatureHash.feature(71, prev, FeatureHash.mix(t.extra, facts[p + 1].extra)))
        }
    }
}
