import Foundation
import PlexusGraph
import Testing

/// Headless Chromium, for opening HTML views as a reader's browser would.
enum Browser {
    /// The Chromium program, or `nil` with a printed reason; under CI=true its absence fails
    /// the calling test, as `make test` installs it there.
    static func chromium() -> URL? {
        for path in ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        where FileManager.default.isExecutableFile(atPath: path) {
            return URL(fileURLWithPath: path)
        }
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            Issue.record("Chromium is not installed; `make test` installs it (scripts/install-prerequisites.sh --with-browser)")
        } else {
            print("skipping the browser check: Chromium is not installed (bash scripts/install-prerequisites.sh --with-browser)")
        }
        return nil
    }

    /// What Chromium printed for a page: the DOM after its scripts ran, and the console lines.
    struct Visit {
        var dom: String
        var console: [String]
    }

    /// Opens `page` from disk, lets its scripts run, and returns the DOM (or writes a
    /// screenshot to `screenshot` instead).
    static func open(_ page: URL, with chromium: URL, screenshot: URL? = nil) throws -> Visit {
        var arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--allow-file-access-from-files",
            "--enable-logging=stderr", "--v=0", "--window-size=1600,900", "--virtual-time-budget=8000",
        ]
        arguments += screenshot.map { ["--screenshot=\($0.path)"] } ?? ["--dump-dom"]
        let result = try Plexus.run(arguments + [page.absoluteString], program: chromium)
        let console = result.stderr.split(separator: "\n").map(String.init).filter { $0.contains(":CONSOLE") }
        return Visit(dom: result.stdout, console: console)
    }

    /// A page beside `view` that opens it in a frame, runs `steps` (the body of an async
    /// JavaScript function with `page`, `doc`, `data`, `click` and `out` in scope) once it has
    /// loaded, and shows `out` as JSON in `<pre id="result">` when they are done.
    static func probe(for view: URL, steps: String) throws -> URL {
        let probe = view.deletingLastPathComponent().appendingPathComponent("probe.html")
        let html = """
            <!DOCTYPE html><html><body>
            <iframe id="frame" src="\(view.lastPathComponent)" width="1500" height="860"></iframe>
            <pre id="result"></pre>
            <script>
            const frame = document.getElementById('frame');
            frame.addEventListener('load', async () => {
              const out = {};
              try {
                const page = frame.contentWindow;
                const doc = page.document;
                const data = JSON.parse(doc.getElementById('plexus-data').textContent);
                const click = (element) => element.dispatchEvent(new page.MouseEvent('click', { bubbles: true }));
                out.ready = doc.documentElement.dataset.plexusReady === 'true';
                \(steps)
              } catch (error) { out.error = String(error); }
              document.getElementById('result').textContent = JSON.stringify(out);
            });
            </script></body></html>
            """
        try html.write(to: probe, atomically: true, encoding: .utf8)
        return probe
    }

    /// The probe's `out` object, decoded from the dumped DOM.
    static func result(_ visit: Visit) throws -> [String: Any] {
        guard let start = visit.dom.range(of: "<pre id=\"result\">"),
            let end = visit.dom.range(of: "</pre>", range: start.upperBound..<visit.dom.endIndex)
        else { return [:] }
        let json = String(visit.dom[start.upperBound..<end.lowerBound])
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
        return try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] ?? [:]
    }

    /// Where screenshots go for the team to look at: `.build/view-screenshots`.
    static var screenshots: URL {
        let folder = Plexus.root.appendingPathComponent(".build/view-screenshots")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}

@Suite(.serialized) struct HTMLViewEndToEndTests {
    var graphPath: String { get async throws { try await ExampleBuild.shared.output().appendingPathComponent("graph.json").path } }

