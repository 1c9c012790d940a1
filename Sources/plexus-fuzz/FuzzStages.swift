import Corpus
import Foundation
import GraphExport
import PlexusGraph
import RelationExtraction

/// What one case gave: enough to see that every stage ran and how big the output grew.
struct CaseOutcome {
    /// Documents the loader read.
    var documents: Int
    /// Entities in the graph.
    var nodes: Int
    /// Edges in the graph.
    var edges: Int
    /// Bytes of graph.json.
    var graphBytes: Int
}

/// Why a case is a finding even though nothing crashed.
struct StageFailure: Error, CustomStringConvertible {
    /// What went wrong, and in which stage.
    var description: String
}

/// Runs one article through every stage a build runs: the loader (decoding, format
/// readers, cleaning), tokenizer, analysis, stance reading with the parser, graph assembly,
/// graph.json written and read back, DOT and every export format, and (every
/// `renderEvery`-th case) a Graphviz drawing.
struct FuzzStages {
    /// The build's graph builder, with the shipped models.
    var builder: GraphBuilder
    /// Where the case file is written (the last case stays there if the process dies).
    var work: URL
    /// A case whose graph.json is larger than this many times its input, plus 20 KB and
    /// ``maxBytesPerEdge`` per edge, is a finding.
    ///
    /// Edges are allowed for on their own because co-mention is pairwise: a sentence naming
    /// k entities (k ≤ 40, the builder's cap) rightly gives k(k-1)/2 edges, so graph.json can
    /// outgrow a short list-like sentence many times; what must never happen is an edge
    /// whose evidence or names grow with the input, or more pairs than the cap allows.
    var maxGrowth = 10
    /// See ``maxGrowth``: an edge with five clipped evidence sentences is about 4 KB.
    var maxBytesPerEdge = 5_000
    /// The most edges one sentence may give: 40 entities make 780 pairs.
    var maxEdgesPerSentence = 800

    /// Writes `bytes` as `current.<suffix>` in the work folder and runs the stages on it.
    ///
    /// - Throws: ``StageFailure`` when a stage fails in a way no input may cause (graph.json
    ///   that does not read back, output out of proportion to the input).
    func run(_ bytes: [UInt8], suffix: String, render: Bool) async throws -> CaseOutcome {
        let names = try FileManager.default.contentsOfDirectory(atPath: work.path)
        for name in names where name.hasPrefix("current.") {
            try FileManager.default.removeItem(at: work.appendingPathComponent(name))
        }
        let file = work.appendingPathComponent("current.\(suffix)")
        try Data(bytes).write(to: file)
        return try await run(file: file.path, inputBytes: bytes.count, render: render)
    }

    /// Runs the stages on a file as it is.
    func run(file: String, inputBytes: Int, render: Bool) async throws -> CaseOutcome {
        let loaded = CorpusLoader().load(paths: [file])
        let built = builder.build(loaded.documents)
        let graph = built.graph
        let json = try GraphCodec.encode(graph)
        let reread: Graph
        do { reread = try GraphCodec.decode(json, path: file) } catch {
            throw StageFailure(description: "graph.json does not read back: \(error)")
        }
        guard reread == graph else { throw StageFailure(description: "graph.json reads back different") }
        if json.count > maxGrowth * inputBytes + 20_000 + maxBytesPerEdge * graph.edges.count {
            throw StageFailure(
                description: "graph.json is \(json.count) bytes for \(inputBytes) bytes of input and \(graph.edges.count) edges")
        }
        if graph.edges.count > maxEdgesPerSentence * max(1, built.sentences) {
            throw StageFailure(description: "\(graph.edges.count) edges from \(built.sentences) sentences")
        }
        _ = DOTWriter(layout: .neato, title: file, subtitle: nil).write(graph)
        for format in GraphFileFormat.allCases { _ = format.files(for: graph) }
        if render {
            do {
                let drawing = try DiagramWriter().drawing(for: graph)
                _ = try await GraphvizRenderer.shared.render(dot: drawing.text, layout: drawing.layout, format: .svg)
            } catch is NothingToDraw {
                // An article with no entity to draw is a message, not a failure.
            }
        }
        return CaseOutcome(
            documents: loaded.documents.count, nodes: graph.nodes.count, edges: graph.edges.count,
            graphBytes: json.count)
    }
}
