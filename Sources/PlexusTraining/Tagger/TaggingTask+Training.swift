import Corpus
import EntityRecognition
import PlexusGraph
import PlexusSupport
import RelationExtraction

extension TaggingTask {
    /// Training examples for this task from CoNLL sentences.
    ///
    /// Entity and chunk tags become IOBES, which marks chunk ends explicitly (it scored
    /// better on dev than BIO; docs/DESIGN-NOTES.md).
    public func examples(_ sentences: [CoNLLSentence]) -> [TaggerTrainer.Example] {
        sentences.map { sentence in
            switch self {
            case .ner: return .init(words: sentence.words, tags: ChunkTags.iobes(sentence.entities), document: sentence.document)
            case .pos: return .init(words: sentence.words, tags: sentence.pos, document: sentence.document)
            case .chunk:
                return .init(
                    words: sentence.words, tags: ChunkTags.iobes(sentence.chunks), extra: sentence.pos, document: sentence.document)
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
