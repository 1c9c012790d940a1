import PlexusGraph

/// A holder–polarity–target triple, by label ("Russia", oppose, "peacekeepers").
public struct StanceTriple: Sendable, Hashable, CustomStringConvertible {
    /// The holder's label.
    public var holder: String
    /// Support or oppose.
    public var polarity: Polarity
    /// The target's label (an entity or a topic).
    public var target: String

    /// Creates a triple.
    public init(holder: String, polarity: Polarity, target: String) {
        self.holder = holder
        self.polarity = polarity
        self.target = target
    }

    /// `holder | polarity | target`.
    public var description: String { "\(holder) | \(polarity.rawValue) | \(target)" }

    /// The triple with case folded, for comparison.
    public var folded: StanceTriple {
        StanceTriple(holder: holder.lowercased(), polarity: polarity, target: target.lowercased())
    }
}

/// A stance finding by label, with its confidence and sentence.
public struct ScoredTriple: Sendable {
    /// Holder, polarity, target.
    public var triple: StanceTriple
    /// The finding's confidence.
    public var confidence: Double
    /// The sentence's 0-based index in its document.
    public var sentence: Int
}

extension GraphBuilder.Output {
    /// For each document, its stance findings as labelled triples.
    ///
    /// Noun phrases the chunker found that did not recur enough to become topics are left out, as
    /// they are from the graph.
    ///
    /// - Complexity: O(findings).
    public func stanceTriples() -> [[ScoredTriple]] {
        stanceFindings.map { findings in
            findings.compactMap { placed -> ScoredTriple? in
                let target: String
                switch placed.finding.target {
                case .entity(let index): target = graph.nodes[index].label
                case .topic(let label): target = label
                case .phrase(let label):
                    guard topicPhrases.contains(label) else { return nil }
                    target = label
                }
                return ScoredTriple(
                    triple: StanceTriple(
                        holder: graph.nodes[placed.finding.holder].label, polarity: placed.finding.polarity, target: target),
                    confidence: placed.finding.confidence, sentence: placed.sentence)
            }
        }
    }
}
