/// Splitting text into lines and lines into words, exactly as `split(separator:)` on
/// characters would, at less cost.
enum TextLines {
    /// The lines of `text` between "\n" characters, empty ones included: what
    /// `text.split(separator: "\n", omittingEmptySubsequences: false)` gives.
    ///
    /// Text without a carriage return is cut at newline bytes, with no grapheme breaking (a
    /// newline is a character of its own unless a carriage return precedes it); other text
    /// goes the character way.
    ///
    /// - Complexity: O(n) in the bytes of `text`.
    static func lines(of text: String) -> [String] {
        var text = text
        let bytes = text.withUTF8 { bytes -> [String]? in
            guard !bytes.contains(UInt8(ascii: "\r")) else { return nil }
            var lines: [String] = []
            var start = 0
            for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
                lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self))
                start = offset + 1
            }
            lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
            return lines
        }
        return bytes ?? text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}

/// The words of a line between spaces, as `split(separator: " ")` gives them, found one at a
/// time: a caller that stops at the second word does not split the whole line.
struct SpaceSeparatedWords<Text: StringProtocol>: Sequence, IteratorProtocol where Text.SubSequence == Substring {
    private let text: Text
    private var position: Text.Index

    /// The words of `text`.
    init(_ text: Text) {
        self.text = text
        position = text.startIndex
    }

    mutating func next() -> Substring? {
        while position < text.endIndex, text[position] == " " { position = text.index(after: position) }
        guard position < text.endIndex else { return nil }
        let end = text[position...].firstIndex(of: " ") ?? text.endIndex
        defer { position = end }
        return text[position..<end]
    }
}
