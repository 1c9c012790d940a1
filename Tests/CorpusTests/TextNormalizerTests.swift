import Testing

@testable import Corpus

@Suite struct TextNormalizerTests {
    @Test func curlyAndLowNineQuotesAndDashesBecomePlainWithTheSameLength() {
        let original = "„Frankly,“ he said – ‘we paid’ — “now”"
        let normalized = TextNormalizer.normalize(original)
        #expect(normalized == "\"Frankly,\" he said - 'we paid' - \"now\"")
        #expect(normalized.unicodeScalars.count == original.unicodeScalars.count)
    }

    @Test func documentKeepsOriginalTextForEvidence() {
        let document = Document(id: "d1", path: "a.txt", text: "Sir Keir said “no”.")
        #expect(document.text.contains("“no”"))
        #expect(document.analysisText == "Sir Keir said \"no\".")
    }
}

@Suite struct PublicationDateTests {
    @Test func readsTheFormsNewsPagesUse() {
        #expect(PublicationDate.parse("2025-03-06T09:30:00Z") == "2025-03-06")
        #expect(PublicationDate.parse("13 March 2025") == "2025-03-13")
        #expect(PublicationDate.parse("March 13, 2025") == "2025-03-13")
        #expect(PublicationDate.parse("Thursday 13 March 2025") == "2025-03-13")
        #expect(PublicationDate.parse("no date here") == nil)
    }

    @Test func recognisesADateLineButNotASentenceWithADate() {
        #expect(PublicationDate.parseDateLine("Published: 2 March 2025") == "2025-03-02")
        #expect(PublicationDate.parseDateLine("Updated 11 March 2025 10:32 GMT") == "2025-03-11")
        #expect(PublicationDate.parseDateLine("On 2 March 2025 the leaders met in London to discuss a plan.") == nil)
    }
}
