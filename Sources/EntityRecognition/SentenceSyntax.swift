/// The part-of-speech and chunk tags of one sentence, one of each per token.
public struct SentenceSyntax: Sendable, Equatable {
    /// Penn Treebank part-of-speech tags ("NNP", "VBD").
    public var partOfSpeech: [String]
    /// IOBES chunk tags over the part-of-speech tags ("B-NP", "E-NP", "S-VP", "O").
    public var chunks: [String]
    /// The dependency tree, when the analysis stage has a parser.
    public var dependencies: DependencyParse?

    /// Creates the tags of a sentence.
    public init(partOfSpeech: [String], chunks: [String], dependencies: DependencyParse? = nil) {
        self.partOfSpeech = partOfSpeech
        self.chunks = chunks
        self.dependencies = dependencies
    }
}

/// The models that read a sentence's syntax: a part-of-speech tagger and a chunker that reads
/// its tags.
public struct SyntaxModels: Sendable {
    /// The part-of-speech tagger.
    public var partOfSpeech: SequenceTagger
    /// The chunker (both reading directions, combined).
    public var chunker: BidirectionalTagger
    /// The dependency parser, when there is one.
    public var parser: DependencyParser?

    /// Creates the models from loaded taggers and, optionally, a parser.
    public init(partOfSpeech: SequenceTagger, chunker: BidirectionalTagger, parser: DependencyParser? = nil) {
        self.partOfSpeech = partOfSpeech
        self.chunker = chunker
        self.parser = parser
    }

    /// The shipped taggers, without a parser: a graph build's stance reader holds the parser
    /// and parses only the sentences where it finds a stance; give one here
    /// (``ShippedModels/parser()``) to parse every analysed sentence.
    ///
    /// - Throws: ``ModelFileError`` naming a model that is missing or damaged.
    public static func shipped() throws -> SyntaxModels {
        SyntaxModels(partOfSpeech: try ShippedModels.tagger(.pos), chunker: try ShippedModels.chunker())
    }

    /// The tags of one sentence's words.
    ///
    /// - Complexity: O(n · features) for n words, three tagging passes and a Viterbi search
    ///   over the chunk tags.
    public func analyze(_ words: [String]) -> SentenceSyntax {
        let tags = partOfSpeechTags(of: words)
        return SentenceSyntax(partOfSpeech: tags, chunks: chunkTags(of: words, partOfSpeech: tags), dependencies: parser?.parse(words))
    }

    /// The part-of-speech tags of one sentence's words, as ``analyze(_:)`` gives them.
    ///
    /// - Complexity: O(n · features) for n words.
    public func partOfSpeechTags(of words: [String]) -> [String] { partOfSpeech.tag(words) }

    /// One sentence's words, ready for their part-of-speech tags to be read a stretch at a
    /// time (``partOfSpeechTag(_:at:)``); word for word the tags of ``partOfSpeechTags(of:)``.
    ///
    /// - Complexity: O(n) for n words.
    public func startPartOfSpeech(of words: [String]) -> PartialTagging { partOfSpeech.startTagging(words) }

    /// The part-of-speech tag of word `index`, tagging the words up to it where that has not
    /// been done; `nil` past the end.
    ///
    /// - Complexity: O(k · features) for the k words newly tagged.
    public func partOfSpeechTag(_ tagging: inout PartialTagging, at index: Int) -> String? {
        guard index >= 0, index < tagging.count else { return nil }
        if index >= tagging.indices.count { partOfSpeech.tag(&tagging, through: index) }
        return partOfSpeech.tags[tagging.indices[index]]
    }

    /// Every part-of-speech tag of `tagging`'s sentence, tagging the words not yet tagged in
    /// one pass.
    ///
    /// - Complexity: O(k · features) for the k words newly tagged.
    public func partOfSpeechTags(_ tagging: inout PartialTagging) -> [String] {
        partOfSpeech.tag(&tagging, through: tagging.count - 1)
        return tagging.indices.map { partOfSpeech.tags[$0] }
    }

    /// The chunk tags of one sentence's words over their part-of-speech tags, as
    /// ``analyze(_:)`` gives them.
    ///
    /// - Complexity: O(n · features) for n words: two tagging passes and a Viterbi search.
    public func chunkTags(of words: [String], partOfSpeech tags: [String]) -> [String] { chunker.tag(words, extra: tags) }
}
