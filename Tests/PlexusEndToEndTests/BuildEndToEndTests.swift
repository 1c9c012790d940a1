import Foundation
import PlexusGraph
import Testing

/// Runs `plexus build` on the examples once for the tests that read its output.
actor ExampleBuild {
    static let shared = ExampleBuild()
    private var folder: URL?

    func output() throws -> URL {
        if let folder { return folder }
        let created = try Plexus.temporaryFolder()
        let result = try Plexus.run(["build", "examples/ukraine-peace", "--out", created.path])
        guard result.status == 0 else {
            throw CocoaError(.featureUnsupported, userInfo: [NSLocalizedDescriptionKey: "build failed: \(result.stderr)"])
        }
        folder = created
        return created
    }
}

@Suite(.serialized) struct BuildEndToEndTests {
    func graph() async throws -> Graph {
        try GraphCodec.read(from: try await ExampleBuild.shared.output().appendingPathComponent("graph.json").path)
    }

    @Test func buildWritesTheGraphAndEveryDiagram() async throws {
        let folder = try await ExampleBuild.shared.output()
        // Queries of this shared build leave graph.json's binary copy (graph.json.plxg) beside
        // it; the build itself writes the rest.
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasSuffix(".plxg") }.sorted()
        #expect(names == ["graph.dot", "graph.json", "graph.pdf", "graph.png", "graph.svg"])
    }

    @Test func anArticleThatOnceCrashedTheStanceReaderNoLongerLosesTheRun() throws {
        let folder = try Plexus.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let article = folder.appendingPathComponent("a.txt")
        try Data("Putin said Russia was Ready To accept American proposals.\n".utf8).write(to: article)
        let out = folder.appendingPathComponent("out")
        let result = try Plexus.run(["build", article.path, "examples/ukraine-peace", "--out", out.path, "--formats", "dot"])
        #expect(result.status == 0, "\(result.stderr)")
        let graph = try GraphCodec.read(from: out.appendingPathComponent("graph.json").path)
        #expect(graph.documents.count == 10)
    }

    @Test func anArticleWithNoEntitiesWritesTheGraphAndSaysThereIsNothingToDraw() throws {
        let folder = try Plexus.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let article = folder.appendingPathComponent("a.txt")
        try Data("nothing here but lower case words.\n".utf8).write(to: article)
        let out = folder.appendingPathComponent("out")
        // A previous run's picture must not stay beside the new graph.json.
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: out.appendingPathComponent("graph.png"))
        let result = try Plexus.run(["build", article.path, "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("nothing to draw: the articles name no person, country or organisation"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["graph.json"])
        #expect(!result.stdout.contains("graph.png"))
    }

    @Test func aliasesMergeIntoOneEntityEach() async throws {
        let graph = try await graph()
        let starmer = try #require(graph.node(id: "keir-starmer"))
        #expect(Set(["Sir Keir Starmer", "Sir Keir", "Mr Starmer"]).isSubset(of: Set(starmer.aliases)))
        let uk = try #require(graph.node(id: "united-kingdom"))
        #expect(Set(["Britain", "UK", "British"]).isSubset(of: Set(uk.aliases)))
        let putin = try #require(graph.node(id: "vladimir-putin"))
        #expect(putin.aliases.contains("Mr Putin"))
        #expect(graph.nodes.filter { $0.label.contains("Starmer") || $0.label.contains("Zelensky") }.count == 2)
        let udcg = try #require(graph.node(id: "ukraine-defence-contact-group"))
        #expect(udcg.aliases.contains("UDCG"))
    }

    @Test func boilerplateNeverBecomesAnEntityOrEvidence() async throws {
        let graph = try await graph()
        let labels = Set(graph.nodes.map(\.label))
        for furniture in ["AFP", "GETTY", "REUTERS", "Getty Images", "Europe Direct", "Plexus"] {
            #expect(!labels.contains(furniture))
        }
        let evidence = graph.edges.flatMap(\.evidence).map(\.text)
        #expect(!evidence.contains { $0.contains("Sign up") || $0.contains("Additional reporting") || $0.contains("Read more") })
    }

    @Test func theStrongestPairsAreTheOnesTheArticlesAreAbout() async throws {
        let graph = try await graph()
        let people = Set(graph.nodes.filter { $0.type == .person }.map(\.id))
        let strongest = graph.edges.filter { people.contains($0.source) && people.contains($0.target) }
            .sorted { $0.weight > $1.weight }.prefix(3).map { "\($0.source)|\($0.target)" }
        #expect(strongest.contains("emmanuel-macron|keir-starmer"))
        #expect(strongest.contains("donald-trump|vladimir-putin"))
    }

    @Test func evidenceKeepsCurlyAndLowNineQuotes() async throws {
        let evidence = try await graph().edges.flatMap(\.evidence).map(\.text)
        #expect(evidence.contains { $0.contains("„gambling with World War Three“") })
        #expect(evidence.contains { $0.contains("“legitimate targets”") })
    }

    @Test func theRepeatedLiveBlogParagraphCountsOnce() async throws {
        let graph = try await graph()
        let edge = try #require(graph.edges.first { $0.source == "marco-rubio" && $0.target == "russia" })
        #expect(edge.weight == 2)
    }

    @Test func dotOutputMatchesTheGoldenFile() async throws {
        let folder = try await ExampleBuild.shared.output()
        let produced = try String(contentsOf: folder.appendingPathComponent("graph.dot"), encoding: .utf8)
        let golden = Plexus.root.appendingPathComponent("Tests/PlexusEndToEndTests/Golden/ukraine-peace.dot")
        if ProcessInfo.processInfo.environment["PLEXUS_UPDATE_GOLDEN"] == "1" {
            try produced.write(to: golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(
            produced == expected, "graph.dot differs from the golden file; if the change is intended, run PLEXUS_UPDATE_GOLDEN=1 swift test"
        )
    }

    @Test func committedGraphsMatchAFreshBuild() async throws {
        let folder = try await ExampleBuild.shared.output()
        for name in ["graph.json", "graph.dot", "graph.svg"] {
            let fresh = try Data(contentsOf: folder.appendingPathComponent(name))
            let committed = try Data(contentsOf: Plexus.root.appendingPathComponent("graphs/ukraine-peace/\(name)"))
            #expect(fresh == committed, "graphs/ukraine-peace/\(name) is stale: run `make graphs`")
        }
    }

    @Test func imagesAreValidAndNonTrivial() async throws {
        let folder = try await ExampleBuild.shared.output()
        let png = try Data(contentsOf: folder.appendingPathComponent("graph.png"))
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(png.count > 50_000)
        let svg = try String(contentsOf: folder.appendingPathComponent("graph.svg"), encoding: .utf8)
        #expect(svg.contains("<svg") && svg.contains("Keir Starmer") && svg.contains("Dmitry Medvedev"))
        #expect(svg.components(separatedBy: "class=\"node\"").count > 20)
        let pdf = try Data(contentsOf: folder.appendingPathComponent("graph.pdf"))
        #expect(String(decoding: pdf.prefix(5), as: UTF8.self) == "%PDF-")
    }

    @Test func buildsAreByteForByteDeterministic() async throws {
        let first = try await ExampleBuild.shared.output()
        let second = try Plexus.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: second) }
        let result = try Plexus.run(["build", "examples/ukraine-peace", "--out", second.path])
        #expect(result.status == 0)
        for name in ["graph.json", "graph.dot", "graph.svg", "graph.png", "graph.pdf"] {
            let a = try Data(contentsOf: first.appendingPathComponent(name))
            let b = try Data(contentsOf: second.appendingPathComponent(name))
            #expect(a == b, "\(name) differs between two builds")
        }
    }
}

