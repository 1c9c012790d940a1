import Foundation
import Testing

/// The store commands on real news: several ingest processes at once, a killed ingest, and a
/// build from the store against a one-shot build of the same articles.
@Suite("Store end to end", .serialized)
struct StoreEndToEndTests {
    static let politics = "../shared/data/news-corpus/bbc/politics"

    /// graph.json of `plexus build` of bbc/politics, built once for the suite.
    static func oneShotGraph() throws -> Data? {
        guard Plexus.sharedData("news-corpus/bbc/politics") != nil else { return nil }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("plexus-oneshot-politics")
        let graph = out.appendingPathComponent("graph.json")
        if let data = try? Data(contentsOf: graph) { return data }
        let result = try Plexus.run(["build", politics, "--out", out.path, "--formats", "dot"])
        #expect(result.status == 0, "\(result.stderr)")
        return try Data(contentsOf: graph)
    }

    /// The article files of bbc/politics, as a folder build lists them.
    static func politicsFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: Plexus.root.appendingPathComponent(politics).path)
            .filter { $0.hasSuffix(".txt") && !$0.lowercased().hasPrefix("readme") }.sorted().map { politics + "/" + $0 }
    }

    /// Starts `plexus arguments…` without waiting.
    static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = Plexus.binary
        process.arguments = arguments
        process.currentDirectoryURL = Plexus.root
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test("four ingest processes over overlapping shards into one PostgreSQL store give the one-shot graph.json")
    func concurrentIngestIntoPostgres() async throws {
        guard let expected = try Self.oneShotGraph() else { return }
        guard let server = ProcessInfo.processInfo.environment["PLEXUS_TEST_POSTGRES"] else {
            #expect(ProcessInfo.processInfo.environment["CI"] != "true", "CI=true needs PLEXUS_TEST_POSTGRES (scripts/with-postgres.sh)")
            print("skipping: PLEXUS_TEST_POSTGRES is not set")
            return
        }
        let files = try Self.politicsFiles()
        // Four shards of about a third each, overlapping: every article is in one or two.
        let shards = (0..<4).map { shard in files.enumerated().filter { ($0.offset + shard) % 4 < 2 }.map(\.element) }
        let database = "plexus_e2e_" + String(UUID().uuidString.prefix(8)).lowercased()
        _ = try Plexus.run(["-q", server, "-c", "CREATE DATABASE \(database)"], program: URL(fileURLWithPath: "/usr/bin/psql"))
        defer {
            _ = try? Plexus.run(
                ["-q", server, "-c", "DROP DATABASE \(database) WITH (FORCE)"], program: URL(fileURLWithPath: "/usr/bin/psql"))
        }
        var components = try #require(URLComponents(string: server))
        components.path = "/" + database
        let store = try #require(components.string)
        let processes = try shards.map { try Self.start(["ingest"] + $0 + ["--store", store]) }
        for process in processes { process.waitUntilExit() }
        #expect(processes.allSatisfy { $0.terminationStatus == 0 })
        let out = try Plexus.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let built = try Plexus.run(["build", "--store", store, "--out", out.path, "--formats", "dot"])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(try Data(contentsOf: out.appendingPathComponent("graph.json")) == expected)
        let again = try Plexus.run(["ingest", Self.politics, "--store", store])
        #expect(again.stdout.contains("\(files.count) files: \(files.count) unchanged since they were stored"), "\(again.stdout)")
        #expect(again.stdout.contains("Articles read: 0: 0 added, 0 replaced, 0 unchanged"), "\(again.stdout)")
    }

    @Test("an ingest killed with SIGKILL and run again gives the one-shot graph.json")
    func killedIngestResumes() async throws {
        guard let expected = try Self.oneShotGraph() else { return }
        let folder = try Plexus.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("news.sqlite").path
        let first = try Self.start(["ingest", Self.politics, "--store", store])
        // Kill it once its first batch (64 articles, about 600 KB) is in, watched closely: an
        // ingest that no longer tags finishes the 417 articles in a second or two.
        var waited = 0.0
        while waited < 60 {
            try await Task.sleep(for: .milliseconds(20))
            waited += 0.02
            if let size = try? FileManager.default.attributesOfItem(atPath: store + "-wal")[.size] as? Int, size > 400_000 { break }
            if !first.isRunning { break }
        }
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()
        #expect(first.terminationReason == .uncaughtSignal, "the first ingest finished before it could be killed")
        let resumed = try Plexus.run(["ingest", Self.politics, "--store", store])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let out = folder.appendingPathComponent("out")
        let built = try Plexus.run(["build", "--store", store, "--out", out.path, "--formats", "dot"])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(try Data(contentsOf: out.appendingPathComponent("graph.json")) == expected)
    }

    @Test("queries, diff and forget read the store; a damaged store file is a clear error naming it")
    func queriesAndDiffReadTheStore() async throws {
        let folder = try Plexus.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("peace.sqlite").path
        let ingest = try Plexus.run(["ingest", "examples/ukraine-peace", "--store", store])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let top = try Plexus.run(["top", "--store", store, "--top", "3"])
        #expect(top.status == 0, "\(top.stderr)")
        #expect(top.stdout.contains("Keir Starmer"))
        let path = try Plexus.run(["path", "Keir Starmer", "Dmitry Medvedev", "--store", store])
        #expect(path.status == 0, "\(path.stderr)")
        let diff = try Plexus.run([
            "diff", "--store", store, "--before", "..2025-03-01", "--after", "2025-03-02..", "--format", "json",
            "--out", folder.appendingPathComponent("diff.svg").path,
        ])
        #expect(diff.status == 0, "\(diff.stderr)")
        let parsed = try JSONSerialization.jsonObject(with: Data(diff.stdout.utf8)) as? [String: Any]
        #expect(parsed?["entities"] != nil && parsed?["stances"] != nil)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("diff.svg").path))
        let forget = try Plexus.run(["forget", "examples/ukraine-peace/", "--store", store])
        #expect(forget.status == 0 && forget.stdout.contains("Removed"), "\(forget.stderr)")
        let empty = try Plexus.run(["build", "--store", store, "--out", folder.appendingPathComponent("o").path])
        #expect(empty.status == 1 && empty.stderr.contains("holds no articles"))

        let damaged = folder.appendingPathComponent("damaged.sqlite").path
        try Data(repeating: 7, count: 4096).write(to: URL(fileURLWithPath: damaged))
        let refused = try Plexus.run(["top", "--store", damaged])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains(damaged) && refused.stderr.contains("not a Plexus store"), "\(refused.stderr)")
    }
}
