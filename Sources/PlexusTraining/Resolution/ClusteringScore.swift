import Corpus
import EntityRecognition
import PlexusGraph
import PlexusSupport
import RelationExtraction

/// Scores of a mention clustering against gold.
public struct ResolutionReport: Sendable, Codable {
    /// B-cubed precision over all mentions (gold and predicted).
    public var bCubedPrecision: Double
    /// B-cubed recall.
    public var bCubedRecall: Double
    /// B-cubed F1.
    public var bCubedF1: Double
    /// Precision of the canonical entity list (labels compared ignoring case).
    public var entityPrecision: Double
    /// Recall of the canonical entity list.
    public var entityRecall: Double
    /// Gold mentions found by the system.
    public var matchedMentions: Int
    /// Gold mentions.
    public var goldMentions: Int
    /// Predicted mentions.
    public var predictedMentions: Int
    /// Readable descriptions of what went wrong.
    public var errors: [String]
}

/// B-cubed scoring (Bagga & Baldwin 1998) of predicted mention clusters against gold ones.
///
/// Gold and predicted mentions are paired by overlapping spans (largest overlap first). A
/// gold mention the system missed counts as a singleton in the predicted clustering (it
/// lowers recall when its entity has other mentions), and a predicted mention with no gold
/// counterpart as a singleton in the gold clustering (it lowers precision when the system
/// clustered it with others). Spurious entities show in the entity-list precision.
public enum ClusteringScore {
    /// One mention to score: its document, span and cluster.
    public struct Item: Sendable {
        /// Document index.
        public var document: Int
        /// Scalar span.
        public var range: Range<Int>
        /// Cluster (gold label or predicted entity label).
        public var cluster: String
        /// The text, for error messages.
        public var surface: String

        /// Creates an item.
        public init(document: Int, range: Range<Int>, cluster: String, surface: String) {
            self.document = document
            self.range = range
            self.cluster = cluster
            self.surface = surface
        }
    }

    /// How gold and predicted mentions are paired.
    public enum Pairing: Sendable {
        /// Largest overlap in characters first (the passages fixtures: spans are clean).
        case largestOverlap
        /// Closest span first: overlap over union, then overlap. Where gold mentions nest
        /// ("Wu Chi-wai of the Democratic Party" around "the Democratic Party"), a found
        /// "Democratic Party" pairs with the inner one.
        case closestSpan
    }

    /// Pairs each gold mention with at most one predicted mention of the same document whose
    /// span overlaps it, best pair first by `pairing`.
    ///
    /// - Complexity: O(M²) in the mentions per document.
    public static func pairs(gold: [Item], predicted: [Item], pairing: Pairing = .largestOverlap) -> [(gold: Int, predicted: Int)] {
        var candidates: [(overlap: Int, closeness: Double, gold: Int, predicted: Int)] = []
        var predictedByDocument: [Int: [Int]] = [:]
        for (p, item) in predicted.enumerated() { predictedByDocument[item.document, default: []].append(p) }
        for (g, goldItem) in gold.enumerated() {
            for p in predictedByDocument[goldItem.document] ?? [] {
                let predictedItem = predicted[p]
                let overlap =
                    min(goldItem.range.upperBound, predictedItem.range.upperBound)
                    - max(goldItem.range.lowerBound, predictedItem.range.lowerBound)
                guard overlap > 0 else { continue }
                let union =
                    max(goldItem.range.upperBound, predictedItem.range.upperBound)
                    - min(goldItem.range.lowerBound, predictedItem.range.lowerBound)
                let closeness = pairing == .closestSpan ? Double(overlap) / Double(union) : 0
                candidates.append((overlap, closeness, g, p))
            }
        }
        candidates.sort {
            if $0.closeness != $1.closeness { return $0.closeness > $1.closeness }
            if $0.overlap != $1.overlap { return $0.overlap > $1.overlap }
            return ($0.gold, $0.predicted) < ($1.gold, $1.predicted)
        }
        var usedPredicted = Set<Int>()
        var usedGold = Set<Int>()
        var pairs: [(gold: Int, predicted: Int)] = []
        for candidate in candidates where !usedGold.contains(candidate.gold) && !usedPredicted.contains(candidate.predicted) {
            usedGold.insert(candidate.gold)
            usedPredicted.insert(candidate.predicted)
            pairs.append((candidate.gold, candidate.predicted))
        }
        return pairs
    }