@Suite struct AdversarialInputTests {
    @Test func aHundredKilobyteParagraphOfNamesStaysSmallAndQuick() throws {
        let folder = try Plexus.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = ["Peter", "Anna", "John", "Maria", "David", "Sarah", "James", "Laura", "Michael", "Emma"]
        let last = ["Brown", "Kowalski", "Smith", "Novak", "Jones", "Petrov", "Taylor", "Garcia", "Miller", "Rossi", "Wilson"]
        var words: [String] = []
        var size = 0
        var k = 0
        while size < 102_000 {
            let name = first[k % first.count] + " " + last[(k / first.count) % last.count] + ["son", "ton", "er", ""][k % 4] + ","
            words.append(name)
            size += name.utf8.count + 1
            k += 1
        }
        let article = folder.appendingPathComponent("names.txt")
        try Data((words.joined(separator: " ") + "\n").utf8).write(to: article)
        let out = folder.appendingPathComponent("out")
        let result = try Plexus.run(["build", article.path, "--out", out.path, "--formats", "dot"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("longer than 200 words") && result.stderr.contains("gave no edges"))
        let json = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent("graph.json").path)
        #expect((json[.size] as? Int ?? .max) < 10 * size)
    }
}

@Suite struct OutputFolderTests {
    @Test func aKilledRunsTemporaryFilesAreClearedByTheNextRun() throws {
        let folder = try Plexus.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A process number no process has: a run killed while writing graph.json.
        try Data("half".utf8).write(to: folder.appendingPathComponent(".graph.json.999999.tmp"))
        let result = try Plexus.run(["build", "examples/ukraine-peace", "--out", folder.path, "--formats", "dot"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["graph.dot", "graph.json"])
    }

    @Test func aBuildKilledMidwayLeavesTheEarlierSetWholeAndTheNextBuildReplacesIt() throws {
        guard let politics = Plexus.sharedData("news-corpus/bbc/politics") else { return }
        let folder = try Plexus.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try Plexus.run(["build", "examples/ukraine-peace", "--out", folder.path, "--formats", "dot", "svg"])
        #expect(first.status == 0, "\(first.stderr)")
        let before = try Data(contentsOf: folder.appendingPathComponent("graph.json"))
        let killed = Process()
        killed.executableURL = Plexus.binary
        killed.arguments = ["build", politics.path, "--out", folder.path, "--formats", "dot", "svg", "png"]
        killed.currentDirectoryURL = Plexus.root
        killed.standardOutput = FileHandle.nullDevice
        killed.standardError = FileHandle.nullDevice
        try killed.run()
        // Kill it once it has started writing into its staging folder.
        var waited = 0
        while waited < 3000 {
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            if let staging = names.first(where: { $0.hasPrefix(".staging.") }),
                (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(staging).path))?.isEmpty == false
            {
                break
            }
            usleep(10_000)
            waited += 1
        }
        kill(killed.processIdentifier, SIGKILL)
        killed.waitUntilExit()
        let visible = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
        #expect(visible == ["graph.dot", "graph.json", "graph.svg"])
        #expect(try Data(contentsOf: folder.appendingPathComponent("graph.json")) == before, "the earlier graph is untouched")
        let next = try Plexus.run(["build", "examples/ukraine-peace/01-london-summit.txt", "--out", folder.path, "--formats", "dot"])
        #expect(next.status == 0, "\(next.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["graph.dot", "graph.json"])
    }

