import Corpus
import CorpusStore
import Foundation
import RelationExtraction
import Testing

/// The PostgreSQL server of the test run (scripts/with-postgres.sh starts one), or `nil` with
/// a printed reason; under CI=true its absence fails the test.
func testPostgres() throws -> String? {
    if let address = ProcessInfo.processInfo.environment["PLEXUS_TEST_POSTGRES"] { return address }
    if ProcessInfo.processInfo.environment["CI"] == "true" {
        throw PostgresMissing()
    }
    print("skipping: PLEXUS_TEST_POSTGRES is not set (run the tests through scripts/with-postgres.sh, as `make test` does)")
    return nil
}

struct PostgresMissing: Error, CustomStringConvertible {
    var description: String { "CI=true but PLEXUS_TEST_POSTGRES is not set: .ci/run must start PostgreSQL for the tests" }
}

/// A database of its own for one test, dropped at the end.
func withFreshDatabase(_ body: (String) async throws -> Void) async throws {
    guard let server = try testPostgres() else { return }
    let name = "plexus_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
    try psql(server, "CREATE DATABASE \(name)")
    var components = try #require(URLComponents(string: server))
    components.path = "/" + name
    let address = try #require(components.string)
    do {
        try await body(address)
    } catch {
        try? psql(server, "DROP DATABASE \(name) WITH (FORCE)")
        throw error
    }
    try psql(server, "DROP DATABASE \(name) WITH (FORCE)")
}

/// Runs one statement through psql.
func psql(_ address: String, _ statement: String) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["psql", "-q", "-v", "ON_ERROR_STOP=1", address, "-c", statement]
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw PSQLFailed(statement: statement) }
}

struct PSQLFailed: Error {
    var statement: String
}

@Suite("PostgreSQL store")
struct PostgresStoreTests {
    let builder: GraphBuilder

    init() throws { builder = try GraphBuilder.shipped() }

    @Test("a PostgreSQL store gives the one-shot build's graph.json, byte for byte, and skips unchanged articles")
    func postgresStoreMatchesOneShotBuild() async throws {
        try await withFreshDatabase { address in
            let folder = try StoreFixtures.folder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let store = try await StoreOpening.open(address, create: true)
            do {
                let ingester = StoreFixtures.ingester(builder)
                _ = try await ingester.ingest(paths: StoreFixtures.paths(["a1.txt", "a2.txt", "a3.txt"], in: folder), into: store)
                let second = try await ingester.ingest(paths: [folder.path], into: store)
                #expect(second.unchangedFiles == 3 && second.articles == 2 && second.added == 2)
                let built = try await StoreFixtures.fromStore(store, builder: builder)
                #expect(built.corpus.reanalysed == 2)
                #expect(built.json == (try StoreFixtures.oneShot([folder.path], builder: builder)))
                let removed = try await store.forget([folder.path + "/a3.txt"])
                #expect(removed == [folder.path + "/a3.txt"])
                #expect(try await store.catalogue().count == 4)
            } catch {
                Issue.record("\(error)")
            }
            try await store.close()
        }
    }

    @Test("a second process opening the same database finds the schema and does not create it again")
    func schemaIsCreatedOnce() async throws {
        try await withFreshDatabase { address in
            async let first = StoreOpening.open(address, create: true)
            async let second = StoreOpening.open(address, create: true)
            let stores = try await [first, second]
            for store in stores { try await store.close() }
        }
    }

    @Test("a database written by a newer Plexus is refused, naming the schema steps it does not know")
    func newerSchemaIsRefused() async throws {
        try await withFreshDatabase { address in
            try await StoreOpening.open(address, create: true).close()
            try psql(address, "INSERT INTO plexus_schema (step) VALUES ('v9-future')")
            await #expect {
                _ = try await StoreOpening.open(address, create: true)
            } throws: { error in
                guard let error = error as? StoreError, case .newerSchema(_, let unknown) = error else { return false }
                return unknown == ["v9-future"]
            }
        }
    }

    @Test("a server that cannot be reached is a clear error that names it without the password")
    func unreachableServerIsAClearError() async throws {
        await #expect {
            _ = try await StoreOpening.open("postgres://plexus:s3cret@127.0.0.1:1/news?sslmode=disable", create: true)
        } throws: { error in
            let text = "\(error)"
            return text.contains("127.0.0.1:1") && !text.contains("s3cret")
        }
    }
}

@Suite("PostgreSQL addresses")
struct PostgresAddressTests {
    @Test("the address gives host, port, user, database and password; the shown form has no password")
    func addressParts() throws {
        let address = try PostgresAddress("postgres://ana:p%40ss@db.example:6543/news", environment: [:], passwordFile: "/nonexistent")
        #expect(address.host == "db.example" && address.port == 6543 && address.user == "ana" && address.database == "news")
        #expect(address.password == "p@ss")
        #expect(address.tls == .require)
        #expect(address.redacted == "postgres://ana@db.example:6543/news")
    }

    @Test("the environment fills what the address leaves out, and a password file gives the password")
    func environmentAndPasswordFile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pgpass-\(UUID().uuidString)").path
        try "# comment\nother:5432:*:*:wrong\nlocalhost:5433:corpus:ana:from\\:file\n".write(
            toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let address = try PostgresAddress(
            "postgres:///corpus", environment: ["PGUSER": "ana", "PGPORT": "5433"], passwordFile: file)
        #expect(address.host == "localhost" && address.port == 5433 && address.user == "ana")
        #expect(address.password == "from:file")
        #expect(address.tls == .disable)
        let fromEnvironment = try PostgresAddress("postgres://ana@localhost/corpus", environment: ["PGPASSWORD": "env"], passwordFile: file)
        #expect(fromEnvironment.password == "env")
    }

    @Test("a Unix socket folder may be given as the host, and an unknown sslmode is refused")
    func socketAndSSLMode() throws {
        let address = try PostgresAddress("postgres://ana@/corpus?host=/var/run/postgresql", environment: [:], passwordFile: "/nonexistent")
        #expect(address.socketFolder == "/var/run/postgresql" && address.host == nil)
        #expect(throws: StoreError.self) { _ = try PostgresAddress("postgres://h/db?sslmode=sometimes", environment: [:]) }
        #expect(throws: StoreError.self) { _ = try PostgresAddress("mysql://h/db", environment: [:]) }
    }
}
