import Corpus
import EntityRecognition
import PlexusGraph
import PlexusSupport
import RelationExtraction

extension TagLexicon {
    /// The lexicon of all `sentences` and, for each of `folds` folds (documents in turn), the
    /// lexicon of the sentences outside it; returns the fold of each sentence too.
    ///
    /// - Complexity: O(tokens · folds).
    package static func folds(
        _ sentences: [(words: [String], document: Int)], tags: [[Int]], folds: Int
    ) -> (full: TagLexicon, without: [TagLexicon], foldOf: [Int]) {
        var order: [Int: Int] = [:]
        for sentence in sentences where order[sentence.document] == nil { order[sentence.document] = order.count }
        let foldOf = sentences.map { (order[$0.document] ?? 0) % max(1, folds) }
        var inFold = [TagLexicon](repeating: TagLexicon(), count: max(1, folds))
        for (index, sentence) in sentences.enumerated() { inFold[foldOf[index]].add(words: sentence.words, tags: tags[index]) }
        var full = TagLexicon()
        for lexicon in inFold { full.merge(lexicon) }
        let without = inFold.indices.map { fold in
            var lexicon = TagLexicon()
            for other in inFold.indices where other != fold { lexicon.merge(inFold[other]) }
            return lexicon
        }
        return (full, without, foldOf)
    }
}
