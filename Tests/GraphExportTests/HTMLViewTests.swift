import Foundation
import PlexusGraph
import Testing

@testable import GraphExport

@Suite struct HTMLViewTests {
    /// Three people, a co-mention and a stance edge, with evidence and dates.
    let graph = Graph(
        documents: [
            DocumentInfo(id: "d1", path: "news/a.txt", title: "Talks", date: "2025-03-01", url: "https://example.org/a"),
            DocumentInfo(id: "d2", path: "news/b.jsonl", line: 4, title: "More talks", date: "2025-03-09", url: "file:///etc/passwd"),
        ],
        nodes: [
            Node(
                id: "ann", label: "Ann Lee", type: .person, aliases: ["Ann Lee", "Ms Lee"], mentions: 5, documents: 2,
                byDocument: ["d1": 3, "d2": 2]),
            Node(id: "bob", label: "Bob Ray", type: .person, aliases: ["Bob Ray"], mentions: 3, documents: 1, byDocument: ["d1": 3]),
            Node(id: "cia", label: "Cia Moss", type: .person, aliases: ["Cia Moss"], mentions: 1, documents: 1, byDocument: ["d2": 1]),
        ],
        edges: [
            Edge(
                source: "ann", target: "bob", kind: .coMention, weight: 2,
                evidence: [Evidence(document: "d1", sentence: 2, text: "Ann Lee met Bob Ray.")], byDocument: ["d1": 2]),
            Edge(
                source: "cia", target: "ann", kind: .stance, polarity: .oppose, weight: 1, confidence: 0.81234,
                evidence: [Evidence(document: "d2", sentence: 7, text: "Cia Moss condemned Ann Lee </script>.", cue: "condemned")],
                byDocument: ["d2": 1]),
        ])

    func page(top: Int = 40) async throws -> String {
        var diagram = DiagramWriter()
        diagram.view = GraphView(top: top)
        diagram.title = "Talks <&> \"quotes\""
        return try await HTMLViewWriter(diagram: diagram).page(for: graph)
    }

    /// The JSON between the data element's tags.
    func dataText(_ page: String) throws -> String {
        let open = try #require(page.range(of: "<script type=\"application/json\" id=\"plexus-data\">"))
        let close = try #require(page.range(of: "</script>", range: open.upperBound..<page.endIndex))
        return String(page[open.upperBound..<close.lowerBound])
    }

    @Test func thePageNeedsNothingFromTheNetworkAndAllowsOnlyItsOwnScript() async throws {
        let html = try await page()
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        for outside in ["<script src", "<link", "@import", "url(http", "src=\"http", "<iframe"] {
            #expect(!html.contains(outside), "the page refers outside itself: \(outside)")
        }
        #expect(html.contains("default-src 'none'"))
        #expect(html.contains("script-src 'sha256-"))
        #expect(!html.contains("unsafe-inline"))
        #expect(html.components(separatedBy: "<script").count == 3, "one data block and one script")
    }

    @Test func articleTextCannotCloseTheDataBlockAndReadsBackExactly() async throws {
        let html = try await page()
        let data = try dataText(html)
        #expect(!data.contains("<") && !data.contains(">") && !data.contains("&"))
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any])
        let edges = try #require(decoded["edges"] as? [[String: Any]])
        let sentences = try #require(decoded["sentences"] as? [[String: Any]])
        let quoted = edges.compactMap { ($0["evidence"] as? [[String: Any]])?.first?["i"] as? Int }.map { sentences[$0]["t"] as? String }
        #expect(quoted.contains("Cia Moss condemned Ann Lee </script>."))
        #expect(edges.contains { $0["confidence"] as? Double == 0.812 })
        #expect(html.contains("<title>Talks &lt;&amp;&gt; &quot;quotes&quot;</title>"))
    }

    @Test func onlyWebAddressesBecomeLinksAndJSONLinesRecordsNameTheirLine() async throws {
        let decoded = try #require(
            try JSONSerialization.jsonObject(with: Data(try dataText(try await page()).utf8)) as? [String: Any])
        let documents = try #require(decoded["documents"] as? [[String: Any]])
        #expect(documents[0]["url"] as? String == "https://example.org/a")
        #expect(documents[1]["url"] == nil, "file: and javascript: addresses are dropped")
        #expect(documents[1]["file"] as? String == "b.jsonl:4")
    }

    @Test func everyDrawnEntityAndTieHasItsElementInTheDrawing() async throws {
        let html = try await page(top: 2)
        let decoded = try #require(
            try JSONSerialization.jsonObject(with: Data(try dataText(html).utf8)) as? [String: Any])
        let nodes = try #require(decoded["nodes"] as? [[String: Any]])
        let drawn = nodes.compactMap { $0["element"] as? String }
        #expect(drawn.count == 2, "top 2 are drawn")
        #expect(nodes.count == 3, "every entity stays searchable")
        for element in drawn { #expect(html.contains("<g id=\"\(element)\" class=\"node\">")) }
        let edges = try #require(decoded["edges"] as? [[String: Any]])
        for element in edges.compactMap({ $0["element"] as? String }) { #expect(html.contains("<g id=\"\(element)\" class=\"edge\">")) }
        #expect(!html.contains("<!--"), "Graphviz's comments are left out")
    }

    @Test func edgeKindsDifferByLineStyleSoGreyscaleKeepsThemApart() async throws {
        let html = try await page()
        func group(_ id: String) throws -> Substring {
            let start = try #require(html.range(of: "<g id=\"\(id)\" class=\"edge\">"))
            let end = try #require(html.range(of: "</g>", range: start.upperBound..<html.endIndex))
            return html[start.lowerBound..<end.upperBound]
        }
        // Edge 0 of the drawing is the co-mention, edge 1 the stance (the shown graph keeps graph order).
        #expect(try group("e0").contains("stroke-dasharray=\"1,5\""), "co-mentions are dotted")
        #expect(try group("e1").contains("stroke-dasharray=\"5,2\""), "opposition is dashed")
    }

    @Test func theSameGraphGivesTheSameBytes() async throws {
        #expect(try await page() == (try await page()))
    }

    @Test func aGraphWithNothingToDrawWritesNoFile() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plexus-html-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("empty.html").path
        await #expect(throws: NothingToDraw.self) {
            try await HTMLViewWriter(diagram: DiagramWriter()).write(Graph(), to: path)
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func htmlIsNamedByItsExtensionAndNeverDrawnFromDOTAlone() async throws {
        #expect(OutputFormat(pathExtensionOf: "story.html") == .html)
        #expect(OutputFormat(pathExtensionOf: "story.HTM") == .html)
        await #expect(throws: OutputFormatError.self) {
            try await DiagramWriter.renderFile(dot: "digraph {}", layout: .neato, format: .html, to: "/tmp/never.html")
        }
    }
}
