import PlexusGraph

/// The words that express a stance, written by the Plexus team.
///
/// Each cue is a phrase: a head word (a verb given by its base form and inflected here, or
/// a noun or adjective given as written) and the words that must follow it ("lash out at",
/// "warn against"). A cue has a polarity and a strength in [0, 1]: how surely the phrase
/// states a stance rather than reports an event ("condemn" 0.9, "question" 0.6).
public struct StanceCue: Sendable, Equatable {
    /// What part of speech the head is, which decides where holder and target are looked for.
    public enum Kind: Sendable, Equatable {
        /// "X backs Y": holder on the left, target on the right (or the other way in the passive).
        case verb
        /// "X's support for Y", "backing for Kyiv": target after "for/of/to/on/against".
        case noun
        /// "called the plan provocative": the target is the nearest thing described.
        case adjective
        /// "give", "provide", "send": support for what is given and for whom it is given to.
        case giving
        /// "is supportive of", "has been critical of": an adjective read like a verb, subject to object.
        case predicate
    }

    /// The lemma ("back", "lash out at"), for display and tests.
    public var lemma: String
    /// Support or oppose.
    public var polarity: Polarity
    /// How surely the cue states a stance.
    public var strength: Double
    /// Where holder and target are looked for.
    public var kind: Kind
    /// The words after the head that the phrase requires (lower case).
    public var particles: [String]
    /// Whether the head must be tagged as a verb to count (for words such as "back" that are
    /// mostly adverbs).
    public var needsVerbTag: Bool
    /// Whether only topics can be its targets: asking for a thing ("demanded a ceasefire") is a
    /// stance on it, but "demanded his resignation" is none for or against him.
    public var topicsOnly: Bool = false
}

/// The cue table: every inflected head form → the cues it may start.
public struct StanceLexicon: Sendable {
    /// Head form (lower case) → cues, longest phrase first.
    let cuesByHead: [String: [StanceCue]]

    /// The shipped lexicon.
    public static let standard = StanceLexicon()

    /// The cues that may start at a word (lower case), longest phrase first.
    ///
    /// - Complexity: O(1).
    public func cues(startingWith word: String) -> [StanceCue] { cuesByHead[word] ?? [] }

