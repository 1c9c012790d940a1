/// Headlines in title case, where every content word is capitalised.
public enum Headline {
    /// The most words a headline has; a longer run of capitalised words is a list of names.
    static let maximumWords = 25
    /// Words a title-case headline leaves in lower case.
    static let lowerCaseWords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as", "into",
        "vs", "v", "via", "per", "over", "after", "amid", "ahead", "up", "out", "off", "is", "are", "be",
    ]

    /// Whether words read as a headline in title case.
    ///
    /// A headline has four to ``maximumWords`` words, four or more of them capitalised, and
    /// no lower-case word beyond the few it keeps small ("China Vows to Fight After Trump's
    /// Latest Tariff Salvo"); prose always has a lower-case verb or noun. Words that do not
    /// start with a letter (numbers, punctuation) are ignored.
    ///
    /// - Complexity: O(n) in the words.
    public static func isTitleCased<Words: Sequence>(_ words: Words) -> Bool where Words.Element: StringProtocol {
        var capitalised = 0
        var count = 0
        for word in words {
            guard let first = word.first, first.isLetter else { continue }
            count += 1
            if count > maximumWords { return false }
            if first.isUppercase {
                capitalised += 1
            } else if !lowerCaseWords.contains(word.lowercased()) {
                return false
            }
        }
        return capitalised >= 4
    }
}
