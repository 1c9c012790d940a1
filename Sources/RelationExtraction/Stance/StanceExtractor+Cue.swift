import EntityRecognition
import PlexusGraph

// Reading one cue: its holder, target, polarity and confidence.
extension StanceExtractor {
    func interpret(_ cue: StanceCue, at cueRange: Range<Int>, in context: inout Context) -> [StanceFinding] {
        let lower = context.lower
        let start = cueRange.lowerBound
        let participle = lower[start].hasSuffix("ed") || Self.irregularPassives.contains(lower[start])
        // "the ceasefire long sought by Kyiv", "a plan backed by Paris": a participle with its agent
        // right after it is a passive even without "be" (a reduced relative or a headline).
        let reducedRelative = participle && cueRange.upperBound < lower.count && lower[cueRange.upperBound] == "by"
        let bePassive =
            start >= 1
            && (Self.beForms.contains(lower[start - 1])
                || (start >= 2 && Self.beForms.contains(lower[start - 2]) && lower[start - 1].hasSuffix("ly")))
        let passive = cue.kind == .verb && start >= 1 && participle && (bePassive || reducedRelative)
        var holders: [Party] = []
        var targets: [Party] = []
        var certainty = cue.strength
        switch cue.kind {
        case .verb, .giving, .predicate:
            let agents = passive ? byAgents(after: cueRange.upperBound, context) : nil
            // "backed by tanks", "rejected by ministers": the agent is no entity, so no one here holds it.
            if agents?.isEmpty == true { return [] }
            if let agents {
                holders = agents
                targets = leftParties(before: start, context, excluding: holders.map(\.range))
                if !bePassive {
                    // Without "be" the participle modifies the noun right before it ("the ceasefire long
                    // sought by"), so only that noun, past adverbs, is the target.
                    // Between them may stand adverbs, a plan noun the topic names ("the peacekeepers plan")
                    // and the comma or dash of a parenthesis ("the plan – first proposed by the French –").
                    targets.removeAll { party in
                        !lower[party.range.upperBound..<start].allSatisfy {
                            $0.hasSuffix("ly") || Self.durationAdverbs.contains($0) || Self.planNouns.contains($0)
                                || $0 == "," || $0 == "-"  // the words have their dashes normalised
                        }
                    }
                }
            } else if passive, cueRange.upperBound < lower.count, lower[cueRange.upperBound] != "to" {
                // "Russia was condemned for…": no agent, so only a speaker can hold the stance.
                targets = leftParties(before: start, context, excluding: [])
            } else {
                holders = subject(before: start, context)
                // "critical of Reagan's plan", "opposed to any tax increases": an adjective's object is short.
                targets = rightParties(
                    from: cueRange.upperBound, context, excluding: holders.map(\.range), limit: cue.kind == .predicate ? 4 : 9,
                    verbObject: true)
                if cue.kind == .predicate {
                    // "opposed to the U.S. selling wheat": the name is the subject of the clause opposed.
                    targets.removeAll { context.sentence.partOfSpeech(at: $0.range.upperBound) == "VBG" }
                }
                if cue.kind == .giving {
                    // "pledged military aid to Ukraine": the thing given must be a topic, the recipient an entity.
                    // Refusing to give says nothing about the recipient, so a negated giving keeps only the topic.
                    targets = givenTopic(after: cueRange.upperBound, context).map { [$0] } ?? []
                    if targets.isEmpty { return [] }
                    if !isNegated(before: start, context, holderEnd: holders.map(\.range.upperBound).filter { $0 <= start }.max() ?? 0) {
                        targets += recipients(after: cueRange.upperBound, context)
                    }
                }
            }
        case .noun:
            // "Hamas's 7 October attack", "the 2022 invasion": a dated noun is an event, not a stance.
            if datedWords(before: start, context) > 0 { return [] }
            // "offering to wind back sanctions on Iran", "lifted the sanctions": undoing the measure
            // is no opposition to its target. The tree check says the same of a noun it reads as
            // the reversal verb's object; this catches the parses that hang the noun elsewhere
            // ("wind back crippling sanctions" read with "crippling" as its verb).
            if lower[max(0, start - 4)..<start].contains(where: { Self.reversalVerbs.contains($0) }) { return [] }
            holders =
                possessor(before: start, context).map { [$0] }
                ?? (hasPossessive(before: start, context) ? [] : subject(before: start, context))
            let next = cueRange.upperBound
            // "the support of the British people" names the holder, "criticism of Hungary" the target.
            if next < lower.count, lower[next] == "of", cue.polarity == .support { return [] }
            if next < lower.count, Self.targetPrepositions.contains(lower[next]) {
                targets = rightParties(from: next + 1, context, excluding: holders.map(\.range), limit: 5)
            }
            if targets.isEmpty, lower[start] == "sanctions" { return [] }
            certainty *= 0.95
        case .adjective:
            // Only two frames say whom a judgement is about: naming ("called him a dictator",
            // "branded the plan provocative") and a copula ("the claims by London were deceit").
            // Anywhere else an evaluative word is too loosely attached to be a stance.
            guard let frame = judgementFrame(before: start, context) else { return [] }
            switch frame {
            case .naming(let verb):
                holders = subject(before: verb, context)
                targets = Array(leftParties(before: start, context, excluding: holders.map(\.range), limit: start - verb).prefix(1))
            case .copula(let be):
                holders = context.speaker.map { [Party(target: .entity($0.entity), range: $0.range, mention: $0, certainty: 0.9)] } ?? []
                targets = Array(leftParties(before: be, context, excluding: holders.map(\.range), limit: 6, pronouns: false).prefix(1))
            }
        }
        if let tree = context.tree {
            if treeRulesOut(cue: cue, at: start, passive: passive, tree, context) { return [] }
            holders.removeAll { treeRulesOut(holder: $0, tree, context) }
            targets.removeAll { treeRulesOut(target: $0, cueWord: start, judgement: cue.kind == .adjective, tree, context) }
        }
        // A noun with a possessor of its own ("Hamas's attack") is the possessor's, not the speaker's.
        let ownedNoun = cue.kind == .noun && hasPossessive(before: start, context)
        // "those who support an oil tariff," X said: a relative clause has its own subject, not the speaker.
        let antecedent = start > 2 && lower[start - 2] == "," ? start - 3 : start - 2
        let relativeClause = antecedent >= 0 && ["who", "which"].contains(lower[start - 1]) && context.mentionAt[antecedent] == nil
        // Asking and imposing are read only of a named subject, never of the speaker around them.
        if holders.isEmpty, !ownedNoun, !relativeClause, !cue.topicsOnly, let speaker = context.speaker,
            cue.kind == .adjective || commonNounSubject(before: start, context) == nil
        {
            holders = [Party(target: .entity(speaker.entity), range: speaker.range, mention: speaker, certainty: 0.85)]
        }
        // A phrase target is kept only with a holder, and never for the cues below that keep
        // entities or topics only: those are tested first, as finding the phrase runs the chunker.
        if targets.isEmpty, cue.kind == .verb, !passive, !holders.isEmpty, !cue.topicsOnly, !Self.entityTargetsOnly.contains(cue.lemma),
            let phrase = nounPhrase(after: cueRange.upperBound, context)
        {
            targets = [phrase]
        }
        // "sanctioning military action" authorises it; only "sanctioned Iran" is opposition.
        // "threatened legal action" threatens someone with it; neither is a stance on the measure.
        if Self.entityTargetsOnly.contains(cue.lemma) { targets = targets.filter { $0.mention != nil } }
        // "demanded his resignation", "sought an apology from Iran": asking for something says
        // nothing for or against the people it names, only for the thing asked.
        if cue.topicsOnly {
            // The thing asked for is the object itself: "seeking through negotiations" asks for no negotiations.
            targets = targets.filter { target in
                guard case .topic = target.target else { return false }
                return target.range.upperBound <= start
                    || !lower[cueRange.upperBound..<target.range.lowerBound].contains { Self.askingAsides.contains($0) }
            }
        }
        guard !holders.isEmpty, !targets.isEmpty else { return [] }

        var polarity = cue.polarity
        let holderEnd = holders.map(\.range.upperBound).filter { $0 <= start }.max() ?? 0
        let negated = isNegated(before: start, context, holderEnd: holderEnd)
        if negated {
            // "would not impose sanctions" or "did not demand a ceasefire" is no opposition to them.
            if cue.topicsOnly { return [] }
            if polarity == .support {
                polarity = .oppose
                certainty *= 0.9
            } else {
                polarity = .support
                certainty *= 0.5
            }
        }
        let windowStart = min(start, max(0, (holders.map(\.range.lowerBound).min() ?? start) - 1))
        if lower[windowStart..<start].contains(where: { Self.hedges.contains($0) }) { certainty *= 0.8 }
        // "called on Mr Clarke to denounce…", "urged Kyiv to accept…": the infinitive is asked of
        // someone else, so it is no one's stance yet.
        // The holder may end on the "to" itself ("Ready To" read as a name): nothing lies between.
        if start >= 2, lower[start - 1] == "to", let end = holders.map(\.range.upperBound).filter({ $0 < start }).max(),
            (end..<(start - 1)).contains(where: {
                context.mentionAt[$0] != nil || Self.personPronouns.contains(lower[$0]) || lower[$0] == "them"
            })
        {
            return []
        }
        // "calling on the senior judge, Lord Woolf, to abandon…": the holder found is the one asked.
        if start >= 2, lower[start - 1] == "to", let first = holders.map(\.range.lowerBound).min(),
            asked(before: first, context)
        {
            return []
        }
        // "Putin must agree to a ceasefire", "Zelensky should thank…": a demand on the subject, not its stance.
        if let end = holders.map(\.range.upperBound).filter({ $0 <= start }).max(),
            lower[end..<start].contains(where: { Self.obligations.contains($0) })
        {
            return []
        }
        if lower.last == "?" { certainty *= 0.8 }

        let written = context.sentence.originalWords ?? context.sentence.words
        let cueText = written[cueRange.clamped(to: 0..<written.count)].joined(separator: " ")
        var out: [StanceFinding] = []
        for holder in holders {
            guard case .entity(let holderEntity) = holder.target else { continue }
            for target in targets {
                if target.target == holder.target { continue }
                var polarity = polarity
                // "called for an end to sanctions", "opposed the lifting of the ban": undoing a thing
                // turns the stance on the undoing into the opposite stance on the thing.
                // Only a topic is undone this way: "welcomed rate cuts in France" is no stance on France.
                if target.range.lowerBound > cueRange.upperBound + 1,
                    reverses(before: target.range.lowerBound, after: cueRange.upperBound, context)
                {
                    guard case .topic = target.target else { continue }
                    polarity = polarity == .support ? .oppose : .support
                }
                let gap =
                    target.range.lowerBound > cueRange.upperBound
                    ? target.range.lowerBound - cueRange.upperBound
                    : max(0, start - target.range.upperBound)
                var confidence = certainty * holder.certainty * target.certainty * max(0.6, 1 - 0.03 * Double(max(0, gap - 3)))
                if case .entity = target.target, let model = polarityModel {
                    let p = model.probabilities(
                        PolarityExample(words: context.sentence.originalWords ?? context.sentence.words, target: target.range))
                    let agreeing = polarity == .support ? p[TargetPolarity.positive.rawValue] : p[TargetPolarity.negative.rawValue]
                    confidence = 0.8 * confidence + 0.2 * agreeing
                }
                out.append(
                    StanceFinding(
                        holder: holderEntity, target: target.target, polarity: polarity,
                        confidence: min(0.99, max(0, confidence)), cue: cue.lemma, cueText: cueText))
            }
        }
        return out
    }