    init() {
        var table: [String: [StanceCue]] = [:]
        func add(
            _ phrase: String, _ polarity: Polarity, _ strength: Double, _ kind: StanceCue.Kind, verbTag: Bool = false,
            topicsOnly: Bool = false
        ) {
            let words = phrase.split(separator: " ").map(String.init)
            guard let head = words.first else { return }
            let cue = StanceCue(
                lemma: phrase, polarity: polarity, strength: strength, kind: kind,
                particles: Array(words.dropFirst()), needsVerbTag: verbTag, topicsOnly: topicsOnly)
            let forms = kind == .verb || kind == .giving ? Self.inflections(of: head) : [head]
            for form in forms { table[form, default: []].append(cue) }
        }
        // Support, verbs.
        for (phrase, strength) in [
            ("support", 0.9), ("endorse", 0.9), ("welcome", 0.85), ("praise", 0.9), ("hail", 0.85), ("applaud", 0.85),
            ("champion", 0.8), ("defend", 0.75), ("embrace", 0.75), ("favour", 0.8), ("favor", 0.8), ("approve", 0.8),
            ("commend", 0.85), ("congratulate", 0.8), ("thank", 0.75), ("pledge support for", 0.9), ("stand with", 0.85),
            ("stand by", 0.8), ("side with", 0.85), ("agree with", 0.8), ("agree to", 0.8), ("sign", 0.7), ("sign up to", 0.8),
            ("commit to", 0.8), ("call for", 0.75), ("push for", 0.75), ("press for", 0.75), ("argue for", 0.75),
            ("campaign for", 0.8), ("advocate", 0.8), ("accept", 0.65),
            ("back", 0.9), ("reaffirm support for", 0.9), ("vote for", 0.8), ("ally with", 0.8), ("help", 0.6),
            ("protect", 0.6), ("rally behind", 0.85), ("rally to", 0.8), ("join forces with", 0.75), ("reach out to", 0.6),
        ] {
            add(phrase, .support, strength, .verb, verbTag: phrase == "back")
        }
        // Asking for a thing: support for it, never for or against a person it names.
        for (phrase, strength) in [("demand", 0.75), ("seek", 0.7), ("insist on", 0.75), ("impose", 0.7), ("propose", 0.7)] {
            add(phrase, .support, strength, .verb, topicsOnly: true)
        }
        // Nouns of asking: "his pleas to join NATO", "Macron's call for a ceasefire".
        for (word, strength) in [
            ("bid", 0.7), ("plea", 0.75), ("pleas", 0.75), ("call", 0.7), ("calls", 0.7), ("push", 0.7), ("demand", 0.7),
            ("demands", 0.7), ("appeal", 0.7), ("appeals", 0.7),
        ] {
            add(word, .support, strength, .noun, topicsOnly: true)
        }
        // Giving: support for the thing given and for the one it is given to.
        for (phrase, strength) in [
            ("give", 0.7), ("provide", 0.75), ("send", 0.65), ("supply", 0.7), ("offer", 0.7), ("deliver", 0.65),
            ("pledge", 0.8), ("promise", 0.7), ("guarantee", 0.7), ("fund", 0.7), ("arm", 0.75), ("extend", 0.6),
            ("cede", 0.7), ("grant", 0.7),
        ] {
            add(phrase, .support, strength, .giving)
        }
        // Oppose, verbs.
        for (phrase, strength) in [
            ("oppose", 0.9), ("reject", 0.9), ("condemn", 0.95), ("denounce", 0.95), ("dismiss", 0.8), ("accuse", 0.9),
            ("attack", 0.8), ("brand", 0.8), ("rebuke", 0.9), ("criticise", 0.9), ("criticize", 0.9), ("blame", 0.85),
            ("slam", 0.9), ("blast", 0.85), ("warn against", 0.85), ("warn of", 0.6), ("refuse", 0.75), ("sanction", 0.85),
            ("veto", 0.85), ("block", 0.75), ("threaten", 0.8), ("contradict", 0.8), ("lash out at", 0.9),
            ("hit out at", 0.9), ("round on", 0.85), ("turn on", 0.75), ("deride", 0.9), ("mock", 0.85), ("ridicule", 0.85),
            ("challenge", 0.6), ("resist", 0.75), ("boycott", 0.85), ("defy", 0.8), ("snub", 0.8), ("insult", 0.85),
            ("vilify", 0.9), ("invade", 0.8), ("punish", 0.8), ("expel", 0.75), ("ban", 0.7), ("sue", 0.75),
            ("undermine", 0.75), ("fight", 0.6), ("rule out", 0.8), ("break with", 0.8), ("question", 0.55),
            ("scrap", 0.7), ("abandon", 0.7), ("walk away from", 0.75), ("pull out of", 0.75), ("withdraw from", 0.7),
            ("vote against", 0.85), ("campaign against", 0.85), ("argue against", 0.8), ("speak out against", 0.85),
            ("protest against", 0.8), ("distance himself from", 0.75), ("distance herself from", 0.75),
            ("distance itself from", 0.75), ("clash with", 0.75), ("disagree with", 0.8), ("betray", 0.8),
            ("humiliate", 0.8), ("scold", 0.85), ("chide", 0.85), ("berate", 0.9), ("reprimand", 0.85), ("castigate", 0.9),
            ("lambast", 0.9), ("lambaste", 0.9), ("excoriate", 0.9), ("decry", 0.9), ("deplore", 0.9), ("oust", 0.7),
        ] {
            add(phrase, .oppose, strength, .verb)
        }
        // Nouns.
        for (word, polarity, strength) in [
            ("support", Polarity.support, 0.8), ("backing", .support, 0.85), ("endorsement", .support, 0.85),
            ("praise", .support, 0.8), ("approval", .support, 0.7), ("solidarity", .support, 0.8), ("commitment", .support, 0.65),
            ("opposition", .oppose, 0.8), ("criticism", .oppose, 0.85), ("condemnation", .oppose, 0.9), ("rejection", .oppose, 0.85),
            ("attack", .oppose, 0.7), ("attacks", .oppose, 0.7), ("accusation", .oppose, 0.8), ("accusations", .oppose, 0.8),
            ("hostility", .oppose, 0.8), ("contempt", .oppose, 0.85), ("disdain", .oppose, 0.8),
            ("tirade", .oppose, 0.85), ("broadside", .oppose, 0.85), ("rebuke", .oppose, 0.85), ("sanctions", .oppose, 0.75),
            ("aggression", .oppose, 0.8),
        ] {
            add(word, polarity, strength, .noun)
        }
        // Predicative adjectives with their preposition.
        for (phrase, polarity, strength) in [
            ("supportive of", Polarity.support, 0.8), ("critical of", .oppose, 0.85), ("hostile to", .oppose, 0.85),
            ("opposed to", .oppose, 0.85),
        ] {
            add(phrase, polarity, strength, .predicate)
        }
        // Adjectives.
        for (word, polarity, strength) in [
            ("provocative", Polarity.oppose, 0.8), ("unacceptable", .oppose, 0.85), ("absurd", .oppose, 0.8),
            ("ridiculous", .oppose, 0.8), ("disgraceful", .oppose, 0.85), ("outrageous", .oppose, 0.85),
            ("shameful", .oppose, 0.85), ("reckless", .oppose, 0.8), ("dangerous", .oppose, 0.65), ("illegal", .oppose, 0.7),
            ("illegitimate", .oppose, 0.8), ("hypocritical", .oppose, 0.85), ("irresponsible", .oppose, 0.8),
            ("deceitful", .oppose, 0.85), ("dishonest", .oppose, 0.85), ("incompetent", .oppose, 0.85),
            ("dictator", .oppose, 0.8), ("liar", .oppose, 0.85), ("traitor", .oppose, 0.85), ("aggressor", .oppose, 0.85),
            ("deceit", .oppose, 0.85), ("propaganda", .oppose, 0.7), ("provocation", .oppose, 0.8),
            // Judgement nouns read in the same two frames ("called the tariffs a mistake").
            ("mistake", .oppose, 0.8), ("disaster", .oppose, 0.8), ("betrayal", .oppose, 0.85), ("farce", .oppose, 0.85),
            ("sham", .oppose, 0.85), ("blackmail", .oppose, 0.85), ("non-starter", .oppose, 0.85), ("nonsense", .oppose, 0.8),
            ("courageous", .support, 0.75), ("brave", .support, 0.7), ("heroic", .support, 0.8), ("constructive", .support, 0.6),
            ("admirable", .support, 0.8), ("excellent", .support, 0.65), ("fantastic", .support, 0.65),
        ] {
            add(word, polarity, strength, .adjective)
        }
        // Longest phrase first, so "warn against" wins over "warn".
        cuesByHead = table.mapValues { $0.sorted { $0.particles.count > $1.particles.count } }
    }

