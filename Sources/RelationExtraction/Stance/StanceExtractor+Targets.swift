import EntityRecognition
import PlexusGraph

// Targets: entities, topics and noun phrases on either side of a cue.
extension StanceExtractor {
    /// Entities and topics on the right of a cue, up to a clause stop, "and"-joined ones included.
    func rightParties(from index: Int, _ context: Context, excluding: [Range<Int>], limit: Int = 9, verbObject: Bool = false) -> [Party] {
        var found: [Party] = []
        var sawNoun = false
        var i = index
        while i < context.lower.count && i - index <= limit {
            let word = context.lower[i]
            if let party = party(at: i, context), !excluding.contains(where: { $0.overlaps(party.range) }) {
                // "had to accept negotiations did not guarantee …", "denied Brown was leaving": after a
                // verb, a name with a past, modal or auxiliary verb after it is the subject of a
                // clause, and the clause is the object. ("The Tory plans", "Kashmir moves": a
                // present form may be a plural noun, so it does not count.)
                // A topic stays: "argued that European troops could be deployed" argues for them.
                if verbObject, party.mention != nil, let tag = context.sentence.partOfSpeech(at: party.range.upperBound),
                    ["VBD", "MD"].contains(tag) || Self.finiteAuxiliaries.contains(context.lower[party.range.upperBound])
                {
                    break
                }
                // "the Tory leader", "Labour MPs", "Tory leader Michael Howard": a group before a role
                // word describes a person; the person, if named, is the target, otherwise nothing is.
                if party.mention.map({ $0.type != .person }) == true, party.range.upperBound < context.lower.count,
                    Self.roleWords.contains(context.lower[party.range.upperBound])
                {
                    var j = party.range.upperBound
                    while j < context.lower.count && Self.roleWords.contains(context.lower[j]) { j += 1 }
                    if j < context.lower.count, let person = self.party(at: j, context), person.mention?.type == .person {
                        if !found.contains(where: { $0.target == person.target }) { found.append(person) }
                        i = person.range.upperBound
                        continue
                    }
                    break
                }
                var kept = party
                // "a House of Lords ruling", "Tory proposals": a name before a common noun modifies
                // it, so the stance is about the thing more than the name.
                if party.mention != nil, party.range.upperBound < context.lower.count,
                    let tag = context.sentence.partOfSpeech(at: party.range.upperBound), tag == "NN" || tag == "NNS",
                    context.mentionAt[party.range.upperBound] == nil, context.topicAt[party.range.upperBound] == nil
                {
                    kept.certainty *= 0.75
                }
                if !found.contains(where: { $0.target == kept.target }) { found.append(kept) }
                i = party.range.upperBound
                continue
            }
            if !found.isEmpty {
                // "condemned Russia and Belarus", "Britain, France and Germany".
                guard ["and", "or", ","].contains(word) else { break }
                i += 1
                continue
            }
            if Self.rightStops.contains(word) || Self.speechVerbs.contains(word) { break }
            // "an end to sanctions", "the lifting of the embargo": the target is what is undone
            // (``reverses(before:after:_:)`` turns the polarity).
            if Self.reversalNouns.contains(word), i + 1 < context.lower.count, ["of", "to", "on", "in"].contains(context.lower[i + 1]) {
                i += 2
                continue
            }
            // "defended plans to end the EU's embargo": another verb starts another predicate.
            // "refused to join the sanctions": a verb right after "to" continues the cue's predicate.
            // "warned against sending troops": a gerund right after the cue's preposition carries its object.
            let continuesCue =
                (i == index + 1 && context.lower[index] == "to")
                || (i == index && index > 0 && ["against", "for", "of"].contains(context.lower[index - 1]) && word.hasSuffix("ing"))
            if !continuesCue, let tag = context.sentence.partOfSpeech(at: i), tag.hasPrefix("VB"), !Self.auxiliaries.contains(word) {
                break
            }
            // "attacked the government over Iraq": past the object's noun, a preposition starts an adjunct.
            if let tag = context.sentence.partOfSpeech(at: i) {
                if sawNoun && Self.adjunctPrepositions.contains(word) { break }
                if tag == "NN" || tag == "NNS" { sawNoun = true }
                if tag == "PRP$" {
                    i += 1
                    continue
                }  // "her record": a possessive, not an object
            }
            // "supporting a bill even if it was…": a pronoun with a finite verb after it opens a clause.
            let opensClause = i + 1 < context.lower.count && Self.finiteAuxiliaries.contains(context.lower[i + 1])
            if Self.personPronouns.contains(word) || word == "them" || word == "it", !opensClause,
                let resolved = resolvePronoun(word, at: i, context, excluding: excluding)
            {
                found.append(Party(target: resolved.target, range: i..<(i + 1), mention: resolved.mention, certainty: 0.85))
            }
            // "dismissed the initiative", "supportive of the proposals": a definite plan noun that
            // names no topic of its own stands for the topic just discussed.
            let hasComplement = i + 1 < context.lower.count && Self.complementWords.contains(context.lower[i + 1])
            if Self.planNouns.contains(word), i > 0, Self.anaphoricDeterminers.contains(context.lower[i - 1]), !hasComplement {
                // The object is the plan; names after it belong to another clause ("opposed to the plan and Germany has…").
                if let topic = anaphoricTopic(at: i, before: index, context) { found.append(topic) }
                break
            }
            i += 1
        }
        return found
    }