    /// Whether a word of undoing ("an end to", "the lifting of", "removal of") stands right
    /// before a target, between the cue and it.
    func reverses(before targetStart: Int, after cueEnd: Int, _ context: Context) -> Bool {
        let lower = context.lower
        var i = targetStart - 1
        // Skip the target's own determiners and modifiers ("the", "all", "new", "us").
        while i > cueEnd
            && ["the", "a", "an", "all", "any", "new", "existing", "remaining", "its", "their", "his", "her"].contains(lower[i])
        {
            i -= 1
        }
        guard i > cueEnd, ["of", "to", "on", "in"].contains(lower[i]) else { return false }
        return Self.reversalNouns.contains(lower[i - 1])
    }

    /// Whether a verb of asking ("urged", "called on") stands within ten words before a holder,
    /// in the same clause: then the holder is the one asked, and the infinitive after it is
    /// asked of them.
    func asked(before holderStart: Int, _ context: Context) -> Bool {
        let lower = context.lower
        var i = holderStart - 1
        while i >= 0 && holderStart - i <= 10 {
            let word = lower[i]
            if Self.clauseBreaks.contains(word) || Self.speechVerbs.contains(word) && !Self.demandVerbs.contains(word) { return false }
            if Self.demandVerbs.contains(word) { return true }
            if word == "on", i > 0, ["call", "calls", "called", "calling"].contains(lower[i - 1]) { return true }
            i -= 1
        }
        return false
    }

    enum JudgementFrame {
        /// A naming verb at this index: "called", "branded", "described … as".
        case naming(Int)
        /// A form of "be" at this index: "was", "is", "were".
        case copula(Int)
    }

    /// The frame that attaches an evaluative word to its target, if any, within six words before it.
    func judgementFrame(before index: Int, _ context: Context) -> JudgementFrame? {
        var i = index - 1
        while i >= 0 && index - i <= 7 {
            let word = context.lower[i]
            if Self.namingVerbs.contains(word) { return .naming(i) }
            if Self.copulas.contains(word) {
                // Only adverbs, articles and intensifiers may stand between "was" and the word.
                let between = context.lower[(i + 1)..<index]
                if between.allSatisfy({ Self.copulaFillers.contains($0) }) {
                    return .copula(i)
                }
                return nil
            }
            if Self.clauseBreaks.contains(word) || Self.speechVerbs.contains(word) { return nil }
            i -= 1
        }
        return nil
    }
}
