import Corpus
import EntityRecognition
import PlexusGraph
import PlexusSupport
import RelationExtraction

extension SequenceTagger {
    /// The mean of several taggers' weights (same tags, same profile): one model, as fast as
    /// each of them, with less of the variance that the visiting order gives a perceptron
    /// (parameter mixing).
    ///
    /// - Complexity: O(total weights).
    public static func averaging(_ models: [SequenceTagger], pruneBelow: Float = 0.02) -> SequenceTagger? {
        guard let first = models.first, models.allSatisfy({ $0.tags == first.tags && $0.usesExtra == first.usesExtra }) else { return nil }
        let classes = first.tags.count
        var sums: [UInt64: [Float]] = [:]
        for model in models {
            for slot in model.table where slot.key != 0 {
                var row = sums[slot.key] ?? [Float](repeating: 0, count: classes)
                let start = Int(slot.start)
                for index in start..<(start + Int(slot.count)) {
                    let entry = model.entry(index)
                    row[Int(entry.cls)] += entry.weight
                }
                sums[slot.key] = row
            }
        }
        let scale = 1 / Float(models.count)
        var features: [(key: UInt64, entries: [(UInt8, Float)])] = []
        features.reserveCapacity(sums.count)
        for (key, row) in sums {
            let entries = row.enumerated().compactMap { cls, sum -> (UInt8, Float)? in
                let mean = sum * scale
                return abs(mean) >= pruneBelow ? (UInt8(cls), mean) : nil
            }
            if !entries.isEmpty { features.append((key, entries)) }
        }
        features.sort { $0.key < $1.key }
        return SequenceTagger(
            tags: first.tags, usesExtra: first.usesExtra, profile: first.profile, lexicon: first.lexicon, features: features)
    }
}
