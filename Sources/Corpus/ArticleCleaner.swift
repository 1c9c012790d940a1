import PlexusSupport

/// Turns the lines of one article into clean paragraphs: page furniture dropped, a date
/// line read, paragraphs assembled from hard-wrapped lines, paragraphs the article
/// repeats word for word dropped (live blogs repeat them).
struct ArticleCleaner {
    struct Output {
        var article: CleanedArticle
        var boilerplate: [Boilerplate.Reason: Int]
        var repeatedParagraphs: Int
    }

    let path: String
    let line: Int?
    var title: String?
    var date: String?
    var url: String?
    var sourceID: String?

    init(path: String, line: Int?) {
        self.path = path
        self.line = line
    }

    /// Invisible characters that break words apart without being seen.
    static let invisible: Set<Unicode.Scalar> = ["\u{00AD}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}"]

    /// Paragraphs with fewer words than this are never treated as repeats (a lone "Yes." may recur).
    static let minimumRepeatWords = 4

    /// A line holding only a date, outside a paragraph, is the article's date only among its
    /// first this many lines of text (the dateline under the headline); further down the
    /// body it is a date the article mentions, never its publication date.
    static let datelineWindow = 6

    mutating func clean(lines: [String], format: DocumentFormat) -> Output {
        var boilerplate: [Boilerplate.Reason: Int] = [:]
        var paragraphs: [String] = []
        var current = ""
        var inCodeFence = false
        var firstLineSeen = false
        var linesOfText = 0

        func endParagraph() {
            if !current.isEmpty { paragraphs.append(current) }
            current = ""
        }

        for raw in lines {
            var text = raw
            // The invisible characters are all outside ASCII, so an ASCII line is not searched.
            if text.utf8.contains(where: { $0 >= 0x80 }), text.unicodeScalars.contains(where: { Self.invisible.contains($0) }) {
                text = String(scalars: text.unicodeScalars.filter { !Self.invisible.contains($0) })
            }
            let indented = text.first == " " || text.first == "\t"
            var trimmed = HTMLText.collapse(text)
            if trimmed.isEmpty {
                endParagraph()
                continue
            }
            if format == .markdown {
                if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                    inCodeFence.toggle()
                    endParagraph()
                    continue
                }
                if inCodeFence { continue }
                if MarkdownText.isRule(trimmed) {
                    endParagraph()
                    continue
                }
            }
            let normalized = TextNormalizer.normalize(trimmed)
            linesOfText += 1
            if let reason = Boilerplate.reason(for: normalized) {
                boilerplate[reason, default: 0] += 1
                endParagraph()
                continue
            }
            // A date line is a line of its own: in the middle of a hard-wrapped paragraph
            // ("… debentures due" / "November 15, 2012.") it is the end of a sentence.
            if current.isEmpty, let found = PublicationDate.parseDateLine(normalized) {
                if date == nil, linesOfText <= Self.datelineWindow { date = found }
                boilerplate[.dateline, default: 0] += 1
                endParagraph()
                continue
            }
            var startsParagraph = indented && format == .text
            if format == .markdown {
                if trimmed.hasPrefix("#") { startsParagraph = true }
                let heading = trimmed.hasPrefix("#")
                trimmed = MarkdownText.plainLine(trimmed)
                if heading, title == nil, !firstLineSeen { title = trimmed }
                if heading {
                    endParagraph()
                    current = trimmed
                    endParagraph()
                    firstLineSeen = true
                    continue
                }
            }
            if Boilerplate.isBullet(trimmed) {
                startsParagraph = true
                trimmed = String(trimmed.drop(while: { "-*+•·▪► ".contains($0) }))
            }
            if startsParagraph { endParagraph() }
            if !firstLineSeen {
                firstLineSeen = true
                if title == nil, format != .html, Self.looksLikeHeadline(trimmed) {
                    title = trimmed
                    endParagraph()
                    current = trimmed
                    endParagraph()
                    continue
                }
            }
            // A headline in title case on a line of its own ends where the line does, though it
            // has no full stop ("Trump, Zelensky and Europe Unite Ahead of Alaska Summit").
            if let last = trimmed.last, !".!?:;,\"'".contains(last), Headline.isTitleCased(SpaceSeparatedWords(trimmed)) {
                endParagraph()
                current = trimmed
                endParagraph()
                continue
            }
            if !current.isEmpty { current.append(" ") }
            current.append(trimmed)
        }
        endParagraph()

        var seen = Set<String>()
        var repeated = 0
        var kept: [String] = []
        for paragraph in paragraphs {
            let key = Self.key(paragraph)
            if !seen.insert(key).inserted, paragraph.split(separator: " ").count >= Self.minimumRepeatWords {
                repeated += 1
                continue
            }
            kept.append(paragraph)
        }
        let article = CleanedArticle(
            path: path, line: line, title: title, date: date, url: url, sourceID: sourceID, paragraphs: kept)
        return Output(article: article, boilerplate: boilerplate, repeatedParagraphs: repeated)
    }

    /// A first line short enough and without closing punctuation is taken as the headline.
    static func looksLikeHeadline(_ line: String) -> Bool {
        guard let last = line.last else { return false }
        return line.split(separator: " ").count <= 20 && !".:;,".contains(last)
    }

    /// The identity of a paragraph for repeat detection: normalised, lower-cased, spaces collapsed.
    static func key(_ paragraph: String) -> String {
        TextNormalizer.normalize(paragraph).lowercased()
    }
}
