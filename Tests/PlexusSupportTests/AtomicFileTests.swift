import Foundation
import Testing

@testable import PlexusSupport

/// A temporary folder removed at the end of the test.
final class TemporaryFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "plexus-support-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

@Suite struct AtomicFileTests {
    @Test func writesTheWholeFileAndLeavesNoTemporaryBehind() throws {
        let folder = try TemporaryFolder()
        let target = folder.path + "/out/graph.json"
        try AtomicFile.write("first", to: target)
        try AtomicFile.write("second", to: target)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "second")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/out") == ["graph.json"])
    }

    @Test func aFileWrittenInPiecesHoldsThemInOrderAndAFailedOneLeavesTheOldFile() throws {
        struct Interrupted: Error {}
        let folder = try TemporaryFolder()
        let target = folder.path + "/graph.json"
        try AtomicFile.write(to: target) { emit in
            for piece in ["{", "\"a\"", " : 1", "}"] { try emit(Array(piece.utf8)) }
        }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "{\"a\" : 1}")
        #expect(throws: AtomicFile.WriteError.self) {
            try AtomicFile.write(to: target) { emit in
                try emit(Array("half".utf8))
                throw Interrupted()
            }
        }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "{\"a\" : 1}")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["graph.json"])
    }

    @Test func anUnwritablePathIsAnErrorNamingIt() throws {
        let folder = try TemporaryFolder()
        try AtomicFile.write("x", to: folder.path + "/file")
        #expect(throws: AtomicFile.WriteError.self) {
            try AtomicFile.write("y", to: folder.path + "/file/child.json")
        }
    }
}

@Suite struct ParallelMapTests {
    @Test func keepsTheInputOrderWhateverFinishesFirst() {
        let items = Array(0..<500)
        let mapped = parallelMap(items) { item -> Int in
            // Uneven work, so that later items often finish before earlier ones.
            var total = 0
            for k in 0..<((500 - item) * 50) { total &+= k }
            return item * 2 + (total == -1 ? 1 : 0)
        }
        #expect(mapped == items.map { $0 * 2 })
    }
}

@Suite struct SeededGeneratorTests {
    @Test func theSameSeedGivesTheSameSequenceAndAnotherSeedDoesNot() {
        var first = SeededGenerator(seed: 7)
        var second = SeededGenerator(seed: 7)
        var other = SeededGenerator(seed: 8)
        let a = (0..<16).map { _ in first.next() }
        #expect(a == (0..<16).map { _ in second.next() })
        #expect(a != (0..<16).map { _ in other.next() })
    }
}
