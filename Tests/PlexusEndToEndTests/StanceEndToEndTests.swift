import Foundation
import PlexusGraph
import Testing

@Suite(.serialized) struct StanceEndToEndTests {
    var graphPath: String { get async throws { try await ExampleBuild.shared.output().appendingPathComponent("graph.json").path } }

    func report(_ arguments: [String]) throws -> [String: Any] {
        let result = try Plexus.run(arguments + ["--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test(arguments: ["examples/stance/triples.txt", "examples/stance/held-out.txt", "examples/stance/held-out-2.txt"])
    func theTripleFixturesMeetTheIssueTargets(fixture: String) throws {
        let scores = try report(["eval-stance", "--triples", fixture])
        let precision = try #require(scores["precision"] as? Double)
        let recall = try #require(scores["recall"] as? Double)
        #expect(precision >= 0.80, "precision \(precision) on \(fixture)")
        #expect(recall >= 0.60, "recall \(recall) on \(fixture)")
        #expect((scores["passages"] as? Int ?? 0) >= 20)
    }

    @Test func theMainFixtureHasFortySentencesOrMore() throws {
        let scores = try report(["eval-stance", "--triples", "examples/stance/triples.txt"])
        #expect((scores["passages"] as? Int ?? 0) >= 40)
    }

    @Test func theExamplesGiveTheStancesTheArticlesState() async throws {
        let graph = try GraphCodec.read(from: try await graphPath)
        func has(_ source: String, _ polarity: Polarity, _ target: String) -> Bool {
            graph.edges.contains { $0.kind == .stance && $0.source == source && $0.target == target && $0.polarity == polarity }
        }
        #expect(has("kremlin", .oppose, "peacekeepers"))
        #expect(has("russia", .oppose, "peacekeepers"))
        #expect(has("volodymyr-zelensky", .oppose, "vladimir-putin"))
        #expect(has("donald-trump", .oppose, "security-guarantees"))
        for edge in graph.edges where edge.kind == .stance {
            #expect(!edge.evidence.isEmpty && edge.polarity != nil)
            #expect((0...1).contains(edge.confidence ?? -1))
        }
    }

    @Test func stancesListsBothDirectionsWithEvidence() async throws {
        let result = try Plexus.run(["stances", "Kremlin", "--graph", try await graphPath])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("opposes  peacekeepers"))
        #expect(result.stdout.contains("Kremlin rejects European peacekeepers in Ukraine"))
        #expect(result.stdout.contains("Confidence (0–1) is how clearly the sentence states the stance"))
        let listing = try report(["stances", "peacekeepers", "--graph", try await graphPath])
        let received = try #require(listing["receives"] as? [[String: Any]])
        #expect(received.contains { $0["label"] as? String == "Kremlin" && $0["polarity"] as? String == "oppose" })
        let unknown = try Plexus.run(["stances", "Kremlim", "--graph", try await graphPath])
        #expect(unknown.status != 0 && unknown.stderr.contains("did you mean \"Kremlin\""))
    }

    @Test func aFindingBelowTheThresholdIsQueryableButNotDrawn() async throws {
        let graph = try GraphCodec.read(from: try await graphPath)
        let weak = try #require(graph.edges.first { $0.kind == .stance && ($0.confidence ?? 1) < Edge.defaultMinimumStanceConfidence })
        let source = try #require(graph.node(id: weak.source))
        let all = try Plexus.run(["stances", source.label, "--graph", try await graphPath, "--all"])
        let target = try #require(graph.node(id: weak.target))
        #expect(all.stdout.contains(target.label))
        let folder = try Plexus.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let dot = folder.appendingPathComponent("s.dot").path
        #expect(try Plexus.run(["render", "--graph", try await graphPath, "--stance", "--format", "dot", "--out", dot]).status == 0)
        let text = try String(contentsOfFile: dot, encoding: .utf8)
        #expect(!text.contains("\"\(weak.source)\" -> \"\(weak.target)\""))
        #expect(text.contains("arrowhead=\"tee\"") && text.contains("arrowhead=\"normal\""))
    }

    @Test func aMalformedFixtureIsAClearError() throws {
        let folder = try Plexus.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = folder.appendingPathComponent("bad.txt")
        try Data("== one\nPoland backs Ukraine.\n> Poland | likes | Ukraine\n".utf8).write(to: bad)
        let result = try Plexus.run(["eval-stance", "--triples", bad.path])
        #expect(result.status != 0 && result.stderr.contains("bad.txt:3: expected \"> holder | support or oppose | target\""))
    }

    @Test func theShippedPolarityModelBeatsTheBaselineOnDev() throws {
        guard let dev = Plexus.sharedData("newsmtsc/rw/dev.jsonl") else { return }
        let scores = try report(["eval-stance", "--newsmtsc", dev.path])
        let macro = try #require(scores["macroF1"] as? Double)
        #expect(macro >= 0.62, "rw/dev macro-F1 \(macro)")
        #expect(scores["targets"] as? Int == 343)
    }

    @Test func aBrokenNewsMTSCLineNamesItsLine() throws {
        let folder = try Plexus.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = folder.appendingPathComponent("bad.jsonl")
        try Data("{\"sentence_normalized\": \"A b.\", \"targets\": []}\n{oops\n".utf8).write(to: bad)
        let result = try Plexus.run(["eval-stance", "--newsmtsc", bad.path])
        #expect(result.status != 0 && result.stderr.contains("bad.jsonl:2: not a NewsMTSC record"))
    }
}
