import EntityRecognition
import PlexusGraph

// Holders: subjects, possessors, passive agents and speakers.
extension StanceExtractor {
    /// The subject of a cue: the nearest entity on its left within the clause, with any entities
    /// joined to it by "and"; a pronoun is resolved; `nearest: false` takes the clause's first entity.
    func subject(before index: Int, _ context: Context, nearest: Bool = true) -> [Party] {
        let lower = context.lower
        var i = index - 1
        // "voters would recognise…", "critics attacked…": a common noun right before the verb is the
        // subject, and it is not an entity; "Labour MPs criticised…" credits the group before the role.
        if nearest, let k = commonNounSubject(before: index, context) {
            if Self.roleWords.contains(lower[k]) || Self.roleWords.contains(String(lower[k].dropLast())) {
                var j = k - 1
                while j >= 0, Self.roleWords.contains(lower[j]) || lower[j] == "'s" { j -= 1 }
                if j >= 0, let m = context.mentionAt[j] {
                    let mention = context.sentence.mentions[m]
                    return [Party(target: .entity(mention.entity), range: mention.range, mention: mention, certainty: 0.85)]
                }
            }
            return []
        }
        // "France welcomed the talks but criticised Russia", "Trump met Zelensky and then attacked him":
        // a verb right after a conjunction shares the clause's first subject.
        if nearest {
            var k = index - 1
            while k >= 0, Self.sequenceAdverbs.contains(lower[k]) { k -= 1 }
            if k >= 1, ["and", "but"].contains(lower[k]), !context.quoted[k],
                let first = context.sentence.mentions.first(where: {
                    $0.range.upperBound <= k && !context.quoted[$0.range.lowerBound] && context.mentionAt[$0.range.lowerBound] != nil
                        && !($0.range.lowerBound > 0 && Self.prepositions.contains(lower[$0.range.lowerBound - 1]))
                })
            {
                return [Party(target: .entity(first.entity), range: first.range, mention: first, certainty: 0.9)]
            }
        }
        var found: [Party] = []
        let cueQuoted = index < context.quoted.count && context.quoted[index]
        while i >= 0 && index - i <= (nearest ? 14 : 30) {
            let word = lower[i]
            if Self.clauseBreaks.contains(word) { break }
            if context.quoted[i] != cueQuoted { break }
            // A reported clause: "Peskov said Moscow rejects…" keeps looking left of "said" only if
            // nothing was found between.
            if Self.speechVerbs.contains(word) && i + 1 < index { break }
            if let m = context.mentionAt[i] {
                let mention = context.sentence.mentions[m]
                let first = mention.range.lowerBound
                var chainStart = first
                while chainStart >= 2, ["and", "or"].contains(lower[chainStart - 1]), let other = context.mentionAt[chainStart - 2] {
                    chainStart = context.sentence.mentions[other].range.lowerBound
                }
                let governed = chainStart > 0 && Self.prepositions.contains(lower[chainStart - 1])
                // "Mark Rutte, the NATO secretary general, welcomed…": the appositive's group
                // describes the person before it, who is the subject.
                var afterGroup = mention.range.upperBound
                while afterGroup < index, afterGroup - mention.range.upperBound < 4, lower[afterGroup] != ",",
                    context.sentence.words[afterGroup].first?.isLowercase == true
                { afterGroup += 1 }
                let appositive =
                    afterGroup > mention.range.upperBound && afterGroup < index && lower[afterGroup] == ","
                    && lower[mention.range.upperBound..<afterGroup].contains { Self.roleWords.contains($0) }
                if nearest, appositive, mention.type != .person, first >= 3, lower[first - 1] == "the", lower[first - 2] == ",",
                    let p = context.mentionAt[first - 3], context.sentence.mentions[p].type == .person
                {
                    let person = context.sentence.mentions[p]
                    return [Party(target: .entity(person.entity), range: person.range, mention: person, certainty: 1)]
                }
                // "Trevor Phillips, chair of the Commission for Racial Equality, praised…".
                if nearest, mention.type != .person, mention.range.upperBound < index, lower[mention.range.upperBound] == "," {
                    var j = first - 1
                    if j >= 0 && lower[j] == "the" { j -= 1 }
                    if j >= 0 && lower[j] == "of" {
                        j -= 1
                        var roles = 0
                        while j >= 0, Self.roleWords.contains(lower[j]) || Self.roleModifiers.contains(lower[j]) {
                            if Self.roleWords.contains(lower[j]) { roles += 1 }
                            j -= 1
                        }
                        if roles > 0, j >= 1, lower[j] == ",", let p = context.mentionAt[j - 1],
                            context.sentence.mentions[p].type == .person
                        {
                            let person = context.sentence.mentions[p]
                            return [Party(target: .entity(person.entity), range: person.range, mention: person, certainty: 1)]
                        }
                    }
                }
                if !governed && (mention.type != .location || found.isEmpty) {
                    found.append(Party(target: .entity(mention.entity), range: mention.range, mention: mention, certainty: 1))
                    if nearest {
                        // "Britain and France back…": take "and"-joined subjects too.
                        var j = mention.range.lowerBound - 1
                        if j >= 0 && lower[j] == "the" { j -= 1 }
                        var sawAnd = false
                        // "Britain, France and Germany back…": a comma joins only once an "and" has.
                        while j >= 1, lower[j] == "and" || (lower[j] == "," && sawAnd), let other = context.mentionAt[j - 1] {
                            sawAnd = true
                            let extra = context.sentence.mentions[other]
                            found.append(Party(target: .entity(extra.entity), range: extra.range, mention: extra, certainty: 1))
                            j = extra.range.lowerBound - 1
                        }
                        return found
                    }
                }
                i = mention.range.lowerBound - 1
                continue
            }
            if Self.speakerPronouns.contains(word), cueQuoted || context.sentence.startsInsideQuote, let speaker = context.speaker {
                if nearest { return [Party(target: .entity(speaker.entity), range: speaker.range, mention: speaker, certainty: 0.9)] }
            }
            if Self.personPronouns.contains(word) || Self.groupPronouns.contains(word) {
                if nearest, var resolved = resolvePronoun(word, at: i, context, excluding: []) {
                    // A subject pronoun ("saying it rejects…") refers back more reliably than an object one.
                    resolved.certainty = max(resolved.certainty, resolved.range.lowerBound < i ? 0.75 : 0.6)
                    return [resolved]
                }
            }
            i -= 1
        }
        return nearest ? found : Array(found.reversed())
    }

