import EntityRecognition
import PlexusGraph

/// A sentence's dependency tree as the stance reader walks it: heads and relations by
/// 0-based word index, and each word's dependents.
struct StanceTree {
    /// Each word's head (0-based), -1 for the root.
    let heads: [Int]
    /// Each word's relation to its head (UD v2).
    let relations: [String]
    /// Each word's dependents, left to right.
    let dependents: [[Int]]

    /// The tree of a parse whose words match the sentence's, or `nil`.
    ///
    /// - Complexity: O(n).
    init?(_ parse: DependencyParse?, count: Int) {
        guard let parse, parse.heads.count == count, parse.relations.count == count, count > 0 else { return nil }
        heads = parse.heads.map { $0 - 1 }
        relations = parse.relations
        var dependents = [[Int]](repeating: [], count: count)
        for (word, head) in heads.enumerated() where head >= 0 && head < count { dependents[head].append(word) }
        self.dependents = dependents
    }

    /// The dependents of `word` whose relation is one of `kinds`.
    func dependents(of word: Int, _ kinds: Set<String>) -> [Int] {
        dependents[word].filter { kinds.contains(relations[$0]) }
    }

    /// Whether `word` lies in the subtree of `top` (itself included).
    ///
    /// - Complexity: O(depth).
    func isWithin(_ word: Int, subtreeOf top: Int) -> Bool {
        var current = word
        var steps = 0
        while current >= 0 && steps <= heads.count {
            if current == top { return true }
            current = heads[current]
            steps += 1
        }
        return false
    }
}

// What the dependency tree rules out among the holders and targets the word rules found.
//
// Why checks rather than reading holders and targets from the tree alone: on news the
// parser attaches about three words in four correctly (GUM news LAS 0.76), and a reader
// built on the tree alone found a third of the stances the word rules find on real pages
// (realnews-dev recall 0.044 against 0.222; the figures are in docs/DESIGN-NOTES.md). The
// constructions below are local in the tree (a word and its head), where the parse is
// most often right, and each one, when it applies, means the word rules misread the
// sentence.
extension StanceExtractor {
    /// Verbs that put a demand on someone else: a cue in their complement ("demanding that
    /// Russia agree to a ceasefire") is asked of its subject, not held by it.
    static let demandVerbs: Set<String> = [
        "demand", "demands", "demanded", "demanding", "urge", "urges", "urged", "urging", "press", "presses", "pressed",
        "pressing", "ask", "asks", "asked", "asking", "want", "wants", "wanted", "wanting", "require", "requires", "required",
        "requiring", "force", "forces", "forced", "forcing", "pressure", "pressured", "pressuring", "push", "pushed", "pushing",
        "expect", "expects", "expected", "expecting",
    ]
    /// Verbs that undo what their object names: "wind back sanctions on Iran", "lift the
    /// embargo" say nothing of the object's stance toward the target.
    static let reversalVerbs: Set<String> = [
        "lift", "lifts", "lifted", "lifting", "ease", "eases", "eased", "easing", "remove", "removes", "removed", "removing",
        "scrap", "scraps", "scrapped", "scrapping", "drop", "drops", "dropped", "dropping", "end", "ends", "ended", "ending",
        "wind", "winds", "winding", "wound", "roll", "rolls", "rolled", "rolling", "relax", "relaxes", "relaxed", "relaxing",
        "withdraw", "withdraws", "withdrew", "withdrawn", "withdrawing", "waive", "waives", "waived", "waiving", "suspend",
        "suspends", "suspended", "suspending",
    ]
    /// Relations of a clause's subject.
    static let subjectRelations: Set<String> = ["nsubj", "nsubj:pass", "csubj"]
    /// Case markers that leave a name a possible holder: the possessive ("Russia's
    /// support") and the passive agent ("by the EU").
    static let holderCaseMarkers: Set<String> = ["'s", "'", "by"]

    /// Words that report what someone is said to do: a cue in their complement ("Cherie Blair
    /// has been accused of criticising Bush", "denied reports that Brown is preparing to oust
    /// Milburn") is an allegation, not a stance.
    static let allegationWords: Set<String> = [
        "accuse", "accuses", "accused", "accusing", "allege", "alleges", "alleged", "alleging", "suspect", "suspects", "suspected",
        "suspecting", "blame", "blames", "blamed", "blaming", "report", "reports", "claim", "claims", "rumour", "rumours",
        "rumor", "rumors", "speculation", "suggestion", "suggestions", "allegation", "allegations",
    ]

