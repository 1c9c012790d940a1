import Corpus
import EntityRecognition
import PlexusGraph

/// Merges stance findings into directed stance edges and topic nodes.
///
/// - An edge is one (holder, target, polarity); its weight counts distinct sentences (a
///   sentence repeated within a document counts once), its confidence is the noisy-or of its
///   findings' confidences (1 − Π(1 − cᵢ), at most 0.99: each further sentence makes the
///   stance surer), and its evidence lists the most confident sentences first.
/// - Topics from the lexicon always become nodes; a noun phrase the chunker found becomes a
///   topic only when it is the target in at least ``minimumPhraseSentences`` sentences of at
///   least two documents, so one-off phrases do not clutter the graph.
struct StanceEdgeBuilder {
    let nodes: [Node]
    let evidenceLimit: Int
    /// Sentences a chunker-found phrase needs to become a topic.
    static let minimumPhraseSentences = 3

    struct Key: Hashable {
        var holder: Int
        var target: StanceTarget
        var polarity: Polarity
    }

    struct Accumulator {
        var sentences = Set<String>()
        var documents: [String: Int] = [:]
        var survival = 1.0
        var evidence: [(confidence: Double, order: Int, evidence: Evidence)] = []
    }

    var accumulators: [Key: Accumulator] = [:]
    var order = 0

    init(nodes: [Node], evidenceLimit: Int) {
        self.nodes = nodes
        self.evidenceLimit = evidenceLimit
    }

    /// Adds one finding from a document's sentence.
    mutating func add(_ placed: PlacedFinding, document: String, sentence: Int, text: String) {
        let finding = placed.finding
        let key = Key(holder: finding.holder, target: finding.target, polarity: finding.polarity)
        var entry = accumulators[key] ?? Accumulator()
        let normalized = document + "\u{1}" + TextNormalizer.normalize(text).lowercased()
        guard entry.sentences.insert(normalized).inserted else { return }
        entry.documents[document, default: 0] += 1
        entry.survival *= 1 - finding.confidence
        order += 1
        entry.evidence.append(
            (finding.confidence, order, Evidence(document: document, sentence: sentence + 1, text: text, cue: finding.cueText)))
        accumulators[key] = entry
    }

    /// The stance edges and the topic nodes they need.
    func finish() -> (edges: [Edge], topics: [Node], keptPhrases: Set<String>) {
        var topicIDs: [String: String] = [:]  // label → id
        var topicCounts: [String: (mentions: Int, byDocument: [String: Int])] = [:]
        let entityIDs = Set(nodes.map(\.id))
        var phraseSentences: [StanceTarget: Int] = [:]
        var phraseDocuments: [StanceTarget: Set<String>] = [:]
        for (key, entry) in accumulators {
            guard case .phrase = key.target else { continue }
            phraseSentences[key.target, default: 0] += entry.sentences.count
            phraseDocuments[key.target, default: []].formUnion(entry.documents.keys)
        }
        var edges: [Edge] = []
        for (key, entry) in accumulators {
            let targetID: String
            switch key.target {
            case .entity(let index):
                targetID = nodes[index].id
            case .topic(let label), .phrase(let label):
                if case .phrase = key.target {
                    guard phraseSentences[key.target, default: 0] >= Self.minimumPhraseSentences,
                        phraseDocuments[key.target, default: []].count >= 2
                    else { continue }
                }
                if let id = topicIDs[label] {
                    targetID = id
                } else {
                    let slug = CorpusResolver.slug(label)
                    targetID = entityIDs.contains(slug) ? slug + "-topic" : slug
                    topicIDs[label] = targetID
                }
                var counts = topicCounts[label] ?? (0, [:])
                counts.mentions += entry.sentences.count
                for (document, n) in entry.documents { counts.byDocument[document, default: 0] += n }
                topicCounts[label] = counts
            }
            let evidence = entry.evidence.sorted { $0.confidence != $1.confidence ? $0.confidence > $1.confidence : $0.order < $1.order }
                .prefix(evidenceLimit).map(\.evidence)
            let confidence = min(0.99, 1 - entry.survival)
            edges.append(
                Edge(
                    source: nodes[key.holder].id, target: targetID, kind: .stance, polarity: key.polarity,
                    weight: entry.sentences.count, confidence: (confidence * 1000).rounded() / 1000,
                    evidence: Array(evidence), byDocument: entry.documents))
        }
        let topics = topicIDs.map { label, id in
            let counts = topicCounts[label] ?? (0, [:])
            return Node(
                id: id, label: label, type: .topic, aliases: [label], mentions: counts.mentions,
                documents: counts.byDocument.count, byDocument: counts.byDocument)
        }
        let kept = Set(
            phraseSentences.keys.compactMap { target -> String? in
                guard case .phrase(let label) = target, phraseSentences[target, default: 0] >= Self.minimumPhraseSentences,
                    phraseDocuments[target, default: []].count >= 2
                else { return nil }
                return label
            })
        return (edges, topics, kept)
    }
}