    /// "Russia's support for…", "their backing for Kyiv": the possessor right before a noun cue.
    func possessor(before index: Int, _ context: Context) -> Party? {
        var i = index - 1
        while i >= 0 && index - i <= 3 {
            let word = context.lower[i]
            if word == "'s" || word == "'" {
                i -= 1
                continue
            }
            if let m = context.mentionAt[i] {
                let mention = context.sentence.mentions[m]
                guard i + 1 < context.lower.count, context.lower[i + 1] == "'s" || context.lower[i + 1] == "'" || mention.type == .country
                else { return nil }
                return Party(target: .entity(mention.entity), range: mention.range, mention: mention, certainty: 1)
            }
            if Self.stanceIntensifiers.contains(word) || Self.isDateWord(word) {
                i -= 1
                continue
            }
            return nil
        }
        return nil
    }

    /// Whether the noun cue at `index` has a possessive of its own, entity or not.
    ///
    /// "Hamas's attack on Israel": "'s" after a word, past dates and intensifiers, within
    /// three words (as ``possessor(before:_:)`` looks). Such a noun's holder is its
    /// possessor, never the subject or speaker of the clause around it.
    func hasPossessive(before index: Int, _ context: Context) -> Bool {
        var i = index - 1
        while i >= 0 && index - i <= 3 {
            let word = context.lower[i]
            if word == "'s" || word == "'" { return i > 0 && context.lower[i - 1].first?.isLetter == true }
            guard Self.stanceIntensifiers.contains(word) || Self.isDateWord(word) || context.mentionAt[i] != nil else { return false }
            i -= 1
        }
        return false
    }

