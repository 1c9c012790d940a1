/// 64-bit hashing for feature templates, so no feature string is ever built while tagging.
package enum FeatureHash {
    /// FNV-1a over a string's UTF-8 bytes.
    @inline(__always)
    package static func of(_ text: Substring) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    @inline(__always)
    package static func of(_ text: String) -> UInt64 { of(Substring(text)) }

    /// FNV-1a over the UTF-8 encoding of some scalars: the same value as hashing the string
    /// they make, without building it.
    @inline(__always)
    package static func of<S: Sequence>(scalars: S) -> UInt64 where S.Element == Unicode.Scalar {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for scalar in scalars {
            for byte in UTF8.encode(scalar).unsafelyUnwrapped {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
        }
        return hash
    }

    /// Mixes two hashes (splitmix64 finaliser over a rotated combination).
    @inline(__always)
    package static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var z = a &+ 0x9E37_79B9_7F4A_7C15 &+ (b << 6) &+ (b >> 2) ^ b &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A feature: template number with one or two values.
    @inline(__always)
    package static func feature(_ template: UInt64, _ value: UInt64) -> UInt64 { mix(template &* 0x1000_0000_01B3, value) }

    @inline(__always)
    package static func feature(_ template: UInt64, _ a: UInt64, _ b: UInt64) -> UInt64 { mix(feature(template, a), b) }
}

/// A token's precomputed hashes and flags.
package struct TokenFacts {
    var word: UInt64
    var lower: UInt64
    var prefixes: (UInt64, UInt64, UInt64, UInt64)
    var suffixes: (UInt64, UInt64, UInt64, UInt64)
    var shape: UInt64
    var shortShape: UInt64
    package var flags: UInt32
    var gazetteer: UInt64  // type and position of a gazetteer phrase covering the token, or 0
    var extra: UInt64  // a second tag column (part of speech for the chunker), or 0
    var profile: UInt64 = 0  // case and frequency buckets from unlabelled text, or 0 when unseen
    var cluster: UInt16 = 0  // distributional cluster bits
    var hasCluster = false
    /// Exchange-algorithm classes (coarse, middle, fine) plus one, or 0 when unknown.
    var classes: (UInt64, UInt64, UInt64) = (0, 0, 0)
    /// For a capitalised word, what its other occurrences in the document show (bits of
    /// ``TaggerFeatures/DocumentCue``), or 0.
    var documentCues: UInt64 = 0
    /// The word's ambiguity class in the part-of-speech tagger's lexicon (``TagLexicon``), or
    /// 0 for models without one.
    var ambiguity: UInt64 = 0

    package static let capitalized: UInt32 = 1
    static let allCaps: UInt32 = 2
    static let hasDigit: UInt32 = 4
    static let hasHyphen: UInt32 = 8
    static let hasPeriod: UInt32 = 16
    static let titleWord: UInt32 = 32
    static let organisationWord: UInt32 = 64
    static let allDigits: UInt32 = 128
    static let punctuation: UInt32 = 256

    static let boundary = TokenFacts(
        word: 1, lower: 1, prefixes: (1, 1, 1, 1), suffixes: (1, 1, 1, 1), shape: 1, shortShape: 1, flags: 0, gazetteer: 0, extra: 1)

    /// Computes the facts of one word, with what `profile` knows of it.
    static func make(_ word: String, profile: WordProfile? = nil) -> TokenFacts {
        let lower = word.lowercased()
        let lowerScalars = Array(lower.unicodeScalars)
        func piece(_ range: Range<Int>) -> UInt64 { FeatureHash.of(scalars: lowerScalars[range]) }
        let n = lowerScalars.count
        let prefixes = (piece(0..<min(1, n)), piece(0..<min(2, n)), piece(0..<min(3, n)), piece(0..<min(4, n)))
        let suffixes = (piece(max(0, n - 1)..<n), piece(max(0, n - 2)..<n), piece(max(0, n - 3)..<n), piece(max(0, n - 4)..<n))
        var shape: [Unicode.Scalar] = []
        var short: [Unicode.Scalar] = []
        var flags: UInt32 = 0
        var letters = 0
        var upper = 0
        var digits = 0
        for scalar in word.unicodeScalars {
            let mapped: Unicode.Scalar
            if Tokenizer.isUppercase(scalar) {
                mapped = "X"
                letters += 1
                upper += 1
            } else if Tokenizer.isAlphabetic(scalar) {
                mapped = "x"
                letters += 1
            } else if scalar.value >= 48 && scalar.value <= 57 {
                mapped = "d"
                digits += 1
            } else {
                mapped = scalar
                if scalar == "-" { flags |= hasHyphen }
                if scalar == "." { flags |= hasPeriod }
            }
            if shape.count < 6 { shape.append(mapped) }
            if short.last != mapped { short.append(mapped) }
        }
        if let first = word.unicodeScalars.first, Tokenizer.isUppercase(first) { flags |= capitalized }
        if letters >= 2 && upper == letters { flags |= allCaps }
        if digits > 0 { flags |= hasDigit }
        if digits > 0 && digits == word.unicodeScalars.count { flags |= allDigits }
        if letters == 0 && digits == 0 { flags |= punctuation }
        if WordLists.titleWords.contains(lower.hasSuffix(".") ? String(lower.dropLast()) : lower) { flags |= titleWord }
        if WordLists.organisationWords.contains(lower) { flags |= organisationWord }
        var facts = TokenFacts(
            // A word in headline capitals shares the as-written feature of its title-case form.
            word: FeatureHash.of(flags & allCaps != 0 && letters > 3 ? WordProfile.titleCased(word) : word), lower: FeatureHash.of(lower),
            prefixes: prefixes, suffixes: suffixes,
            shape: FeatureHash.of(scalars: shape), shortShape: FeatureHash.of(scalars: short), flags: flags, gazetteer: 0, extra: 0)
        if let profile {
            if let entry = profile.entry(lower) {
                facts.profile = UInt64(entry.caseBucket) << 8 | UInt64(entry.frequencyBucket) | 0x10000
                facts.cluster = entry.cluster
                facts.hasCluster = true
            } else {
                facts.profile = 0x20000  // never seen in unlabelled news
            }
            if let ids = profile.wordClasses(word) {
                facts.classes = (UInt64(ids.coarse) + 1, UInt64(ids.middle) + 1, UInt64(ids.fine) + 1)
            }
        }
        return facts
    }
}
