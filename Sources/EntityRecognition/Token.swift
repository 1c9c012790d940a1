/// One token of a document's analysis text.
public struct Token: Sendable, Equatable {
    /// What a token is made of.
    public enum Kind: UInt8, Sendable {
        /// Letters, possibly with digits, inner apostrophes, hyphens or abbreviation periods.
        case word
        /// Digits, possibly with inner commas and periods.
        case number
        /// A single punctuation or symbol character (or "..." as one token).
        case punctuation
    }

    /// The token's characters in the normalised analysis text (straight quotes, ASCII dashes).
    public var text: String
    /// Offset of the first scalar in the document's analysis text.
    public var start: Int
    /// Offset one past the last scalar.
    public var end: Int
    /// The token's kind.
    public var kind: Kind
    /// Whether whitespace precedes the token.
    public var spaceBefore: Bool
    /// Whether the token begins a paragraph.
    public var paragraphStart: Bool

    /// Creates a token.
    public init(text: String, start: Int, end: Int, kind: Kind, spaceBefore: Bool, paragraphStart: Bool) {
        self.text = text
        self.start = start
        self.end = end
        self.kind = kind
        self.spaceBefore = spaceBefore
        self.paragraphStart = paragraphStart
    }

    /// Whether the token is a word whose first character is an upper-case letter.
    public var isCapitalized: Bool {
        guard kind == .word, let first = text.unicodeScalars.first else { return false }
        return Tokenizer.isUppercase(first)
    }

    /// Whether every letter is upper case and there are at least two ("NATO", "U.S.").
    public var isAllCaps: Bool {
        guard kind == .word else { return false }
        var letters = 0
        for scalar in text.unicodeScalars where Tokenizer.isAlphabetic(scalar) {
            if !Tokenizer.isUppercase(scalar) { return false }
            letters += 1
        }
        return letters >= 2
    }
}
