import Foundation
import PlexusSupport

/// The three taggers Plexus trains on CoNLL-2003 columns.
public enum TaggingTask: String, Sendable, CaseIterable {
    /// Named entities (column 4): PER, LOC, ORG, MISC.
    case ner
    /// Parts of speech (column 2).
    case pos
    /// Chunks (column 3), reading part-of-speech tags as a second column.
    case chunk

    /// The model's file name.
    public var fileName: String { "\(rawValue).plxtag" }

    /// The file name of the right-to-left model paired with this one (see ``BidirectionalTagger``).
    public var backwardFileName: String { "\(rawValue)-backward.plxtag" }

}

/// Which way a tagger reads a sentence.
public enum ReadingDirection: String, Sendable, CaseIterable {
    /// Left to right: the usual model.
    case forward
    /// Right to left: trained on reversed sentences, paired with a forward model (see
    /// ``BidirectionalTagger``).
    case backward
}

extension TaggingTask {
    /// The model's file name for a reading direction.
    public func fileName(_ direction: ReadingDirection) -> String {
        direction == .forward ? fileName : backwardFileName
    }
}
