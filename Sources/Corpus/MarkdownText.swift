/// Removes Markdown syntax from one line while keeping its words: headings, block quotes,
/// emphasis markers, images and link targets (the link text stays).
///
/// Bullet lines keep their marker so that ``Boilerplate`` can still recognise a bullet
/// that links to another story; the link test runs before this function.
public enum MarkdownText {
    /// The plain text of a Markdown line.
    ///
    /// - Complexity: O(n) in the length of the line.
    public static func plainLine(_ line: String) -> String {
        var text = Substring(line)
        while text.first == "#" { text = text.dropFirst() }
        while text.first == ">" { text = text.dropFirst() }
        var out = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "!", text.index(after: index) < text.endIndex, text[text.index(after: index)] == "[",
                let (_, end) = link(in: text, at: text.index(after: index))
            {
                index = end
                continue
            }
            if character == "[", let (label, end) = link(in: text, at: index) {
                out += label
                index = end
                continue
            }
            if character == "*" || character == "_" {
                let next = text.index(after: index)
                if next < text.endIndex, text[next] == character {
                    index = text.index(after: next)
                    continue
                }
            }
            if character == "`" {
                index = text.index(after: index)
                continue
            }
            out.append(character)
            index = text.index(after: index)
        }
        return out.trimmingCharacters(in: " ")
    }

    /// Reads `[label](target)` starting at `start`; returns the label and the index after it.
    static func link(in text: Substring, at start: Substring.Index) -> (String, Substring.Index)? {
        guard let close = text[start...].firstIndex(of: "]") else { return nil }
        let afterClose = text.index(after: close)
        guard afterClose < text.endIndex, text[afterClose] == "(",
            let end = text[afterClose...].firstIndex(of: ")")
        else { return nil }
        let label = String(text[text.index(after: start)..<close])
        return (label, text.index(after: end))
    }

    /// Whether a line is a horizontal rule or a code fence, which carry no text.
    static func isRule(_ line: String) -> Bool {
        let compact = line.filter { $0 != " " }
        guard compact.count >= 3, let first = compact.first, "-*_`~".contains(first) else { return false }
        return compact.allSatisfy { $0 == first }
    }
}
