import Foundation
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
        #expect(hops.allSatisfy { ($0["evidence"] as? [String: Any])?["text"] is String })
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
        #expect(result.stdout.contains("417 documents, 0 failed"))
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
