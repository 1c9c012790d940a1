import Foundation
import PlexusGraph
import Testing

@testable import GraphExport

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Labels a hostile or broken article can produce: XML noncharacters, C0 controls, an escape
/// sequence, NUL, entities, CRLF and spreadsheet formulas.
let hostile: Graph = {
    let labels = [
        "Bad\u{FFFE}Name\u{FFFF}", "Esc\u{1B}[31mRed\u{0}", "Fish &amp; Chips &#x41;", "Two\r\nLines", "=HYPERLINK(\"x\")",
        "+1 Group", "@handle", "-minus",
    ]
    let nodes = labels.enumerated().map { index, label in
        Node(id: "n\(index)", label: label, type: .organisation, aliases: [label], mentions: 10 - index, documents: 1)
    }
    let edges = (1..<nodes.count).map { index in
        Edge(
            source: "n0", target: "n\(index)", kind: .coMention, weight: 2,
            evidence: [Evidence(document: "d1", sentence: 1, text: labels[index] + " said\u{0B} so.")])
    }
    return Graph(documents: [DocumentInfo(id: "d1", path: "a\u{1B}b.txt")], nodes: nodes, edges: edges)
}()

@Suite struct HostileLabelTests {
    @Test func aHugeLabelIsCutSoGraphvizCanStillDrawTheGraph() async throws {
        let huge = String(repeating: "Enormous Name ", count: 3000)
        let graph = Graph(nodes: [Node(id: "a", label: huge, type: .person, mentions: 1, documents: 1)])
        let dot = DOTWriter(layout: .neato).write(graph)
        #expect(dot.utf8.count < 4_000)
        #expect(dot.contains("…"))
        let svg = try await GraphvizRenderer.shared.render(dot: dot, layout: .neato, format: .svg)
        #expect(String(decoding: svg, as: UTF8.self).contains("Enormous Name"))
    }

    @Test(arguments: [GraphFileFormat.graphml, .gexf])
    func xmlExportsStayWellFormed(format: GraphFileFormat) {
        let xml = text(format, hostile)
        #expect(XMLParser(data: Data(xml.utf8)).parse())
        #expect(!xml.unicodeScalars.contains { XML.isForbidden($0) && $0 != "\r" })
    }

    @Test func deckSlidesStayWellFormedXML() async throws {
        let deck = try await DeckBuilder(graph: hostile, corpus: "Esc\u{1B}[31m corpus \u{FFFE}").build()
        for (number, slide) in deck.slides.enumerated() {
            let xml = SlideDeck.slideXML(slide, isTitle: number == 0)
            #expect(XMLParser(data: Data(xml.utf8)).parse(), "slide \(number + 1)")
            #expect(!xml.unicodeScalars.contains { XML.isForbidden($0) }, "slide \(number + 1)")
        }
    }

    @Test func cypherAndJSONExportsCarryNoRawControlCharacters() throws {
        let cypher = text(.cypher, hostile)
        #expect(!cypher.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "only statement line breaks are raw")
        #expect(cypher.contains("Esc\\u001B[31mRed\\u0000"))
        for format in [GraphFileFormat.json, .cytoscape] {
            let json = text(format, hostile)
            let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8))
            #expect(parsed is [String: Any] || parsed is [Any], "\(format) reads back")
            #expect(json.contains("\\u001b") || json.contains("\\u001B"), "\(format) escapes ESC")
        }
    }

    @Test func csvCellsReadBackAndNeverStartAFormula() {
        let rows = ExportTests().parseCSV(text(.csv, hostile))
        #expect(rows.count == hostile.nodes.count + 1)
        let labels = rows.dropFirst().map { $0[1] }
        #expect(labels.contains("Two\r\nLines"))
        for label in labels { #expect(!["=", "+", "-", "@"].contains(label.first.map(String.init) ?? "")) }
        #expect(labels.contains("'=HYPERLINK(\"x\")"))
    }

    @Test func theDiagramKeepsItsTitleAndShowsEntitiesAsWritten() async throws {
        var writer = DiagramWriter()
        writer.title = "Corpus \u{1B}[31m\u{0}folder"
        let diagram = writer.dot(for: hostile)
        let svg = try await GraphvizRenderer.shared.render(dot: diagram.text, layout: diagram.layout, format: .svg)
        let text = String(decoding: svg, as: UTF8.self)
        #expect(XMLParser(data: svg).parse())
        #expect(text.contains("Corpus"))
        #expect(text.contains("Fish &amp;amp; Chips &amp;#x41;"))
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })
    }
}
