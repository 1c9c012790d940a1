import Corpus
import Foundation
import PlexusSupport

/// What unlabelled news says about each word: how often it is capitalised in mid-sentence
/// (names) rather than written in lower case (ordinary words), how frequent it is, and a
/// distributional cluster: a 16-bit SimHash of the words seen to its left and right, so that
/// words used alike ("Tuesday"/"Friday", "Blair"/"Brown") share bit prefixes.
///
/// Built by the project's training command from `../shared/data/news-corpus`; deterministic
/// (files in sorted order, exact counts, a fixed projection), and stored inside the model.
public struct WordProfile: Sendable {
    /// Per lower-cased word: case bucket (0–5), frequency bucket (0–15) and cluster bits.
    package struct Entry: Sendable, Equatable {
        var caseBucket: UInt8
        var frequencyBucket: UInt8
        var cluster: UInt16

        package init(caseBucket: UInt8, frequencyBucket: UInt8, cluster: UInt16) {
            self.caseBucket = caseBucket
            self.frequencyBucket = frequencyBucket
            self.cluster = cluster
        }
    }

    /// Exchange-algorithm classes of a word as written, coarse to fine (see ``ExchangeClustering``).
    package struct WordClasses: Sendable, Equatable {
        var coarse: UInt16
        var middle: UInt16
        var fine: UInt16

        package init(coarse: UInt16, middle: UInt16, fine: UInt16) {
            self.coarse = coarse
            self.middle = middle
            self.fine = fine
        }
    }

    /// The class counts of the three levels.
    package static let classCounts = (coarse: 32, middle: 128, fine: 512)

    var entries: [String: Entry]
    /// Word classes by word as written (case matters: "Brown" and "brown" differ).
    package var classes: [String: WordClasses] = [:]

    /// Names the per-thread cache of word facts computed with this profile (``WordFactsCache``).
    private(set) var factsCacheKey = "plexus.tagger.facts.\(UUID().uuidString)"

    /// The number of words profiled.
    public var count: Int { entries.count }

    package init(entries: [String: Entry], classes: [String: WordClasses] = [:]) {
        self.entries = entries
        self.classes = classes
    }

    func entry(_ lower: String) -> Entry? { entries[lower] }

    /// "JAPAN" and "japan" as "Japan": the first letter upper case, the rest lower case.
    static func titleCased(_ word: String) -> String {
        word.prefix(1).uppercased() + word.dropFirst().lowercased()
    }

    /// The classes of a word as written, else of its capitalised or lower-case form (for
    /// headlines in capitals), or `nil` for a word too rare in the unlabelled text.
    package func wordClasses(_ word: String) -> WordClasses? {
        if let found = classes[word] { return found }
        let lower = word.lowercased()
        return classes[WordProfile.titleCased(word)] ?? classes[lower]
    }

}

extension WordProfile: ModelFile {
    /// `PLXPROF1`: a word profile on its own (a cache between training runs); tagger models
    /// embed the same body.
    public static let signature = ModelSignature(
        "PLXPROF1", kindLength: 7, kind: "word profile", remedy: "plexus train-ner --profile-cache")

    /// Writes the profile (words sorted, so the same profile gives the same bytes).
    public func writeBody(to out: inout BinaryWriter) {
        out.put(UInt32(entries.count))
        for (word, entry) in entries.sorted(by: { $0.key < $1.key }) {
            out.put(word, lengthAs: UInt8.self)
            out.put(entry.caseBucket)
            out.put(entry.frequencyBucket)
            out.put(entry.cluster)
        }
        out.put(UInt32(classes.count))
        for (word, ids) in classes.sorted(by: { $0.key < $1.key }) {
            out.put(word, lengthAs: UInt8.self)
            out.put(ids.coarse)
            out.put(ids.middle)
            out.put(ids.fine)
        }
    }

    /// Reads a profile written by ``writeBody(to:)``.
    ///
    /// - Throws: ``ModelFileError`` when the bytes are cut short.
    public init(readingBody reader: inout BinaryReader) throws {
        let count = Int(try reader.read(UInt32.self))
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(count)
        for _ in 0..<count {
            let word = try reader.readString(lengthAs: UInt8.self)
            entries[word] = Entry(
                caseBucket: try reader.read(UInt8.self), frequencyBucket: try reader.read(UInt8.self), cluster: try reader.read(UInt16.self)
            )
        }
        let classCount = Int(try reader.read(UInt32.self))
        var classes: [String: WordClasses] = [:]
        classes.reserveCapacity(classCount)
        for _ in 0..<classCount {
            let word = try reader.readString(lengthAs: UInt8.self)
            classes[word] = WordClasses(
                coarse: try reader.read(UInt16.self), middle: try reader.read(UInt16.self), fine: try reader.read(UInt16.self))
        }
        self.init(entries: entries, classes: classes)
    }
}
