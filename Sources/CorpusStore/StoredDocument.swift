import Corpus
import Crypto
import EntityRecognition
import Foundation

/// Everything a store keeps of one document, ready to be written: its metadata and
/// per-file-cleaned paragraphs, the keys that find page furniture shared across documents,
/// the analysis of the paragraphs kept, and, for queries in SQL, its sentences and mentions.
public struct StoredDocument: Sendable {
    /// The article as cleaned file by file.
    public var article: CleanedArticle
    /// Hash of everything the analysis reads (see ``contentHash(of:analysis:)``).
    public var contentHash: String
    /// For each candidate paragraph, its index and its key, hashed.
    public var paragraphKeys: [ParagraphKey]
    /// The paragraphs left out of the analysis as shared with other documents.
    public var removed: [Int]
    /// The paragraphs that hold a letter.
    public var lettered: [Int]
    /// The analysis, as ``AnalysisCoding`` bytes.
    public var analysis: Data
    /// Rows for the `sentences` table.
    public var sentences: [SentenceRow]
    /// Rows for the `mentions` table.
    public var mentions: [MentionRow]

    /// A short paragraph's key for finding page furniture shared across documents.
    public struct ParagraphKey: Sendable, Equatable {
        /// The paragraph's index in the article.
        public var paragraph: Int
        /// SHA-256 of the normalised paragraph, first 16 bytes in hex.
        public var key: String
        /// Whether the paragraph is the title, which is never removed.
        public var isTitle: Bool
    }

    /// One sentence, with its offsets (Unicode scalars) in the analysed text.
    public struct SentenceRow: Sendable, Equatable {
        /// 0-based position in the document.
        public var index: Int
        /// First scalar.
        public var start: Int
        /// One past the last scalar.
        public var end: Int
        /// The sentence as written.
        public var text: String
    }

    /// One mention, with the entity it resolved to within its document.
    public struct MentionRow: Sendable, Equatable {
        /// 0-based position among the document's mentions.
        public var index: Int
        /// The sentence that holds it.
        public var sentence: Int
        /// First scalar in the analysed text.
        public var start: Int
        /// One past the last scalar.
        public var end: Int
        /// The mention as written.
        public var surface: String
        /// The type the recogniser gave it.
        public var type: String
        /// The index of its entity within the document, `nil` when the resolver dropped it.
        public var localEntity: Int?
        /// That entity's label.
        public var entityLabel: String?
    }

    /// The rows of an analysed article.
    ///
    /// - Complexity: O(tokens + mentions).
    init(article: CleanedArticle, contentHash: String, paragraphKeys: [ParagraphKey], removed: [Int], analysis: AnalyzedDocument) {
        self.article = article
        self.contentHash = contentHash
        self.paragraphKeys = paragraphKeys
        self.removed = removed
        lettered = article.paragraphs.indices.filter { article.paragraphs[$0].contains(where: \.isLetter) }
        self.analysis = AnalysisCoding.encode(analysis)
        sentences = analysis.sentences.map { sentence in
            SentenceRow(index: sentence.index, start: sentence.start, end: sentence.end, text: analysis.sentenceTexts[sentence.index])
        }
        let local = EntityResolver().resolve(analysis)
        mentions = analysis.mentions.enumerated().map { index, mention in
            let entity = local.mentionEntity[index]
            return MentionRow(
                index: index, sentence: mention.sentence, start: analysis.tokens[mention.tokenRange.lowerBound].start,
                end: analysis.tokens[mention.tokenRange.upperBound - 1].end, surface: mention.surface, type: mention.type.rawValue,
                localEntity: entity, entityLabel: entity.map { local.entities[$0].label })
        }
    }

    /// The hash that tells an unchanged document from a changed one: everything the
    /// analysis reads (metadata and paragraphs) and the analysis settings.
    ///
    /// - Complexity: O(n) in the article's length.
    public static func contentHash(of article: CleanedArticle, analysis settings: String) -> String {
        var hasher = SHA256()
        for field in [settings, article.title ?? "\u{0}", article.date ?? "\u{0}", article.url ?? "\u{0}", article.sourceID ?? "\u{0}"]
            + article.paragraphs
        {
            hasher.update(data: Data(field.utf8))
            hasher.update(data: [0xFF])
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// The hashed keys of an article's candidate paragraphs (see
    /// ``CorpusLoader/repeatKeys(of:maxWords:)``).
    ///
    /// - Complexity: O(n) in the article's length.
    public static func paragraphKeys(of article: CleanedArticle, keys: [String?]) -> [ParagraphKey] {
        zip(article.paragraphs.indices, keys).compactMap { index, key in
            key.map { ParagraphKey(paragraph: index, key: hashedKey($0), isTitle: article.paragraphs[index] == article.title) }
        }
    }

    /// SHA-256 of a paragraph key, first 16 bytes in hex: a fixed width for the index.
    static func hashedKey(_ key: String) -> String {
        SHA256.hash(data: Data(key.utf8)).prefix(16).map { String(format: "%02x", $0) }.joined()
    }
}

/// What the build needs of every stored document to order, window and clean the corpus.
public struct CatalogueEntry: Sendable, Equatable {
    /// The store's row id.
    public var id: Int64
    /// The source file.
    public var path: String
    /// The JSON Lines line, if any.
    public var line: Int?
    /// The publication date, if any.
    public var date: String?
    /// The hash of its content.
    public var contentHash: String
    /// The paragraphs the stored analysis left out.
    public var removed: [Int]
    /// The paragraphs that hold a letter.
    public var lettered: [Int]
}

/// The stored text and analysis of one document.
public struct StoredContent: Sendable {
    /// The article as cleaned file by file.
    public var article: CleanedArticle
    /// The ``AnalysisCoding`` bytes.
    public var analysis: Data
}

/// What writing one document did.
public enum WriteOutcome: String, Sendable {
    /// The document was new.
    case added
    /// The document was there with other content, and its rows were replaced.
    case replaced
    /// The document was there with the same content (written by another process meanwhile).
    case unchanged
}

/// Indices as stored in a text column: "3,7", empty for none.
enum IndexList {
    static func encode(_ indices: [Int]) -> String { indices.map(String.init).joined(separator: ",") }
    static func decode(_ text: String) -> [Int] { text.split(separator: ",").compactMap { Int($0) } }
}
