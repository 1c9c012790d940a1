import EntityRecognition
import PlexusGraph

/// A stance finding placed in its document.
public struct PlacedFinding: Sendable {
    /// The sentence's 0-based index in the document.
    public var sentence: Int
    /// The finding (holder and entity targets are the caller's entity identifiers).
    public var finding: StanceFinding
    /// Whether the finding was credited to the holder's country or organisation (`--roll-up`).
    public var rolledUp: Bool
}

/// Runs the ``StanceExtractor`` over a whole document: it carries what a sentence cannot
/// know alone — a quotation that opened in an earlier sentence and who speaks it, the
/// entities just mentioned (for pronouns), and whom a person speaks for (for roll-up).
///
/// It reads the part-of-speech and chunk tags the analysis stage put in the document (needed to
/// find noun-phrase targets outside the topic lexicon); sentences without them are read from their
/// words alone.
///
/// Cost: O(n) in the document's tokens.
public struct DocumentStanceReader: Sendable {
    /// The sentence-level extractor.
    public var extractor: StanceExtractor
    /// Whether a person's stance is also credited to the country or organisation they speak for.
    public var rollUp = false
    /// The dependency parser that checks what the word rules found, run only on sentences
    /// where they found a stance and the analysis stage gave no tree (see
    /// ``StanceExtractor``); `nil` reads without trees.
    ///
    /// Why here and not in the analysis stage: a stance is found in about one candidate
    /// sentence in twenty, so parsing only those keeps a whole-corpus build within its time.
    public var parser: DependencyParser?
    /// The taggers run on a sentence whose part-of-speech or chunk tags the extractor reads
    /// when the analysis stage gave none, on first read (``DeferredSyntax``); `nil` reads
    /// such sentences from their words alone.
    public var syntax: SyntaxModels?

    /// Sentences of more tokens than this are not read (see
    /// ``GraphBuilder/maximumTokensPerSentence``, which sets it for a build).
    public var maximumTokensPerSentence = 200

    /// Creates a reader around an extractor and, optionally, a parser and taggers.
    public init(extractor: StanceExtractor = StanceExtractor(), parser: DependencyParser? = nil, syntax: SyntaxModels? = nil) {
        self.extractor = extractor
        self.parser = parser
        self.syntax = syntax
    }

    /// Whether a sentence ends inside a quotation, given whether it starts inside one.
    static func endsInsideQuote(_ sentence: StanceSentence) -> Bool {
        let quoted = StanceExtractor.quotedTokens(sentence)
        var state = sentence.startsInsideQuote
        for (i, word) in sentence.words.enumerated() where (word == "\"" || word == "'") && quoted[i] {
            if word == "\"" { state.toggle() } else { state = i == 0 || sentence.spaceBefore[i] }
        }
        return state
    }