    /// Irregular verb forms the suffix rules get wrong.
    static let irregular: [String: [String]] = [
        "give": ["gives", "gave", "given", "giving"], "send": ["sends", "sent", "sending"],
        "fight": ["fights", "fought", "fighting"], "stand": ["stands", "stood", "standing"],
        "hit": ["hits", "hitting"], "lash": ["lashes", "lashed", "lashing"], "rule": ["rules", "ruled", "ruling"],
        "pull": ["pulls", "pulled", "pulling"], "withdraw": ["withdraws", "withdrew", "withdrawn", "withdrawing"],
        "speak": ["speaks", "spoke", "spoken", "speaking"], "break": ["breaks", "broke", "broken", "breaking"],
        "turn": ["turns", "turned", "turning"], "round": ["rounds", "rounded", "rounding"],
        "rally": ["rallies", "rallied", "rallying"], "ally": ["allies", "allied", "allying"],
        "supply": ["supplies", "supplied", "supplying"], "defy": ["defies", "defied", "defying"],
        "vilify": ["vilifies", "vilified", "vilifying"], "decry": ["decries", "decried", "decrying"],
        "reach": ["reaches", "reached", "reaching"], "join": ["joins", "joined", "joining"],
        "distance": ["distances", "distanced", "distancing"], "walk": ["walks", "walked", "walking"],
        "arm": ["arms", "armed", "arming"], "campaign": ["campaigns", "campaigned", "campaigning"],
        "sign": ["signs", "signed", "signing"], "seek": ["seeks", "sought", "seeking"],
        "question": ["questions", "questioned", "questioning"],
    ]

