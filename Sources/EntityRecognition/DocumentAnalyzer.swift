import Corpus
import PlexusGraph
import PlexusSupport

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
    /// For a bare name: the type it takes when it joins no full name (see ``EntitySpan``).
    public var fallbackType: EntityType?

    /// Creates a mention.
    public init(
        sentence: Int, tokenRange: Range<Int>, type: EntityType, surface: String, name: String, title: String?, label: String?,
        isBareName: Bool, referent: Int? = nil, fallbackType: EntityType? = nil
    ) {
        self.sentence = sentence
        self.tokenRange = tokenRange
        self.type = type
        self.surface = surface
        self.name = name
        self.title = title
        self.label = label
        self.isBareName = isBareName
        self.referent = referent
        self.fallbackType = fallbackType
    }

    /// The name's words.
    public var nameWords: [Substring] { name.split(separator: " ") }
}

/// A document split into tokens and sentences, with its entity mentions and the syntax of
/// its sentences: everything the later stages read, so that none of them runs a model again.
public struct AnalyzedDocument: Sendable {
    /// The document.
    public var document: Document
    /// Its tokens over `document.analysisText`.
    public var tokens: [Token]
    /// Its sentences.
    public var sentences: [Sentence]
    /// Each sentence as written in the article (its own quotes and dashes), for evidence.
    public var sentenceTexts: [String]
    /// Its entity mentions, in text order.
    public var mentions: [Mention]
    /// The syntax of each sentence, or `nil` for every sentence when the analyzer has no
    /// syntax models (a graph build's stance reader tags the sentences it reads instead).
    public var syntax: [SentenceSyntax?]

    /// Creates an analysis; `syntax` defaults to none for every sentence.
    public init(
        document: Document, tokens: [Token], sentences: [Sentence], sentenceTexts: [String], mentions: [Mention],
        syntax: [SentenceSyntax?]? = nil
    ) {
        self.document = document
        self.tokens = tokens
        self.sentences = sentences
        self.sentenceTexts = sentenceTexts
        self.mentions = mentions
        self.syntax = syntax ?? Array(repeating: nil, count: sentences.count)
    }

    /// The words of a sentence as written in the article (curly quotes kept), one per token.
    ///
    /// - Complexity: O(n) in the sentence's length.
    public func originalWords(of sentence: Sentence) -> [String] {
        let scalars = Array(sentenceTexts[sentence.index].unicodeScalars)
        return tokens[sentence.tokenRange].map { token in
            let start = token.start - sentence.start
            let end = token.end - sentence.start
            guard start >= 0, end <= scalars.count, start <= end else { return token.text }
            return String(scalars: scalars[start..<end])
        }
    }
}

/// The analysis stage: tokenizes, splits, recognises entities and reads the syntax of one
/// document.
///
/// Every model runs here, once per sentence; the models are values given to it.
public struct DocumentAnalyzer: Sendable {
    /// The recogniser behind the analyzer.
    public var recognizer: any EntityRecognizer
    /// The part-of-speech and chunk models, or `nil` to read no syntax.
    public var syntax: SyntaxModels?
    let tokenizer = Tokenizer()
    let splitter = SentenceSplitter()
    /// A "name" longer than this many words is a run of capitalised words (a headline, a
    /// table), not a name: it is no mention.
    ///
    /// The longest real ones ("Institute for the
    /// Study of War") have about half as many.
    public static let maximumNameWords = 12
    /// A name longer than this many characters is no mention either.
    public static let maximumNameLength = 120

    /// Creates an analyzer with a recogniser (the rule-based one by default) and, optionally,
    /// syntax models.
    public init(recognizer: any EntityRecognizer = RuleBasedRecognizer(), syntax: SyntaxModels? = nil) {
        self.recognizer = recognizer
        self.syntax = syntax
    }

    /// The recognisers Plexus offers.
    public enum RecognizerChoice: String, Sendable, CaseIterable {
        /// The trained tagger (``TaggerRecognizer``).
        case tagger
        /// Gazetteers, titles and capitalisation (``RuleBasedRecognizer``).
        case rules
        /// The rules, with the tagger typing the words they cannot (``CombinedRecognizer``).
        case combined
    }

    /// An analyzer with the chosen recogniser and, with `syntax`, the shipped syntax models
    /// (without them nothing is tagged or parsed, and they are not read).
    ///
    /// - Throws: ``ModelFileError`` when a shipped model is missing or damaged.
    public static func shipped(_ choice: RecognizerChoice, syntax: Bool = true) throws -> DocumentAnalyzer {
        let recognizer: any EntityRecognizer
        switch choice {
        case .tagger: recognizer = try TaggerRecognizer.shipped()
        case .rules: recognizer = RuleBasedRecognizer()
        case .combined: recognizer = CombinedRecognizer(tagger: try TaggerRecognizer.shipped())
        }
        return DocumentAnalyzer(recognizer: recognizer, syntax: syntax ? try SyntaxModels.shipped() : nil)
    }

    /// The analysis of one document.
    ///
    /// - Complexity: O(n) in the length of the document.
    public func analyze(_ document: Document) -> AnalyzedDocument {
        let scalars = Array(document.analysisText.unicodeScalars)
        let original = Array(document.text.unicodeScalars)
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
                let participle =
                    first + 1 < sentenceTokens.count && sentenceTokens[first].text.hasSuffix("ed")
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
                guard span.nameRange.count <= Self.maximumNameWords else { continue }
                let base = sentence.tokenRange.lowerBound
                let surface = text(of: sentenceTokens, span.range, scalars)
                guard surface.unicodeScalars.count <= Self.maximumNameLength else { continue }
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
                        isBareName: span.isBareName, fallbackType: span.fallbackType))
            }
        }
        var sentenceOfToken = [Int](repeating: 0, count: tokens.count)
        for sentence in sentences { for token in sentence.tokenRange { sentenceOfToken[token] = sentence.index } }
        var rules = DocumentRules(tokens: tokens, mentions: mentions, sentenceOfToken: sentenceOfToken)
        mentions = rules.apply()
        let sentenceTexts = sentences.map { sentence -> String in
            guard sentence.start < sentence.end, sentence.end <= original.count else { return "" }
            return String(scalars: original[sentence.start..<sentence.end])
        }
        var analysis = AnalyzedDocument(
            document: document, tokens: tokens, sentences: sentences, sentenceTexts: sentenceTexts, mentions: mentions)
        if let models = self.syntax {
            for (index, words) in sentenceTokenLists.enumerated() { analysis.syntax[index] = models.analyze(words.map(\.text)) }
        }
        return analysis
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
        return String(scalars: scalars[start..<end])
    }
}
