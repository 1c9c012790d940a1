@testable import PlexusGraph

/// Small hand-built graphs with known answers.
enum Fixtures {
    static func node(_ id: String) -> Node { Node(id: id, label: id.capitalized, type: .person, aliases: [id.uppercased()]) }

    static func coMention(_ a: String, _ b: String, _ weight: Int) -> Edge {
        Edge(
            source: min(a, b), target: max(a, b), kind: .coMention, weight: weight,
            evidence: [Evidence(document: "d1", sentence: 1, text: "\(a) and \(b).")])
    }

    /// a–b–c–d is three strong hops (weight 10 each, distance 0.3); a–e–d is two weak hops
    /// (weight 1 each, distance 2).
    ///
    /// The strongest path and the fewest-hops path differ.
    static let strongVersusShort = Graph(
        nodes: ["a", "b", "c", "d", "e", "z"].map(node),
        edges: [
            coMention("a", "b", 10), coMention("b", "c", 10), coMention("c", "d", 10),
            coMention("a", "e", 1), coMention("d", "e", 1),
        ])

    /// Two equal two-hop routes from a to d, through b and through c.
    static let tie = Graph(
        nodes: ["a", "b", "c", "d"].map(node),
        edges: [coMention("a", "c", 2), coMention("c", "d", 2), coMention("a", "b", 2), coMention("b", "d", 2)])
}