    @Test func aSecondBuildIntoTheSameFolderIsRefusedWhileTheFirstRuns() throws {
        guard let politics = Plexus.sharedData("news-corpus/bbc/politics") else { return }
        let folder = try Plexus.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = Process()
        first.executableURL = Plexus.binary
        first.arguments = ["build", politics.path, "--out", folder.path, "--formats", "dot"]
        first.currentDirectoryURL = Plexus.root
        first.standardOutput = FileHandle.nullDevice
        first.standardError = FileHandle.nullDevice
        try first.run()
        let lock = folder.appendingPathComponent(".plexus.lock").path
        var waited = 0
        while !FileManager.default.fileExists(atPath: lock) && waited < 400 {
            usleep(10_000)
            waited += 1
        }
        let second = try Plexus.run(["build", "examples/ukraine-peace", "--out", folder.path, "--formats", "dot"])
        first.waitUntilExit()
        #expect(first.terminationStatus == 0)
        #expect(second.status != 0)
        #expect(second.stderr.contains("another plexus is writing into this folder"))
        let graph = try GraphCodec.read(from: folder.appendingPathComponent("graph.json").path)
        #expect(graph.documents.count > 400)
    }
}

@Suite struct InputReportingTests {
    @Test func linksPipesAndBadFieldsEachGetTheirOwnMessageAndTheRestIsRead() throws {
        let folder = try Plexus.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let articles = folder.appendingPathComponent("articles")
        try FileManager.default.createDirectory(at: articles, withIntermediateDirectories: true)
        try Data("Keir Starmer met Emmanuel Macron in Paris.\n".utf8).write(to: articles.appendingPathComponent("good.txt"))
        try FileManager.default.createSymbolicLink(
            atPath: articles.appendingPathComponent("gone.txt").path, withDestinationPath: "moved.txt")
        let fifo = Process()
        fifo.executableURL = URL(fileURLWithPath: "/usr/bin/mkfifo")
        fifo.arguments = [articles.appendingPathComponent("pipe.txt").path]
        try fifo.run()
        fifo.waitUntilExit()
        let lines = [
            #"{"text": "Vladimir Putin spoke to Donald Trump.", "title": ["a"], "date": "2025-13-45", "id": 5}"#,
            #"{"text": "Olaf Scholz met Giorgia Meloni.", "url": 7, "date": null}"#,
        ]
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: articles.appendingPathComponent("feed.jsonl"))
        let result = try Plexus.run(["build", articles.path, "--out", folder.appendingPathComponent("out").path, "--formats", "dot"])
        #expect(result.status == 1, "failures make the exit status 1")
        #expect(result.stderr.contains("gone.txt: symbolic link to moved.txt, which does not exist"))
        #expect(result.stderr.contains("pipe.txt: a named pipe (FIFO), not a regular file"))
        #expect(result.stderr.contains("feed.jsonl:1: \"title\" is an array, not a string; ignored"))
        #expect(result.stderr.contains("feed.jsonl:1: \"date\": \"2025-13-45\" is no date"))
        #expect(result.stderr.contains("feed.jsonl:2: \"url\" is a number, not a string; ignored"))
        #expect(!result.stderr.contains("feed.jsonl:2: \"date\""), "null is an absent field, not a wrong one")
        #expect(!result.stderr.contains("\"id\""), "a number is a fine id")
        let graph = try GraphCodec.read(from: folder.appendingPathComponent("out/graph.json").path)
        #expect(graph.documents.count == 3, "the good file and both records are read")
    }

    @Test func controlCharactersFromDataNeverReachTheTerminal() throws {
        let folder = try Plexus.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let evil = "Evil\u{1B}]0;pwned\u{07}\u{1B}[2J Corp\u{9B}"
        let graph = Graph(
            documents: [DocumentInfo(id: "d1", path: "a\u{1B}[31m.txt")],
            nodes: [
                Node(id: "a", label: evil, type: .organisation, aliases: [evil], mentions: 2, documents: 1),
                Node(id: "b", label: "Anna Smith", type: .person, aliases: ["Anna Smith"], mentions: 2, documents: 1),
            ],
            edges: [
                Edge(
                    source: "a", target: "b", kind: .coMention, weight: 1,
                    evidence: [Evidence(document: "d1", sentence: 1, text: "\(evil) hired Anna Smith.")])
            ])
        let file = folder.appendingPathComponent("graph.json")
        try GraphCodec.write(graph, to: file.path)
        let runs = [
            try Plexus.run(["top", "--graph", file.path]),
            try Plexus.run(["path", "Anna Smith", "Evil", "--graph", file.path, "--explain"]),
            try Plexus.run(["neighbors", "Anna Smith", "--graph", file.path]),
            try Plexus.run(["path", "Anna Smith", "Evil Crop", "--graph", file.path]),
        ]
        for run in runs {
            let bytes = Array((run.stdout + run.stderr).utf8)
            #expect(!bytes.contains(0x1B) && !bytes.contains(0x07), "raw control bytes reached the terminal: \(run.stdout) \(run.stderr)")
            #expect(!(run.stdout + run.stderr).unicodeScalars.contains("\u{9B}"))
        }
        #expect(runs[0].stdout.contains("Evil\\x1B]0;pwned\\x07"), "controls are shown, escaped: \(runs[0].stdout)")
    }
}

