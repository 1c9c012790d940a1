import EntityRecognition

/// The word lists the stance extractor reads, in one place: cue lists live in
/// ``StanceLexicon``; these are the function words and frames around them.
extension StanceExtractor {
    /// Verbs of saying: their subject speaks the quotation or clause around them.
    static let speechVerbs: Set<String> = [
        "said", "says", "say", "told", "tells", "added", "adds", "insisted", "insists", "stated", "states", "argued", "argues",
        "claimed", "claims", "declared", "declares", "wrote", "writes", "tweeted", "posted", "explained", "explains", "noted",
        "stressed", "stresses", "asserted", "announced", "replied", "responded", "maintained", "acknowledged", "conceded",
        "complained", "suggested", "suggests", "believes", "believed", "thinks", "thought", "reiterated", "repeated",
        "confirmed", "vowed", "vows", "pledged", "urged", "urges", "warned", "warns",
    ]
    /// Words and marks that end a clause when looking left for a subject.
    static let clauseBreaks: Set<String> = [";", "but", "while", "whereas", "although", "though", "because", "however", "yet", "?", "!"]
    /// Words and marks that end the search for a target on the right.
    static let rightStops: Set<String> = [
        ";", ".", ",", ":", "but", "while", "whereas", "although", "though", "because", "who",
        "which", "after", "before", "when", "as", "since", "so", "?", "!",
    ]
    /// Words that negate the verb after them.
    static let negations: Set<String> = ["not", "never", "no", "cannot", "neither", "nor"]
    /// Verbs that negate the cue after them ("refused to back").
    static let negatingVerbs: Set<String> = [
        "refuse", "refuses", "refused", "refusing", "decline", "declines", "declined", "declining", "fail", "fails", "failed",
        "failing", "stop", "stops", "stopped", "halt", "halts", "halted", "reluctant", "unwilling", "deny", "denies", "denied",
        "denying",
    ]
    /// Words that lower confidence: modality, condition, hearsay.
    static let hedges: Set<String> = ["could", "might", "may", "if", "reportedly", "possibly", "perhaps", "unless", "whether"]
    /// Prepositions a noun phrase target may start after.
    static let prepositions: Set<String> = [
        "in", "of", "for", "to", "from", "with", "at", "on", "by", "about", "against", "into", "over", "between", "among", "toward",
        "towards",
    ]
    /// Prepositions that open an adjunct, not a target ("over the weekend").
    static let adjunctPrepositions: Set<String> = [
        "over", "for", "on", "about", "in", "at", "with", "amid", "despite", "after",
        "before", "during", "from", "into", "by", "to", "under",
    ]
    /// Auxiliaries that make a clause finite ("Brown was leaving", "talks did not").
    static let finiteAuxiliaries: Set<String> = [
        "has", "have", "had", "is", "are", "was", "were", "will", "would", "could", "can", "may", "might", "should", "must",
        "did", "does", "do",
    ]
    /// Auxiliary verbs between a subject and its verb.
    static let auxiliaries: Set<String> = [
        "has", "have", "had", "is", "are", "was", "were", "will", "would", "could", "can", "may",
        "might", "should", "must", "did", "does", "do", "be", "been", "also", "not", "n't", "to",
    ]
    /// Time nouns, never a topic ("last week").
    static let timeWords: Set<String> = [
        "week", "weeks", "year", "years", "month", "months", "day", "days", "time", "today",
        "yesterday", "tomorrow", "night", "morning", "weekend", "moment", "hour", "hours",
    ]
    /// Nouns that never make a topic on their own (units, generic institutions).
    static let notTopicWords: Set<String> = [
        "mln", "dlr", "dlrs", "pct", "stg", "cts", "billion", "million", "bn", "government",
        "award", "category", "stake", "shares",
    ]
    /// Prepositions that put a phrase beside what is asked for ("seeking through negotiations"),
    /// where "an end to sanctions" keeps it in the object.
    static let askingAsides: Set<String> = adjunctPrepositions.subtracting(["to"]).union(["through", "via"])
    /// Prepositions that put a name inside a longer noun phrase as a place ("plans to store
    /// waste in the UK"); "of" and "from" do not, since "the presence of troops from NATO
    /// countries was unacceptable" is about NATO.
    static let nounPhrasePrepositions: Set<String> = ["in", "at", "into", "within", "inside"]
    /// Nouns of undoing: a stance on "the lifting of X" is the opposite stance on X.
    static let reversalNouns: Set<String> = [
        "end", "removal", "lifting", "scrapping", "abolition", "repeal", "withdrawal", "suspension", "easing",
        "cut", "cuts", "reduction", "reductions", "halt", "rollback", "relaxation", "elimination", "cancellation",
    ]
    /// Cue lemmas whose stance is on a named entity only: "sanctioning military action"
    /// authorises it, "threatened legal action" threatens someone with it.
    static let entityTargetsOnly: Set<String> = ["sanction", "threaten"]
    /// Nouns for a plan, which a definite article makes refer back to one ("the initiative"); not
    /// "idea" or "move", which as often name an argument or an act as a plan.
    static let planNouns: Set<String> = [
        "plan", "plans", "proposal", "proposals", "initiative", "initiatives", "scheme", "schemes", "offer",
    ]
    /// Words that give a plan noun its own content ("the idea of a ceasefire", "the plan to").
    static let complementWords: Set<String> = ["to", "for", "of", "on", "that", "by"]
    /// Determiners that point back: "the plan", "this proposal", "such threats".
    static let anaphoricDeterminers: Set<String> = ["the", "this", "that", "these", "those", "such"]
    /// Words that open a subordinate clause inside an object: what follows is not the object.
    static let clauseOpeners: Set<String> = ["why", "how", "what", "whether", "that", "if", "where"]
    /// Adverbs of time that may stand between a noun and the participle modifying it ("long sought").
    static let durationAdverbs: Set<String> = ["long", "once", "now", "still", "also", "much", "often", "first"]
    /// Forms of "be" and "get" that make a passive.
    static let beForms: Set<String> = ["is", "are", "was", "were", "been", "being", "be", "got", "get", "gets", "getting"]
    /// Pronouns that stand for a person.
    static let personPronouns: Set<String> = ["he", "she", "him", "her"]
    /// Pronouns that stand for a country or organisation.
    static let groupPronouns: Set<String> = ["it", "they", "them"]
    /// Pronouns that, inside a quotation, are its speaker.
    static let speakerPronouns: Set<String> = ["we", "i", "us", "me"]
    /// Verbs that attach an evaluation to their object ("called it a disgrace").
    static let namingVerbs: Set<String> = [
        "called", "calling", "calls", "call", "branded", "branding", "brands", "brand", "described",
        "describing", "describes", "labelled", "labeled", "labelling", "dubbed", "dubbing", "deemed",
        "denounced", "condemned", "dismissed", "slammed", "attacked",
    ]
    /// Forms of "be" that attach an evaluation to their subject ("was a mistake").
    static let copulas: Set<String> = ["is", "was", "were", "are", "been", "be", "seemed", "looked"]
    /// Words before a noun that make a cue a noun ("the attack", "its backing").
    static let determiners: Set<String> = ["the", "a", "an", "its", "his", "her", "their"]
    /// Words that put a verb after them ("to back", "would oppose", "firmly supports").
    static let verbOpeners: Set<String> = [
        "to", "will", "would", "not", "n't", "also", "firmly", "strongly", "fully", "they", "we", "i", "he", "she", "it", "and",
    ]
    /// Irregular past participles of cue verbs ("was given", "was sent").
    static let irregularPassives: Set<String> = ["given", "sent", "fought", "sought"]
    /// Prepositions that introduce a noun cue's target ("support for", "attack on").
    static let targetPrepositions: Set<String> = ["for", "of", "on", "against", "to", "towards", "toward", "with"]
    /// Words of obligation: "must back" is a demand on the subject, not its stance.
    static let obligations: Set<String> = ["must", "should", "ought", "needs", "need"]
    /// Words that may stand between "was" and an evaluative word ("was totally wrong").
    static let copulaFillers: Set<String> = [
        "a", "an", "the", "totally", "very", "utterly", "completely", "simply", "pure", "deeply", "\"", "'", "so", "quite", "clearly",
        "wholly", "entirely",
    ]
    /// Adverbs between a coordinated verb and its subject ("and then attacked").
    static let sequenceAdverbs: Set<String> = ["then", "later", "also", "again", "quickly", "swiftly", "promptly", "openly"]
    /// Words that may precede a role word before a name ("the former deputy minister").
    static let roleModifiers: Set<String> = ["the", "a", "former", "deputy", "general"]
    /// Adjectives before a stance noun whose possessor holds it ("Russia's strong opposition").
    static let stanceIntensifiers: Set<String> = [
        "strong", "firm", "full", "continued", "unwavering", "public", "total", "fierce", "growing", "strongest",
    ]
    /// Words that name a role someone speaks in ("spokesman", "minister"): a person between
    /// a group and such a word speaks for the group.
    static let roleWords: Set<String> = [
        "spokesman", "spokeswoman", "spokesperson", "minister", "secretary", "president", "leader", "ambassador", "chief",
        "head", "official", "envoy", "chancellor", "premier", "diplomat", "negotiator", "adviser", "advisor", "representative",
        "general", "commander", "chair", "chairman", "chairwoman", "mp", "mps", "senator", "member", "members", "deputy",
        "officials", "ministers", "leaders", "spokesmen", "candidate", "candidates", "activists", "peers", "backbenchers",
        "government", "ministry", "party",
    ]
}
