import Testing

@testable import Corpus

@Suite struct TextLinesTests {
    /// Texts where cutting bytes and cutting characters could part ways: empty lines, a
    /// leading or trailing newline, carriage returns, accents, emoji, combining marks.
    let texts = [
        "", "\n", "one line", "first\nsecond\n", "\n\nafter two blank lines\n\n", "Zoë\u{301}\nnaïve\n👩‍👩‍👧 family",
        "windows\r\nline ends\r\n", "old mac\rline ends", "mixed\r\nand\nplain\n", "\n\u{301}combining after a newline",
    ]

    @Test func linesAreWhatSplittingCharactersGives() {
        for text in texts {
            #expect(TextLines.lines(of: text) == text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        }
    }

    @Test func wordsAreWhatSplittingOnSpacesGives() {
        for line in ["", " ", "one", "  two  spaced   words ", "Trump, Zelensky and Europe Unite", "a \u{301}accent", "é ü ß"] {
            #expect(Array(SpaceSeparatedWords(line)) == line.split(separator: " "))
        }
    }
}
