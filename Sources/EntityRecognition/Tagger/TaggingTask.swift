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

    /// Training examples for this task from CoNLL sentences. Entity and chunk tags become IOBES,
    /// which marks chunk ends explicitly (entity F1 on dev 0.893 with BIO, 0.897 with IOBES).
    public func examples(_ sentences: [CoNLLSentence]) -> [TaggerTrainer.Example] {
        sentences.map { sentence in
            switch self {
            case .ner: return .init(words: sentence.words, tags: ChunkReader.iobes(sentence.entities), document: sentence.document)
            case .pos: return .init(words: sentence.words, tags: sentence.pos, document: sentence.document)
            case .chunk: return .init(words: sentence.words, tags: ChunkReader.iobes(sentence.chunks), extra: sentence.pos, document: sentence.document)
            }
        }
    }

    /// The gold tags of a sentence for this task.
    public func gold(_ sentence: CoNLLSentence) -> [String] {
        switch self {
        case .ner: return sentence.entities
        case .pos: return sentence.pos
        case .chunk: return sentence.chunks
        }
    }
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
