import Foundation
import Testing

/// The README's terminal samples are what the commands print today.
@Suite struct ReadmeSamplesTests {
    /// Each `$ plexus …` command of the README's first `text` block, with the lines it shows.
    func samples() throws -> [(command: [String], output: [String])] {
        let readme = try String(contentsOf: Plexus.root.appendingPathComponent("README.md"), encoding: .utf8)
        guard let start = readme.range(of: "```text\n$ plexus "),
            let end = readme.range(of: "\n```", range: start.upperBound..<readme.endIndex)
        else { return [] }
        let block = readme[readme.index(start.lowerBound, offsetBy: 8)..<end.lowerBound]
        var samples: [(command: [String], output: [String])] = []
        for line in block.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("$ plexus ") {
                samples.append((Self.words(String(line.dropFirst("$ plexus ".count))), []))
            } else if !line.isEmpty, !samples.isEmpty {
                samples[samples.count - 1].output.append(String(line))
            }
        }
        return samples
    }

    /// Shell words: spaces separate, double quotes group.
    static func words(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        for character in line {
            if character == "\"" {
                quoted.toggle()
            } else if character == " " && !quoted {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    @Test func theQuickStartTranscriptMatchesWhatTheCommandsPrint() throws {
        let found = try samples()
        #expect(found.count >= 2, "the README's quick-start block has the build and path commands")
        let folder = try Plexus.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for sample in found {
            // The build writes into a temporary folder named like the README's, so no committed file changes.
            var command = sample.command
            if let out = command.firstIndex(of: "--out"), out + 1 < command.count {
                command[out + 1] = folder.appendingPathComponent(command[out + 1]).path
            }
            let result = try Plexus.run(command)
            #expect(result.status == 0, "\(command): \(result.stderr)")
            let printed = result.stdout.replacingOccurrences(of: folder.path + "/", with: "").split(separator: "\n").map(String.init)
            let timing = { (line: String) in line.hasPrefix("Done in ") }
            #expect(printed.filter { !timing($0) } == sample.output.filter { !timing($0) }, "\(sample.command.joined(separator: " "))")
        }
    }
}