@Suite struct BuildOptionHabitsTests {
    @Test func formatsTakeCommasOrSeveralValuesAndNeverSwallowTheArticles() throws {
        let folder = try Plexus.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let article = "examples/ukraine-peace/01-london-summit.txt"
        let commas = try Plexus.run(["build", "--formats", "svg,dot", article, "--out", folder.appendingPathComponent("a").path])
        #expect(commas.status == 0, "\(commas.stderr)")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("a").path).sorted() == [
                "graph.dot", "graph.json", "graph.svg",
            ])
        let spaced = try Plexus.run(["build", "--formats", "svg", "dot", article, "--out", folder.appendingPathComponent("b").path])
        #expect(spaced.status == 0, "the article after the formats is read as the article: \(spaced.stderr)")
        #expect(spaced.stdout.hasPrefix("Read 1 file: 1 document"))
        let unknown = try Plexus.run(["build", article, "--formats", "gif", "--out", folder.appendingPathComponent("c").path])
        #expect(unknown.status != 0 && unknown.stderr.contains("\"gif\" is not a format"))
    }

    @Test func aMistypedOptionIsCalledUnknownBeforeAnythingIsCalledMissing() throws {
        let result = try Plexus.run(["build", "examples/ukraine-peace", "--otu", "x"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("Unknown option '--otu'") && result.stderr.contains("--out"), "\(result.stderr)")
        let missing = try Plexus.run(["build", "examples/ukraine-peace"])
        #expect(missing.status != 0 && missing.stderr.contains("give --out"))
    }

    @Test func countLimitsAreCalledTopEverywhere() async throws {
        let graph = try await ExampleBuild.shared.output().appendingPathComponent("graph.json").path
        let top = try Plexus.run(["top", "--graph", graph, "--top", "3"])
        #expect(top.status == 0, "\(top.stderr)")
        let communities = try Plexus.run(["communities", "--graph", graph, "--top", "2"])
        #expect(communities.status == 0, "\(communities.stderr)")
        let zero = try Plexus.run(["top", "--graph", graph, "--top", "0"])
        #expect(zero.status != 0 && zero.stderr.contains("--top must be at least 1"))
    }
}

