import EntityRecognition
import PlexusGraph

/// A resolved entity mention inside a sentence, as the stance extractor sees it.
public struct StanceMention: Sendable, Equatable {
    /// The mention's tokens, as indices into the sentence's words.
    public var range: Range<Int>
    /// The caller's identifier for the entity (a node index in the graph builder).
    public var entity: Int
    /// The entity's type.
    public var type: EntityType

    /// Creates a mention.
    public init(range: Range<Int>, entity: Int, type: EntityType) {
        self.range = range
        self.entity = entity
        self.type = type
    }
}

/// One analysed sentence with its resolved mentions: what the stance extractor reads.
public struct StanceSentence: Sendable {
    /// The sentence's tokens (normalised quotes and dashes).
    public var words: [String]
    /// Whether whitespace precedes each token (tells an opening quote from a closing one).
    public var spaceBefore: [Bool]
    /// Entity mentions, in text order.
    public var mentions: [StanceMention]
    /// Whether the sentence begins inside a quotation opened in an earlier sentence.
    public var startsInsideQuote = false
    /// Who speaks a quotation that runs through this sentence without being attributed in it.
    public var quoteSpeaker: StanceMention?
    /// Entities of the preceding sentences, most recent first, for "he", "she", "it", "they".
    public var recentEntities: [StanceMention] = []
    /// The tokens as the article wrote them (curly quotes kept), for the polarity model; `words` when absent.
    public var originalWords: [String]?
    /// Part-of-speech tags (Penn Treebank), when a tagger ran.
    public var posTags: [String]?
    /// Chunk tags (IOBES, "B-NP"…), when a chunker ran.
    public var chunkTags: [String]?

    /// Creates a sentence.
    public init(words: [String], spaceBefore: [Bool]? = nil, mentions: [StanceMention]) {
        self.words = words
        self.spaceBefore = spaceBefore ?? words.indices.map { $0 > 0 }
        self.mentions = mentions
    }
}

/// What a stance is about.
public enum StanceTarget: Sendable, Hashable {
    /// A named entity (the caller's identifier).
    case entity(Int)
    /// A topic from the topic lexicon (its label).
    case topic(String)
    /// A noun phrase found by the chunker after a stance word; it becomes a topic only if it recurs.
    case phrase(String)
}

extension StanceTarget {
    /// A key that orders targets deterministically: entities by identifier, then topics, then phrases.
    var sortKey: String {
        switch self {
        case .entity(let id): "0:" + String(id + 1_000_000_000)
        case .topic(let label): "1:" + label
        case .phrase(let text): "2:" + text
        }
    }
}

/// One stance found in one sentence.
public struct StanceFinding: Sendable, Equatable {
    /// Who holds the stance (the caller's entity identifier).
    public var holder: Int
    /// What the stance is about.
    public var target: StanceTarget
    /// Support or oppose.
    public var polarity: Polarity
    /// How sure the extractor is, in [0, 1].
    public var confidence: Double
    /// The stance expression, as its lemma ("lash out at", "backing").
    public var cue: String
}

/// Finds who supports or opposes whom or what in one sentence.
///
/// Hand-written rules over the stance lexicon rather than a trained model, because there is
/// no labelled holder–target data to train on (NewsMTSC labels only the polarity toward a
/// target, not who holds it). The rules:
/// - a cue (verb, noun, adjective or giving verb from ``StanceLexicon``) is found;
/// - the holder is the subject on its left (the nearest entity in the clause, "and"-joined
///   subjects included), the agent after "by" in the passive, or the speaker of reported
///   speech ("…," Zakharova said; according to X; X told reporters; a quotation that began
///   in an earlier sentence), with "we"/"I" in a quotation read as the speaker and "he",
///   "she", "it", "they" read as the nearest fitting entity;
/// - the target is the first entity or topic on its right within the clause ("and"-joined
///   targets included), or, for a giving verb, both the thing given and its recipient;
/// - negation ("not", "n't", "never", "refuse to", "no longer") flips support to oppose and
///   turns a negated opposition into a weak support; modality ("could", "may", "if") and
///   questions lower the confidence.
///
/// Cost: O(n · c) for n words and c cues in the sentence.
public struct StanceExtractor: Sendable {
    /// The cue lexicon.
    public var lexicon = StanceLexicon.standard
    /// The topic lexicon.
    public var topics = TopicLexicon.standard
    /// The polarity model, mixed into the confidence of entity targets when present.
    public var polarityModel: TargetPolarityModel?

