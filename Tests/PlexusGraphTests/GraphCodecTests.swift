import Foundation
import Testing

@testable import PlexusGraph

@Suite struct GraphCodecTests {
    let graph = Graph(
        documents: [DocumentInfo(id: "d1", path: "a.txt", title: "T", date: "2025-03-13", sentences: 4)],
        nodes: [
            Node(id: "a", label: "A \"quoted\"", type: .person, aliases: ["Mr A"], mentions: 2, documents: 1),
            Node(id: "b", label: "B", type: .country),
        ],
        edges: [
            Edge(
                source: "a", target: "b", kind: .coMention, weight: 2,
                evidence: [Evidence(document: "d1", sentence: 2, text: "A met “B”.")]),
            Edge(source: "b", target: "a", kind: .stance, polarity: .oppose, weight: 1, confidence: 0.85),
        ])

    @Test func theWriterWritesExactlyTheKeysTheReaderReads() throws {
        let full = Graph(
            documents: [DocumentInfo(id: "d1", path: "a.jsonl", line: 3, title: "T", date: "2025-03-13", url: "https://x", sentences: 4)],
            nodes: [
                Node(id: "a", label: "A", type: .person, aliases: ["Mr A"], mentions: 2, documents: 1, byDocument: ["d1": 2]),
                Node(id: "b", label: "B", type: .country, mentions: 1, documents: 1, byDocument: ["d1": 1]),
            ],
            edges: [
                Edge(
                    source: "a", target: "b", kind: .stance, polarity: .support, weight: 1, confidence: 0.9,
                    evidence: [Evidence(document: "d1", sentence: 1, text: "A backs B.", cue: "backs")], byDocument: ["d1": 1])
            ])
        let object = try #require(try JSONSerialization.jsonObject(with: GraphCodec.encode(full)) as? [String: Any])
        func keys(_ value: Any?) -> Set<String> { Set((value as? [String: Any])?.keys.map { $0 } ?? []) }
        let firstEdge = (object["edges"] as? [Any])?.first
        #expect(Set(object.keys) == Set(GraphCodec.File.CodingKeys.allCases.map(\.stringValue)))
        #expect(keys((object["documents"] as? [Any])?.first) == Set(DocumentInfo.CodingKeys.allCases.map(\.stringValue)))
        #expect(keys((object["nodes"] as? [Any])?.first) == Set(Node.CodingKeys.allCases.map(\.stringValue)))
        #expect(keys(firstEdge) == Set(Edge.CodingKeys.allCases.map(\.stringValue)))
        #expect(keys(((firstEdge as? [String: Any])?["evidence"] as? [Any])?.first) == Set(Evidence.CodingKeys.allCases.map(\.stringValue)))
        #expect(try GraphCodec.decode(GraphCodec.encode(full), path: "memory") == full)
    }

    /// The encoder graph.json was first written with, which ``GraphJSONWriter`` matches.
    func foundationEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    @Test func everyFieldIsWrittenAsFoundationsEncoderWritesIt() throws {
        let control = String(decoding: (0..<32).map { UInt8($0) }, as: UTF8.self)
        let documents = [
            DocumentInfo(id: "d1", path: "a/b.txt"),
            DocumentInfo(
                id: "d2", path: "feed.jsonl", line: 12, title: "T \"q\" \\ /", date: "2025-03-01", url: "https://x.org/a?b=1",
                sentences: 0),
        ]
        let nodes = [
            Node(id: "a", label: "Ä \u{1F600} \u{2028}", type: .country, aliases: [], mentions: 0, documents: 0),
            Node(id: "b", label: control, type: .topic, aliases: ["x", "y"], byDocument: [:]),
            Node(id: "c", label: "c", type: .organisation, byDocument: ["d10": 1, "d9": 2, "Z": 3, "é": 4]),
        ]
        let edges = [
            Edge(source: "a", target: "b", kind: .coMention, weight: 0),
            Edge(
                source: "b", target: "c", kind: .stance, polarity: .oppose, weight: 3, confidence: 1.0,
                evidence: [Evidence(document: "d1", sentence: 0, text: "said \"no\"\t", cue: "oppose")], byDocument: ["d1": 3]),
        ]
        for confidence in [0.42, 1.0 / 3, 1e-7, 1e21, -0.0, 100, 0.1 + 0.2, 5e-324] {
            var graph = Graph(documents: documents, nodes: nodes, edges: edges)
            graph.edges[1].confidence = confidence
            let expected = try foundationEncoder().encode(
                GraphCodec.File(
                    format: GraphCodec.formatName, version: GraphCodec.version, documents: graph.documents, nodes: graph.nodes,
                    edges: graph.edges))
            #expect(try GraphCodec.encode(graph) == expected + Data("\n".utf8), "confidence \(confidence)")
        }
        var infinite = Graph(documents: documents, nodes: nodes, edges: edges)
        infinite.edges[1].confidence = .infinity
        #expect(throws: EncodingError.self) { try GraphCodec.encode(infinite) }
    }

