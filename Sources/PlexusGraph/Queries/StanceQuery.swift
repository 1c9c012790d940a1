/// One stance edge seen from an entity: the other end, polarity, weight, confidence and the best sentence.
public struct StanceEntry: Sendable, Encodable {
    /// The other end's id.
    public var id: String
    /// The other end's label.
    public var label: String
    /// The other end's type.
    public var type: EntityType
    /// Support or oppose.
    public var polarity: Polarity
    /// Distinct sentences behind the edge.
    public var weight: Int
    /// The edge's confidence.
    public var confidence: Double
    /// The most confident evidence sentence, with its document.
    public var evidence: Evidence?
}

/// What an entity supports and opposes, and who supports or opposes it.
public struct StanceListing: Sendable, Encodable {
    /// Stances the entity holds, strongest first.
    public var holds: [StanceEntry]
    /// Stances toward the entity, strongest first.
    public var receives: [StanceEntry]

    /// The stance edges at a node at or above a confidence, ordered by weight, then confidence, then label.
    ///
    /// - Complexity: O(E log E).
    public init(graph: Graph, node: Int, minimumConfidence: Double) {
        let id = graph.nodes[node].id
        func entry(_ edge: Edge, other: String) -> StanceEntry? {
            guard let node = graph.node(id: other), let polarity = edge.polarity else { return nil }
            return StanceEntry(
                id: other, label: node.label, type: node.type, polarity: polarity, weight: edge.weight,
                confidence: edge.confidence ?? 1, evidence: edge.evidence.first)
        }
        let stances = graph.edges.filter { $0.kind == .stance && ($0.confidence ?? 1) >= minimumConfidence }
        func order(_ a: StanceEntry, _ b: StanceEntry) -> Bool {
            if a.weight != b.weight { return a.weight > b.weight }
            if a.confidence != b.confidence { return a.confidence > b.confidence }
            return (a.label, a.polarity.rawValue) < (b.label, b.polarity.rawValue)
        }
        holds = stances.filter { $0.source == id }.compactMap { entry($0, other: $0.target) }.sorted(by: order)
        receives = stances.filter { $0.target == id }.compactMap { entry($0, other: $0.source) }.sorted(by: order)
    }
}
