import Foundation
import Testing

@testable import PlexusGraph

@Suite struct GraphSidecarTests {
    /// A graph with every field filled somewhere and left out somewhere.
    let graph = Graph(
        documents: [
            DocumentInfo(id: "d1", path: "a.jsonl", line: 3, title: "T", date: "2025-03-13", url: "https://x", sentences: 4),
            DocumentInfo(id: "d2", path: "b.txt"),
        ],
        nodes: [
            Node(id: "a", label: "A “quoted”", type: .person, aliases: ["Mr A", "A"], mentions: 2, documents: 1, byDocument: ["d1": 2]),
            Node(id: "b", label: "B", type: .country, mentions: 1, documents: 1),
            Node(id: "peacekeepers", label: "peacekeepers", type: .topic),
        ],
        edges: [
            Edge(
                source: "a", target: "b", kind: .coMention, weight: 2,
                evidence: [Evidence(document: "d1", sentence: 2, text: "A met B.")], byDocument: ["d1": 1, "d2": 1]),
            Edge(
                source: "a", target: "peacekeepers", kind: .stance, polarity: .oppose, weight: 1, confidence: 0.8500000000000001,
                evidence: [Evidence(document: "d2", sentence: 1, text: "A rejects peacekeepers.", cue: "rejects")]),
        ])

    func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("plexus-sidecar-" + UUID().uuidString).path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func aSecondReadComesFromTheBinaryCopyAndGivesTheSameGraph() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/graph.json"
        try GraphCodec.write(graph, to: path)
        let first = try GraphCodec.read(from: path)
        #expect(first == graph)
        let copy = GraphSidecar.path(for: path)
        #expect(FileManager.default.fileExists(atPath: copy))
        let stamp = try #require(GraphSidecar.stamp(of: path))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: copy))
        #expect(bytes.withUnsafeBytes { GraphSidecar.decode($0, stamp: stamp) } == graph)
        #expect(try GraphCodec.read(from: path) == graph)
    }

    @Test func aGraphReadFromTheCopyIndexesLikeTheJSONAndStillDoesOnceChanged() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/graph.json"
        var graph = self.graph
        // A second edge between a and b, so the index keeps the stronger one.
        graph.edges.append(Edge(source: "b", target: "a", kind: .stance, polarity: .support, weight: 5, confidence: 0.9))
        try GraphCodec.write(graph, to: path)
        let fromJSON = GraphIndex(try GraphCodec.read(from: path))
        var fromCopy = try GraphCodec.read(from: path)
        #expect(fromCopy.endPositions != nil)
        let indexed = GraphIndex(fromCopy)
        #expect(indexed.offsets == fromJSON.offsets && indexed.neighbors == fromJSON.neighbors)
        #expect(indexed.weights == fromJSON.weights && indexed.edgeIndices == fromJSON.edgeIndices)
        #expect(indexed.weights == [5, 1, 5, 1])

        // Reordered nodes: the positions the copy recorded no longer hold, and are not used.
        fromCopy.nodes.reverse()
        #expect(fromCopy.endPositions == nil)
        let reordered = GraphIndex(fromCopy)
        let a = try #require(reordered.nodeIndex(id: "a"))
        let b = try #require(reordered.nodeIndex(id: "b"))
        #expect(reordered.neighbors[reordered.row(a)].map(Int.init) == [0, b].sorted())
        #expect(reordered.neighbors[reordered.row(b)].map(Int.init) == [a])
    }

    @Test func edgesDecodedInSeveralRunsGiveTheSameGraphAndADamagedRunGivesNone() throws {
        var graph = self.graph
        let marker = 0x0102_0304_0506_0708
        for i in 0..<10 {
            graph.edges.append(
                Edge(
                    source: "b", target: "peacekeepers", kind: .stance, polarity: .support, weight: i == 6 ? marker : i + 1,
                    confidence: 0.5, evidence: [Evidence(document: "d1", sentence: i, text: "B backs peacekeepers.", cue: "backs")],
                    byDocument: ["d1": i]))
        }
        let stamp: (size: Int64, modified: Int64) = (1, 2)
        var bytes = [UInt8](GraphSidecar.encode(graph, stamp: stamp))
        for runs in [1, 3, 12, 40] {
            #expect(bytes.withUnsafeBytes { GraphSidecar.decode($0, stamp: stamp, runs: runs) } == graph)
        }
        // An unknown edge kind in the middle of a run: the copy is refused, not half read.
        let weightBytes = withUnsafeBytes(of: Int64(marker).littleEndian, Array.init)
        let at = try #require((0...(bytes.count - 8)).first { Array(bytes[$0..<($0 + 8)]) == weightBytes })
        bytes[at - 2] = 0x7F
        #expect(bytes.withUnsafeBytes { GraphSidecar.decode($0, stamp: stamp, runs: 3) } == nil)
        #expect(bytes.withUnsafeBytes { GraphSidecar.decode($0, stamp: stamp, runs: 1) } == nil)
    }

    @Test func aCopyOfAnEarlierGraphOrADamagedCopyIsIgnoredAndMadeAgain() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/graph.json"
        try GraphCodec.write(graph, to: path)
        _ = try GraphCodec.read(from: path)
        var changed = graph
        changed.nodes[1].label = "Bee"
        try GraphCodec.write(changed, to: path)
        #expect(try GraphCodec.read(from: path) == changed)

        let copy = GraphSidecar.path(for: path)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: copy))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: copy))
        #expect(try GraphCodec.read(from: path) == changed)
        #expect(try Data(contentsOf: URL(fileURLWithPath: copy)) == bytes)
    }

    @Test func aCopyThatCannotBeWrittenLeavesTheJSONReadable() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/graph.json"
        try GraphCodec.write(graph, to: path)
        // A folder where the copy should be: it cannot be written, and the read still works.
        try FileManager.default.createDirectory(atPath: GraphSidecar.path(for: path), withIntermediateDirectories: true)
        #expect(try GraphCodec.read(from: path) == graph)
        #expect(try GraphCodec.read(from: path) == graph)
    }
}
