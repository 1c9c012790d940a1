import Foundation
import PlexusSupport

/// Makes broken and hostile articles out of real ones: byte damage, splices, case changes,
/// and the constructions and characters that have crashed or bloated text pipelines before
/// (title-case function words before a verb, walls of capitalised names, sentences without
/// punctuation, control characters, noncharacters, markup, stray quotes, bidirectional marks).
///
/// Mutation fuzzing with no coverage feedback: what it finds depends on the seed corpus and
/// on these operators, not on the code's branches (see docs/DESIGN-NOTES.md).
struct Mutator {
    /// Articles to start from.
    var seeds: [[UInt8]]
    /// The most bytes a case may have; longer cases are cut.
    var maxBytes = 64 * 1024

    /// Tokens inserted whole: each once broke, or could break, a stage.
    static let tokens: [String] = [
        " To ", " Ready To ", " Mr ", " Mrs. ", " President ", " said ", " backs ", " opposes ", " condemned ",
        " did not ", " n't ", " 's ", "\u{0}", "\u{1B}[31m", "\u{7}", "\u{8}", "\u{FFFE}", "\u{FFFF}", "\u{FEFF}",
        "\u{202E}", "\u{200B}", "\u{0301}", "\u{2028}", "“", "”", "„", "«", "»", "'", "\"", "—", "–", "…", "...",
        "\r\n", "\r", "\t", "\n\n", "<script>alert(1)</script>", "<p>", "</p>", "&amp;", "&#x41;", "&", "<", ">",
        "[caption]", "[/caption]", "By ", "Photo: ", "Reuters", "(AP)", "# ", "* ", "> ", "```", "{", "}", "[", "]",
        "@", "=cmd|' /C calc'!A0", "http://", "🙂", "🇺🇦", "ﬁ", "İ", "ß", "Ω", "\\", "\\n", "%s", "%n", "$(rm -rf /)",
        " al-", " de la ", " von ", " O'", " Mc", " U.S. ", " U.K. ", " Dr. ", " St. ", " No. 10 ", " 1.5 ", " 2025-02-30 ",
    ]

    /// A mutated copy of a seed, `rounds` operators deep.
    mutating func next(using generator: inout SeededGenerator) -> [UInt8] {
        guard !seeds.isEmpty else { return [] }
        var bytes = seeds[Int.random(in: 0..<seeds.count, using: &generator)]
        let rounds = Int.random(in: 1...6, using: &generator)
        for _ in 0..<rounds { mutate(&bytes, using: &generator) }
        if bytes.count > maxBytes { bytes.removeLast(bytes.count - maxBytes) }
        return bytes
    }

    /// One operator at a random place.
    func mutate(_ bytes: inout [UInt8], using generator: inout SeededGenerator) {
        func place() -> Int { bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &generator) }
        func span() -> Range<Int> {
            let start = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &generator)
            let length = Int.random(in: 0...min(400, bytes.count - start), using: &generator)
            return start..<(start + length)
        }
        switch Int.random(in: 0..<14, using: &generator) {
        case 0:  // flip a few bytes
            for _ in 0..<Int.random(in: 1...8, using: &generator) where !bytes.isEmpty {
                bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
        case 1:  // insert a token
            let token = Self.tokens[Int.random(in: 0..<Self.tokens.count, using: &generator)]
            bytes.insert(contentsOf: Array(token.utf8), at: place())
        case 2:  // delete a span
            bytes.removeSubrange(span())
        case 3:  // duplicate a span
            let piece = Array(bytes[span()])
            bytes.insert(contentsOf: piece, at: place())
        case 4:  // splice another article in
            if let other = seeds.randomElement(using: &generator), !other.isEmpty {
                let start = Int.random(in: 0..<other.count, using: &generator)
                let piece = other[start..<min(other.count, start + Int.random(in: 1...2000, using: &generator))]
                bytes.insert(contentsOf: piece, at: place())
            }
        case 5:  // title-case every word of a span
            let range = span()
            var startOfWord = true
            for index in range {
                let byte = bytes[index]
                if startOfWord, byte >= 0x61, byte <= 0x7A { bytes[index] = byte - 0x20 }
                startOfWord = byte == 0x20 || byte == 0x0A
            }
        case 6:  // upper-case a span
            for index in span() where bytes[index] >= 0x61 && bytes[index] <= 0x7A { bytes[index] -= 0x20 }
        case 7:  // strip sentence punctuation from a span: one endless sentence
            for index in span() where [0x2E, 0x21, 0x3F, 0x0A].contains(bytes[index]) { bytes[index] = 0x20 }
        case 8:  // a wall of capitalised names
            let names = ["Keir Starmer", "Vladimir Putin", "NATO", "Ukraine", "Mr Trump", "European Union", "Anna Smith", "Paris"]
            var wall = ""
            for _ in 0..<Int.random(in: 10...300, using: &generator) {
                wall += names[Int.random(in: 0..<names.count, using: &generator)] + (Bool.random(using: &generator) ? ", " : " and ")
            }
            bytes.insert(contentsOf: Array(wall.utf8), at: place())
        case 9:  // an endless word
            let word = String(repeating: "Abc", count: Int.random(in: 50...5000, using: &generator))
            bytes.insert(contentsOf: Array(word.utf8), at: place())
        case 10:  // cut the article short, mid-character if need be
            if !bytes.isEmpty { bytes.removeLast(Int.random(in: 0..<bytes.count, using: &generator)) }
        case 11:  // random bytes
            let noise = (0..<Int.random(in: 1...64, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            bytes.insert(contentsOf: noise, at: place())
        case 12:  // a JSON Lines record around the text, sometimes with fields of the wrong type
            let text = String(decoding: bytes, as: UTF8.self)
            let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "\n", with: "\\n")
            let extras = ["", ", \"date\": \"2025-13-45\"", ", \"id\": 5", ", \"title\": [\"a\"]", ", \"date\": null", ", \"url\": 7"]
            let extra = extras[Int.random(in: 0..<extras.count, using: &generator)]
            bytes = Array("{\"text\": \"\(escaped)\"\(extra)}\n{\"text\": \"second\"}\n".utf8)
        default:  // wrap in HTML, sometimes unclosed
            let open = ["<html><body><p>", "<article><h1>", "<div><script>", "<p><b><i>"]
            bytes.insert(contentsOf: Array(open[Int.random(in: 0..<open.count, using: &generator)].utf8), at: 0)
            if Bool.random(using: &generator) { bytes.append(contentsOf: Array("</p></body></html>".utf8)) }
        }
    }
}