    /// How many date words ("7", "October", "2023") stand right before `index`.
    func datedWords(before index: Int, _ context: Context) -> Int {
        var count = 0
        var i = index - 1
        while i >= 0, count < 4, Self.isDateWord(context.lower[i]) {
            count += 1
            i -= 1
        }
        return count
    }

    /// A day number, a year or a month's name.
    static func isDateWord(_ word: String) -> Bool {
        if !word.isEmpty, word.count <= 4, word.allSatisfy(\.isNumber) { return true }
        return [
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        ].contains(word)
    }

    /// The agents of a passive cue: "was condemned by the EU", "by both Kyiv and Washington".
    ///
    /// Empty when no entity agent follows within six words ("backed by tanks", "by EU
    /// directives", "was attacked and hit in the engine room"): then no one in the sentence
    /// holds it. Nil when the clause ends first ("Russia was condemned, …"), where the
    /// speaker may hold it.
    func byAgents(after index: Int, _ context: Context) -> [Party]? {
        var i = index
        while i < context.lower.count && i - index <= 6 {
            if Self.rightStops.contains(context.lower[i]) && context.lower[i] != "," { return nil }
            if context.lower[i] == "by" {
                // "by the EU", not "by one of Labour's most senior Asians"; "by both Kyiv and Washington".
                var j = i + 1
                if j < context.lower.count, ["the", "a", "an", "both"].contains(context.lower[j]) { j += 1 }
                guard j < context.lower.count, var first = party(at: j, context), first.mention != nil else { return [] }
                // "by Scotland coach Matt Williams": a group before a role word describes the person after it.
                var k = first.range.upperBound
                while k < context.lower.count && Self.roleWords.contains(context.lower[k]) { k += 1 }
                if k > first.range.upperBound, k < context.lower.count, let person = party(at: k, context),
                    person.mention?.type == .person
                {
                    first = person
                }
                var agents = [first]
                j = first.range.upperBound
                while j + 1 < context.lower.count, ["and", ","].contains(context.lower[j]) {
                    var k = j + 1
                    if k < context.lower.count, context.lower[k] == "the" { k += 1 }
                    guard k < context.lower.count, let next = party(at: k, context), next.mention != nil else { break }
                    agents.append(next)
                    j = next.range.upperBound
                }
                // "backed by EU directives", "by both UK and European voters": a name before a common
                // noun modifies it, and the agent is the noun ("by Labour MPs" still names Labour's people).
                if let tag = context.sentence.partOfSpeech(at: j), tag == "NN" || tag == "NNS",
                    context.mentionAt[j] == nil, !Self.roleWords.contains(context.lower[j])
                {
                    return []
                }
                return agents
            }
            i += 1
        }
        return []
    }

    /// The speaker of reported speech in the sentence, or the quotation's speaker from an earlier sentence.
    ///
    /// Patterns: `X said`, `X, the …, said`, `said X`, `said <title> X`, `according to X`, `X told`.
    public func attribution(in sentence: StanceSentence) -> StanceMention? {
        let lower = sentence.words.map { $0.lowercased() }
        var mentionAt = [Int?](repeating: nil, count: lower.count)
        for (index, mention) in sentence.mentions.enumerated() { for i in mention.range where i < lower.count { mentionAt[i] = index } }
        return attribution(in: sentence, lower: lower, quoted: Self.quotedTokens(sentence), mentionAt: mentionAt)
    }