    @Test func aReaderClicksAnEntityAndATieAndReadsTheSentencesBehindIt() async throws {
        guard let chromium = Browser.chromium() else { return }
        let folder = try Plexus.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let view = folder.appendingPathComponent("story.html")
        let written = try Plexus.run(["view", "--graph", try await graphPath, "--out", view.path])
        #expect(written.status == 0, "\(written.stderr)")

        // The file itself, opened from disk: its script runs to the end and logs nothing.
        let opened = try Browser.open(view, with: chromium)
        #expect(opened.dom.contains("data-plexus-ready=\"true\""), "the page's script did not finish")
        #expect(opened.console.isEmpty, "console: \(opened.console)")
        _ = try Browser.open(view, with: chromium, screenshot: Browser.screenshots.appendingPathComponent("view-overview.png"))

        let probe = try Browser.probe(
            for: view,
            steps: """
                const entity = data.nodes.findIndex((node) => node.label === 'Keir Starmer');
                click(doc.getElementById(data.nodes[entity].element).querySelector('text'));
                out.entityPanel = doc.getElementById('panel').textContent;
                out.lit = doc.querySelectorAll('svg .lit').length;
                const tie = data.edges.findIndex((edge) => edge.kind === 'stance' && edge.element && edge.confidence >= 0.5);
                click(doc.getElementById(data.edges[tie].element).querySelector('path'));
                out.tiePanel = doc.getElementById('panel').textContent;
                out.expected = data.edges[tie].evidence.map((quote) => data.sentences[quote.i].t);
                out.marked = [...doc.querySelectorAll('#panel mark')].map((mark) => mark.textContent);
                const search = doc.getElementById('search');
                search.value = 'mr starmer';
                search.dispatchEvent(new page.Event('input'));
                out.firstMatch = doc.querySelector('#results li')?.textContent;
                search.dispatchEvent(new page.KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
                out.afterSearch = doc.querySelector('#panel h2')?.textContent;
                const coMention = [...doc.querySelectorAll('.filters input[type=checkbox]')][0];
                coMention.click();
                out.hiddenTies = doc.querySelectorAll('svg .edge.hidden').length;
                out.drawnCoMentions = data.edges.filter((edge) => edge.element && edge.kind === 'co-mention').length;
                coMention.click();
                // Keyboard: an entity takes focus and opens with Enter.
                const healey = doc.getElementById(data.nodes.find((node) => node.label === 'John Healey').element);
                healey.focus();
                out.focused = doc.activeElement === healey;
                healey.dispatchEvent(new page.KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
                out.afterEnter = doc.querySelector('#panel h2')?.textContent;
                // Downloads: capture the files the buttons hand to the browser.
                const saved = [];
                // Keep the files from reaching the disk: the link's default action is stopped.
                doc.addEventListener('click', (event) => event.target.download && event.preventDefault(), true);
                const createURL = page.URL.createObjectURL.bind(page.URL);
                page.URL.createObjectURL = (blob) => {
                  saved.push(blob);
                  return createURL(blob);
                };
                const buttons = [...doc.querySelectorAll('#side button')];
                buttons.find((button) => button.textContent === 'SVG').click();
                buttons.find((button) => button.textContent === 'PNG').click();
                for (let wait = 0; wait < 100 && saved.length < 2; wait += 1) await new Promise((done) => setTimeout(done, 50));
                out.downloads = await Promise.all(saved.map(async (blob) => ({
                  type: blob.type, size: blob.size, start: blob.type === 'image/svg+xml' ? (await blob.text()).slice(0, 200) : '',
                })));
                click(doc.getElementById(data.edges[tie].element).querySelector('path'));
                // Contrast (WCAG 2): every piece of text in the page chrome against what it sits on.
                const rgb = (text) => (text.match(/[\\d.]+/g) || []).map(Number);
                const luminance = ([r, g, b]) => [r, g, b].map((v) => v / 255)
                  .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
                  .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
                const backdrop = (element) => {
                  for (let at = element; at; at = at.parentElement) {
                    const colour = rgb(page.getComputedStyle(at).backgroundColor);
                    if (colour.length === 3 || (colour.length === 4 && colour[3] > 0)) return colour.slice(0, 3);
                  }
                  return [255, 255, 255];
                };
                out.contrast = [...doc.querySelectorAll('header *, #side *, #zoom button')]
                  .filter((element) => [...element.childNodes].some((node) => node.nodeType === 3 && node.textContent.trim()))
                  .map((element) => {
                    const [a, b] = [luminance(rgb(page.getComputedStyle(element).color)), luminance(backdrop(element))];
                    return { ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05), text: element.textContent.slice(0, 40) };
                  })
                  .sort((x, y) => x.ratio - y.ratio)[0];
                """)
        let visit = try Browser.open(probe, with: chromium)
        let out = try Browser.result(visit)
        #expect(out["error"] == nil, "\(out["error"] ?? "")")
        #expect(out["ready"] as? Bool == true)
        let entityPanel = out["entityPanel"] as? String ?? ""
        #expect(entityPanel.hasPrefix("Keir Starmer") && entityPanel.contains("Mr Starmer") && entityPanel.contains("Strongest ties"))
        #expect((out["lit"] as? Int ?? 0) >= 2, "clicking an entity lights its ties")
        let tiePanel = out["tiePanel"] as? String ?? ""
        let expected = out["expected"] as? [String] ?? []
        #expect(!expected.isEmpty && expected.allSatisfy { tiePanel.contains($0) }, "\(tiePanel)")
        #expect(!(out["marked"] as? [String] ?? []).isEmpty, "the stance cue is marked in the sentence")
        #expect((out["firstMatch"] as? String ?? "").hasPrefix("Keir Starmer"))
        #expect(out["afterSearch"] as? String == "Keir Starmer")
        #expect((out["hiddenTies"] as? Int ?? 0) >= (out["drawnCoMentions"] as? Int ?? 1))
        #expect(out["focused"] as? Bool == true)
        #expect(out["afterEnter"] as? String == "John Healey")
        let downloads = out["downloads"] as? [[String: Any]] ?? []
        #expect(downloads.map { $0["type"] as? String } == ["image/svg+xml", "image/png"], "\(downloads)")
        let svgStart: String = (downloads.first?["start"] as? String) ?? ""
        #expect(svgStart.hasPrefix("<svg"))
        #expect(downloads.allSatisfy { ($0["size"] as? Int ?? 0) > 1000 })
        let contrast = out["contrast"] as? [String: Any] ?? [:]
        #expect((contrast["ratio"] as? Double ?? 0) >= 4.5, "lowest text contrast: \(contrast)")
        #expect(visit.console.isEmpty, "console: \(visit.console)")
        _ = try Browser.open(probe, with: chromium, screenshot: Browser.screenshots.appendingPathComponent("view-evidence.png"))
    }