    /// The topic a definite plan noun refers back to.
    ///
    /// The caller has checked that the noun has a determiner that points back and no
    /// complement of its own ("the plan to cut taxes"). The topic is the last one earlier in
    /// the sentence, or else the first of the two sentences before
    /// (``StanceSentence/recentTopics``); nil when a topic follows the noun right away or none
    /// is near.
    func anaphoricTopic(at index: Int, before cueStart: Int, _ context: Context) -> Party? {
        if index + 1 < context.lower.count, context.topicAt[index + 1] != nil { return nil }
        guard let label = context.topicSpans.last(where: { $0.range.upperBound <= cueStart })?.label ?? context.sentence.recentTopics.first
        else { return nil }
        return Party(target: .topic(label), range: index..<(index + 1), mention: nil, certainty: 0.75)
    }

    /// The nearest entity or topic on the left of a cue within the clause (passive subjects, adjectives).
    func leftParties(before index: Int, _ context: Context, excluding: [Range<Int>], limit: Int = 12, pronouns: Bool = true) -> [Party] {
        var i = index - 1
        while i >= 0 && index - i <= limit {
            if Self.clauseBreaks.contains(context.lower[i]) || Self.speechVerbs.contains(context.lower[i]) { break }
            if let party = party(at: i, context), !excluding.contains(where: { $0.overlaps(party.range) }) {
                // "Plans to store waste in the UK have been branded irresponsible": a name inside a
                // prepositional phrase is not what the passive or the judgement is about.
                var before = party.range.lowerBound - 1
                if before >= 0, context.lower[before] == "the" { before -= 1 }
                if party.mention != nil, before >= 0, Self.nounPhrasePrepositions.contains(context.lower[before]) { return [] }
                return [party]
            }
            if pronouns, Self.personPronouns.contains(context.lower[i]) || context.lower[i] == "them" || context.lower[i] == "it",
                let resolved = resolvePronoun(context.lower[i], at: i, context, excluding: excluding)
            {
                return [Party(target: resolved.target, range: i..<(i + 1), mention: resolved.mention, certainty: 0.85)]
            }
            i -= 1
        }
        return []
    }

    /// The topic a giving verb gives: the first topic within the clause ("give Ukraine NATO membership").
    func givenTopic(after index: Int, _ context: Context) -> Party? {
        var i = index
        while i < context.lower.count && i - index <= 8 {
            // "had not given reasons why it planned tariffs": a clause after the object is not what is given.
            if Self.rightStops.contains(context.lower[i]) || Self.clauseOpeners.contains(context.lower[i]) { return nil }
            if let t = context.topicAt[i] {
                let span = context.topicSpans[t]
                return Party(target: .topic(span.label), range: span.range, mention: nil, certainty: 1)
            }
            i += 1
        }
        return nil
    }

    /// "…to Ukraine", "…for Kyiv": the recipient of a giving verb.
    func recipients(after index: Int, _ context: Context) -> [Party] {
        var i = index
        while i < context.lower.count && i - index <= 8 {
            let word = context.lower[i]
            if Self.rightStops.contains(word) { break }
            if word == "to" || word == "for" {
                return rightParties(from: i + 1, context, excluding: [], limit: 4).filter { $0.mention != nil }
            }
            if i == index, let party = party(at: i, context), party.mention != nil {
                return [party]  // "give Ukraine weapons"
            }
            i += 1
        }
        return []
    }

    /// The entity or topic starting at a word.
    func party(at index: Int, _ context: Context) -> Party? {
        if let m = context.mentionAt[index] {
            let mention = context.sentence.mentions[m]
            return Party(target: .entity(mention.entity), range: mention.range, mention: mention, certainty: 1)
        }
        if let t = context.topicAt[index] {
            let span = context.topicSpans[t]
            return Party(target: .topic(span.label), range: span.range, mention: nil, certainty: 1)
        }
        return nil
    }

