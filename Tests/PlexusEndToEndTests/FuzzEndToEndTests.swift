import Foundation
import Testing

/// The fuzzing harness (`make fuzz`) and the cases that once broke a stage.
@Suite struct FuzzEndToEndTests {
    /// The `plexus-fuzz` executable of this build, beside `plexus`.
    var fuzzer: URL { Plexus.binary.deletingLastPathComponent().appendingPathComponent("plexus-fuzz") }

    @Test func everySavedCaseRunsThroughEveryStageWithoutAFinding() throws {
        let cases = Plexus.root.appendingPathComponent("Tests/PlexusEndToEndTests/FuzzRegressions")
        let saved = try FileManager.default.contentsOfDirectory(atPath: cases.path).filter { !$0.hasPrefix(".") }
        let result = try Plexus.run(["replay", cases.path], program: fuzzer)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let passed = result.stdout.split(separator: "\n").filter { $0.hasPrefix("ok ") }
        #expect(passed.count == saved.count, "\(result.stdout)")
    }

    @Test func aShortSeededRunOverTheExamplesFindsNoCrash() throws {
        let work = try Plexus.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let result = try Plexus.run(
            ["run", "--cases", "25", "--seconds", "300", "--seed", "7", "--work", work.path, "--corpus", "examples/ukraine-peace"],
            program: fuzzer)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("fuzzed 25 cases") && result.stdout.contains("0 crashes, 0 findings"), "\(result.stdout)")
        let crashes = try FileManager.default.contentsOfDirectory(atPath: work.appendingPathComponent("crashes").path)
        #expect(crashes.isEmpty)
    }
}
