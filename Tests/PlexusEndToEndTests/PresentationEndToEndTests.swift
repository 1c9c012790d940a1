import Foundation
import PlexusGraph
import Testing

/// Bounding boxes of the node shapes in a Graphviz SVG (ellipses and polygons inside `class="node"` groups).
func nodeBoxes(inSVG svg: String) throws -> [(name: String, minX: Double, minY: Double, maxX: Double, maxY: Double)] {
    let group = try NSRegularExpression(
        pattern: #"<g id="node\d+" class="node">\s*<title>([^<]*)</title>(.*?)</g>"#, options: [.dotMatchesLineSeparators])
    let ellipse = try NSRegularExpression(pattern: #"<ellipse[^>]*cx="([-\d.]+)" cy="([-\d.]+)" rx="([-\d.]+)" ry="([-\d.]+)""#)
    let polygon = try NSRegularExpression(pattern: #"<polygon[^>]*points="([^"]+)""#)
    let text = svg as NSString
    var boxes: [(String, Double, Double, Double, Double)] = []
    for match in group.matches(in: svg, range: NSRange(location: 0, length: text.length)) {
        let name = text.substring(with: match.range(at: 1))
        let body = text.substring(with: match.range(at: 2)) as NSString
        if let e = ellipse.firstMatch(in: body as String, range: NSRange(location: 0, length: body.length)) {
            let v = (1...4).map { Double(body.substring(with: e.range(at: $0))) ?? 0 }
            boxes.append((name, v[0] - v[2], v[1] - v[3], v[0] + v[2], v[1] + v[3]))
        } else if let p = polygon.firstMatch(in: body as String, range: NSRange(location: 0, length: body.length)) {
            let points = body.substring(with: p.range(at: 1)).split(separator: " ").map {
                $0.split(separator: ",").compactMap { Double($0) }
            }
            let xs = points.compactMap(\.first)
            let ys = points.compactMap(\.last)
            boxes.append((name, xs.min() ?? 0, ys.min() ?? 0, xs.max() ?? 0, ys.max() ?? 0))
        }
    }
    return boxes
}

@Suite(.serialized) struct PresentationEndToEndTests {
    var graphPath: String { get async throws { try await ExampleBuild.shared.output().appendingPathComponent("graph.json").path } }

    @Test(arguments: [
        ["--theme", "light"], ["--theme", "dark"], ["--theme", "print"], ["--around", "Keir Starmer", "--depth", "2"],
        ["--communities"], ["--since", "2025-03-01", "--until", "2025-03-31"], ["--size", "4:3", "--size-by", "pagerank"],
        ["--stance"], ["--stance", "--theme", "print"],
    ])
    func everyViewRendersWithoutOverlappingNodes(options: [String]) async throws {
        let folder = try Plexus.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let svgPath = folder.appendingPathComponent("view.svg").path
        let result = try Plexus.run(["render", "--graph", try await graphPath, "--format", "svg", "--out", svgPath] + options)
        #expect(result.status == 0, "\(result.stderr)")
        let boxes = try nodeBoxes(inSVG: try String(contentsOfFile: svgPath, encoding: .utf8))
        #expect(boxes.count >= 5)
        for (i, a) in boxes.enumerated() {
            for b in boxes[(i + 1)...] {
                let overlapX = min(a.maxX, b.maxX) - max(a.minX, b.minX)
                let overlapY = min(a.maxY, b.maxY) - max(a.minY, b.minY)
                #expect(overlapX <= 1 || overlapY <= 1, "\(a.name) overlaps \(b.name) with options \(options)")
            }
        }
        let pngPath = folder.appendingPathComponent("view.png").path
        let png = try Plexus.run(["render", "--graph", try await graphPath, "--format", "png", "--out", pngPath] + options)
        #expect(png.status == 0)
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: pngPath)).prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
    }

    @Test func titlesAndSubtitlesSayWhatIsOnThePage() async throws {
        let folder = try Plexus.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let graph = try await graphPath
        func svg(_ options: [String]) throws -> String {
            let path = folder.appendingPathComponent("v.svg").path
            let result = try Plexus.run(["render", "--graph", graph, "--out", path] + options)
            #expect(result.status == 0, "\(result.stderr)")
            return try String(contentsOfFile: path, encoding: .utf8)
        }
        let overview = try svg(["--top", "12"])
        #expect(overview.contains("ukraine&#45;peace · 9 documents · 2025&#45;02&#45;24 to 2025&#45;04&#45;09 · 12 of 44 entities"))
        #expect(!overview.contains("examples/"), "the corpus is named, not its path")
        #expect(try svg(["--title", "Who met whom in March"]).contains("Who met whom in March"))
        let ego = try svg(["--around", "Keir Starmer", "--top", "6"])
        #expect(ego.contains("its 5 strongest of 14 neighbours"), "\(ego.prefix(3000))")
        #expect(try svg(["--communities"]).contains("Who is covered together"), "communities of co-mention are not called camps")
        let stance = try svg(["--stance"])
        #expect(stance.contains("of 44 entities"), "the stance map says how many entities it shows")
    }

    @Test func anEntityWithNoTiesIsSaidInWordsNotDrawnAlone() throws {
        let folder = try Plexus.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let graph = Graph(
            nodes: [
                Node(id: "a", label: "Anna Smith", type: .person, mentions: 1, documents: 1),
                Node(id: "b", label: "Bob Ray", type: .person, mentions: 1, documents: 1),
                Node(id: "c", label: "Cia Moss", type: .person, mentions: 1, documents: 1),
            ],
            edges: [Edge(source: "a", target: "b", kind: .coMention, weight: 1)])
        let file = folder.appendingPathComponent("graph.json")
        try GraphCodec.write(graph, to: file.path)
        let result = try Plexus.run([
            "render", "--graph", file.path, "--around", "Cia Moss", "--out", folder.appendingPathComponent("x.png").path,
        ])
        #expect(result.status != 0)
        #expect(result.stderr.contains("Cia Moss has no ties"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("x.png").path))
    }

    @Test func theFileNameDecidesTheFormatAndNothingUnnamedIsOverwritten() async throws {
        let folder = try Plexus.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let graph = folder.appendingPathComponent("graph.json")
        try FileManager.default.copyItem(atPath: try await graphPath, toPath: graph.path)
        let svg = folder.appendingPathComponent("graph.svg")
        try Data("build's drawing".utf8).write(to: svg)

        let guess = folder.appendingPathComponent("guess.png").path
        #expect(try Plexus.run(["render", "--graph", graph.path, "--out", guess]).status == 0)
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: guess)).prefix(4)) == [0x89, 0x50, 0x4E, 0x47])

        let clash = try Plexus.run([
            "render", "--graph", graph.path, "--format", "png", "--out", folder.appendingPathComponent("r.svg").path,
        ])
        #expect(clash.status != 0)
        #expect(clash.stderr.contains("--format png contradicts"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("r.svg").path))

        for _ in 0..<2 { #expect(try Plexus.run(["render", "--graph", graph.path, "--format", "svg"]).status == 0) }
        #expect(try String(contentsOf: svg, encoding: .utf8) == "build's drawing")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("render.svg").path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("render-2.svg").path))

        let ppt = try Plexus.run(["deck", "--graph", graph.path, "--out", folder.appendingPathComponent("talk.ppt").path])
        #expect(ppt.status != 0)
        #expect(ppt.stderr.contains("talk.pptx"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("talk.ppt").path))
    }

    @Test func everyExportFormatCarriesEveryEdgeOfTheGraph() async throws {
        let folder = try Plexus.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try await graphPath
        let graph = try GraphCodec.read(from: source)
        // The examples hold stance edges between entities that are also co-mentioned.
        let pairs = Set(graph.edges.map { [$0.source, $0.target].sorted() })
        #expect(pairs.count < graph.edges.count)
        func export(_ format: String) throws -> String {
            let path = folder.appendingPathComponent("g.\(format)").path
            let result = try Plexus.run(["export", "--graph", source, "--format", format, "--out", path])
            #expect(result.status == 0, "\(format): \(result.stderr)")
            #expect(result.stdout.contains("(\(graph.nodes.count) nodes, \(graph.edges.count) edges)"))
            let file = format == "csv" ? folder.appendingPathComponent("g-edges.csv").path : path
            return try String(contentsOfFile: file, encoding: .utf8)
        }
        let n = graph.edges.count
        #expect(try export("graphml").components(separatedBy: "<edge ").count - 1 == n)
        #expect(try export("gexf").components(separatedBy: "<edge ").count - 1 == n)
        let d3 = try #require(try JSONSerialization.jsonObject(with: Data(export("json").utf8)) as? [String: Any])
        #expect((d3["links"] as? [Any])?.count == n)
        let cytoscape = try #require(try JSONSerialization.jsonObject(with: Data(export("cytoscape").utf8)) as? [String: Any])
        #expect(((cytoscape["elements"] as? [String: Any])?["edges"] as? [Any])?.count == n)
        let cypher = try export("cypher")
        #expect(cypher.components(separatedBy: "MERGE (a)-[").count - 1 == n)
        let csv = try export("csv")
        // Rows are lines outside quoted cells.
        var rows = 0
        var quoted = false
        for scalar in csv.unicodeScalars {
            if scalar == "\"" { quoted.toggle() } else if scalar == "\n" && !quoted { rows += 1 }
        }
        #expect(rows - 1 == n)
    }

    @Test func exportsRoundTripThroughNetworkx() async throws {
        let folder = try Plexus.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for format in ["graphml", "gexf", "json", "cytoscape", "csv", "cypher"] {
            let result = try Plexus.run([
                "export", "--graph", try await graphPath, "--format", format, "--out", folder.appendingPathComponent("g.\(format)").path,
            ])
            #expect(result.status == 0, "\(format): \(result.stderr)")
        }
        let graph = try GraphCodec.read(from: try await graphPath)
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let script = """
            import sys, json
            try:
                import networkx as nx
            except ImportError:
                print("skip"); sys.exit(0)
            d = sys.argv[1]
            g1 = nx.read_graphml(d + "/g.graphml"); g2 = nx.read_gexf(d + "/g.gexf")
            g3 = nx.node_link_graph(json.load(open(d + "/g.json")), edges="links")
            print(g1.number_of_nodes(), g2.number_of_nodes(), g3.number_of_nodes(), g1.nodes["keir-starmer"]["label"], g2.nodes["keir-starmer"]["label"])
            """
        check.arguments = ["python3", "-c", script, folder.path]
        let pipe = Pipe()
        check.standardOutput = pipe
        do { try check.run() } catch {
            print("skipping the networkx check: python3 is not available")
            return
        }
        check.waitUntilExit()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(
            in: .whitespacesAndNewlines)
        if output == "skip" {
            print("skipping the networkx check: networkx is not installed (pip install networkx)")
            return
        }
        let n = graph.nodes.count
        #expect(output == "\(n) \(n) \(n) Keir Starmer Keir Starmer", "networkx read: \(output)")
    }

    @Test func theDeckHasTheExpectedSlidesAndOpensInLibreOffice() async throws {
        let folder = try Plexus.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let deck = folder.appendingPathComponent("talk.pptx")
        let result = try Plexus.run([
            "deck", "--graph", try await graphPath, "--out", deck.path, "--path", "Starmer:Medvedev",
            "--images", folder.appendingPathComponent("slides").path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("(7 slides)"))  // title, overview, stance map, 3 ego networks, 1 path
        let images = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("slides").path).sorted()
        #expect(images.contains("slide-02.png") && images.contains("slide-07.svg"))
        let office = ["/usr/bin/soffice", "/usr/bin/libreoffice"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let office else {
            print("skipping the LibreOffice check: LibreOffice is not installed (bash scripts/install-prerequisites.sh --with-office)")
            return
        }
        let convert = Process()
        convert.executableURL = URL(fileURLWithPath: office)
        convert.arguments = ["--headless", "--convert-to", "pdf", "--outdir", folder.path, deck.path]
        convert.standardOutput = FileHandle.nullDevice
        convert.standardError = FileHandle.nullDevice
        try convert.run()
        convert.waitUntilExit()
        let pdf = try Data(contentsOf: folder.appendingPathComponent("talk.pdf"))
        let pages =
            String(decoding: pdf, as: UTF8.self).components(separatedBy: "/Type /Page\n").count - 1
            + String(decoding: pdf, as: UTF8.self).components(separatedBy: "/Type/Page/").count - 1
        #expect(pages == 7 || String(decoding: pdf, as: UTF8.self).contains("/Count 7"), "LibreOffice made \(pages) pages")
    }

    @Test func badPresentationRequestsAreClearErrors() async throws {
        let folder = try Plexus.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let unknown = try Plexus.run([
            "render", "--graph", try await graphPath, "--around", "Keir Starmr", "--out", folder.appendingPathComponent("x.svg").path,
        ])
        #expect(unknown.status != 0 && unknown.stderr.contains("did you mean \"Keir Starmer\""))
        let size = try Plexus.run([
            "render", "--graph", try await graphPath, "--size", "0x0", "--out", folder.appendingPathComponent("x.svg").path,
        ])
        #expect(size.status != 0 && size.stderr.contains("is not a page size"))
        let unwritable = try Plexus.run(["render", "--graph", try await graphPath, "--out", "/proc/plexus/x.svg"])
        #expect(unwritable.status != 0 && unwritable.stderr.contains("/proc/plexus/x.svg: cannot be written"))
        let stance = try Plexus.run([
            "render", "--graph", try await graphPath, "--stance", "--min-confidence", "1", "--out",
            folder.appendingPathComponent("s.svg").path,
        ])
        #expect(stance.status != 0 && stance.stderr.contains("has no stance edges at confidence 1.0 or above"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}