    /// A noun phrase right after a verb cue, from the chunker: a candidate topic ("the tax plans").
    func nounPhrase(after index: Int, _ context: Context) -> Party? {
        guard mayHoldNounPhrase(after: index, context), let tags = context.sentence.posTags, let chunks = context.sentence.chunkTags
        else { return nil }
        var start = index
        while start < chunks.count && start - index <= 2 && !(chunks[start].hasPrefix("B-NP") || chunks[start].hasPrefix("S-NP")) {
            // "help narrow its trade surplus": the phrase belongs to the second verb, not to the cue.
            if Self.rightStops.contains(context.lower[start]) || tags[start].hasPrefix("VB") { return nil }
            start += 1
        }
        guard start < chunks.count, chunks[start].hasPrefix("B-NP") || chunks[start].hasPrefix("S-NP") else { return nil }
        var end = start + 1
        while end < chunks.count && (chunks[end].hasPrefix("I-NP") || chunks[end].hasPrefix("E-NP")) { end += 1 }
        let kept = (start..<end).filter { Self.mayBeTopicWord($0, context) }
        guard let last = kept.last, kept.count <= 3, Self.isCommonNoun(tags[last]), kept.allSatisfy({ Self.isTopicTag(tags[$0]) })
        else { return nil }
        // One-word heads ("plans", "issue", "party") and times ("last week") are too vague to be topics,
        // and "the idea of X" names its topic after "of".
        guard kept.count >= 2,
            !kept.contains(where: { Self.timeWords.contains(context.lower[$0]) || Self.notTopicWords.contains(context.lower[$0]) }),
            !(end < context.lower.count && context.lower[end] == "of")
        else { return nil }
        let phrase = kept.map { context.lower[$0] }.joined(separator: " ")
        return Party(target: .phrase(phrase), range: start..<end, mention: nil, certainty: 0.8)
    }

    /// Determiners and vague modifiers a noun-phrase topic leaves out ("the", "further").
    static let phraseSkipWords: Set<String> = [
        "the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my",
        "your", "any", "all", "some", "such", "further", "more", "new", "every", "no", "what",
    ]

    /// Whether a word can be part of a noun-phrase topic: a word, not one it leaves out.
    static func mayBeTopicWord(_ index: Int, _ context: Context) -> Bool {
        !phraseSkipWords.contains(context.lower[index]) && context.sentence.words[index].first?.isLetter == true
    }

    /// The tags a noun-phrase topic's words may have: nouns, adjectives, gerunds.
    static func isTopicTag(_ tag: String) -> Bool { tag.hasPrefix("NN") || tag.hasPrefix("JJ") || tag == "VBG" }

    /// The tags of a common noun, which a noun-phrase topic ends with.
    static func isCommonNoun(_ tag: String) -> Bool { tag.hasPrefix("NN") && !tag.hasPrefix("NNP") }

    /// Whether the words and part-of-speech tags after `index` can hold what
    /// ``nounPhrase(after:_:)`` keeps.
    ///
    /// Read before it runs the chunker, which costs more than the rest of the extractor. It
    /// asks for two topic words or more with nothing between them but
    /// left-out words, the last a common noun, the first among the first four topic words
    /// (the phrase starts at most three words after `index`, and what it leaves out before
    /// its first kept word is no topic word). Never false where the phrase is found.
    ///
    /// - Complexity: O(n) in the words after `index`.
    func mayHoldNounPhrase(after index: Int, _ context: Context) -> Bool {
        var run = 0
        var topicWords = 0
        for position in index..<context.lower.count where Self.mayBeTopicWord(position, context) {
            guard let tag = context.sentence.partOfSpeech(at: position) else { return false }
            topicWords += 1
            guard Self.isTopicTag(tag) else {
                // The run breaks; a phrase must start at one of the first four topic words.
                if topicWords >= 4 { return false }
                run = 0
                continue
            }
            if run >= 1 && Self.isCommonNoun(tag) { return true }
            if run == 0 && topicWords > 4 { return false }
            run += 1
        }
        return false
    }

    /// "he"/"she"/"him"/"her" → the nearest person; "it"/"they"/"them" → the nearest country or organisation
    /// (in the sentence before the pronoun, then in earlier sentences).
    func resolvePronoun(_ word: String, at index: Int, _ context: Context, excluding: [Range<Int>]) -> Party? {
        let wantsPerson = Self.personPronouns.contains(word)
        func fits(_ mention: StanceMention) -> Bool {
            wantsPerson
                ? mention.type == .person
                : (mention.type == .country || mention.type == .organisation || (word != "it" && mention.type == .person))
        }
        for mention in context.sentence.mentions.reversed()
        where mention.range.upperBound <= index && fits(mention)
            && !excluding.contains(where: { $0.overlaps(mention.range) })
        {
            return Party(target: .entity(mention.entity), range: mention.range, mention: mention, certainty: wantsPerson ? 0.7 : 0.55)
        }
        for mention in context.sentence.recentEntities where fits(mention) {
            return Party(target: .entity(mention.entity), range: index..<(index + 1), mention: mention, certainty: wantsPerson ? 0.6 : 0.5)
        }
        return nil
    }
}