    /// A regular verb's forms: base, -s, -ed, -ing, with the usual spelling changes.
    static func inflections(of verb: String) -> [String] {
        var forms = [verb]
        if let irregular = irregular[verb] { return forms + irregular }
        let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
        let last = verb.last ?? " "
        let stem = String(verb.dropLast())
        if last == "e" {
            forms += [verb + "s", verb + "d", stem + "ing"]
        } else if last == "y", let before = stem.last, !vowels.contains(before) {
            forms += [stem + "ies", stem + "ied", verb + "ing"]
        } else if ["s", "x", "z", "h"].contains(last) {
            forms += [verb + "es", verb + "ed", verb + "ing"]
        } else {
            // Doubling for short closed syllables: ban → banned, veto → vetoed, slam → slammed.
            let letters = Array(verb)
            let doubles =
                letters.count >= 3 && !vowels.contains(last) && !["w", "x", "y"].contains(last)
                && vowels.contains(letters[letters.count - 2]) && !vowels.contains(letters[letters.count - 3])
                && ["ban", "slam", "snub", "scrap", "veto", "sob", "rebut", "stop", "plan"].contains(verb)
            let consonantEnd = doubles ? verb + String(last) : verb
            forms += [verb + (last == "o" ? "es" : "s"), consonantEnd + "ed", consonantEnd + "ing"]
        }
        return forms
    }
}

/// Topics: stance targets that are not named entities.
///
/// Variants map to one label.
public struct TopicLexicon: Sendable {
    /// Phrase (lower-case words) → topic label; matched longest first.
    let phrases: [[String]: String]
    /// For each word that begins a phrase, the longest phrase it begins, in words.
    let longestFrom: [String: Int]