    /// Creates an extractor with the shipped lexicons and, optionally, a polarity model.
    public init(polarityModel: TargetPolarityModel? = nil) {
        self.polarityModel = polarityModel
    }

    /// An extractor with the shipped lexicons and polarity model.
    ///
    /// - Throws: ``ModelFileError`` when the polarity model is missing or damaged.
    public static func shipped() throws -> StanceExtractor {
        StanceExtractor(polarityModel: try TargetPolarityModel.shipped())
    }

    static let speechVerbs: Set<String> = [
        "said", "says", "say", "told", "tells", "added", "adds", "insisted", "insists", "stated", "states", "argued", "argues",
        "claimed", "claims", "declared", "declares", "wrote", "writes", "tweeted", "posted", "explained", "explains", "noted",
        "stressed", "stresses", "asserted", "announced", "replied", "responded", "maintained", "acknowledged", "conceded",
        "complained", "suggested", "suggests", "believes", "believed", "thinks", "thought", "reiterated", "repeated",
        "confirmed", "vowed", "vows", "pledged", "urged", "urges", "warned", "warns",
    ]
    static let clauseBreaks: Set<String> = [";", "but", "while", "whereas", "although", "though", "because", "however", "yet", "?", "!"]
    static let rightStops: Set<String> = [";", ".", ",", ":", "but", "while", "whereas", "although", "though", "because", "who",
                                          "which", "after", "before", "when", "as", "since", "so", "?", "!"]
    static let negations: Set<String> = ["not", "never", "no", "cannot", "neither", "nor"]
    static let negatingVerbs: Set<String> = [
        "refuse", "refuses", "refused", "refusing", "decline", "declines", "declined", "declining", "fail", "fails", "failed",
        "failing", "stop", "stops", "stopped", "halt", "halts", "halted", "reluctant", "unwilling", "deny", "denies", "denied",
        "denying",
    ]
    static let hedges: Set<String> = ["could", "might", "may", "if", "reportedly", "possibly", "perhaps", "unless", "whether"]
    static let prepositions: Set<String> = ["in", "of", "for", "to", "from", "with", "at", "on", "by", "about", "against", "into", "over", "between", "among", "toward", "towards"]
    static let adjunctPrepositions: Set<String> = ["over", "for", "on", "about", "in", "at", "with", "amid", "despite", "after",
                                                   "before", "during", "from", "into", "by", "to", "under"]
    static let auxiliaries: Set<String> = ["has", "have", "had", "is", "are", "was", "were", "will", "would", "could", "can", "may",
                                           "might", "should", "must", "did", "does", "do", "be", "been", "also", "not", "n't", "to"]
    static let timeWords: Set<String> = ["week", "weeks", "year", "years", "month", "months", "day", "days", "time", "today",
                                         "yesterday", "tomorrow", "night", "morning", "weekend", "moment", "hour", "hours"]
    /// Words that make a noun phrase an amount, an award or a government rather than a topic
    /// ("mln dlr loan", "pct stake", "actor award", "japanese government").
    static let notTopicWords: Set<String> = ["mln", "dlr", "dlrs", "pct", "stg", "cts", "billion", "million", "bn", "government",
                                             "award", "category", "stake", "shares"]
    static let beForms: Set<String> = ["is", "are", "was", "were", "been", "being", "be", "got", "get", "gets", "getting"]
    static let personPronouns: Set<String> = ["he", "she", "him", "her"]
    static let groupPronouns: Set<String> = ["it", "they", "them"]
    static let speakerPronouns: Set<String> = ["we", "i", "us", "me"]

