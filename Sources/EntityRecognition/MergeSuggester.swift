import PlexusGraph

/// A pair of entities that may be one.
public struct MergeSuggestion: Sendable, Equatable {
    /// Why the pair looks like a duplicate.
    public enum Reason: Sendable, Equatable, CustomStringConvertible {
        /// One label's words are all in the other ("Labour" / "Labour Party").
        case sharedWords
        /// The labels differ by a few letters ("Zelensky" / "Zelenskyy").
        case spelling(distance: Int)
        /// One label is the other's initials ("ISW" / "Institute for the Study of War").
        case acronym

        /// Words for a person.
        public var description: String {
            switch self {
            case .sharedWords: return "all words of one name are in the other"
            case .spelling(let distance): return "spelt \(distance) letter\(distance == 1 ? "" : "s") apart"
            case .acronym: return "one is the other's acronym"
            }
        }
    }

    /// The entity to keep (more mentions).
    public var keep: Node
    /// The entity that would join it.
    public var merge: Node
    /// Why.
    public var reason: Reason
    /// Documents that mention both (several suggest two different entities).
    public var sharedDocuments: Int
}

/// Finds likely duplicate entities for the user to confirm in an alias file.
///
/// Candidates are found by blocking (pairs sharing a word, pairs with the same first two
/// letters and similar length, acronym look-up), so it stays fast on tens of thousands of
/// entities. Only entities of the same type are paired, and pairs that name two things are
/// left out:
/// - an organisation with words before the other's name is a branch or body of it
///   ("Scottish Labour Party", "Parliamentary Labour Party"), one with a title after it
///   is a role ("Conservative Party Co-Chairman"), and one with a body after it is that body
///   ("House of Lords Record Office");
/// - two people's names must differ in one word only, by one letter in a short word or two
///   in a long one ("Zelensky" / "Zelenskyy", not "Tony Blair" / "Tony Bland"), and never
///   both appear in one article; two countries are never one by spelling ("Austria").
public struct MergeSuggester: Sendable {
    /// Largest edit distance for a spelling match (labels of at least 6 letters).
    public var maxDistance = 2

    /// Creates a suggester.
    public init() {}