    /// The stances in a document.
    ///
    /// - Parameters:
    ///   - analysis: the analysed document.
    ///   - entityOfMention: for each of `analysis.mentions`, its entity identifier, or `nil` if unresolved.
    ///   - type: the type of an entity identifier.
    /// - Complexity: O(n) in the document's tokens.
    public func findings(in analysis: AnalyzedDocument, entityOfMention: [Int?], type: (Int) -> EntityType) -> [PlacedFinding] {
        let tokens = analysis.tokens
        var mentionsBySentence = [[StanceMention]](repeating: [], count: analysis.sentences.count)
        for (index, mention) in analysis.mentions.enumerated() {
            guard index < entityOfMention.count, let entity = entityOfMention[index], mention.sentence < analysis.sentences.count
            else { continue }
            let base = analysis.sentences[mention.sentence].tokenRange.lowerBound
            mentionsBySentence[mention.sentence].append(
                StanceMention(
                    range: (mention.tokenRange.lowerBound - base)..<(mention.tokenRange.upperBound - base), entity: entity,
                    type: type(entity)))
        }
        // Pass 1: sentences, quotation state across sentences, and in-sentence attributions.
        var sentences: [StanceSentence] = []
        var endsInside: [Bool] = []
        var attributions: [StanceMention?] = []
        var insideQuote = false
        for (index, sentence) in analysis.sentences.enumerated() {
            let slice = tokens[sentence.tokenRange]
            if slice.first?.paragraphStart == true { insideQuote = false }
            // A "sentence" too long to be prose gives no stance: without mentions nothing is read.
            let tooLong = slice.count > maximumTokensPerSentence
            var stanceSentence = StanceSentence(
                words: slice.map(\.text), spaceBefore: slice.map(\.spaceBefore),
                mentions: tooLong ? [] : mentionsBySentence[index])
            stanceSentence.startsInsideQuote = insideQuote
            let state = Self.endsInsideQuote(stanceSentence)
            insideQuote = state
            attributions.append(extractor.attribution(in: stanceSentence))
            endsInside.append(state)
            sentences.append(stanceSentence)
        }
        // Pass 2: a quotation that spans sentences is credited to the speaker named anywhere in it,
        // or in the sentence that introduces it ("Peskov said:").
        var runStart = 0
        while runStart < sentences.count {
            var runEnd = runStart
            while runEnd + 1 < sentences.count && endsInside[runEnd] && sentences[runEnd + 1].startsInsideQuote { runEnd += 1 }
            if runEnd > runStart {
                var speaker = attributions[runStart...runEnd].compactMap { $0 }.first
                if speaker == nil, runStart > 0, sentences[runStart - 1].words.last == ":" { speaker = attributions[runStart - 1] }
                for k in runStart...runEnd { sentences[k].quoteSpeaker = speaker }
            }
            runStart = runEnd + 1
        }
        let affiliations = rollUp ? Self.affiliations(sentences) : [:]
        var recent: [StanceMention] = []
        // Topics of the sentences so far, matched only once a candidate sentence needs them,
        // and how often the document has named each.
        var topicsOf: [[RecentTopic]] = []
        var counts: [String: Int] = [:]
        func recentTopics(before index: Int) -> [String] {
            while topicsOf.count < index {
                let words = sentences[topicsOf.count].words.map { $0.lowercased() }
                let topics = extractor.topics.matches(in: words).map { match in
                    let window = words[max(0, match.range.lowerBound - 10)..<match.range.lowerBound]
                    return RecentTopic(label: match.label, proposed: window.contains { StanceExtractor.planNouns.contains($0) })
                }
                for topic in topics { counts[topic.label, default: 0] += 1 }
                topicsOf.append(topics)
            }
            // The two sentences before: a proposed topic first, then the one the document has
            // discussed most, then the most recent.
            let near = topicsOf[max(0, index - 2)..<index].reversed().flatMap { $0.reversed() }
            var seen = Set<String>()
            let ordered = near.filter { seen.insert($0.label).inserted }
            let proposed = Set(near.filter(\.proposed).map(\.label))
            return ordered.enumerated().sorted { a, b in
                let (pa, pb) = (proposed.contains(a.element.label), proposed.contains(b.element.label))
                if pa != pb { return pa }
                let (ca, cb) = (counts[a.element.label, default: 0], counts[b.element.label, default: 0])
                return ca != cb ? ca > cb : a.offset < b.offset
            }.map(\.element.label)
        }
        var out: [PlacedFinding] = []
        for index in sentences.indices {
            var sentence = sentences[index]
            sentence.recentEntities = recent
            recent = Array((sentence.mentions.reversed() + recent).prefix(12))
            guard !sentence.mentions.isEmpty || sentence.quoteSpeaker != nil,
                sentence.words.contains(where: { !extractor.lexicon.cues(startingWith: $0.lowercased()).isEmpty })
            else { continue }
            sentence.originalWords = analysis.originalWords(of: analysis.sentences[index])
            sentence.recentTopics = recentTopics(before: index)
            if let syntax = analysis.syntax[index] {
                sentence.posTags = syntax.partOfSpeech
                sentence.chunkTags = syntax.chunks
                sentence.dependencies = syntax.dependencies
            } else if let models = syntax {
                sentence.deferredSyntax = DeferredSyntax(words: sentence.words, models: models)
            }
            var findings = extractor.findings(in: sentence)
            if !findings.isEmpty, sentence.dependencies == nil, let parser {
                sentence.dependencies = parser.parse(sentence.words)
                findings = extractor.findings(in: sentence)
            }
            for finding in findings {
                out.append(PlacedFinding(sentence: index, finding: finding, rolledUp: false))
                if let group = affiliations[finding.holder], finding.target != .entity(group) {
                    var credited = finding
                    credited.holder = group
                    credited.confidence *= 0.9
                    out.append(PlacedFinding(sentence: index, finding: credited, rolledUp: true))
                }
            }
        }
        return out
    }

    /// Whom each person speaks for, from "Russia's foreign minister Sergei Lavrov", "Kremlin
    /// spokesman Dmitry Peskov" and "Maria Zakharova, spokeswoman of the Russian foreign ministry".
    static func affiliations(_ sentences: [StanceSentence]) -> [Int: Int] {
        var out: [Int: Int] = [:]
        for sentence in sentences {
            let lower = sentence.words.map { $0.lowercased() }
            let mentions = sentence.mentions
            for (k, person) in mentions.enumerated() where person.type == .person && out[person.entity] == nil {
                // Before: a country or organisation, then at most three role or possessive words.
                if k > 0 {
                    let group = mentions[k - 1]
                    let between = lower[group.range.upperBound..<person.range.lowerBound]
                    if group.type == .country || group.type == .organisation, between.count <= 3,
                        between.contains(where: { StanceExtractor.roleWords.contains($0) }),
                        between.allSatisfy({ $0 == "'s" || $0.first?.isLetter == true })
                    {
                        out[person.entity] = group.entity
                        continue
                    }
                }
                // After: ", <role> of/for/at the <group>".
                if k + 1 < mentions.count, person.range.upperBound < lower.count, lower[person.range.upperBound] == "," {
                    let group = mentions[k + 1]
                    let between = lower[(person.range.upperBound + 1)..<group.range.lowerBound]
                    if group.type == .country || group.type == .organisation, between.count <= 6, !between.contains(","),
                        between.contains(where: { StanceExtractor.roleWords.contains($0) })
                    {
                        out[person.entity] = group.entity
                    }
                }
            }
        }
        return out
    }
}

/// A topic named in a sentence, and whether a plan noun shortly before names it ("a proposal
/// for a peacekeeping force"): what a later "the initiative" most likely refers back to.
struct RecentTopic {
    var label: String
    var proposed: Bool
}
