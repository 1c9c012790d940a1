import PlexusGraph
import Testing

@Suite("Graph diff")
struct GraphDiffTests {
    static func graph(mentions: [String: Int], ties: [(String, String, Int)], stances: [(String, String, Polarity, Int)]) -> Graph {
        Graph(
            documents: [],
            nodes: mentions.keys.sorted().map {
                Node(id: $0, label: $0.capitalized, type: .person, aliases: [], mentions: mentions[$0] ?? 0)
            },
            edges: ties.map { Edge(source: $0.0, target: $0.1, kind: .coMention, weight: $0.2) }
                + stances.map { Edge(source: $0.0, target: $0.1, kind: .stance, polarity: $0.2, weight: $0.3, confidence: 0.9) })
    }

    @Test("entities that appear, vanish, double or halve are listed, largest change first; small moves are not")
    func entityChanges() {
        let before = Self.graph(mentions: ["a": 10, "b": 4, "c": 20, "d": 5], ties: [], stances: [])
        let after = Self.graph(mentions: ["a": 11, "b": 12, "c": 6, "e": 2], ties: [], stances: [])
        let diff = GraphDiff(before: before, after: after)
        #expect(diff.entities.map(\.id) == ["c", "b", "d", "e"])
        #expect(diff.entities.map(\.change) == [.faded, .grew, .vanished, .appeared])
    }

    @Test("ties are compared by their sentences, and a stance whose prevailing polarity turns is flipped")
    func tieAndStanceChanges() {
        let before = Self.graph(
            mentions: ["a": 5, "b": 5, "c": 5], ties: [("a", "b", 2), ("a", "c", 9)],
            stances: [("a", "b", .support, 3), ("a", "b", .oppose, 1), ("c", "a", .oppose, 2)])
        let after = Self.graph(
            mentions: ["a": 5, "b": 5, "c": 5], ties: [("a", "b", 8), ("b", "c", 1)],
            stances: [("a", "b", .oppose, 4), ("b", "c", .support, 1)])
        let diff = GraphDiff(before: before, after: after)
        #expect(diff.ties.map { "\($0.source)-\($0.target) \($0.change)" } == ["a-c vanished", "a-b grew", "b-c appeared"])
        let stances = diff.stances.map { "\($0.source)>\($0.target) \($0.change)" }
        #expect(stances == ["a>b flipped", "c>a vanished", "b>c appeared"])
        #expect(GraphDiff(before: before, after: before).stances.isEmpty)
    }
}
