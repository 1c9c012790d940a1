import Foundation

/// Spellings of one person's name that news writes differently: transliterations
/// ("Zelensky", "Zelenskyy", "Zelenskiy"; "Sergei", "Sergey"; "Aleksandr", "Alexandr") and
/// short forms of a given name ("Steve", "Steven").
///
/// Why a hand-written key rather than edit distance: a distance of one or two letters also
/// joins different people ("Hanson", "Hansen"); these folds undo only the choices
/// transliteration makes (doubled letters, y/i at a word's end, ks/x, ph/f), and the
/// resolver merges two full names only when their surnames fold alike, their given names
/// agree, and no other full name with that surname disagrees.
enum NameVariants {
    /// A word folded so that its transliterated spellings meet: lower case, no accents, "ks"
    /// as "x", "ph" as "f", doubled letters single, a final "iy", "yi", "ij" or "ei" as "y".
    ///
    /// - Complexity: O(n) in the word's length.
    static func folded(_ word: some StringProtocol) -> String {
        var text = word.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        text = text.replacingOccurrences(of: "ks", with: "x").replacingOccurrences(of: "ph", with: "f")
        var out = ""
        for character in text where out.last != character { out.append(character) }
        for ending in ["iy", "yi", "ij", "ei"] where out.hasSuffix(ending) {
            out = String(out.dropLast(2)) + "y"
            break
        }
        return out
    }

    /// Whether two given names can be one person's: they fold alike, or one is the start of
    /// the other and at least four letters long ("Steve", "Steven"; "Alex", "Alexander").
    static func givenNamesAgree(_ a: String, _ b: String) -> Bool {
        let x = folded(a)
        let y = folded(b)
        if x == y { return true }
        let (short, long) = x.count <= y.count ? (x, y) : (y, x)
        return short.count >= 4 && long.hasPrefix(short)
    }

    /// The groups of person keys (full names of two or more words) that are spellings of one
    /// name.
    ///
    /// A group shares a folded surname and a number of words, its given names agree pairwise,
    /// and no other full name in the corpus has that folded surname with a given name that
    /// disagrees. Each group is sorted; groups of one are left out.
    ///
    /// - Complexity: O(k²) per folded surname shared by k names.
    static func groups(_ keys: [EntityKey]) -> [[EntityKey]] {
        var bySurname: [String: [EntityKey]] = [:]
        for key in keys where key.kind == .person {
            let words = key.name.split(separator: " ")
            guard words.count >= 2, let last = words.last, last.count >= 4 else { continue }
            bySurname[folded(last), default: []].append(key)
        }
        var groups: [[EntityKey]] = []
        for (_, members) in bySurname.sorted(by: { $0.key < $1.key }) where members.count >= 2 {
            let sorted = members.sorted()
            let words = sorted.map { $0.name.split(separator: " ").map(String.init) }
            let allAgree =
                words.allSatisfy { $0.count == words[0].count }
                && words.indices.allSatisfy { i in
                    words.indices.allSatisfy { j in
                        zip(words[i].dropLast(), words[j].dropLast()).allSatisfy { givenNamesAgree($0, $1) }
                    }
                }
            if allAgree { groups.append(sorted) }
        }
        return groups
    }
}
