import PlexusGraph

/// What a node's size (its label's font size) shows.
public enum NodeSize: String, Sendable, CaseIterable {
    /// How often the entity is mentioned.
    case mentions
    /// The sum of its edges' weights.
    case weightedDegree = "weighted-degree"
    /// Its PageRank.
    case pagerank

    /// The score of every node by id, or `nil` for mentions (which each node carries).
    ///
    /// - Complexity: O(nodes + edges) to index the graph, plus the measure's own cost.
    public func scores(in graph: Graph) -> [String: Double]? {
        let measure: CentralityMeasure
        switch self {
        case .mentions: return nil
        case .weightedDegree: measure = .weightedDegree
        case .pagerank: measure = .pagerank
        }
        let scores = GraphIndex(graph).centrality(measure).scores
        return Dictionary(uniqueKeysWithValues: graph.nodes.enumerated().map { ($0.element.id, scores[$0.offset]) })
    }
}
