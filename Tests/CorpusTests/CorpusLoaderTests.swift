import Foundation
import Testing

@testable import Corpus

/// A temporary folder removed at the end of the test.
final class TemporaryFolder {
    let path: String
    init() throws {
        path = NSTemporaryDirectory() + "plexus-corpus-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Data(text.utf8))
    }

    @discardableResult
    func write(_ name: String, _ data: Data) throws -> String {
        let full = path + "/" + name
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: full))
        return full
    }
}

@Suite struct CorpusLoaderTests {
    @Test func readsEveryFormatFromNestedFoldersInPathOrder() throws {
        let folder = try TemporaryFolder()
        try folder.write("b/one.txt", "Headline one\n\nThe first article has a sentence.\n")
        try folder.write("a.md", "# Markdown headline\n\nSome **bold** text with a [link](https://x.org).\n")
        try folder.write("c.html", "<html><body><h1>HTML headline</h1><p>Body text.</p></body></html>")
        try folder.write("d.jsonl", #"{"text": "Line one text.", "title": "T1", "date": "2025-03-01", "id": 7}"# + "\n")
        try folder.write("notes.csv", "not,an,article\n")
        let result = CorpusLoader().load(paths: [folder.path])
        #expect(result.failures.isEmpty)
        #expect(result.documents.map(\.id) == ["d1", "d2", "d3", "d4"])
        #expect(result.documents.map { ($0.path as NSString).lastPathComponent } == ["a.md", "one.txt", "c.html", "d.jsonl"])
        #expect(result.documents[0].text.contains("Some bold text with a link."))
        #expect(result.documents[0].title == "Markdown headline")
        #expect(result.documents[3].date == "2025-03-01")
        #expect(result.documents[3].sourceID == "7")
        #expect(result.documents[3].line == 1)
    }

    @Test func removesParagraphsRepeatedWithinADocument() throws {
        let folder = try TemporaryFolder()
        let repeated = "LIVE: The ball is now in Russia's court, the secretary of state said."
        try folder.write("live.txt", "Live blog\n\n\(repeated)\n\nSomething new happened.\n\n\(repeated)\n")
        let result = CorpusLoader().load(paths: [folder.path])
        let text = try #require(result.documents.first).text
        #expect(text.components(separatedBy: "ball is now").count == 2)
        #expect(result.report.repeatedParagraphs == 1)
    }

    @Test func removesLinesSharedByThreeOrMoreDocuments() throws {
        let folder = try TemporaryFolder()
        for name in ["a", "b", "c"] {
            try folder.write("\(name).txt", "Title \(name)\n\nStory \(name) says something.\n\nAdditional reporting by the wire desk.\n")
        }
        let result = CorpusLoader().load(paths: [folder.path])
        #expect(result.documents.allSatisfy { !$0.text.contains("Additional reporting") })
        #expect(result.report.crossDocumentParagraphs == 3)
    }

    @Test func joinsHardWrappedLinesAndSplitsIndentedParagraphs() throws {
        let folder = try TemporaryFolder()
        try folder.write("wire.txt", "HEADLINE\n\nLONDON - The first\nparagraph continues.\n    The second paragraph\nends here.\n")
        let document = try #require(CorpusLoader().load(paths: [folder.path]).documents.first)
        #expect(document.text == "HEADLINE\n\nLONDON - The first paragraph continues.\n\nThe second paragraph ends here.")
    }

    @Test func aHeadlineInTitleCaseOnItsOwnLineIsItsOwnParagraph() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            "page.txt",
            "Menu line one.\nLeaders Unite Ahead of Alaska Summit with Putin\nWith days to go, the talks are shifting.\nThe hard-wrapped\nsentence goes on.\n"
        )
        let document = try #require(CorpusLoader().load(paths: [folder.path]).documents.first)
        #expect(
            document.text
                == "Menu line one.\n\nLeaders Unite Ahead of Alaska Summit with Putin\n\nWith days to go, the talks are shifting. The hard-wrapped sentence goes on."
        )
    }

    @Test func reportsEveryBadInputByNameAndStillLoadsTheRest() throws {
        let folder = try TemporaryFolder()
        try folder.write("good.txt", "Good headline\n\nA good article.\n")
        try folder.write("empty.txt", "")
        try folder.write("binary.txt", Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x01]))
        try folder.write("latin1.txt", Data([0x50, 0x72, 0x69, 0x63, 0x65, 0x20, 0xA3, 0x35]))
        try folder.write("bad.jsonl", "{\"text\": \"Fine record.\"}\n{not json\n{\"title\": \"no text\"}\n")
        var options = CorpusLoader.Options()
        options.maxLineBytes = 64
        try folder.write("long.txt", String(repeating: "x", count: 100))
        let result = CorpusLoader(options: options).load(paths: [folder.path, folder.path + "/missing.txt"])
        let messages = result.failures.map(\.description)
        #expect(result.documents.count == 2)
        #expect(messages.contains { $0.hasSuffix("empty.txt: empty: no article text after cleaning") })
        #expect(messages.contains { $0.contains("binary.txt: binary file (NUL byte at offset 4)") })
        #expect(messages.contains { $0.contains("latin1.txt: invalid UTF-8 at byte offset 6") })
        #expect(messages.contains { $0.contains("bad.jsonl:2: malformed JSON Lines record: not valid JSON") })
        #expect(messages.contains { $0.contains("bad.jsonl:3: malformed JSON Lines record: no string field \"text\"") })
        #expect(messages.contains { $0.contains("long.txt:1: line of 100 bytes is longer than the limit of 64 bytes") })
        #expect(messages.contains { $0.contains("missing.txt: no such file or folder") })
    }

    @Test func aFolderWithoutArticlesIsAnError() throws {
        let folder = try TemporaryFolder()
        try folder.write("data.csv", "a,b\n")
        let result = CorpusLoader().load(paths: [folder.path])
        #expect(result.documents.isEmpty)
        #expect(result.failures == [.noArticles(path: folder.path)])
    }
}