    @Test func theChunkedWriterWritesExactlyWhatFoundationsEncoderWrites() throws {
        // Enough nodes and edges for several chunks, with nested arrays and escaped text.
        let nodes = (0..<1_500).map { Node(id: "n\($0)", label: "Node \"\($0)\" / é", type: .person, aliases: ["A\($0)", "B"]) }
        let edges = (0..<1_499).map {
            Edge(
                source: "n\($0)", target: "n\($0 + 1)", kind: .coMention, weight: $0 % 7 + 1,
                evidence: [Evidence(document: "d1", sentence: $0, text: "“Quoted” \\ line \($0)")])
        }
        let big = Graph(documents: graph.documents, nodes: nodes, edges: edges)
        let whole = try foundationEncoder().encode(
            GraphCodec.File(
                format: GraphCodec.formatName, version: GraphCodec.version, documents: big.documents, nodes: nodes, edges: edges))
        #expect(try GraphCodec.encode(big) == whole + Data("\n".utf8))
        // Empty arrays.
        let empty = Graph(documents: [], nodes: nodes, edges: [])
        let emptyWhole = try foundationEncoder().encode(
            GraphCodec.File(format: GraphCodec.formatName, version: GraphCodec.version, documents: [], nodes: nodes, edges: []))
        #expect(try GraphCodec.encode(empty) == emptyWhole + Data("\n".utf8))
    }

    @Test func roundTripsLosslessly() throws {
        let data = try GraphCodec.encode(graph)
        #expect(try GraphCodec.decode(data, path: "g.json") == graph)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"format\" : \"plexus-graph\""))
        #expect(text.contains("\"kind\" : \"co-mention\""))
    }

    @Test(arguments: [
        (#"{"format": "other", "version": 1}"#, #"not a Plexus graph (format is "other", expected "plexus-graph")"#),
        (#"{"format": "plexus-graph", "version": 9}"#, "graph format version 9 is not supported (this plexus reads version 1)"),
        (
            #"{"format": "plexus-graph", "version": 1, "documents": [], "nodes": ["#,
            "invalid JSON at line 1, column 69: the file ends inside an object or array (truncated?)"
        ),
        (
            #"{"format": "plexus-graph", "version": 1, "documents": [], "nodes": [], "edges": [{"source": "x", "target": "y", "kind": "co-mention", "weight": 1, "evidence": []}]}"#,
            #"edge 1 (x → y) refers to unknown node "x""#
        ),
        (#"{"format": "plexus-graph", "version": 1, "documents": [], "nodes": []}"#, #"missing field "edges" at top level"#),
        (
            #"{"format": "plexus-graph", "version": 1, "documents": [], "nodes": [{"id": "a", "label": "A"}], "edges": []}"#,
            #"missing field "type" at nodes[0]"#
        ),
        (
            #"{"format": "plexus-graph", "version": 1, "documents": [], "nodes": [{"id": "a", "label": "A", "type": "alien"}], "edges": []}"#,
            #"unknown entity type "alien" at nodes[0].type"#
        ),
        (
            #"{"format": "plexus-graph", "version": 1, "documents": [], "nodes": [], "edges": [{"source": "a", "target": "b", "kind": "co-mention", "weight": "x"}]}"#,
            "invalid JSON at line 1, column 145: expected a whole number"
        ),
    ])
    func rejectsBadFilesWithAReason(json: String, reason: String) {
        #expect(throws: GraphFileError(path: "g.json", reason: reason)) {
            try GraphCodec.decode(Data(json.utf8), path: "g.json")
        }
    }
}
