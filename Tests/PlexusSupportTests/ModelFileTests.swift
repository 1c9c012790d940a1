import Foundation
import Testing

@testable import PlexusSupport

/// A model with a known body: a count and that many 32-bit numbers.
struct NumbersModel: ModelFile, Equatable {
    static let signature = ModelSignature("PLXNUM2\n", kindLength: 6, kind: "numbers model", remedy: "make numbers")
    var numbers: [UInt32]

    init(numbers: [UInt32]) { self.numbers = numbers }

    func writeBody(to writer: inout BinaryWriter) {
        writer.put(UInt32(numbers.count))
        for number in numbers { writer.put(number) }
    }

    init(readingBody reader: inout BinaryReader) throws {
        let count = Int(try reader.read(UInt32.self))
        numbers = try (0..<count).map { _ in try reader.read(UInt32.self) }
    }
}

@Suite struct ModelFileTests {
    let model = NumbersModel(numbers: [1, 2, 3, 40_000])

    @Test func aModelReadsBackAsWritten() throws {
        let bytes = model.serialized()
        #expect(bytes.prefix(8) == Data("PLXNUM2\n".utf8))
        #expect(try NumbersModel(serialized: bytes, path: "m") == model)
    }

    @Test func aTruncatedFileIsAnErrorThatNamesTheFile() {
        let cut = model.serialized().prefix(13)
        #expect(throws: ModelFileError(path: "models/numbers.bin", reason: "model file is cut short")) {
            try NumbersModel(serialized: cut, path: "models/numbers.bin")
        }
    }

    @Test func anOlderVersionOfTheSameKindSaysHowToMakeItAgain() {
        var older = model.serialized()
        older[6] = UInt8(ascii: "1")
        do {
            _ = try NumbersModel(serialized: older, path: "m")
            Issue.record("an older model was accepted")
        } catch let error as ModelFileError {
            #expect(error.reason == "a numbers model in an older format (PLXNUM1); make it again with make numbers")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func anotherKindOfFileIsRefused() {
        #expect(throws: ModelFileError(path: "m", reason: "not a Plexus numbers model")) {
            try NumbersModel(serialized: Data("{\"format\": \"plexus-graph\"}".utf8), path: "m")
        }
        #expect(throws: ModelFileError(path: "m", reason: "is empty, not a numbers model")) {
            try NumbersModel(serialized: Data(), path: "m")
        }
    }

    @Test func aMissingFileIsAnErrorThatSaysSo() {
        #expect(throws: ModelFileError(path: "/nonexistent/numbers.bin", reason: "no such file")) {
            try NumbersModel(contentsOf: "/nonexistent/numbers.bin")
        }
    }
}
