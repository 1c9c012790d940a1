import PlexusSupport

/// Splits normalised text into tokens, one pass over its Unicode scalars.
///
/// Handles what news text needs: abbreviations that keep their period ("Mr.", "Gen.",
/// "U.S.", "U.K."), initials ("J. K."), inner apostrophes ("O'Brien", "don't") while
/// splitting the possessive ("Putin's" → "Putin", "'s"), hyphenated words kept whole
/// ("Jean-Noël", "US-brokered"), numbers with separators ("1,400", "102.80") and "..." as
/// one token. Quotes and dashes are expected already normalised (see `TextNormalizer`).
///
/// Written by hand, not with regular expressions, because it runs on every token of
/// every document: one scan, no backtracking.
public struct Tokenizer: Sendable {
    /// Whether a scalar is a letter, answered for ASCII without the Unicode tables (most of
    /// news text), which a profile of a corpus build found among its hottest calls.
    @inline(__always)
    static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 128 { return (v | 0x20) >= 97 && (v | 0x20) <= 122 }
        return scalar.properties.isAlphabetic
    }

    /// Whether a scalar is an upper-case letter, answered for ASCII without the Unicode tables.
    @inline(__always)
    static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 128 { return v >= 65 && v <= 90 }
        return scalar.properties.isUppercase
    }

    /// Whether a scalar is white space, answered for ASCII without the Unicode tables.
    @inline(__always)
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 128 { return v == 32 || (v >= 9 && v <= 13) }
        return scalar.properties.isWhitespace
    }

    /// Lower-cased words that keep a following period as part of the token.
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "gen", "lt", "col", "capt", "sgt", "rev",
        "gov", "sen", "rep", "hon", "mt", "vs", "etc", "inc", "ltd", "corp", "co", "jan", "feb", "apr",
        "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "fig", "approx", "dept", "govt", "adm",
        "cmdr", "maj", "brig", "cpl", "ft", "messrs", "mme", "mlle", "rt", "revd",
    ]

    /// Capitalised abbreviations, matched case-sensitively because their lower-case forms are
    /// words that end sentences ("ill.", "mass."): US states in wire datelines, "Fla.", "N.J.".
    static let capitalizedAbbreviations: Set<String> = [
        "Calif", "Fla", "Mass", "Ill", "Tex", "Conn", "Pa", "Va", "Md", "Ga", "Mich", "Minn", "Wis", "Colo",
        "Ariz", "Wash", "Ore", "Mo", "Tenn", "Okla", "La", "Ky", "Ind", "Del", "Ala", "Miss", "Neb", "Kan",
        "Nev", "Ark", "Wyo", "Mont",
    ]

    /// Creates a tokenizer.
    public init() {}

    /// The tokens of `text` with scalar offsets into it.
    ///
    /// - Complexity: O(n) in the number of scalars.
    public func tokenize(_ text: String) -> [Token] {
        tokenize(Array(text.unicodeScalars))
    }

    /// The tokens of a scalar array with offsets into it.
    ///
    /// - Complexity: O(n) in the number of scalars.
    public func tokenize(_ scalars: [Unicode.Scalar]) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 5)
        let n = scalars.count
        var i = 0
        var spaceBefore = false
        var newlines = 2

        func isLetter(_ k: Int) -> Bool { k < n && Self.isAlphabetic(scalars[k]) }
        func isDigit(_ k: Int) -> Bool { k < n && scalars[k].value >= 48 && scalars[k].value <= 57 }
        func isLetterOrDigit(_ k: Int) -> Bool { isLetter(k) || isDigit(k) }
        func emit(_ start: Int, _ end: Int, _ kind: Token.Kind) {
            let text = String(scalars: scalars[start..<end])
            tokens.append(
                Token(
                    text: text, start: start, end: end, kind: kind, spaceBefore: spaceBefore,
                    paragraphStart: newlines >= 2))
            spaceBefore = false
            newlines = 0
        }

        while i < n {
            let c = scalars[i]
            if c == "\n" {
                newlines += 1
                spaceBefore = true
                i += 1
                continue
            }
            if Self.isWhitespace(c) {
                spaceBefore = true
                i += 1
                continue
            }
            if isLetter(i) {
                let end = readWord(scalars, from: i)
                emit(i, end, .word)
                i = end
                continue
            }
            if isDigit(i) {
                var j = i
                while isDigit(j) || (j < n && (scalars[j] == "," || scalars[j] == ".") && isDigit(j + 1)) {
                    j += 1
                }
                // Ordinals and similar ("21st", "1990s") stay one token.
                while isLetter(j) { j += 1 }
                emit(i, j, isLetter(j - 1) ? .word : .number)
                i = j
                continue
            }
            if c == ".", i + 2 < n, scalars[i + 1] == ".", scalars[i + 2] == "." {
                emit(i, i + 3, .punctuation)
                i += 3
                continue
            }
            if c == "'", i + 1 < n, scalars[i + 1] == "s" || scalars[i + 1] == "S", !isLetterOrDigit(i + 2),
                !spaceBefore, let last = tokens.last, last.kind == .word, last.end == i
            {
                emit(i, i + 2, .word)
                i += 2
                continue
            }
            emit(i, i + 1, .punctuation)
            i += 1
        }
        return tokens
    }

    /// The end of the word starting at `start`.
    func readWord(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        let n = scalars.count
        func isLetter(_ k: Int) -> Bool { k < n && Self.isAlphabetic(scalars[k]) }
        func isLetterOrDigit(_ k: Int) -> Bool {
            k < n && (Self.isAlphabetic(scalars[k]) || (scalars[k].value >= 48 && scalars[k].value <= 57))
        }
        var j = start
        while true {
            while isLetterOrDigit(j) { j += 1 }
            guard j < n else { return j }
            let c = scalars[j]
            if c == "'", isLetter(j + 1) {
                // Possessive 's ends the word; other inner apostrophes (O'Brien, don't) join it.
                let next = scalars[j + 1]
                if (next == "s" || next == "S") && !isLetterOrDigit(j + 2) { return j }
                j += 1
                continue
            }
            if c == "-", isLetterOrDigit(j + 1) {
                j += 1
                continue
            }
            if c == "." {
                let word = String(scalars: scalars[start..<j])
                let lastPiece = word.split(separator: ".").last.map(String.init) ?? word
                // "U.S." and "U.K.": single letters separated by periods.
                if lastPiece.unicodeScalars.count == 1, isLetter(j + 1), j + 2 < n, scalars[j + 2] == "." {
                    j += 2
                    continue
                }
                if lastPiece.unicodeScalars.count == 1, let only = lastPiece.unicodeScalars.first,
                    only.properties.isUppercase
                {
                    return j + 1  // an initial, or the end of "U.S."
                }
                if word.utf8.contains(UInt8(ascii: ".")) { return j + 1 }
                if Self.abbreviations.contains(word.lowercased()) || Self.capitalizedAbbreviations.contains(word) { return j + 1 }
                return j
            }
            return j
        }
    }
}