    /// Likely duplicates, strongest evidence first.
    ///
    /// - Complexity: O(Σ b²) over blocks of size b, plus O(L²) per compared pair of labels.
    public func suggestions(for graph: Graph) -> [MergeSuggestion] {
        let nodes = graph.nodes.filter { $0.type != .location && $0.type != .topic }
        var byWord: [String: [Int]] = [:]
        var byPrefix: [String: [Int]] = [:]
        var byInitials: [String: [Int]] = [:]
        for (index, node) in nodes.enumerated() {
            let words = node.label.lowercased().split(separator: " ").map(String.init)
            for word in Set(words) where word.count >= 3 { byWord[word, default: []].append(index) }
            byPrefix[String(node.label.lowercased().prefix(2)), default: []].append(index)
            let initials = node.label.split(separator: " ").compactMap { $0.first }.filter(\.isUppercase)
            if initials.count >= 2 { byInitials[String(initials), default: []].append(index) }
        }
        var seen = Set<Int64>()
        var found: [MergeSuggestion] = []
        func consider(_ a: Int, _ b: Int, _ reason: MergeSuggestion.Reason) {
            guard a != b, nodes[a].type == nodes[b].type else { return }
            let key = Int64(min(a, b)) << 32 | Int64(max(a, b))
            guard seen.insert(key).inserted else { return }
            let (keep, merge) = nodes[a].mentions >= nodes[b].mentions ? (nodes[a], nodes[b]) : (nodes[b], nodes[a])
            let shared = Set((keep.byDocument ?? [:]).keys).intersection((merge.byDocument ?? [:]).keys).count
            found.append(MergeSuggestion(keep: keep, merge: merge, reason: reason, sharedDocuments: shared))
        }
        for block in byWord.values where block.count <= 200 {
            for (i, a) in block.enumerated() {
                let wordsA = Set(nodes[a].label.lowercased().split(separator: " "))
                for b in block[(i + 1)...] {
                    let wordsB = Set(nodes[b].label.lowercased().split(separator: " "))
                    // A person's surname alone is shared by relatives: only when one name is inside the other.
                    let smaller = wordsA.count <= wordsB.count ? wordsA : wordsB
                    let generic = smaller.allSatisfy { isOrganisationWord(String($0)) }
                    guard !generic, wordsA.isSubset(of: wordsB) || wordsB.isSubset(of: wordsA) else { continue }
                    if nodes[a].type == .organisation, Self.namesAPartOrRole(nodes[a].label, nodes[b].label) { continue }
                    consider(a, b, .sharedWords)
                }
            }
        }
        for block in byPrefix.values where block.count <= 2_000 {
            for (i, a) in block.enumerated() {
                let labelA = nodes[a].label.lowercased()
                guard labelA.count >= 6 else { continue }
                for b in block[(i + 1)...] {
                    let labelB = nodes[b].label.lowercased()
                    guard labelB.count >= 6, abs(labelA.count - labelB.count) <= maxDistance else { continue }
                    let distance = TextKey.editDistance(labelA, labelB)
                    guard distance > 0, distance <= maxDistance else { continue }
                    // Countries carry the gazetteer's names: two of them are two countries.
                    if nodes[a].type == .country { continue }
                    if nodes[a].type == .person {
                        guard Self.spellingOfOneName(labelA, labelB) else { continue }
                        // Both spellings written out in one article are two people ("David
                        // Davis" and "David Davies").
                        let documentsA = Set((nodes[a].byDocument ?? [:]).keys)
                        if !documentsA.isDisjoint(with: (nodes[b].byDocument ?? [:]).keys) { continue }
                    }
                    consider(a, b, .spelling(distance: distance))
                }
            }
        }
        for (index, node) in nodes.enumerated() where node.label.count >= 2 && node.label == node.label.uppercased() {
            for other in byInitials[node.label.filter(\.isLetter)] ?? [] { consider(index, other, .acronym) }
        }
        return found.sorted { lhs, rhs in
            let l = lhs.keep.mentions + lhs.merge.mentions
            let r = rhs.keep.mentions + rhs.merge.mentions
            return l != r ? l > r : (lhs.keep.id, lhs.merge.id) < (rhs.keep.id, rhs.merge.id)
        }
    }

    /// Whether the longer of two organisation labels, one holding all the other's words, names
    /// a part or a role of it rather than it: words before the shorter name, a title word
    /// after it, or a body inside it after it.
    static func namesAPartOrRole(_ a: String, _ b: String) -> Bool {
        let wordsA = a.split(separator: " ").map(String.init)
        let wordsB = b.split(separator: " ").map(String.init)
        let (short, long) = wordsA.count <= wordsB.count ? (wordsA, wordsB) : (wordsB, wordsA)
        guard short.count < long.count, !short.isEmpty else { return false }
        let lowerShort = short.map { $0.lowercased() }
        let lowerLong = long.map { $0.lowercased() }
        guard let start = lowerLong.firstIndex(of: lowerShort[0]) else { return false }
        if start > 0 { return true }
        let after = lowerLong[min(lowerLong.count, start + short.count)...]
        // "House of Lords Record Office": two or more words after, ending in an organisation
        // word, name a body inside it ("Labour" / "Labour Party" is one).
        if after.count >= 2, let last = after.last, isOrganisationWord(last) { return true }
        return after.contains { word in
            let base = word.split(separator: "-").last.map(String.init) ?? word  // "co-chairman"
            return WordLists.titleWords.contains(base) || WordLists.coreTitleWords.contains(base)
        }
    }

    /// Whether two lower-cased person labels are spellings of one name: the same number of
    /// words, one word different, by one letter in a word of up to six, two in a longer one.
    static func spellingOfOneName(_ a: String, _ b: String) -> Bool {
        let wordsA = a.split(separator: " ")
        let wordsB = b.split(separator: " ")
        guard wordsA.count == wordsB.count else { return false }
        let differing = zip(wordsA, wordsB).filter { $0 != $1 }
        guard differing.count == 1, let (x, y) = differing.first else { return false }
        let allowed = min(x.count, y.count) <= 6 ? 1 : 2
        return TextKey.editDistance(String(x), String(y)) <= allowed
    }
}