    /// Scores predicted against gold mentions.
    ///
    /// - Complexity: O(M²) in the mentions per document for pairing, O(M) for the scores.
    public static func score(gold: [Item], predicted: [Item], pairing: Pairing = .largestOverlap) -> ResolutionReport {
        score(gold: gold, predicted: predicted, pairs: pairs(gold: gold, predicted: predicted, pairing: pairing))
    }

    /// Scores predicted against gold mentions paired by ``pairs(gold:predicted:pairing:)``
    /// (pairing reads spans only, so one pairing serves several clusterings of the same mentions).
    ///
    /// - Complexity: O(M).
    public static func score(gold: [Item], predicted: [Item], pairs: [(gold: Int, predicted: Int)]) -> ResolutionReport {
        let usedGold = Set(pairs.map(\.gold))
        let usedPredicted = Set(pairs.map(\.predicted))
        // The union of mentions with a gold and a predicted cluster each.
        var goldCluster: [String] = []
        var predictedCluster: [String] = []
        for pair in pairs {
            goldCluster.append("g:" + gold[pair.gold].cluster.lowercased())
            predictedCluster.append("p:" + predicted[pair.predicted].cluster.lowercased())
        }
        for (g, item) in gold.enumerated() where !usedGold.contains(g) {
            goldCluster.append("g:" + item.cluster.lowercased())
            predictedCluster.append("missed:\(g)")
        }
        for (p, item) in predicted.enumerated() where !usedPredicted.contains(p) {
            goldCluster.append("spurious:\(p)")
            predictedCluster.append("p:" + item.cluster.lowercased())
        }
        var goldSize: [String: Int] = [:]
        var predictedSize: [String: Int] = [:]
        var both: [String: Int] = [:]
        for (g, p) in zip(goldCluster, predictedCluster) {
            goldSize[g, default: 0] += 1
            predictedSize[p, default: 0] += 1
            both[g + "\u{1}" + p, default: 0] += 1
        }
        var precision = 0.0
        var recall = 0.0
        for (g, p) in zip(goldCluster, predictedCluster) {
            let shared = Double(both[g + "\u{1}" + p] ?? 0)
            precision += shared / Double(predictedSize[p] ?? 1)
            recall += shared / Double(goldSize[g] ?? 1)
        }
        let count = Double(max(1, goldCluster.count))
        precision /= count
        recall /= count
        let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0

        let goldLabels = Set(gold.map { $0.cluster.lowercased() })
        let predictedLabels = Set(predicted.map { $0.cluster.lowercased() })
        let common = Double(goldLabels.intersection(predictedLabels).count)

        var errors: [String] = []
        for (g, item) in gold.enumerated() where !usedGold.contains(g) {
            errors.append("missed: \"\(item.surface)\" (\(item.cluster)) in passage \(item.document + 1)")
        }
        for (p, item) in predicted.enumerated() where !usedPredicted.contains(p) {
            errors.append("spurious: \"\(item.surface)\" as \(item.cluster) in passage \(item.document + 1)")
        }
        for pair in pairs where gold[pair.gold].cluster.lowercased() != predicted[pair.predicted].cluster.lowercased() {
            errors.append(
                "resolved \"\(gold[pair.gold].surface)\" to \(predicted[pair.predicted].cluster), expected \(gold[pair.gold].cluster) in passage \(gold[pair.gold].document + 1)"
            )
        }
        for label in predictedLabels.subtracting(goldLabels).sorted() { errors.append("entity not in gold: \(label)") }
        for label in goldLabels.subtracting(predictedLabels).sorted() { errors.append("gold entity not found: \(label)") }
        return ResolutionReport(
            bCubedPrecision: precision, bCubedRecall: recall, bCubedF1: f1,
            entityPrecision: predictedLabels.isEmpty ? 0 : common / Double(predictedLabels.count),
            entityRecall: goldLabels.isEmpty ? 0 : common / Double(goldLabels.count),
            matchedMentions: pairs.count, goldMentions: gold.count, predictedMentions: predicted.count, errors: errors)
    }
}
