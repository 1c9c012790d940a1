/// What the parser reads about each word of a sentence, hashed once per sentence.
package struct ParserSentence {
    /// Word forms, lower-cased, hashed; index 0 is the root.
    package var words: [UInt64]
    /// Part-of-speech tags, hashed; index 0 is the root.
    package var tags: [UInt64]
    /// Exchange-algorithm word classes (the tagger's word profile), hashed; 0 when unknown.
    package var classes: [UInt64]

    /// Hashes a sentence's words and tags.
    package init(words: [String], tags: [String], profile: WordProfile?) {
        self.words = [ParserFeatures.rootWord] + words.map { FeatureHash.of($0.lowercased()) }
        self.tags = [ParserFeatures.rootWord] + tags.map { FeatureHash.of($0) }
        self.classes =
            [ParserFeatures.rootWord]
            + words.map { word in
                profile?.wordClasses(word).map { UInt64($0.middle) &+ 1 } ?? 0
            }
    }
}

/// The parser's feature templates: Zhang and Nivre's (2011) rich non-local features for
/// a transition parser (words and tags of the stack's top three and the buffer's first
/// three, their pairs and triples, the distance between the stack's top and the buffer's
/// front, valencies, the words, tags and labels of the first and second leftmost and
/// rightmost dependents, and the label sets), adapted to the arc-hybrid system, plus word
/// classes learned from unlabelled news for the words the training data lacks.
package enum ParserFeatures {
    /// The hash standing for the root.
    package static let rootWord: UInt64 = 0x5EED_0000_0000_0001
    /// The hash standing for a position with no word.
    package static let none: UInt64 = 0x5EED_0000_0000_0002

    /// The move features of a configuration, appended to `out`.
    ///
    /// - Complexity: O(1): a fixed number of templates.
    @inline(__always)
    package static func moves(_ state: ArcHybridState, _ sentence: ParserSentence, into out: inout [UInt64]) {
        out.removeAll(keepingCapacity: true)
        func w(_ i: Int) -> UInt64 { i >= 0 ? sentence.words[i] : none }
        func p(_ i: Int) -> UInt64 { i >= 0 ? sentence.tags[i] : none }
        func c(_ i: Int) -> UInt64 { i >= 0 ? sentence.classes[i] : none }
        func l(_ i: Int) -> UInt64 { i > 0 ? UInt64(bitPattern: Int64(state.labels[i])) &+ 7 : none }
        func child(_ array: [Int32], _ i: Int) -> Int { i >= 0 ? (array[i] == 0 ? -1 : Int(array[i])) : -1 }
        let s0 = state.stackWord(0)
        let s1 = state.stackWord(1)
        let s2 = state.stackWord(2)
        let b0 = state.bufferWord(0)
        let b1 = state.bufferWord(1)
        let b2 = state.bufferWord(2)
        let s0w = w(s0)
        let s0p = p(s0)
        let s1w = w(s1)
        let s1p = p(s1)
        let b0w = w(b0)
        let b0p = p(b0)
        let b1w = w(b1)
        let b1p = p(b1)
        let b2p = p(b2)
        let s2p = p(s2)
        let s0l = child(state.leftmost, s0)
        let s0r = child(state.rightmost, s0)
        let s0l2 = child(state.leftmost2, s0)
        let s0r2 = child(state.rightmost2, s0)
        let b0l = child(state.leftmost, b0)
        let b0l2 = child(state.leftmost2, b0)
        let s1r = child(state.rightmost, s1)
        let s1l = child(state.leftmost, s1)
        let distance: UInt64 = s0 > 0 && b0 > 0 ? UInt64(min(b0 - s0, 5)) : 0
        let s0vl: UInt64 = s0 > 0 ? UInt64(state.leftCount[s0]) : 99
        let s0vr: UInt64 = s0 > 0 ? UInt64(state.rightCount[s0]) : 99
        let b0vl: UInt64 = b0 > 0 ? UInt64(state.leftCount[b0]) : 99
        var t: UInt64 = 0
        @inline(__always) func add(_ a: UInt64) {
            t &+= 1
            out.append(FeatureHash.feature(t, a))
        }
        @inline(__always) func add(_ a: UInt64, _ b: UInt64) {
            t &+= 1
            out.append(FeatureHash.feature(t, a, b))
        }
        @inline(__always) func add(_ a: UInt64, _ b: UInt64, _ c: UInt64) {
            t &+= 1
            out.append(FeatureHash.mix(FeatureHash.feature(t, a, b), c))
        }
        @inline(__always) func add(_ a: UInt64, _ b: UInt64, _ c: UInt64, _ d: UInt64) {
            t &+= 1
            out.append(FeatureHash.mix(FeatureHash.mix(FeatureHash.feature(t, a, b), c), d))
        }
        // Single words.
        add(s0w)
        add(s0p)
        add(s0w, s0p)
        add(s1w)
        add(s1p)
        add(s1w, s1p)
        add(b0w)
        add(b0p)
        add(b0w, b0p)
        add(b1w)
        add(b1p)
        add(b1w, b1p)
        add(w(b2))
        add(b2p)
        add(c(s0))
        add(c(b0))
        add(c(s1))
        add(c(b1))
        // Pairs.
        add(s0w, s0p, b0w, b0p)
        add(s0w, s0p, b0w)
        add(s0w, b0w, b0p)
        add(s0w, s0p, b0p)
        add(s0p, b0w, b0p)
        add(s0w, b0w)
        add(s0p, b0p)
        add(b0p, b1p)
        add(s1p, s0p)
        add(s1w, s0w)
        add(s1w, s0p)
        add(s1p, s0w)
        add(c(s0), c(b0))
        add(c(s1), c(s0))
        add(s0p, c(b0))
        add(c(s0), b0p)
        // Triples.
        add(b0p, b1p, b2p)
        add(s0p, b0p, b1p)
        add(s1p, s0p, b0p)
        add(s2p, s1p, s0p)
        add(s0p, p(s0l), b0p)
        add(s0p, p(s0r), b0p)
        add(s0p, b0p, p(b0l))
        add(s1p, s0p, p(s0l))
        add(s1p, s0p, p(s0r))
        add(s1p, p(s1r), s0p)
        add(s1p, p(s1l), s0p)
        add(s0w, b0p, b1p)
        add(s1p, s0w, b0p)
        // Distance.
        add(s0w, distance)
        add(s0p, distance)
        add(b0w, distance)
        add(b0p, distance)
        add(s0w, b0w, distance)
        add(s0p, b0p, distance)
        // Valency.
        add(s0w, s0vr)
        add(s0p, s0vr)
        add(s0w, s0vl)
        add(s0p, s0vl)
        add(b0w, b0vl)
        add(b0p, b0vl)
        // Dependents: words, tags and labels.
        add(w(s0l))
        add(p(s0l))
        add(l(s0l))
        add(w(s0r))
        add(p(s0r))
        add(l(s0r))
        add(w(b0l))
        add(p(b0l))
        add(l(b0l))
        add(w(s1r))
        add(p(s1r))
        add(l(s1r))
        add(w(s0l2))
        add(p(s0l2))
        add(l(s0l2))
        add(w(s0r2))
        add(p(s0r2))
        add(l(s0r2))
        add(w(b0l2))
        add(p(b0l2))
        add(l(b0l2))
        add(s0p, p(s0l), p(s0l2))
        add(s0p, p(s0r), p(s0r2))
        add(b0p, p(b0l), p(b0l2))
        // Label sets.
        add(s0w, l(s0l), l(s0l2))
        add(s0p, l(s0l), l(s0l2))
        add(s0w, l(s0r), l(s0r2))
        add(s0p, l(s0r), l(s0r2))
        add(b0w, l(b0l), l(b0l2))
        add(b0p, l(b0l), l(b0l2))
    }

    /// The label features of an arc from `head` to `dependent`, appended to `out`.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    package static func labels(
        head: Int, dependent: Int, _ state: ArcHybridState, _ sentence: ParserSentence, into out: inout [UInt64]
    ) {
        out.removeAll(keepingCapacity: true)
        func w(_ i: Int) -> UInt64 { i >= 0 && i <= state.count ? sentence.words[i] : none }
        func p(_ i: Int) -> UInt64 { i >= 0 && i <= state.count ? sentence.tags[i] : none }
        func l(_ i: Int) -> UInt64 { i > 0 ? UInt64(bitPattern: Int64(state.labels[i])) &+ 7 : none }
        let direction: UInt64 = head == 0 ? 3 : (dependent < head ? 1 : 2)
        let distance = UInt64(min(abs(head - dependent), 6))
        let hw = w(head)
        let hp = p(head)
        let dw = w(dependent)
        let dp = p(dependent)
        let dl = state.leftmost[dependent] == 0 ? -1 : Int(state.leftmost[dependent])
        let dr = state.rightmost[dependent] == 0 ? -1 : Int(state.rightmost[dependent])
        var t: UInt64 = 100
        @inline(__always) func add(_ a: UInt64, _ b: UInt64 = 0, _ c: UInt64 = 0) {
            t &+= 1
            out.append(FeatureHash.mix(FeatureHash.feature(t, a, b), c &+ direction))
        }
        add(0)
        add(hw)
        add(hp)
        add(dw)
        add(dp)
        add(hw, hp)
        add(dw, dp)
        add(hp, dp)
        add(hw, dp)
        add(hp, dw)
        add(hw, dw)
        add(hp, dp, distance)
        add(dw, distance)
        add(sentence.classes[dependent], hp)
        add(sentence.classes[dependent], sentence.classes[head])
        add(dp, l(dl), l(dr))
        add(dw, l(dl))
        add(dp, p(dl))
        add(dp, p(dr))
        add(dp, w(dependent - 1), w(dependent + 1))
        add(dp, p(dependent - 1), p(dependent + 1))
        add(hp, p(head - 1), p(head + 1))
        add(hp, dp, l(state.leftmost[head] == 0 ? -1 : Int(state.leftmost[head])))
        add(hp, dp, l(state.rightmost[head] == 0 ? -1 : Int(state.rightmost[head])))
        // The dependent's first and last dependents' words ("on" of an oblique, "to" of an
        // infinitive), alone and with the head's tag.
        add(w(dl), dp)
        add(w(dr), dp)
        add(w(dl), dp, hp)
        add(w(dl), hw)
    }
}
