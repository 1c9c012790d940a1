import PlexusSupport

/// What an HTML page yields: its text blocks and the metadata Plexus keeps.
public struct HTMLExtract: Sendable, Equatable {
    /// Text of each block element (paragraph, heading, list item…), whitespace collapsed.
    public var blocks: [String]
    /// `og:title`, else the first `<h1>`, else `<title>`.
    public var title: String?
    /// `article:published_time`, `date`, `datePublished` meta, or the first `<time datetime>`.
    public var date: String?
    /// The canonical link or `og:url`.
    public var url: String?
}

/// Turns HTML into text blocks: tags removed, scripts, styles, navigation, footers and
/// figure captions dropped, character references decoded, list items that are nothing
/// but links to other stories dropped.
///
/// Written by hand rather than with an XML parser because news HTML is rarely
/// well-formed XML; this scanner never fails, it only drops what it cannot read.
public enum HTMLText {
    /// Elements whose whole content is dropped.
    static let skippedElements: Set<String> = [
        "script", "style", "noscript", "template", "svg", "iframe", "nav", "footer", "aside",
        "figure", "figcaption", "button", "form", "select", "canvas", "object",
    ]
    /// Elements that start and end a block of text.
    static let blockElements: Set<String> = [
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th",
        "section", "article", "blockquote", "header", "main", "table", "dl", "dt", "dd", "pre",
        "hr", "body", "title",
    ]

    /// Extracts blocks and metadata from an HTML page.
    ///
    /// - Complexity: O(n) in the length of the page.
    public static func extract(_ html: String) -> HTMLExtract {
        var scanner = Scanner(scalars: Array(html.unicodeScalars))
        return scanner.run()
    }

    private struct Scanner {
        let scalars: [Unicode.Scalar]
        var index = 0
        var result = HTMLExtract(blocks: [])
        var block = String.UnicodeScalarView()
        var blockIsListItem = false
        var textInLink = false
        var textOutsideLink = false
        var linkDepth = 0
        var inTitle = false
        var titleText = String.UnicodeScalarView()
        var inH1 = false
        var h1Text = String.UnicodeScalarView()
        var ogTitle: String?
        var sawHead = false

        init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

        mutating func run() -> HTMLExtract {
            while index < scalars.count {
                let c = scalars[index]
                if c == "<" {
                    handleMarkup()
                } else if c == "&" {
                    let decoded = decodeReference()
                    appendText(decoded)
                } else {
                    appendText(String(c))
                    index += 1
                }
            }
            flushBlock()
            let title = ogTitle ?? nonEmpty(collapse(String(h1Text))) ?? nonEmpty(collapse(String(titleText)))
            result.title = title
            return result
        }

        func nonEmpty(_ s: String) -> String? { s.isEmpty ? nil : s }

        mutating func appendText(_ text: String) {
            if inTitle {
                titleText.append(contentsOf: text.unicodeScalars)
                return
            }
            if inH1 { h1Text.append(contentsOf: text.unicodeScalars) }
            block.append(contentsOf: text.unicodeScalars)
            if text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) {
                if linkDepth > 0 { textInLink = true } else { textOutsideLink = true }
            }
        }

        mutating func flushBlock() {
            let text = collapse(String(block))
            let isLinkOnlyItem = blockIsListItem && textInLink && !textOutsideLink
            if !text.isEmpty && !isLinkOnlyItem {
                result.blocks.append(text)
            }
            block = String.UnicodeScalarView()
            blockIsListItem = false
            textInLink = false
            textOutsideLink = false
        }

        /// Reads `<…>` at `index`: a comment, a declaration, or a start or end tag.
        mutating func handleMarkup() {
            if startsWith("<!--") {
                index = find("-->", from: index + 4).map { $0 + 3 } ?? scalars.count
                return
            }
            if startsWith("<!") || startsWith("<?") {
                index = find(">", from: index + 2).map { $0 + 1 } ?? scalars.count
                return
            }
            let (name, closing, cursor) = tagName(at: index)
            if name.isEmpty {
                // A lone "<" in text, as in "a < b".
                appendText("<")
                index += 1
                return
            }
            let (attributes, end) = readAttributes(from: cursor)
            index = end
            if closing {
                handleEnd(name)
            } else {
                handleStart(name, attributes: attributes)
            }
        }

