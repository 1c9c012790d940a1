import PlexusGraph
import PlexusSupport
import Testing

@testable import EntityRecognition

@Suite struct TokenizerTests {
    func texts(_ text: String) -> [String] { Tokenizer().tokenize(text).map(\.text) }

    @Test func splitsThePossessiveFromTheName() {
        #expect(texts("Putin's envoy and the allies' plan") == ["Putin", "'s", "envoy", "and", "the", "allies", "'", "plan"])
    }

    @Test func keepsAbbreviationsInitialsAndInnerApostrophesWhole() {
        #expect(
            texts("Mr. O'Brien met J. K. Rowling in the U.S. today") == [
                "Mr.", "O'Brien", "met", "J.", "K.", "Rowling", "in", "the", "U.S.", "today",
            ])
    }

    @Test func keepsHyphenatedWordsAndNumbersWhole() {
        #expect(
            texts("A US-brokered deal worth £1,400.50 - or 2.5%") == [
                "A", "US-brokered", "deal", "worth", "£", "1,400.50", "-", "or", "2.5", "%",
            ])
    }

    @Test func recordsOffsetsAndParagraphStarts() {
        let tokens = Tokenizer().tokenize("One two.\n\nThree")
        #expect(tokens.map(\.start) == [0, 4, 7, 10])
        #expect(tokens.map(\.paragraphStart) == [true, false, false, true])
    }
}

@Suite struct SentenceSplitterTests {
    func sentences(_ text: String) -> [String] {
        let tokens = Tokenizer().tokenize(text)
        let scalars = Array(text.unicodeScalars)
        return SentenceSplitter().split(tokens).map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) }
    }

    @Test func titlesAndInitialsDoNotEndASentence() {
        #expect(
            sentences("Mr. Smith met Dr. Jones and J. K. Rowling. They talked.") == [
                "Mr. Smith met Dr. Jones and J. K. Rowling.", "They talked.",
            ])
    }

    @Test func anAbbreviationEndsASentenceBeforeACommonOpener() {
        #expect(
            sentences("He flew to the U.S. The trip was short. He met U.S. officials.") == [
                "He flew to the U.S.", "The trip was short.", "He met U.S. officials.",
            ])
    }

    @Test func closingQuotesStayWithTheirSentence() {
        #expect(sentences("\"We will act.\" He left. \"Why?\" she asked.") == ["\"We will act.\"", "He left.", "\"Why?\" she asked."])
    }

    @Test func paragraphsAlwaysEndSentences() {
        #expect(sentences("A headline without a stop\n\nThe text.") == ["A headline without a stop", "The text."])
    }
}