    /// Whether the tree says the cue at `cueWord` is not its subject's stance: it is asked of
    /// the subject by a demand verb, alleged by an accusation, a noun undone by a reversal
    /// verb, or a passive the word rules read as active ("plans, backed by the UK": the UK
    /// backs the plans, not the name before them).
    func treeRulesOut(cue: StanceCue, at cueWord: Int, passive: Bool, _ tree: StanceTree, _ context: Context) -> Bool {
        var clause = cueWord
        // Coordinated verbs share the complement they stand in ("agree … or face …").
        while tree.relations[clause] == "conj", tree.heads[clause] >= 0 { clause = tree.heads[clause] }
        if cue.kind != .noun, !passive,
            tree.dependents(of: cueWord, ["obl:agent", "obl"]).contains(where: { agent in
                tree.dependents(of: agent, ["case"]).contains { context.lower[$0] == "by" }
            }) || !tree.dependents(of: cueWord, ["nsubj:pass", "aux:pass"]).isEmpty
        {
            return true
        }
        let head = tree.heads[clause]
        guard head >= 0 else { return false }
        let headWord = context.lower[head]
        if cue.kind != .noun, ["ccomp", "xcomp"].contains(tree.relations[clause]), Self.demandVerbs.contains(headWord) {
            return true
        }
        var top = clause
        while ["conj", "xcomp"].contains(tree.relations[top]), tree.heads[top] >= 0 { top = tree.heads[top] }
        if tree.heads[top] >= 0, ["ccomp", "xcomp", "advcl", "acl"].contains(tree.relations[top]),
            Self.allegationWords.contains(context.lower[tree.heads[top]])
        {
            return true
        }
        // "Poland accused Hungary of backing Russia", parsed with "backing" under "Hungary":
        // a clause on the object of an accusation is the accusation's content all the same.
        if tree.heads[top] >= 0, tree.relations[top] == "acl" {
            let noun = tree.heads[top]
            if ["obj", "iobj"].contains(tree.relations[noun]), tree.heads[noun] >= 0,
                Self.allegationWords.contains(context.lower[tree.heads[noun]])
            {
                return true
            }
        }
        if cue.kind == .noun, ["obj", "nsubj:pass"].contains(tree.relations[cueWord]),
            Self.reversalVerbs.contains(context.lower[tree.heads[cueWord]])
        {
            return true
        }
        return false
    }

    /// Whether the tree says a holder is not one: its name is governed by a preposition
    /// ("Surrounded by reporters in the White House, Trump … accused"), other than the
    /// possessive or the passive agent; or it is an adjective ("a joint European force to
    /// protect Ukraine") on a noun that is no clause's subject ("Israeli officials
    /// dismissed…" still speaks for Israel).
    func treeRulesOut(holder: Party, _ tree: StanceTree, _ context: Context) -> Bool {
        guard holder.mention != nil, holder.range.upperBound <= tree.heads.count else { return false }
        for word in holder.range where !holder.range.contains(tree.heads[word]) {
            let governed = tree.dependents(of: word, ["case"]).contains {
                !Self.holderCaseMarkers.contains(context.lower[$0]) && !holder.range.contains($0)
            }
            if governed { return true }
            let noun = tree.heads[word]
            if tree.relations[word] == "amod", noun >= 0, !Self.subjectRelations.contains(tree.relations[noun]) {
                return true
            }
        }
        return false
    }

    /// Whether the tree says a target belongs to a clause the cue governs rather than to the
    /// cue ("threatened to impose sanctions": sanctions are imposed, not threatened).
    ///
    /// A refusal keeps its clause's object ("refused to join the sanctions" opposes them).
    ///
    /// A judgement with a subject ("Any deal that leaves Ukraine defenceless is a betrayal")
    /// judges the subject or a name that modifies it, not a name in a clause inside it.
    func treeRulesOut(target: Party, cueWord: Int, judgement: Bool, _ tree: StanceTree, _ context: Context) -> Bool {
        if judgement, let subject = tree.dependents(of: cueWord, ["nsubj"]).first {
            // The subject itself, or a name inside its noun phrase ("the presence of troops
            // from Nato countries was unacceptable"), down at most three modifiers of which
            // one at most is a prepositional phrase: "the use of force against Iraq was
            // illegal" judges the use of force, not Iraq.
            return !target.range.contains { word in
                var current = word
                var prepositional = 0
                for _ in 0..<4 {
                    if current == subject { return true }
                    guard current >= 0, current < tree.relations.count,
                        ["nmod:poss", "compound", "amod", "nmod"].contains(tree.relations[current])
                    else { return false }
                    if tree.relations[current] == "nmod" { prepositional += 1 }
                    if prepositional > 1 { return false }
                    current = tree.heads[current]
                }
                return false
            }
        }
        guard !Self.negatingVerbs.contains(context.lower[cueWord]) else { return false }
        return tree.dependents(of: cueWord, ["xcomp", "ccomp"]).contains { clause in
            target.range.contains { tree.isWithin($0, subtreeOf: clause) }
        }
    }
}
