import EntityRecognition
import PlexusGraph

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

    /// Words that make a noun phrase an amount, an award or a government rather than a topic
    /// ("mln dlr loan", "pct stake", "actor award", "japanese government").

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
            let cut = sentence.mentions.contains {
                $0.range.overlaps(span.range)
                    && !(span.range.lowerBound <= $0.range.lowerBound && $0.range.upperBound <= span.range.upperBound)
            }
            if cut { continue }
            for i in span.range {
                topicAt[i] = index
                mentionAt[i] = nil
            }
        }
        let speaker = attribution(in: sentence, lower: lower, quoted: quoted, mentionAt: mentionAt)
        var context = Context(
            sentence: sentence, lower: lower, quoted: quoted, mentionAt: mentionAt, topicAt: topicAt,
            topicSpans: topicSpans, speaker: speaker, tree: StanceTree(sentence.dependencies, count: lower.count))
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
                if cue.kind == .verb && cue.particles.isEmpty {
                    // "Straw attacked on China arms": a bare participle before "on/over" is a headline passive.
                    if lower[i].hasSuffix("ed"), end < lower.count, ["on", "over"].contains(lower[end]) { continue }
                    // "said voting for Labour meant…": a gerund after "said" or "that" is a noun clause.
                    if lower[i].hasSuffix("ing"), i > 0, Self.speechVerbs.contains(lower[i - 1]) || lower[i - 1] == "that" { continue }
                }
                if cue.kind == .verb, !cue.particles.isEmpty, lower[i].hasSuffix("ing"), i > 0,
                    Self.speechVerbs.contains(lower[i - 1]) || lower[i - 1] == "that"
                {
                    continue
                }
                // "more to lose by imposing tariffs": a gerund after a preposition asks or imposes nothing yet.
                if cue.topicsOnly, lower[i].hasSuffix("ing"), i > 0, Self.adjunctPrepositions.contains(lower[i - 1]) || lower[i - 1] == "of"
                {
                    continue
                }
                // "retreat from proposed sanctions": a participle after a preposition is an adjective.
                if cue.kind == .verb, lower[i].hasSuffix("ed"), i > 0,
                    Self.adjunctPrepositions.contains(lower[i - 1]) || lower[i - 1] == "of"
                {
                    continue
                }
                // "the signing of", "a sign of": a verb form after a determiner is a noun.
                if cue.kind == .verb || cue.kind == .giving, i > 0, Self.determiners.contains(lower[i - 1]) { continue }
                if topicAt[i] != nil && !(cue.kind == .noun && end < lower.count && ["on", "against"].contains(lower[end])) { continue }
                // "opposes new sanctions on Russia", "welcomed the support": a noun right after a verb cue is its object.
                if cue.kind == .noun && i - lastCueEnd <= 3 { continue }
                // The checks that read part-of-speech tags come after those that read words
                // only: the tags may be computed on first read (``DeferredSyntax``).
                if cue.needsVerbTag, !looksLikeVerb(at: i, lower: lower, tag: sentence.partOfSpeech(at: i), mentionAt: mentionAt) {
                    continue
                }
                // The tagger tells "an attack" from "attacked", "support" the noun from the verb.
                if let tag = sentence.partOfSpeech(at: i) {
                    if cue.kind == .noun && tag.hasPrefix("VB") && tag != "VBG" { continue }
                    // "Finland backs Ukraine": a third-person form between two names is a verb,
                    // even where the tagger, on a short headline, reads a plural noun.
                    let verbBetweenNames =
                        tag == "NNS" && lower[i].hasSuffix("s") && i > 0 && mentionAt[i - 1] != nil
                        && i + 1 < lower.count && mentionAt[i + 1] != nil
                    if (cue.kind == .verb || cue.kind == .giving) && !verbBetweenNames
                        && (tag.hasPrefix("NN") || (tag == "JJ" && !lower[i].hasSuffix("ed")))
                    {
                        continue
                    }
                }
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
    func looksLikeVerb(at index: Int, lower: [String], tag: String?, mentionAt: [Int?]) -> Bool {
        if let tag, tag.hasPrefix("VB") { return true }
        guard index > 0 else { return false }
        let before = lower[index - 1]
        return mentionAt[index - 1] != nil || Self.verbOpeners.contains(before)
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
        /// The sentence's dependency tree, when the parser ran on it.
        var tree: StanceTree?
    }

    /// A candidate holder or target: an entity mention or a topic, with where it stands.
    struct Party {
        var target: StanceTarget
        var range: Range<Int>
        var mention: StanceMention?
        var certainty: Double
    }
}