@Suite struct ProgressTests {
    @Test func aLongBuildShowsProgressOnATerminalAndOnlyItsSummaryElsewhere() throws {
        let folder = try Plexus.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let articles = folder.appendingPathComponent("articles")
        try FileManager.default.createDirectory(at: articles, withIntermediateDirectories: true)
        let people = ["Keir Starmer", "Emmanuel Macron", "Olaf Scholz", "Giorgia Meloni", "Donald Trump"]
        for number in 0..<230 {
            let text = "\(people[number % 5]) met \(people[(number + 1) % 5]) in Paris on day \(number).\n"
            try Data(text.utf8).write(to: articles.appendingPathComponent(String(format: "a%03d.txt", number)))
        }
        let piped = try Plexus.run(["build", articles.path, "--out", folder.appendingPathComponent("out1").path, "--formats", "dot"])
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(!piped.stderr.contains("Analysing"), "no progress line when standard error is not a terminal")
        #expect(piped.stdout.contains("Read 230 files: 230 documents"))
        // `script` runs the build on a pseudo-terminal, as a person at a shell would.
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
            print("skipping the terminal check: /usr/bin/script is not installed")
            return
        }
        let command = "\(Plexus.binary.path) build \(articles.path) --out \(folder.appendingPathComponent("out2").path) --formats dot"
        let terminal = try Plexus.run(["-qec", command, "/dev/null"], program: URL(fileURLWithPath: "/usr/bin/script"))
        #expect(terminal.status == 0, "\(terminal.stdout)")
        #expect(terminal.stdout.contains("Analysing: 230 of 230 documents"), "\(terminal.stdout)")
    }
}
