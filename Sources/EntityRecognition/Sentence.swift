/// One sentence of a document: a run of its tokens.
public struct Sentence: Sendable, Equatable {
    /// 0-based position of the sentence in its document.
    public var index: Int
    /// The sentence's tokens, as indices into the document's token array.
    public var tokenRange: Range<Int>
    /// Scalar offset of the first character in the document's text.
    public var start: Int
    /// Scalar offset one past the last character.
    public var end: Int

    /// Creates a sentence.
    public init(index: Int, tokenRange: Range<Int>, start: Int, end: Int) {
        self.index = index
        self.tokenRange = tokenRange
        self.start = start
        self.end = end
    }
}

/// Groups tokens into sentences.
///
/// A sentence ends at a paragraph break, or at ".", "!", "?" or "..." (with any closing
/// quotes or brackets that follow) when the next token opens a sentence: a capital, a
/// digit or an opening quote. Titles ("Mr.", "Dr.") never end a sentence; other
/// abbreviations ("U.S.", "Inc.") do only before a common sentence opener ("The", "He").
public struct SentenceSplitter: Sendable {
    /// Creates a splitter.
    public init() {}

    static let titleAbbreviations: Set<String> = [
        "Mr.", "Mrs.", "Ms.", "Dr.", "St.", "Prof.", "Gen.", "Lt.", "Col.", "Capt.", "Sgt.", "Rev.",
        "Gov.", "Sen.", "Rep.", "Hon.", "Adm.", "Maj.", "Brig.", "Cmdr.", "Messrs.", "Rt.",
    ]
    static let closers: Set<String> = ["\"", "'", ")", "]", "}"]

    /// The sentences of a token array.
    ///
    /// - Complexity: O(n) in the number of tokens.
    public func split(_ tokens: [Token]) -> [Sentence] {
        var sentences: [Sentence] = []
        var start = 0
        var k = 0
        func close(at end: Int) {
            guard end > start else { return }
            sentences.append(
                Sentence(
                    index: sentences.count, tokenRange: start..<end, start: tokens[start].start,
                    end: tokens[end - 1].end))
            start = end
        }
        while k < tokens.count {
            let token = tokens[k]
            if token.paragraphStart, k > start { close(at: k) }
            if isTerminal(token, next: k + 1 < tokens.count ? tokens[k + 1] : nil) {
                var j = k + 1
                while j < tokens.count, Self.closers.contains(tokens[j].text), !tokens[j].spaceBefore,
                    !tokens[j].paragraphStart
                {
                    j += 1
                }
                if j >= tokens.count || tokens[j].paragraphStart || opensSentence(tokens[j]) {
                    close(at: j)
                    k = j
                    continue
                }
            }
            k += 1
        }
        close(at: tokens.count)
        return sentences
    }

    func isTerminal(_ token: Token, next: Token?) -> Bool {
        switch token.text {
        case ".", "!", "?", "...", "…": return true
        default: break
        }
        guard token.kind == .word, token.text.hasSuffix(".") else { return false }
        if Self.titleAbbreviations.contains(token.text) { return false }
        guard let next else { return true }
        // A single initial ("J.") is followed by the rest of a name.
        if token.text.unicodeScalars.count == 2 { return false }
        return WordLists.sentenceOpeners.contains(next.text)
    }

    func opensSentence(_ token: Token) -> Bool {
        if token.isCapitalized || token.kind == .number { return true }
        switch token.text {
        case "\"", "'", "(", "[", "-": return true
        default: return token.kind == .word && token.text.first?.isNumber == true
        }
    }
}
