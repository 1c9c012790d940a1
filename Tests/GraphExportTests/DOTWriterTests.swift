import Foundation
import PlexusGraph
import Testing

@testable import GraphExport

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite struct DOTWriterTests {
    static let nasty = "Bad \"label\" \\ {braces} <b>html</b> & \nnew line"

    @Test func quotesEscapeQuotesBackslashesAndNewlines() {
        #expect(DOTWriter.quote("a\"b\\c\nd") == "\"a\\\"b\\\\c\\nd\"")
        #expect(DOTWriter.html("<b>&\"") == "&lt;b&gt;&amp;&quot;")
    }

    @Test func anyLabelRendersAsWrittenThroughGraphviz() async throws {
        let graph = Graph(
            nodes: [
                Node(id: "x\"y", label: Self.nasty, type: .person, mentions: 3),
                Node(id: "z", label: "Zelensky", type: .country, mentions: 1),
            ],
            edges: [Edge(source: "x\"y", target: "z", kind: .coMention, weight: 4)])
        let writer = DOTWriter(layout: .neato, title: "Title <with> & \"quotes\"", subtitle: "sub")
        let svg = try await GraphvizRenderer.shared.render(dot: writer.write(graph), layout: .neato, format: .svg)
        let text = String(decoding: svg, as: UTF8.self)
        #expect(text.contains("Bad &quot;label&quot; \\ {braces} &lt;b&gt;html&lt;/b&gt; &amp;"))
        #expect(text.contains("Title &lt;with&gt; &amp; &quot;quotes&quot;"))
    }

    @Test func theSameGraphGivesTheSameBytes() {
        let graph = Graph(nodes: [Node(id: "a", label: "A", type: .person)], edges: [])
        let writer = DOTWriter(layout: .neato)
        #expect(writer.write(graph) == writer.write(graph))
    }
}

@Suite struct GraphvizRendererTests {
    let dot = DOTWriter(layout: .neato, title: "T").write(
        Graph(
            nodes: [Node(id: "a", label: "A", type: .person, mentions: 2), Node(id: "b", label: "B", type: .organisation, mentions: 1)],
            edges: [Edge(source: "a", target: "b", kind: .coMention, weight: 2)]))

    @Test func rendersPNGOfSlideSize() async throws {
        let png = try await GraphvizRenderer.shared.render(dot: dot, layout: .neato, format: .png, dpi: 120)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 1920 && height == 1080)
    }

    @Test func rendersParseableSVGAndPDF() async throws {
        let svg = try await GraphvizRenderer.shared.render(dot: dot, layout: .neato, format: .svg)
        let parser = XMLParser(data: svg)
        #expect(parser.parse())
        let pdf = try await GraphvizRenderer.shared.render(dot: dot, layout: .neato, format: .pdf)
        #expect(String(decoding: pdf.prefix(5), as: UTF8.self) == "%PDF-")
    }

    @Test func badDOTIsAnErrorWithGraphvizsMessage() async {
        do {
            _ = try await GraphvizRenderer.shared.render(dot: "digraph { a -> ", layout: .neato, format: .svg)
            Issue.record("expected an error")
        } catch let error as RenderError {
            #expect(error.stage == .parse)
            #expect(error.description.hasPrefix("Graphviz could not parse the DOT text"))
            #expect(error.message.contains("syntax error"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func manyConcurrentRendersAreSerialisedSafely() async throws {
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask { try await GraphvizRenderer.shared.render(dot: dot, layout: .neato, format: .svg).count }
            }
            for try await size in group { #expect(size > 500) }
        }
    }
}

@Suite struct OutputFormatTests {
    @Test func theFileNameDecidesWhenNoFormatIsGiven() throws {
        #expect(try OutputFormat.resolve(given: nil, path: "guess.png") == .png)
        #expect(try OutputFormat.resolve(given: nil, path: "out/Chart.PDF") == .pdf)
        #expect(try OutputFormat.resolve(given: nil, path: "g.gv") == .dot)
        #expect(try OutputFormat.resolve(given: nil, path: nil) == .svg)
        #expect(try OutputFormat.resolve(given: .png, path: "picture.image") == .png)
    }

    @Test func aContradictionOrAnUnknownNameIsAnError() {
        #expect(throws: OutputFormatError.self) { try OutputFormat.resolve(given: .png, path: "r.svg") }
        #expect(throws: OutputFormatError.self) { try OutputFormat.resolve(given: nil, path: "guess.xyz") }
        #expect(throws: OutputFormatError.self) { try OutputFormat.resolve(given: nil, path: "noextension") }
    }
}