    func attribution(in sentence: StanceSentence, lower: [String], quoted: [Bool], mentionAt: [Int?]) -> StanceMention? {
        for i in lower.indices where !quoted[i] {
            if lower[i] == "according", i + 1 < lower.count, lower[i + 1] == "to" {
                for j in (i + 2)..<min(lower.count, i + 7) {
                    if let m = mentionAt[j], sentence.mentions[m].type != .location { return sentence.mentions[m] }
                }
            }
            guard Self.speechVerbs.contains(lower[i]) else { continue }
            // Inverted: "…, say the Tories", "…," said Peskov: the speaker follows.
            if i > 0, [",", "\""].contains(lower[i - 1]) || quoted[i - 1],
                let speaker = speakerAfter(i, in: sentence, lower: lower, quoted: quoted, mentionAt: mentionAt)
            {
                return speaker
            }
            // Left: "Zakharova said", "Peskov, the Kremlin spokesman, said", "he said".
            var j = i - 1
            var commas = 0
            while j >= 0 && i - j <= 10 && !quoted[j] {
                if let m = mentionAt[j], sentence.mentions[m].type != .location {
                    return sentence.mentions[m]
                }
                if lower[j] == "," {
                    commas += 1
                    if commas > 2 { break }
                }
                if Self.personPronouns.contains(lower[j]) || Self.groupPronouns.contains(lower[j]) {
                    let context = Context(
                        sentence: sentence, lower: lower, quoted: quoted, mentionAt: mentionAt, topicAt: [],
                        topicSpans: [], speaker: nil, tree: nil)
                    return resolvePronoun(lower[j], at: j, context, excluding: [])?.mention
                }
                if [".", ";", "\"", "and", "but", "that"].contains(lower[j]) { break }
                j -= 1
            }
            // Right: "said Peskov", "said Kremlin spokesman Dmitry Peskov", "told reporters".
            if let speaker = speakerAfter(i, in: sentence, lower: lower, quoted: quoted, mentionAt: mentionAt) { return speaker }
        }
        return sentence.startsInsideQuote || quoted.contains(true) ? sentence.quoteSpeaker : nil
    }

    /// The speaker named within five words after a speech verb, when the name ends the attribution.
    func speakerAfter(_ verb: Int, in sentence: StanceSentence, lower: [String], quoted: [Bool], mentionAt: [Int?]) -> StanceMention? {
        var k = verb + 1
        while k < lower.count && k - verb <= 5 && !quoted[k] {
            if let m = mentionAt[k], sentence.mentions[m].type != .location, Self.endsAttribution(after: sentence.mentions[m], lower) {
                return sentence.mentions[m]
            }
            if [".", ",", ";", "\"", "that"].contains(lower[k]) { break }
            k += 1
        }
        return nil
    }

    /// "said Peskov.", "said Peskov, adding…", "said Peskov on Monday": a speaker after the verb ends the
    /// attribution; in "said Mr Blair was worried" the name starts a reported clause instead.
    static func endsAttribution(after mention: StanceMention, _ lower: [String]) -> Bool {
        let next = mention.range.upperBound
        return next >= lower.count
            || [
                ".", ",", ";", ":", "\"", "on", "in", "at", "yesterday", "today", "earlier", "last", "(", "who", "after", "when", "as",
                "and", "!", "?",
            ].contains(lower[next])
    }

    /// "voters would recognise…", "critics attacked…": the index of a common-noun subject right
    /// before the verb (auxiliaries, adverbs and "refused to" skipped), or `nil`; needs the tagger.
    func commonNounSubject(before index: Int, _ context: Context) -> Int? {
        guard context.sentence.hasPartOfSpeech else { return nil }
        let tag = { (k: Int) in context.sentence.partOfSpeech(at: k) }
        var k = index - 1
        while k >= 0,
            Self.auxiliaries.contains(context.lower[k]) || Self.negatingVerbs.contains(context.lower[k]) || tag(k) == "RB"
                || tag(k) == "MD"
        { k -= 1 }
        guard k >= 0, context.mentionAt[k] == nil, context.topicAt[k] == nil, tag(k) == "NN" || tag(k) == "NNS" else { return nil }
        return k
    }
}