    /// The shipped topics: the peace-process vocabulary the stance issue names, and recurring
    /// British-politics issues.
    public static let standard = TopicLexicon(entries: [
        "peacekeepers": [
            "peacekeepers", "peacekeeper", "peacekeeping force", "peacekeeping forces", "peacekeeping troops",
            "peacekeeping mission", "troops on the ground", "foreign troops", "western troops", "european troops", "boots on the ground",
            "reassurance force",
            "peacekeeping",
        ],
        "ceasefire": [
            "ceasefire", "cease-fire", "truce", "ceasefire deal", "ceasefire proposal", "ceasefire plan", "armistice",
            "cessation of hostilities",
        ],
        "sanctions": ["sanctions", "economic sanctions", "sanctions regime"],
        "security guarantees": [
            "security guarantees", "security guarantee", "backstop", "security backstop", "us backstop",
            "american backstop",
        ],
        "minerals deal": ["minerals deal", "mineral deal", "minerals agreement", "rare earths deal", "mineral rights deal"],
        "military aid": [
            "military aid", "military support", "military assistance", "weapons", "arms supplies",
            "arms deliveries", "weapons deliveries",
        ],
        "NATO membership": [
            "nato membership", "membership of nato", "membership in nato", "nato accession", "join nato", "joining nato",
            "nato bid",
        ],
        "territorial concessions": [
            "territorial concessions", "territorial concession", "territory", "land concessions",
            "occupied territory", "occupied territories",
        ],
        "peace talks": [
            "peace talks", "peace negotiations", "peace deal", "peace plan", "peace process", "negotiations",
            "peace agreement", "peace summit",
        ],
        "identity cards": [
            "identity cards", "id cards", "id card", "identity card", "identity card scheme", "id card scheme",
            "id cards bill", "identity cards bill",
        ],
        "tuition fees": ["tuition fees", "top-up fees", "top-up tuition fees", "university fees"],
        "hunting ban": ["hunting ban", "fox hunting ban", "ban on hunting", "ban on fox hunting", "hunting bill"],
        "EU constitution": ["eu constitution", "european constitution", "constitutional treaty", "european union constitution"],
        "the euro": ["single currency", "euro membership", "joining the euro"],
        "Iraq war": ["iraq war", "war in iraq", "war on iraq", "invasion of iraq"],
        "smoking ban": ["smoking ban", "ban on smoking"],
        "house arrest": ["house arrest", "control orders", "control order"],
        "council tax": ["council tax"],
        // Trade, arms and nuclear diplomacy: the recurring topics of foreign news.
        "tariffs": [
            "tariffs", "tariff", "import tariffs", "import duties", "retaliatory tariffs", "reciprocal tariffs",
            "tariff hikes", "tariff increases", "trade tariffs",
        ],
        "defence spending": [
            "defence spending", "defense spending", "military spending", "defence budget", "defense budget",
            "defence budgets", "defense budgets", "military budget", "military budgets",
        ],
        "hostage deal": [
            "hostage deal", "hostage release", "hostage agreement", "release of hostages", "release of the hostages",
            "hostage-release deal", "prisoner exchange", "prisoner swap",
        ],
        "nuclear deal": ["nuclear deal", "nuclear agreement", "nuclear accord", "iran deal", "iran nuclear deal"],
        "uranium enrichment": [
            "uranium enrichment", "enrichment", "enrichment programme", "enrichment program", "right to enrich",
            "enriching uranium", "enrich uranium",
        ],
    ])

    /// Creates a lexicon from label → variants.
    public init(entries: [String: [String]]) {
        var phrases: [[String]: String] = [:]
        for (label, variants) in entries {
            for variant in variants { phrases[variant.split(separator: " ").map(String.init)] = label }
        }
        self.phrases = phrases
        var longestFrom: [String: Int] = [:]
        for words in phrases.keys {
            if let first = words.first { longestFrom[first] = max(longestFrom[first] ?? 0, words.count) }
        }
        self.longestFrom = longestFrom
    }

    /// Every topic phrase in a sentence (lower-case words), longest first at each position, not overlapping.
    ///
    /// - Complexity: O(n · l) for the longest phrase of l words.
    public func matches(in lowerWords: [String]) -> [TopicMatch] {
        var found: [TopicMatch] = []
        var i = 0
        while i < lowerWords.count {
            // Only a phrase's first word can start a match: one look-up per word, not one
            // array per length tried.
            guard let longestHere = longestFrom[lowerWords[i]] else {
                i += 1
                continue
            }
            var matched = false
            for length in stride(from: min(longestHere, lowerWords.count - i), through: 1, by: -1) {
                if let label = phrases[Array(lowerWords[i..<(i + length)])] {
                    found.append(TopicMatch(range: i..<(i + length), label: label))
                    i += length
                    matched = true
                    break
                }
            }
            if !matched { i += 1 }
        }
        return found
    }
}

/// A topic phrase found in a sentence.
public struct TopicMatch: Sendable, Equatable {
    /// The words of the phrase, as indices into the sentence.
    public var range: Range<Int>
    /// The topic's label.
    public var label: String
}
