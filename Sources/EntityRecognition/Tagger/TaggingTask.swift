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

/// The models shipped with Plexus, loaded lazily, once, from the package's resources.
public enum ShippedModels {
    /// Loads a model file.
    ///
    /// - Throws: ``ModelFileError``.
    public static func load(from path: String) throws -> SequenceTagger {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ModelFileError(path: path, reason: FileManager.default.fileExists(atPath: path) ? "cannot be read" : "no such file")
        }
        return try SequenceTagger(serialized: data, path: path)
    }

    static func loadResource(_ task: TaggingTask, backward: Bool = false) -> SequenceTagger? {
        let name = backward ? "\(task.rawValue)-backward" : task.rawValue
        guard let url = Bundle.module.url(forResource: name, withExtension: "plxtag", subdirectory: "Models") else {
            return nil
        }
        return try? load(from: url.path)
    }

    /// The named-entity model, or `nil` if the resource is missing.
    public static let ner: SequenceTagger? = loadResource(.ner)
    /// The part-of-speech model.
    public static let pos: SequenceTagger? = loadResource(.pos)
    /// The chunk model (left to right).
    public static let chunk: SequenceTagger? = loadResource(.chunk)
    /// The right-to-left chunk model.
    public static let chunkBackward: SequenceTagger? = loadResource(.chunk, backward: true)
    /// The chunker Plexus runs: both chunk models combined when both are shipped, else the
    /// left-to-right one alone.
    public static let chunker: BidirectionalTagger? = {
        guard let chunk, let chunkBackward else { return nil }
        return BidirectionalTagger(forward: chunk, backward: chunkBackward)
    }()

    /// The shipped model for a task.
    public static func model(for task: TaggingTask) -> SequenceTagger? {
        switch task {
        case .ner: return ner
        case .pos: return pos
        case .chunk: return chunk
        }
    }
}