    /// The stances in a sentence, at most one per (holder, target, polarity), each with its best confidence.
    ///
    /// - Complexity: O(n · c) for n words and c cues.
    public func findings(in sentence: StanceSentence) -> [StanceFinding] {
        let lower = sentence.words.map { $0.lowercased() }
        let quoted = Self.quotedTokens(sentence)
        let topicSpans = topics.matches(in: lower)
        var mentionAt = [Int?](repeating: nil, count: lower.count)
        for (index, mention) in sentence.mentions.enumerated() {
            for i in mention.range where i < lower.count { mentionAt[i] = index }
        }
        var topicAt = [Int?](repeating: nil, count: lower.count)
        for (index, span) in topicSpans.enumerated() {
            // A topic that holds a whole name ("NATO membership") wins over the name; one that cuts a name does not.
            let cut = sentence.mentions.contains { $0.range.overlaps(span.range) && !(span.range.lowerBound <= $0.range.lowerBound && $0.range.upperBound <= span.range.upperBound) }
            if cut { continue }
            for i in span.range {
                topicAt[i] = index
                mentionAt[i] = nil
            }
        }
        let speaker = attribution(in: sentence, lower: lower, quoted: quoted, mentionAt: mentionAt)
        var context = Context(sentence: sentence, lower: lower, quoted: quoted, mentionAt: mentionAt, topicAt: topicAt,
                              topicSpans: topicSpans, speaker: speaker)
        var best: [FindingKey: StanceFinding] = [:]
        var lastCueEnd = -10
        var i = 0
        while i < lower.count {
            defer { i += 1 }
            // Words inside a name ("Human Rights Watch") or a topic ("peacekeeping force") are not cues,
            // except a noun cue that is itself the topic word ("sanctions on Russia").
            if mentionAt[i] != nil { continue }
            for cue in lexicon.cues(startingWith: lower[i]) {
                let end = i + 1 + cue.particles.count
                guard end <= lower.count, Array(lower[(i + 1)..<end]) == cue.particles else { continue }
                if cue.needsVerbTag, !looksLikeVerb(at: i, lower: lower, tags: sentence.posTags, mentionAt: mentionAt) { continue }
                // The tagger tells "an attack" from "attacked", "support" the noun from the verb.
                if let tags = sentence.posTags {
                    let tag = tags[i]
                    if cue.kind == .noun && tag.hasPrefix("VB") && tag != "VBG" { continue }
                    // "Finland backs Ukraine": a third-person form between two names is a verb,
                    // even where the tagger, on a short headline, reads a plural noun.
                    let verbBetweenNames = tag == "NNS" && lower[i].hasSuffix("s") && i > 0 && mentionAt[i - 1] != nil
                        && i + 1 < lower.count && mentionAt[i + 1] != nil
                    if (cue.kind == .verb || cue.kind == .giving) && !verbBetweenNames
                        && (tag.hasPrefix("NN") || (tag == "JJ" && !lower[i].hasSuffix("ed"))) { continue }
                }
                if cue.kind == .verb && cue.particles.isEmpty {
                    // "Straw attacked on China arms": a bare participle before "on/over" is a headline passive.
                    if lower[i].hasSuffix("ed"), end < lower.count, ["on", "over"].contains(lower[end]) { continue }
                    // "said voting for Labour meant…": a gerund after "said" or "that" is a noun clause.
                    if lower[i].hasSuffix("ing"), i > 0, Self.speechVerbs.contains(lower[i - 1]) || lower[i - 1] == "that" { continue }
                }
                if cue.kind == .verb, !cue.particles.isEmpty, lower[i].hasSuffix("ing"), i > 0,
                    Self.speechVerbs.contains(lower[i - 1]) || lower[i - 1] == "that"
                { continue }
                // "the signing of", "a sign of": a verb form after a determiner is a noun.
                if cue.kind == .verb || cue.kind == .giving, i > 0, ["the", "a", "an", "its", "his", "her", "their"].contains(lower[i - 1]) { continue }
                if topicAt[i] != nil && !(cue.kind == .noun && end < lower.count && ["on", "against"].contains(lower[end])) { continue }
                // "opposes new sanctions on Russia", "welcomed the support": a noun right after a verb cue is its object.
                if cue.kind == .noun && i - lastCueEnd <= 3 { continue }
                if cue.kind != .noun { lastCueEnd = end }
                for finding in interpret(cue, at: i..<end, in: &context) {
                    let key = FindingKey(holder: finding.holder, target: finding.target, polarity: finding.polarity)
                    if best[key].map({ finding.confidence > $0.confidence }) ?? true { best[key] = finding }
                }
                break
            }
        }
        return best.values.sorted {
            ($0.holder, $0.polarity.rawValue, $0.target.sortKey) < ($1.holder, $1.polarity.rawValue, $1.target.sortKey)
        }
    }

