import Corpus
import Foundation
import GraphExport
import PlexusGraph
import RelationExtraction
import Testing

/// The README's Swift API example, compiled and run as written (paths under a temporary folder).
@Suite struct ReadmeAPITests {
    @Test func theReadmeExampleBuildsQueriesAndDraws() async throws {
        let out = NSTemporaryDirectory() + "plexus-readme-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: out) }
        let loaded = CorpusLoader().load(paths: [Plexus.root.appendingPathComponent("examples/ukraine-peace").path])
        let builder = try GraphBuilder.shipped()
        let graph = builder.build(loaded.documents).graph
        try GraphCodec.write(graph, to: out + "/graph.json")

        let index = GraphIndex(graph)
        let matcher = NameMatcher(graph)
        let path = PathFinder(index).shortestPath(
            from: try matcher.lookup("Keir Starmer"), to: try matcher.lookup("Dmitry Medvedev"), by: .strength)
        #expect(path != nil)
        let alternatives = PathFinder(index).kShortestPaths(
            from: try matcher.lookup("Keir Starmer"), to: try matcher.lookup("Dmitry Medvedev"), k: 5, by: .strength)
        #expect(alternatives.first?.cost == path?.cost)
        #expect(index.centrality(.pagerank).scores.count == graph.nodes.count)
        #expect(index.communities(seed: 42).count > 0)
        #expect(try graph.window(since: "2025-03-01", until: "2025-03-31").graph.nodes.count <= graph.nodes.count)
        _ = StanceListing(graph: graph, node: try matcher.lookup("Kremlin"), minimumConfidence: 0.5)

        var writer = DiagramWriter()
        writer.view = StanceView()
        let files = try await writer.write(graph, formats: [.svg, .png], to: out)
        #expect(files.allSatisfy { FileManager.default.fileExists(atPath: $0) })
    }
}
