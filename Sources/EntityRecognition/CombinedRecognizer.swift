import Corpus

/// The rules, with the trained tagger's second opinion where the rules can only guess.
///
/// The rule-based recogniser knows page furniture, headlines, titles and the gazetteers,
/// but two kinds of its spans are guesses: a lone capitalised word it has no list for
/// ("Microsoft", "Houston") is only a bare name, kept when it joins a full name elsewhere,
/// and two to four capitalised words with no title are read as a person ("Liberal
/// Democrats"). The tagger, trained on CoNLL-2003 news, types such words from their
/// context. So every span comes from the rules, and:
/// - a bare name that the tagger reads, word for word, as an organisation or a place keeps
///   that type as its fallback, which it takes when it joins no person's full name in the
///   corpus (``CorpusResolver``); "Witkoff" still joins "Steve Witkoff". A person reading
///   is not kept: it would make people of parties and unions that no list knows;
/// - a person guess that the tagger reads as an organisation or a place, over those words or
///   a longer span around them ("Social Democratic and Labour Party"), takes the tagger's span
///   and type.
///
/// Headlines in title case (where capitals say nothing) keep the rules' reading. The tagger
/// runs only on the sentences that hold such a guess, with the document's history among
/// them, so it costs a fraction of tagging everything.
///
/// What each choice was measured to do is in docs/MEASUREMENTS.md ("Entity resolution").
public struct CombinedRecognizer: EntityRecognizer {
    let rules: RuleBasedRecognizer
    let tagger: TaggerRecognizer

    /// Creates a recogniser from its two parts.
    public init(rules: RuleBasedRecognizer = RuleBasedRecognizer(), tagger: TaggerRecognizer) {
        self.rules = rules
        self.tagger = tagger
    }

    /// The spans of one sentence (without document history).
    public func recognize(_ sentence: [Token]) -> [EntitySpan] {
        recognizeDocument([sentence]).first ?? []
    }

    /// The spans of every sentence of a document.
    ///
    /// - Complexity: the rules' O(n), plus the tagger over the sentences with a guess.
    public func recognizeDocument(_ sentences: [[Token]]) -> [[EntitySpan]] {
        var result = sentences.map(rules.recognize)
        let asked = result.indices.filter { index in
            result[index].contains(where: { $0.isBareName || ($0.isGuess && $0.type == .person) })
                && !Headline.isTitleCased(sentences[index].lazy.filter { $0.kind == .word }.map(\.text))
        }
        guard !asked.isEmpty else { return result }
        // Words of the people the rules named in full here: "Witkoff" after "Steve Witkoff"
        // is the person, whatever the tagger says.
        var personWords = Set<String>()
        for (tokens, spans) in zip(sentences, result) {
            for span in spans where span.type == .person && span.nameRange.count >= 2 {
                for k in span.nameRange { personWords.insert(tokens[k].text) }
            }
        }
        let opinions = tagger.recognizeDocument(asked.map { sentences[$0] })
        for (index, opinion) in zip(asked, opinions) {
            result[index] = Self.merge(rules: result[index], tagger: opinion, tokens: sentences[index], personWords: personWords)
        }
        return result
    }

    /// The rules' spans with the tagger's opinion applied (see the type's description).
    ///
    /// Organisation and title words on their own ("Ministry", "Treasury") and words of a
    /// person the document names in full (`personWords`) stay bare names.
    static func merge(rules: [EntitySpan], tagger: [EntitySpan], tokens: [Token], personWords: Set<String>) -> [EntitySpan] {
        let merged = rules.map { span in
            if span.isGuess, span.type == .person {
                // Where the tagger sees no name the guess stays: dropping it lost more real
                // names on news pages than it removed wrong ones. Where it reads a longer
                // organisation or place around the guess ("Social Democratic and Labour Party"
                // around "Social Democratic"), its span wins whole.
                // Widened only over an organisation word: the tagger also reads "Conservative
                // Graham Brady" as one organisation.
                guard
                    let opinion = tagger.first(where: { opinion in
                        opinion.type != .person && opinion.range.lowerBound <= span.range.lowerBound
                            && span.range.upperBound <= opinion.range.upperBound
                            && (opinion.range == span.range
                                || opinion.range.contains { !span.range.contains($0) && isOrganisationWord(tokens[$0].text.lowercased()) })
                    })
                else { return span }
                var retyped = opinion
                retyped.isGuess = true
                return retyped
            }
            let word = tokens[span.range.lowerBound].text
            guard span.isBareName, span.range.count == 1, !personWords.contains(word),
                let opinion = tagger.first(where: { $0.range == span.range }), opinion.type != .person,
                !isOrganisationWord(word.lowercased()), !WordLists.titleWords.contains(word.lowercased())
            else { return span }
            var kept = span
            kept.fallbackType = opinion.type
            return kept
        }
        // A widened guess swallows the rules' spans inside it ("Labour Party" inside "Social
        // Democratic and Labour Party"), and two guesses widened to one span stay one.
        var out: [EntitySpan] = []
        for span in merged {
            if let last = out.last, last.range == span.range { continue }
            let inside = merged.contains { other in
                other.range != span.range && other.isGuess && other.range.lowerBound <= span.range.lowerBound
                    && span.range.upperBound <= other.range.upperBound
            }
            if !inside { out.append(span) }
        }
        return out
    }
}