    /// Whether an ambiguous head ("back") is a verb here: tagged so, or right after a subject, "to" or a modal.
    func looksLikeVerb(at index: Int, lower: [String], tags: [String]?, mentionAt: [Int?]) -> Bool {
        if let tags, tags[index].hasPrefix("VB") { return true }
        guard index > 0 else { return false }
        let before = lower[index - 1]
        return mentionAt[index - 1] != nil || ["to", "will", "would", "not", "n't", "also", "firmly", "strongly", "fully", "they", "we", "i", "he", "she", "it", "and"].contains(before)
    }

    struct FindingKey: Hashable {
        var holder: Int
        var target: StanceTarget
        var polarity: Polarity
    }

    struct Context {
        var sentence: StanceSentence
        var lower: [String]
        var quoted: [Bool]
        var mentionAt: [Int?]
        var topicAt: [Int?]
        var topicSpans: [TopicMatch]
        var speaker: StanceMention?
    }

    /// A candidate holder or target: an entity mention or a topic, with where it stands.
    struct Party {
        var target: StanceTarget
        var range: Range<Int>
        var mention: StanceMention?
        var certainty: Double
    }

    // MARK: Reading one cue

    func interpret(_ cue: StanceCue, at cueRange: Range<Int>, in context: inout Context) -> [StanceFinding] {
        let lower = context.lower
        let start = cueRange.lowerBound
        let passive = cue.kind == .verb && start >= 1 && (lower[start].hasSuffix("ed") || ["given", "sent", "fought"].contains(lower[start]))
            && (Self.beForms.contains(lower[start - 1]) || (start >= 2 && Self.beForms.contains(lower[start - 2]) && lower[start - 1].hasSuffix("ly")))
        var holders: [Party] = []
        var targets: [Party] = []
        var certainty = cue.strength
        switch cue.kind {
        case .verb, .giving:
            if passive, let agent = byAgent(after: cueRange.upperBound, context) {
                holders = [agent]
                targets = leftParties(before: start, context, excluding: holders.map(\.range))
            } else if passive, cueRange.upperBound < lower.count, lower[cueRange.upperBound] != "to" {
                // "Russia was condemned for…": no agent, so only a speaker can hold the stance.
                targets = leftParties(before: start, context, excluding: [])
            } else {
                holders = subject(before: start, context)
                targets = rightParties(from: cueRange.upperBound, context, excluding: holders.map(\.range))
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
            holders = possessor(before: start, context).map { [$0] } ?? subject(before: start, context)
            let next = cueRange.upperBound
            // "the support of the British people" names the holder, "criticism of Hungary" the target.
            if next < lower.count, lower[next] == "of", cue.polarity == .support { return [] }
            if next < lower.count, ["for", "of", "on", "against", "to", "towards", "toward", "with"].contains(lower[next]) {
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
        if holders.isEmpty, let speaker = context.speaker, cue.kind == .adjective || commonNounSubject(before: start, context) == nil {
            holders = [Party(target: .entity(speaker.entity), range: speaker.range, mention: speaker, certainty: 0.85)]
        }
        if targets.isEmpty, cue.kind == .verb, !passive, let phrase = nounPhrase(after: cueRange.upperBound, context) {
            targets = [phrase]
        }
        // "sanctioning military action" authorises it; only "sanctioned Iran" is opposition.
        if cue.lemma == "sanction" { targets = targets.filter { $0.mention != nil } }
        guard !holders.isEmpty, !targets.isEmpty else { return [] }

        var polarity = cue.polarity
        let holderEnd = holders.map(\.range.upperBound).filter { $0 <= start }.max() ?? 0
        let negated = isNegated(before: start, context, holderEnd: holderEnd)
        if negated {
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
        if start >= 2, lower[start - 1] == "to", let end = holders.map(\.range.upperBound).filter({ $0 <= start }).max(),
            (end..<(start - 1)).contains(where: { context.mentionAt[$0] != nil || Self.personPronouns.contains(lower[$0]) || lower[$0] == "them" })
        {
            return []
        }
        // "Putin must agree to a ceasefire", "Zelensky should thank…": a demand on the subject, not its stance.
        if let end = holders.map(\.range.upperBound).filter({ $0 <= start }).max(),
            lower[end..<start].contains(where: { ["must", "should", "ought", "needs", "need"].contains($0) })
        {
            return []
        }
        if lower.last == "?" { certainty *= 0.8 }

        var out: [StanceFinding] = []
        for holder in holders {
            guard case .entity(let holderEntity) = holder.target else { continue }
            for target in targets {
                if target.target == holder.target { continue }
                let gap = target.range.lowerBound > cueRange.upperBound ? target.range.lowerBound - cueRange.upperBound
                    : max(0, start - target.range.upperBound)
                var confidence = certainty * holder.certainty * target.certainty * max(0.6, 1 - 0.03 * Double(max(0, gap - 3)))
                if case .entity = target.target, let model = polarityModel {
                    let p = model.probabilities(PolarityExample(words: context.sentence.originalWords ?? context.sentence.words, target: target.range))
                    let agreeing = polarity == .support ? p[TargetPolarity.positive.rawValue] : p[TargetPolarity.negative.rawValue]
                    confidence = 0.8 * confidence + 0.2 * agreeing
                }
                out.append(StanceFinding(holder: holderEntity, target: target.target, polarity: polarity,
                                         confidence: min(0.99, max(0, confidence)), cue: cue.lemma))
            }
        }
        return out
    }

    enum JudgementFrame {
        /// A naming verb at this index: "called", "branded", "described … as".
        case naming(Int)
        /// A form of "be" at this index: "was", "is", "were".
        case copula(Int)
    }

    static let namingVerbs: Set<String> = ["called", "calling", "calls", "call", "branded", "branding", "brands", "brand", "described",
                                           "describing", "describes", "labelled", "labeled", "labelling", "dubbed", "dubbing", "deemed",
                                           "denounced", "condemned", "dismissed", "slammed", "attacked"]
    static let copulas: Set<String> = ["is", "was", "were", "are", "been", "be", "seemed", "looked"]

    /// The frame that attaches an evaluative word to its target, if any, within six words before it.
    func judgementFrame(before index: Int, _ context: Context) -> JudgementFrame? {
        var i = index - 1
        while i >= 0 && index - i <= 7 {
            let word = context.lower[i]
            if Self.namingVerbs.contains(word) { return .naming(i) }
            if Self.copulas.contains(word) {
                // Only adverbs, articles and intensifiers may stand between "was" and the word.
                let between = context.lower[(i + 1)..<index]
                if between.allSatisfy({ ["a", "an", "the", "totally", "very", "utterly", "completely", "simply", "pure", "deeply", "\"", "'", "so", "quite", "clearly", "wholly", "entirely"].contains($0) }) {
                    return .copula(i)
                }
                return nil
            }
            if Self.clauseBreaks.contains(word) || Self.speechVerbs.contains(word) { return nil }
            i -= 1
        }
        return nil
    }

    // MARK: Holders

    /// The subject of a cue: the nearest entity on its left within the clause, with any entities
    /// joined to it by "and"; a pronoun is resolved; `nearest: false` takes the clause's first entity.
    func subject(before index: Int, _ context: Context, nearest: Bool = true) -> [Party] {
        let lower = context.lower
        var i = index - 1
        // "voters would recognise…", "critics attacked…": a common noun right before the verb is the
        // subject, and it is not an entity; "Labour MPs criticised…" credits the group before the role.
        if nearest, let k = commonNounSubject(before: index, context) {
            if DocumentStanceReader.roleWords.contains(lower[k]) || DocumentStanceReader.roleWords.contains(String(lower[k].dropLast())) {
                var j = k - 1
                while j >= 0, DocumentStanceReader.roleWords.contains(lower[j]) || lower[j] == "'s" { j -= 1 }
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
            while k >= 0, ["then", "later", "also", "again", "quickly", "swiftly", "promptly", "openly"].contains(lower[k]) { k -= 1 }
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
                let appositive = afterGroup > mention.range.upperBound && afterGroup < index && lower[afterGroup] == ","
                    && lower[mention.range.upperBound..<afterGroup].contains { DocumentStanceReader.roleWords.contains($0) }
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
                        while j >= 0, DocumentStanceReader.roleWords.contains(lower[j]) || ["the", "a", "former", "deputy", "general"].contains(lower[j]) {
                            if DocumentStanceReader.roleWords.contains(lower[j]) { roles += 1 }
                            j -= 1
                        }
                        if roles > 0, j >= 1, lower[j] == ",", let p = context.mentionAt[j - 1], context.sentence.mentions[p].type == .person {
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
            if word == "'s" || word == "'" { i -= 1; continue }
            if let m = context.mentionAt[i] {
                let mention = context.sentence.mentions[m]
                guard i + 1 < context.lower.count, context.lower[i + 1] == "'s" || context.lower[i + 1] == "'" || mention.type == .country
                else { return nil }
                return Party(target: .entity(mention.entity), range: mention.range, mention: mention, certainty: 1)
            }
            if ["strong", "firm", "full", "continued", "unwavering", "public", "total", "fierce", "growing", "strongest"].contains(word) {
                i -= 1
                continue
            }
            return nil
        }
        return nil
    }

    /// The agent of a passive cue: "was condemned by the EU".
    func byAgent(after index: Int, _ context: Context) -> Party? {
        var i = index
        while i < context.lower.count && i - index <= 6 {
            if Self.rightStops.contains(context.lower[i]) && context.lower[i] != "," { return nil }
            if context.lower[i] == "by" {
                // "by the EU", not "by one of Labour's most senior Asians".
                var j = i + 1
                if j < context.lower.count, ["the", "a", "an"].contains(context.lower[j]) { j += 1 }
                guard j < context.lower.count, let party = party(at: j, context), party.mention != nil else { return nil }
                return party
            }
            i += 1
        }
        return nil
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
                if lower[j] == "," { commas += 1; if commas > 2 { break } }
                if Self.personPronouns.contains(lower[j]) || Self.groupPronouns.contains(lower[j]) {
                    let context = Context(sentence: sentence, lower: lower, quoted: quoted, mentionAt: mentionAt, topicAt: [],
                                          topicSpans: [], speaker: nil)
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
        return next >= lower.count || [".", ",", ";", ":", "\"", "on", "in", "at", "yesterday", "today", "earlier", "last", "(", "who", "after", "when", "as", "and", "!", "?"].contains(lower[next])
    }

    /// "voters would recognise…", "critics attacked…": the index of a common-noun subject right
    /// before the verb (auxiliaries, adverbs and "refused to" skipped), or `nil`; needs the tagger.
    func commonNounSubject(before index: Int, _ context: Context) -> Int? {
        guard let tags = context.sentence.posTags else { return nil }
        var k = index - 1
        while k >= 0, Self.auxiliaries.contains(context.lower[k]) || Self.negatingVerbs.contains(context.lower[k]) || tags[k] == "RB" || tags[k] == "MD" { k -= 1 }
        guard k >= 0, context.mentionAt[k] == nil, context.topicAt[k] == nil, tags[k] == "NN" || tags[k] == "NNS" else { return nil }
        return k
    }

    // MARK: Targets

    /// Entities and topics on the right of a cue, up to a clause stop, "and"-joined ones included.
    func rightParties(from index: Int, _ context: Context, excluding: [Range<Int>], limit: Int = 9) -> [Party] {
        var found: [Party] = []
        var sawNoun = false
        var i = index
        while i < context.lower.count && i - index <= limit {
            let word = context.lower[i]
            if let party = party(at: i, context), !excluding.contains(where: { $0.overlaps(party.range) }) {
                // "the Tory leader", "Labour MPs", "Tory leader Michael Howard": a group before a role
                // word describes a person; the person, if named, is the target, otherwise nothing is.
                if party.mention.map({ $0.type != .person }) == true, party.range.upperBound < context.lower.count,
                    DocumentStanceReader.roleWords.contains(context.lower[party.range.upperBound])
                {
                    var j = party.range.upperBound
                    while j < context.lower.count && DocumentStanceReader.roleWords.contains(context.lower[j]) { j += 1 }
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
                if party.mention != nil, party.range.upperBound < context.lower.count, let tags = context.sentence.posTags,
                    tags[party.range.upperBound] == "NN" || tags[party.range.upperBound] == "NNS",
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
            // "defended plans to end the EU's embargo": another verb starts another predicate.
            // "refused to join the sanctions": a verb right after "to" continues the cue's predicate.
            // "warned against sending troops": a gerund right after the cue's preposition carries its object.
            let continuesCue = (i == index + 1 && context.lower[index] == "to")
                || (i == index && index > 0 && ["against", "for", "of"].contains(context.lower[index - 1]) && word.hasSuffix("ing"))
            if !continuesCue, let tags = context.sentence.posTags, tags[i].hasPrefix("VB"), !Self.auxiliaries.contains(word) { break }
            // "attacked the government over Iraq": past the object's noun, a preposition starts an adjunct.
            if let tags = context.sentence.posTags {
                if sawNoun && Self.adjunctPrepositions.contains(word) { break }
                if tags[i] == "NN" || tags[i] == "NNS" { sawNoun = true }
                if tags[i] == "PRP$" { i += 1; continue }  // "her record": a possessive, not an object
            }
            if Self.personPronouns.contains(word) || word == "them" || word == "it",
                let resolved = resolvePronoun(word, at: i, context, excluding: excluding)
            {
                found.append(Party(target: resolved.target, range: i..<(i + 1), mention: resolved.mention, certainty: 0.85))
            }
            i += 1
        }
        return found
    }

    /// The nearest entity or topic on the left of a cue within the clause (passive subjects, adjectives).
    func leftParties(before index: Int, _ context: Context, excluding: [Range<Int>], limit: Int = 12, pronouns: Bool = true) -> [Party] {
        var i = index - 1
        while i >= 0 && index - i <= limit {
            if Self.clauseBreaks.contains(context.lower[i]) || Self.speechVerbs.contains(context.lower[i]) { break }
            if let party = party(at: i, context), !excluding.contains(where: { $0.overlaps(party.range) }) {
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
            if Self.rightStops.contains(context.lower[i]) { return nil }
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
        guard let chunks = context.sentence.chunkTags, let tags = context.sentence.posTags else { return nil }
        var start = index
        while start < chunks.count && start - index <= 2 && !(chunks[start].hasPrefix("B-NP") || chunks[start].hasPrefix("S-NP")) {
            if Self.rightStops.contains(context.lower[start]) { return nil }
            start += 1
        }
        guard start < chunks.count, chunks[start].hasPrefix("B-NP") || chunks[start].hasPrefix("S-NP") else { return nil }
        var end = start + 1
        while end < chunks.count && (chunks[end].hasPrefix("I-NP") || chunks[end].hasPrefix("E-NP")) { end += 1 }
        let skip: Set<String> = ["the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my",
                                 "your", "any", "all", "some", "such", "further", "more", "new", "every", "no", "what"]
        let kept = (start..<end).filter { !skip.contains(context.lower[$0]) && context.sentence.words[$0].first?.isLetter == true }
        guard let last = kept.last, kept.count <= 3, tags[last].hasPrefix("NN"), !tags[last].hasPrefix("NNP"),
            kept.allSatisfy({ tags[$0].hasPrefix("NN") || tags[$0].hasPrefix("JJ") || tags[$0] == "VBG" })
        else { return nil }
        // One-word heads ("plans", "issue", "party") and times ("last week") are too vague to be topics,
        // and "the idea of X" names its topic after "of".
        guard kept.count >= 2, !kept.contains(where: { Self.timeWords.contains(context.lower[$0]) || Self.notTopicWords.contains(context.lower[$0]) }),
            !(end < context.lower.count && context.lower[end] == "of")
        else { return nil }
        let phrase = kept.map { context.lower[$0] }.joined(separator: " ")
        return Party(target: .phrase(phrase), range: start..<end, mention: nil, certainty: 0.8)
    }

    /// "he"/"she"/"him"/"her" → the nearest person; "it"/"they"/"them" → the nearest country or organisation
    /// (in the sentence before the pronoun, then in earlier sentences).
    func resolvePronoun(_ word: String, at index: Int, _ context: Context, excluding: [Range<Int>]) -> Party? {
        let wantsPerson = Self.personPronouns.contains(word)
        func fits(_ mention: StanceMention) -> Bool {
            wantsPerson ? mention.type == .person : (mention.type == .country || mention.type == .organisation || (word != "it" && mention.type == .person))
        }
        for mention in context.sentence.mentions.reversed() where mention.range.upperBound <= index && fits(mention)
            && !excluding.contains(where: { $0.overlaps(mention.range) })
        {
            return Party(target: .entity(mention.entity), range: mention.range, mention: mention, certainty: wantsPerson ? 0.7 : 0.55)
        }
        for mention in context.sentence.recentEntities where fits(mention) {
            return Party(target: .entity(mention.entity), range: index..<(index + 1), mention: mention, certainty: wantsPerson ? 0.6 : 0.5)
        }
        return nil
    }

    // MARK: Negation and quotes

    /// Whether a negation governs the cue: "not", "n't", "never", "no longer", "refuse to", "would not".
    func isNegated(before index: Int, _ context: Context, holderEnd: Int) -> Bool {
        let from = max(holderEnd, index - 5, 0)
        guard from < index else { return false }
        for i in from..<index {
            let word = context.lower[i]
            if Self.negations.contains(word) || word.hasSuffix("n't") { return true }
            if Self.negatingVerbs.contains(word), i + 1 < context.lower.count, context.lower[i + 1] == "to" || context.lower[i + 1].hasSuffix("ing") {
                return true
            }
            // "warned against sending troops", "argued against giving aid".
            if word == "against" && i == index - 1 && context.lower[index].hasSuffix("ing") { return true }
        }
        return false
    }

    /// For each token, whether it lies inside a quotation ("…" or '…'), quotes themselves included.
    static func quotedTokens(_ sentence: StanceSentence) -> [Bool] {
        var inside = sentence.startsInsideQuote
        var out = [Bool](repeating: false, count: sentence.words.count)
        for (i, word) in sentence.words.enumerated() {
            if word == "\"" {
                out[i] = true
                inside.toggle()
                continue
            }
            if word == "'" {
                let opens = (i == 0 || sentence.spaceBefore[i]) && i + 1 < sentence.words.count && !sentence.spaceBefore[i + 1]
                let closes = inside && !sentence.spaceBefore[i]
                if opens && !inside { inside = true; out[i] = true; continue }
                if closes { inside = false; out[i] = true; continue }
            }
            out[i] = inside
        }
        return out
    }
}