        mutating func handleStart(_ name: String, attributes: [String: String]) {
            if HTMLText.skippedElements.contains(name) {
                skipElement(name)
                return
            }
            switch name {
            case "head": sawHead = true
            case "title": inTitle = true
            case "h1": inH1 = h1Text.isEmpty
            case "a": linkDepth += 1
            case "meta": readMeta(attributes)
            case "link":
                if attributes["rel"]?.lowercased() == "canonical", let href = attributes["href"] {
                    result.url = result.url ?? href
                }
            case "time":
                if result.date == nil, let stamp = attributes["datetime"] { result.date = stamp }
            default: break
            }
            if HTMLText.blockElements.contains(name) {
                flushBlock()
                if name == "li" { blockIsListItem = true }
            }
        }

        mutating func handleEnd(_ name: String) {
            switch name {
            case "title": inTitle = false
            case "h1": inH1 = false
            case "a": linkDepth = max(0, linkDepth - 1)
            default: break
            }
            if HTMLText.blockElements.contains(name) { flushBlock() }
        }

        mutating func readMeta(_ attributes: [String: String]) {
            let key = (attributes["property"] ?? attributes["name"] ?? attributes["itemprop"] ?? "").lowercased()
            guard let content = attributes["content"], !content.isEmpty else { return }
            switch key {
            case "og:title": ogTitle = ogTitle ?? HTMLText.decode(content)
            case "article:published_time", "date", "pubdate", "datepublished", "dc.date", "publish-date":
                result.date = result.date ?? content
            case "og:url": result.url = result.url ?? content
            default: break
            }
        }

        /// Moves past the matching end tag of an element whose content is dropped.
        mutating func skipElement(_ name: String) {
            var depth = 1
            while index < scalars.count {
                guard let open = find("<", from: index) else {
                    index = scalars.count
                    return
                }
                let (tag, closing, cursor) = tagName(at: open)
                let end = find(">", from: cursor).map { $0 + 1 } ?? scalars.count
                let selfClosing = end >= 2 && scalars[end - 2] == "/"
                index = end
                if tag == name {
                    if closing { depth -= 1 } else if !selfClosing { depth += 1 }
                    if depth == 0 { return }
                }
            }
        }

        func readAttributes(from start: Int) -> ([String: String], Int) {
            var attributes: [String: String] = [:]
            var cursor = start
            while cursor < scalars.count {
                while cursor < scalars.count, scalars[cursor].properties.isWhitespace || scalars[cursor] == "/" {
                    cursor += 1
                }
                guard cursor < scalars.count else { break }
                if scalars[cursor] == ">" { return (attributes, cursor + 1) }
                let nameStart = cursor
                while cursor < scalars.count, !scalars[cursor].properties.isWhitespace,
                    scalars[cursor] != "=", scalars[cursor] != ">", scalars[cursor] != "/"
                {
                    cursor += 1
                }
                let name = String(scalars: scalars[nameStart..<cursor]).lowercased()
                while cursor < scalars.count, scalars[cursor].properties.isWhitespace { cursor += 1 }
                var value = ""
                if cursor < scalars.count, scalars[cursor] == "=" {
                    cursor += 1
                    while cursor < scalars.count, scalars[cursor].properties.isWhitespace { cursor += 1 }
                    if cursor < scalars.count, scalars[cursor] == "\"" || scalars[cursor] == "'" {
                        let quote = scalars[cursor]
                        let valueStart = cursor + 1
                        cursor = valueStart
                        while cursor < scalars.count, scalars[cursor] != quote { cursor += 1 }
                        value = String(scalars: scalars[valueStart..<min(cursor, scalars.count)])
                        cursor = min(cursor + 1, scalars.count)
                    } else {
                        let valueStart = cursor
                        while cursor < scalars.count, !scalars[cursor].properties.isWhitespace, scalars[cursor] != ">" {
                            cursor += 1
                        }
                        value = String(scalars: scalars[valueStart..<cursor])
                    }
                }
                if !name.isEmpty { attributes[name] = HTMLText.decode(value) }
            }
            return (attributes, scalars.count)
        }

        /// Decodes the character reference at `index` (which holds `&`) and moves past it.
        mutating func decodeReference() -> String {
            var cursor = index + 1
            while cursor < scalars.count, cursor - index <= 32, scalars[cursor] != ";",
                scalars[cursor].properties.isAlphabetic || scalars[cursor].properties.numericType != nil
                    || scalars[cursor] == "#"
            {
                cursor += 1
            }
            if cursor < scalars.count, scalars[cursor] == ";" {
                let body = String(scalars: scalars[(index + 1)..<cursor])
                if let decoded = HTMLText.decodeEntity(body) {
                    index = cursor + 1
                    return decoded
                }
            }
            index += 1
            return "&"
        }

        func startsWith(_ prefix: String) -> Bool {
            var cursor = index
            for scalar in prefix.unicodeScalars {
                guard cursor < scalars.count,
                    scalars[cursor].properties.lowercaseMapping == String(scalar).lowercased()
                else { return false }
                cursor += 1
            }
            return true
        }

