import Corpus
import PlexusGraph

/// One mention of an entity in a document, before resolution.
public struct Mention: Sendable, Equatable {
    /// The 0-based index of the sentence that holds it.
    public var sentence: Int
    /// Its tokens, as indices into the document's token array.
    public var tokenRange: Range<Int>
    /// The type the recogniser gave it.
    public var type: EntityType
    /// The mention as written (normalised), titles included: "Sir Keir Starmer".
    public var surface: String
    /// The name without titles or honorifics: "Keir Starmer".
    public var name: String
    /// The title or honorific before the name, lower-cased, if any: "sir", "prime minister".
    public var title: String?
    /// The canonical label a gazetteer gave, if any.
    public var label: String?
    /// A lone unknown capitalised word; dropped unless it joins a full name.
    public var isBareName: Bool
    /// For a description ("the prime minister"): the index of the mention it refers to.
    public var referent: Int?

    /// The name's words.
    public var nameWords: [Substring] { name.split(separator: " ") }
}

/// A document split into tokens and sentences, with its entity mentions.
public struct AnalyzedDocument: Sendable {
    /// The document.
    public var document: Document
    /// Its tokens over `document.analysisText`.
    public var tokens: [Token]
    /// Its sentences.
    public var sentences: [Sentence]
    /// Its entity mentions, in text order.
    public var mentions: [Mention]

    /// The sentence's text with the article's own characters (for evidence).
    ///
    /// - Complexity: O(n) in the document's length (the scalars are walked to the offset).
    public func originalText(of sentence: Sentence, in scalars: [Unicode.Scalar]) -> String {
        guard sentence.start < sentence.end, sentence.end <= scalars.count else { return "" }
        return String(String.UnicodeScalarView(scalars[sentence.start..<sentence.end]))
    }
}

/// Tokenizes, splits and recognises one document.
public struct DocumentAnalyzer: Sendable {
    /// The recogniser behind the analyzer.
    public var recognizer: any EntityRecognizer
    let tokenizer = Tokenizer()
    let splitter = SentenceSplitter()

    /// Creates an analyzer with a recogniser (the rule-based one by default).
    public init(recognizer: any EntityRecognizer = RuleBasedRecognizer()) {
        self.recognizer = recognizer
    }

    /// The recognisers Plexus offers.
    public enum RecognizerChoice: String, Sendable, CaseIterable {
        /// The trained tagger (``TaggerRecognizer``).
        case tagger
        /// Gazetteers, titles and capitalisation (``RuleBasedRecognizer``).
        case rules
    }

    /// An analyzer with the chosen recogniser; the tagger falls back to the rules when its
    /// model is missing.
    public init(_ choice: RecognizerChoice) {
        switch choice {
        case .tagger: self.init(recognizer: TaggerRecognizer.shipped ?? RuleBasedRecognizer())
        case .rules: self.init(recognizer: RuleBasedRecognizer())
        }
    }

    /// The analysis of one document.
    ///
    /// - Complexity: O(n) in the length of the document.
    public func analyze(_ document: Document) -> AnalyzedDocument {
        let scalars = Array(document.analysisText.unicodeScalars)
        let tokens = tokenizer.tokenize(scalars)
        let sentences = splitter.split(tokens)
        var lowerCaseWords = Set<String>()
        for token in tokens where token.kind == .word && token.text.first?.isLowercase == true {
            lowerCaseWords.insert(token.text)
        }
        var mentions: [Mention] = []
        let sentenceTokenLists = sentences.map { Array(tokens[$0.tokenRange]) }
        let spansBySentence = recognizer.recognizeDocument(sentenceTokenLists)
        for (sentence, spans) in zip(sentences, spansBySentence) {
            let sentenceTokens = sentenceTokenLists[sentence.index]
            for var span in spans {
                // "Making Michael Howard", "Conservative Michael Howard": a guessed name whose first
                // word the document also writes in lower case starts one word later.
                while span.isGuess, span.nameRange.count > 2, span.nameRange.lowerBound == span.range.lowerBound,
                    lowerCaseWords.contains(sentenceTokens[span.nameRange.lowerBound].text.lowercased())
                        || Self.opensClause(sentenceTokens, at: span.nameRange.lowerBound)
                {
                    span.range = (span.range.lowerBound + 1)..<span.range.upperBound
                    span.nameRange = span.range
                }
                // "Appearing on BBC Radio", "Interviewed on BBC Radio": a verb before an organisation,
                // and the connector after it.
                let first = span.range.lowerBound
                let participle = first + 1 < sentenceTokens.count && sentenceTokens[first].text.hasSuffix("ed")
                    && sentenceTokens[first + 1].text.first?.isLowercase == true
                if span.type == .organisation, span.label == nil, span.range.count > 2,
                    Self.opensClause(sentenceTokens, at: first) || (first == 0 && participle)
                {
                    var start = span.range.lowerBound + 1
                    while start < span.range.upperBound - 1, sentenceTokens[start].text.first?.isLowercase == true { start += 1 }
                    span.range = start..<span.range.upperBound
                    span.nameRange = span.range
                }
                // "Alternative Budget", "Human Rights": capitalised here, ordinary words elsewhere.
                // Every word must be ordinary, so "Theresa May" survives "she may".
                if span.isGuess || span.isBareName,
                    span.nameRange.allSatisfy({ index in
                        let word = sentenceTokens[index].text
                        return word.first?.isUppercase != true || lowerCaseWords.contains(word.lowercased())
                    })
                {
                    continue
                }
                let base = sentence.tokenRange.lowerBound
                let surface = text(of: sentenceTokens, span.range, scalars)
                var name = text(of: sentenceTokens, span.nameRange, scalars)
                if let label = span.label, span.type != .person { name = label }
                let title: String? =
                    span.nameRange.lowerBound > span.range.lowerBound
                    ? text(of: sentenceTokens, span.range.lowerBound..<span.nameRange.lowerBound, scalars).lowercased()
                    : nil
                mentions.append(
                    Mention(
                        sentence: sentence.index,
                        tokenRange: (base + span.range.lowerBound)..<(base + span.range.upperBound),
                        type: span.type, surface: surface, name: name, title: title, label: span.label,
                        isBareName: span.isBareName))
            }
        }
        var sentenceOfToken = [Int](repeating: 0, count: tokens.count)
        for sentence in sentences { for token in sentence.tokenRange { sentenceOfToken[token] = sentence.index } }
        var rules = DocumentRules(tokens: tokens, mentions: mentions, sentenceOfToken: sentenceOfToken)
        mentions = rules.apply()
        return AnalyzedDocument(document: document, tokens: tokens, sentences: sentences, mentions: mentions)
    }

    /// A sentence-opening "-ing" word ("Making Michael Howard leader…", "Speaking to…"):
    /// a verb, not the start of a name.
    static func opensClause(_ tokens: [Token], at index: Int) -> Bool {
        let word = tokens[index].text
        let opening = index == 0 || tokens[index - 1].text == "\"" || tokens[index - 1].text == "'"
        return opening && word.count > 5 && word.hasSuffix("ing")
    }

    func text(of tokens: [Token], _ range: Range<Int>, _ scalars: [Unicode.Scalar]) -> String {
        guard !range.isEmpty else { return "" }
        let start = tokens[range.lowerBound].start
        let end = tokens[range.upperBound - 1].end
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }
}