@Suite struct PublicationDateReadingTests {
    func load(_ text: String) throws -> Document {
        let folder = try TemporaryFolder()
        let path = try folder.write("article.txt", text)
        let documents = CorpusLoader().load(paths: [path]).documents
        return try #require(documents.first)
    }

    @Test func aDatelineUnderTheHeadlineIsTheDate() throws {
        let document = try load("Ministers meet in London\n\n13 March 2025\n\nThe talks began on Thursday in London.\n")
        #expect(document.date == "2025-03-13")
    }

    @Test func aDateLineFarDownTheBodyIsNotTheDate() throws {
        let body = (1...8).map { "Paragraph \($0) says something about the talks." }.joined(separator: "\n\n")
        let document = try load("Talks resume\n\n" + body + "\n\nDec. 12, 1914.\n\nThe war began earlier.\n")
        #expect(document.date == nil)
    }

    @Test func aWrappedSentenceEndingOnADateKeepsItsEndAndGivesNoDate() throws {
        let document = try load(
            "MILLIPORE FILES FOR OFFERING\n\nWASHINGTON, Oct 19 - Millipore Corp filed for an offering of debentures due\nNovember 15, 2012.\n"
        )
        #expect(document.date == nil)
        #expect(document.text.contains("due November 15, 2012."))
    }

    @Test func onlyDatesANewsArticleCanHaveArePlausible() {
        let today = Date(timeIntervalSince1970: 1_764_000_000)  // 2025-11-24
        #expect(PublicationDate.isPlausible("2025-03-13", today: today))
        #expect(!PublicationDate.isPlausible("1814-12-12", today: today))
        #expect(!PublicationDate.isPlausible("2031-01-01", today: today))
    }
}

@Suite struct CalendarDateTests {
    @Test func onlyDaysTheCalendarHasAreDates() {
        #expect(PublicationDate.parseISO("2025-02-28") == "2025-02-28")
        #expect(PublicationDate.parseISO("2024-02-29") == "2024-02-29")
        #expect(PublicationDate.parseISO("2025-02-29") == nil)
        #expect(PublicationDate.parseISO("2025-02-30") == nil)
        #expect(PublicationDate.parseISO("2025-04-31") == nil)
        #expect(PublicationDate.parseISO("2025-13-45") == nil)
        #expect(PublicationDate.parse("31 June 2025") == nil)
    }
}

@Suite struct JSONLinesUTF8Tests {
    @Test func aLineOfInvalidUTF8IsReportedByLineAndTheOtherLinesAreRead() throws {
        let folder = try TemporaryFolder()
        var data = Data(#"{"text": "Keir Starmer met Emmanuel Macron in Paris."}"#.utf8) + Data("\n".utf8)
        data += Data(#"{"text": "caf"#.utf8) + Data([0xE9]) + Data(#" au lait"}"#.utf8) + Data("\n".utf8)
        data += Data(#"{"text": "Olaf Scholz spoke in Berlin."}"#.utf8) + Data("\n".utf8)
        let path = try folder.write("feed.jsonl", data)
        let result = CorpusLoader().load(paths: [path])
        #expect(result.documents.count == 2)
        #expect(result.documents.map(\.line) == [1, 3])
        #expect(result.failures == [.malformedRecord(path: path, line: 2, reason: "invalid UTF-8 at byte 14 of the line")])
    }

    @Test func aTextFileWithInvalidUTF8IsStillRejectedWhole() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("a.txt", Data("caf".utf8) + Data([0xE9]) + Data("\n".utf8))
        let result = CorpusLoader().load(paths: [path])
        #expect(result.documents.isEmpty)
        #expect(result.failures == [.invalidUTF8(path: path, offset: 3)])
    }
}

@Suite struct UTF16Tests {
    @Test func utf16WithAByteOrderMarkIsReadNotCalledBinary() throws {
        let folder = try TemporaryFolder()
        let text = "Keir Starmer met Emmanuel Macron in Paris.\n"
        var little = Data([0xFF, 0xFE])
        for unit in text.utf16 { little += Data([UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
        let path = try folder.write("windows.txt", little)
        let result = CorpusLoader().load(paths: [path])
        #expect(result.failures.isEmpty)
        #expect(result.documents.first?.text.contains("Emmanuel Macron") == true)
    }
}
