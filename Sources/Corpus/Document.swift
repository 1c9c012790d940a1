/// The formats Plexus reads, chosen by file extension.
public enum DocumentFormat: String, Sendable, CaseIterable, Codable {
    /// Plain text: paragraphs separated by blank lines or indented first lines.
    case text
    /// Markdown: headings, emphasis and link syntax are removed, link text kept.
    case markdown
    /// HTML: tags, scripts and styles stripped, character references decoded.
    case html
    /// JSON Lines: one article per line, `text` required.
    case jsonLines

    /// The format for a file name, or `nil` when Plexus does not read that extension.
    ///
    /// - Complexity: O(1).
    public init?(fileName: String) {
        let lower = fileName.lowercased()
        if lower.hasSuffix(".txt") || lower.hasSuffix(".text") {
            self = .text
        } else if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") {
            self = .markdown
        } else if lower.hasSuffix(".html") || lower.hasSuffix(".htm") {
            self = .html
        } else if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") {
            self = .jsonLines
        } else {
            return nil
        }
    }
}

/// One cleaned news article.
///
/// `text` keeps the article's own characters (curly quotes, dashes) so that evidence
/// sentences can be quoted exactly; `analysisText` is the same text with quotes, dashes
/// and unusual spaces normalised one scalar for one scalar, so an offset into one is the
/// same offset into the other. Paragraphs are separated by `"\n\n"`; there are no other
/// line breaks.
public struct Document: Sendable, Equatable {
    /// Stable identifier within one corpus (`d1`, `d2`, …, in path order).
    public var id: String
    /// The file the article came from, as given on the command line or found in a folder.
    public var path: String
    /// The 1-based line for an article read from a JSON Lines file, otherwise `nil`.
    public var line: Int?
    /// The headline, when one was found (HTML `<title>`/`<h1>`, JSONL `title`, a first line).
    public var title: String?
    /// The publication date as `YYYY-MM-DD`, when one was found.
    public var date: String?
    /// The article's address, when given (JSONL `url`, HTML canonical link).
    public var url: String?
    /// The identifier the source gave the article (JSONL `id`), when any.
    public var sourceID: String?
    /// The cleaned text with the article's own characters, paragraphs separated by a blank line.
    public var text: String
    /// `text` with quotes, dashes and spaces normalised; the same number of Unicode scalars.
    public var analysisText: String

    /// Creates a document; `analysisText` is derived from `text`.
    ///
    /// - Complexity: O(n) in the length of `text`.
    public init(
        id: String, path: String, line: Int? = nil, title: String? = nil, date: String? = nil,
        url: String? = nil, sourceID: String? = nil, text: String
    ) {
        self.id = id
        self.path = path
        self.line = line
        self.title = title
        self.date = date
        self.url = url
        self.sourceID = sourceID
        self.text = text
        self.analysisText = TextNormalizer.normalize(text)
    }

    /// Whether the text holds a letter; a document without one is no article.
    public var hasLetters: Bool { text.contains(where: \.isLetter) }

    /// Where the document came from, for messages: `path` or `path:line`.
    public var location: String {
        if let line { return "\(path):\(line)" }
        return path
    }
}

/// A window of publication dates, both ends inclusive; an open end is unbounded.
public struct DateWindow: Sendable, Equatable {
    /// The first day kept (`YYYY-MM-DD`), or `nil` for no lower bound.
    public var since: String?
    /// The last day kept, or `nil` for no upper bound.
    public var until: String?

    /// Creates a window.
    public init(since: String?, until: String?) {
        self.since = since
        self.until = until
    }

    /// Whether the window leaves anything out.
    public var isBounded: Bool { since != nil || until != nil }

    /// Whether a day (`YYYY-MM-DD`) is inside the window.
    public func admits(_ date: String) -> Bool {
        (since.map { date >= $0 } ?? true) && (until.map { date <= $0 } ?? true)
    }

    /// The documents dated inside the window; undated ones are left out when it is bounded.
    ///
    /// - Complexity: O(n) in the number of documents.
    public func apply(to documents: [Document]) -> WindowedDocuments {
        guard isBounded else { return WindowedDocuments(kept: documents, outside: 0, undated: 0) }
        let undated = documents.filter { $0.date == nil }.count
        let kept = documents.filter { $0.date.map(admits) ?? false }
        return WindowedDocuments(kept: kept, outside: documents.count - undated - kept.count, undated: undated)
    }
}

/// The documents a ``DateWindow`` kept, and how many it left out and why.
public struct WindowedDocuments: Sendable {
    /// The documents inside the window, in their order.
    public var kept: [Document]
    /// Dated documents outside the window.
    public var outside: Int
    /// Documents without a date (left out of a bounded window).
    public var undated: Int
}
