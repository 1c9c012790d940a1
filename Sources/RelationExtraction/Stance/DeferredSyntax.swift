import EntityRecognition
import Foundation

/// The part-of-speech and chunk tags of one sentence, computed the first time the stance
/// extractor reads them and kept after that.
///
/// Why: the extractor reads part-of-speech tags only where a cue word survives its word
/// checks, and chunk tags only where it looks for a noun-phrase target after a verb cue. A
/// build tagged every sentence with a cue word and an entity up front, and the chunker (two
/// tagging passes and a Viterbi search) then took a fifth of a build's CPU for tags almost
/// never read. The tags come from the same two calls ``SyntaxModels/analyze(_:)`` makes,
/// on the same words, so the findings do not change.
///
/// Part-of-speech tags are read a word at a time, and the tagger, which reads left to right,
/// goes only as far as the last word read: most cue words are turned down on the tag of
/// the cue itself, and the rest of the sentence is then never tagged.
///
/// Cost: nothing until read; then a part-of-speech pass up to the furthest word read, and
/// for chunks the rest of that pass, two chunker passes and a Viterbi search, O(n ·
/// features) for n words, once per sentence.
///
/// Sendable because a ``StanceSentence`` is; it is read on one thread in practice, and a
/// lock guards the tagging in progress and the cached arrays (`NSLock`, as `Mutex` needs macOS 15 and the package
/// supports 13), hence `@unchecked`.
final class DeferredSyntax: @unchecked Sendable {
    private let words: [String]
    private let models: SyntaxModels
    private let lock = NSLock()
    private var tagging: PartialTagging?
    private var cachedPartOfSpeech: [String]?
    private var cachedChunks: [String]?

    /// A sentence's words and the models that tag them.
    init(words: [String], models: SyntaxModels) {
        self.words = words
        self.models = models
    }

    /// The part-of-speech tag of word `index` (`nil` past the end), tagging only as far as
    /// that word: the tagger reads left to right, so the tags are those of the whole sentence.
    func partOfSpeech(at index: Int) -> String? {
        lock.withLock {
            if let tags = cachedPartOfSpeech { return index >= 0 && index < tags.count ? tags[index] : nil }
            // Moved out and back, so the tags so far are extended in place, not copied.
            var partial = tagging ?? models.startPartOfSpeech(of: words)
            tagging = nil
            defer { tagging = partial }
            return models.partOfSpeechTag(&partial, at: index)
        }
    }

    /// The part-of-speech tags, tagged on first use.
    var partOfSpeech: [String] {
        lock.withLock {
            if let tags = cachedPartOfSpeech { return tags }
            var partial = tagging ?? models.startPartOfSpeech(of: words)
            tagging = nil
            let tags = models.partOfSpeechTags(&partial)
            cachedPartOfSpeech = tags
            return tags
        }
    }

    /// The chunk tags over the part-of-speech tags, chunked on first use.
    var chunks: [String] {
        let tags = partOfSpeech
        return lock.withLock {
            if let chunks = cachedChunks { return chunks }
            let chunks = models.chunkTags(of: words, partOfSpeech: tags)
            cachedChunks = chunks
            return chunks
        }
    }
}