        func find(_ needle: String, from start: Int) -> Int? {
            let pattern = Array(needle.unicodeScalars)
            guard !pattern.isEmpty, scalars.count >= pattern.count else { return nil }
            var cursor = start
            while cursor + pattern.count <= scalars.count {
                if scalars[cursor] == pattern[0] {
                    var matched = true
                    for offset in 1..<pattern.count where scalars[cursor + offset] != pattern[offset] {
                        matched = false
                        break
                    }
                    if matched { return cursor }
                }
                cursor += 1
            }
            return nil
        }

        /// The lower-cased element name of the tag at `open` (which holds "<"), whether it is
        /// an end tag, and the index after the name; an empty name when none follows.
        func tagName(at open: Int) -> (name: String, closing: Bool, end: Int) {
            var cursor = open + 1
            var closing = false
            if cursor < scalars.count, scalars[cursor] == "/" {
                closing = true
                cursor += 1
            }
            let nameStart = cursor
            while cursor < scalars.count, isNameScalar(scalars[cursor]) { cursor += 1 }
            return (String(scalars: scalars[nameStart..<cursor]).lowercased(), closing, cursor)
        }

        func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == ":"
        }
    }

    /// Collapses runs of whitespace to one space and trims the ends.
    ///
    /// - Complexity: O(n).
    static func collapse(_ text: String) -> String {
        if isCollapsedASCII(text) { return text }
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            // ASCII answered directly: the Unicode property look-up was a tenth of a whole-corpus build.
            let isSpace =
                scalar.isASCII ? (scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value)) : scalar.properties.isWhitespace
            if isSpace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whether `text` is ASCII with no space at either end, no two spaces together and no
    /// other whitespace: what ``collapse(_:)`` returns unchanged, answered from the bytes
    /// without building a string (most lines of news are so).
    ///
    /// - Complexity: O(n).
    static func isCollapsedASCII(_ text: String) -> Bool {
        let answer = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20 else { return false }
            var previous: UInt8 = 0
            for byte in bytes {
                if byte >= 0x80 || (0x09...0x0D).contains(byte) || (byte == 0x20 && previous == 0x20) { return false }
                previous = byte
            }
            return true
        }
        return answer ?? false
    }

    /// Decodes every character reference in a string (used for attribute values).
    ///
    /// - Complexity: O(n).
    public static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var scanner = Scanner(scalars: Array(text.unicodeScalars))
        var out = ""
        while scanner.index < scanner.scalars.count {
            if scanner.scalars[scanner.index] == "&" {
                out += scanner.decodeReference()
            } else {
                out.unicodeScalars.append(scanner.scalars[scanner.index])
                scanner.index += 1
            }
        }
        return out
    }

    static let namedEntities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}",
        "lsquo": "\u{2018}", "rsquo": "\u{2019}", "sbquo": "\u{201A}", "ldquo": "\u{201C}",
        "rdquo": "\u{201D}", "bdquo": "\u{201E}", "laquo": "\u{00AB}", "raquo": "\u{00BB}",
        "ndash": "\u{2013}", "mdash": "\u{2014}", "hellip": "\u{2026}", "pound": "\u{00A3}",
        "euro": "\u{20AC}", "dollar": "$", "copy": "\u{00A9}", "reg": "\u{00AE}", "trade": "\u{2122}",
        "deg": "\u{00B0}", "middot": "\u{00B7}", "bull": "\u{2022}", "shy": "", "zwj": "", "zwnj": "",
        "eacute": "\u{00E9}", "egrave": "\u{00E8}", "aacute": "\u{00E1}", "agrave": "\u{00E0}",
        "iacute": "\u{00ED}", "oacute": "\u{00F3}", "uacute": "\u{00FA}", "ouml": "\u{00F6}",
        "uuml": "\u{00FC}", "auml": "\u{00E4}", "ccedil": "\u{00E7}", "ntilde": "\u{00F1}",
        "szlig": "\u{00DF}", "times": "\u{00D7}", "minus": "\u{2212}", "thinsp": "\u{2009}",
    ]

    /// Decodes the body of one character reference (`amp`, `#8217`, `#x2019`), or `nil`.
    static func decodeEntity(_ body: String) -> String? {
        if body.hasPrefix("#x") || body.hasPrefix("#X") {
            guard let value = UInt32(body.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(value) else {
                return nil
            }
            return String(scalar)
        }
        if body.hasPrefix("#") {
            guard let value = UInt32(body.dropFirst()), let scalar = Unicode.Scalar(value) else { return nil }
            return String(scalar)
        }
        return namedEntities[body] ?? namedEntities[body.lowercased()]
    }
}