    @Test func buildAndRenderWriteTheViewBesideTheOtherFormats() async throws {
        let folder = try Plexus.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let built = try Plexus.run([
            "build", "examples/ukraine-peace/01-london-summit.txt", "--out", folder.path, "--formats", "svg", "html",
        ])
        #expect(built.status == 0, "\(built.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == ["graph.html", "graph.json", "graph.svg"])
        let page = try String(contentsOf: folder.appendingPathComponent("graph.html"), encoding: .utf8)
        #expect(page.contains("<svg") && page.contains("id=\"plexus-data\""))
        let rendered = try Plexus.run([
            "render", "--graph", folder.appendingPathComponent("graph.json").path, "--out", folder.appendingPathComponent("again.htm").path,
        ])
        #expect(rendered.status == 0, "\(rendered.stderr)")
        let examples = try await graphPath
        for (options, title) in [(["--around", "Keir Starmer"], "Around Keir Starmer"), (["--stance"], "Who supports and opposes whom")] {
            let page = folder.appendingPathComponent("choice.html")
            let chosen = try Plexus.run(["view", "--graph", examples, "--out", page.path] + options)
            #expect(chosen.status == 0, "\(chosen.stderr)")
            #expect(try String(contentsOf: page, encoding: .utf8).contains("<h1 id=\"title\">\(title)</h1>"))
        }
        let refused = try Plexus.run(["view", "--graph", folder.appendingPathComponent("graph.json").path, "--out", "story.svg"])
        #expect(refused.status != 0 && refused.stderr.contains(".html"))
    }

    @Test func hostileTextInTheGraphIsShownAsTextAndNeverRuns() async throws {
        guard let chromium = Browser.chromium() else { return }
        let folder = try Plexus.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = "<script>parent.hacked = 1</script>"
        let breakout = "</script><script>parent.hacked = 2</script><img src=x onerror=\"parent.hacked = 3\">"
        let graph = Graph(
            documents: [
                DocumentInfo(id: "d1", path: "a.txt", title: "<b>bold</b> \u{202E}desrever", url: "javascript:parent.hacked = 4")
            ],
            nodes: [
                Node(id: "a", label: script, type: .person, aliases: [script, "\"Quoted\" & 'single'"], mentions: 3, documents: 1),
                Node(id: "b", label: "\u{202E}Evil\u{202C} </svg><p>", type: .country, aliases: [], mentions: 2, documents: 1),
            ],
            edges: [
                Edge(
                    source: "a", target: "b", kind: .stance, polarity: .oppose, weight: 1, confidence: 0.9,
                    evidence: [Evidence(document: "d1", sentence: 1, text: breakout, cue: "</script>")], byDocument: ["d1": 1])
            ])
        let graphFile = folder.appendingPathComponent("graph.json")
        try GraphCodec.write(graph, to: graphFile.path)
        let view = folder.appendingPathComponent("hostile.html")
        let written = try Plexus.run(["view", "--graph", graphFile.path, "--out", view.path])
        #expect(written.status == 0, "\(written.stderr)")
        let probe = try Browser.probe(
            for: view,
            steps: """
                click(doc.querySelector('[data-node="0"] text'));
                out.entityPanel = doc.getElementById('panel').textContent;
                click(doc.querySelector('[data-edge="0"] path'));
                out.tiePanel = doc.getElementById('panel').textContent;
                out.elements = doc.querySelectorAll('#panel img, #panel b, #panel script, #side p p').length;
                out.links = doc.querySelectorAll('#panel a').length;
                out.hacked = window.hacked === undefined && page.hacked === undefined ? 'no' : 'yes';
                out.title = doc.title;
                """)
        let visit = try Browser.open(probe, with: chromium)
        let out = try Browser.result(visit)
        #expect(out["error"] == nil, "\(out["error"] ?? "")")
        #expect(out["ready"] as? Bool == true)
        #expect(out["hacked"] as? String == "no")
        #expect((out["entityPanel"] as? String ?? "").hasPrefix(script))
        #expect((out["entityPanel"] as? String ?? "").contains("\"Quoted\" & 'single'"))
        #expect((out["tiePanel"] as? String ?? "").contains(breakout))
        #expect((out["tiePanel"] as? String ?? "").contains("<b>bold</b>"))
        #expect(out["elements"] as? Int == 0)
        #expect(out["links"] as? Int == 0, "a javascript: address is never a link")
        #expect(visit.console.isEmpty, "console: \(visit.console)")
    }
}
