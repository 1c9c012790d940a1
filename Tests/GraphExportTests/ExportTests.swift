import Foundation
import PlexusGraph
import Testing

@testable import GraphExport

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A small graph with awkward text: quotes, commas, a backslash, a newline and non-ASCII.
let awkward = Graph(
    documents: [DocumentInfo(id: "d1", path: "a.txt")],
    nodes: [
        Node(id: "a", label: "O'Brien, \"Jr\"", type: .person, aliases: ["Mr O'Brien", "Jr\\n"], mentions: 3, documents: 1),
        Node(id: "b", label: "Zürich & Co <AG>", type: .organisation, mentions: 1, documents: 1),
        Node(id: "c", label: "Россия", type: .country, mentions: 2, documents: 1),
    ],
    edges: [
        Edge(
            source: "a", target: "b", kind: .coMention, weight: 2,
            evidence: [Evidence(document: "d1", sentence: 1, text: "He said, \"yes\"\nthen left.")]),
        Edge(source: "c", target: "a", kind: .stance, polarity: .oppose, weight: 1, confidence: 0.8),
    ])

func text(_ format: GraphFileFormat, _ graph: Graph = awkward) -> String { format.files(for: graph)[0].text }

@Suite struct ExportTests {
    @Test(arguments: [GraphFileFormat.graphml, .gexf])
    func xmlExportsParse(format: GraphFileFormat) {
        let parser = XMLParser(data: Data(text(format).utf8))
        #expect(parser.parse())
    }

    @Test func jsonExportsKeepEveryAttribute() throws {
        let d3 = try #require(try JSONSerialization.jsonObject(with: Data(text(.json).utf8)) as? [String: Any])
        let nodes = try #require(d3["nodes"] as? [[String: Any]])
        let links = try #require(d3["links"] as? [[String: Any]])
        #expect(nodes.first { $0["id"] as? String == "a" }?["label"] as? String == "O'Brien, \"Jr\"")
        #expect(links.first { $0["kind"] as? String == "stance" }?["polarity"] as? String == "oppose")
        #expect(links.first { $0["kind"] as? String == "co-mention" }?["evidence"] as? String == "He said, \"yes\"\nthen left.")
        let cytoscape = try #require(try JSONSerialization.jsonObject(with: Data(text(.cytoscape).utf8)) as? [String: Any])
        #expect(((cytoscape["elements"] as? [String: Any])?["edges"] as? [Any])?.count == 2)
    }

    @Test func csvRoundTripsFieldsWithCommasQuotesAndLineBreaks() {
        let files = GraphFileFormat.csv.files(for: awkward)
        let nodes = parseCSV(files[0].text)
        let edges = parseCSV(files[1].text)
        #expect(nodes[0] == ["id", "label", "type", "aliases", "mentions", "documents"])
        #expect(nodes[1][1] == "O'Brien, \"Jr\"")
        #expect(nodes.count == 4)
        #expect(edges.count == 3)
        #expect(edges[1][edges[0].firstIndex(of: "evidence") ?? 0] == "He said, \"yes\"\nthen left.")
    }

    @Test func cypherHasOneStatementPerNodeAndEdgeWithEscapedStrings() {
        let cypher = text(.cypher)
        let statements = cypher.split(separator: "\n").filter { !$0.hasPrefix("//") }
        #expect(statements.filter { $0.hasPrefix("MERGE (n:Entity") }.count == 3)
        #expect(statements.filter { $0.hasPrefix("MATCH") }.count == 2)
        #expect(cypher.contains("label: 'O\\'Brien, \"Jr\"'"))
        #expect(cypher.contains("[r:OPPOSES]"))
        // Every single quote inside a string literal is escaped: the quotes balance on each line.
        for line in statements {
            var inString = false
            var previous: Character = " "
            for character in line {
                if character == "'" && previous != "\\" { inString.toggle() }
                previous = previous == "\\" && character == "\\" ? " " : character
            }
            #expect(!inString, "unbalanced quotes in \(line)")
        }
    }

    /// A small RFC 4180 reader for the test.
    func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" {
                        field.append("\"")
                        characters.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                row.append(field)
                field = ""
            } else if character == "\n" {
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.append(character)
            }
        }
        return rows
    }
}

@Suite struct DiagramTests {
    @Test(arguments: ThemeName.allCases)
    func everyThemeRendersASlide(theme: ThemeName) async throws {
        var writer = DiagramWriter()
        writer.theme = Theme.named(theme)
        writer.title = "Theme \(theme.rawValue)"
        let diagram = writer.dot(for: awkward)
        let png = try await GraphvizRenderer.shared.render(dot: diagram.text, layout: diagram.layout, format: .png, dpi: 120, page: .slide)
        #expect(png[16..<20].reduce(0) { $0 << 8 | Int($1) } == 1920)
    }

    @Test func printThemeTellsSupportFromOpposeByLineStyle() {
        var writer = DOTWriter(layout: .dot)
        writer.theme = .print
        let dot = writer.write(
            Graph(
                nodes: awkward.nodes,
                edges: [
                    Edge(source: "a", target: "b", kind: .stance, polarity: .support, weight: 1),
                    Edge(source: "b", target: "c", kind: .stance, polarity: .oppose, weight: 1),
                ]))
        #expect(dot.contains("style=\"solid\""))
        #expect(dot.contains("style=\"dashed\""))
        #expect(dot.contains("arrowhead=\"tee\""))
    }

    @Test func pageSizesParseAndImpossibleOnesAreRefused() throws {
        #expect(try PageSize.parse("1920x1080", dpi: 120) == .slide)
        #expect(try PageSize.parse("4:3", dpi: 120) == .slide4x3)
        #expect(try PageSize.parse("a4", dpi: 120) == .a4)
        #expect(throws: PageSize.SizeError.self) { try PageSize.parse("0x1080", dpi: 120) }
        #expect(throws: PageSize.SizeError.self) { try PageSize.parse("huge", dpi: 120) }
    }

    @Test func aFourByThreePageGivesAFourByThreePNG() async throws {
        let diagram = DiagramWriter().dot(for: awkward)
        let png = try await GraphvizRenderer.shared.render(
            dot: diagram.text, layout: diagram.layout, format: .png, dpi: 120, page: .slide4x3)
        #expect(png[16..<20].reduce(0) { $0 << 8 | Int($1) } == 1600)
        #expect(png[20..<24].reduce(0) { $0 << 8 | Int($1) } == 1200)
    }

    @Test func egoAndStanceViewsSelectTheRightParts() {
        let ego = EgoView(centre: "a", depth: 1, top: 10).select(from: awkward)
        #expect(Set(ego.nodes.map(\.id)) == ["a", "b", "c"])
        let stance = StanceView().select(from: awkward)
        #expect(stance.edges.map(\.kind) == [.stance])
        #expect(Set(stance.nodes.map(\.id)) == ["a", "c"])
    }
}

@Suite struct DeckTests {
    @Test func theDeckIsAZipWithOneSlidePartPerSlide() throws {
        let slides = [
            Slide(title: "Title & more", caption: "caption"), Slide(title: "Two", caption: "c", picture: Data([0x89, 0x50, 0x4E, 0x47])),
        ]
        let data = try SlideDeck.pptx(slides)
        #expect(Array(data.prefix(2)) == [0x50, 0x4B])
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("ppt/slides/slide1.xml") && text.contains("ppt/slides/slide2.xml") && !text.contains("ppt/slides/slide3.xml"))
        #expect(text.contains("ppt/media/image2.png"))
        #expect(try SlideDeck.pptx(slides) == data)
    }
}
