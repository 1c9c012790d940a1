import EntityRecognition
import PlexusGraph

// Negation and quotations.
extension StanceExtractor {
    /// Whether a negation governs the cue: "not", "n't", "never", "no longer", "refuse to", "would not".
    func isNegated(before index: Int, _ context: Context, holderEnd: Int) -> Bool {
        let from = max(holderEnd, index - 5, 0)
        guard from < index else { return false }
        for i in from..<index {
            let word = context.lower[i]
            if Self.negations.contains(word) || word.hasSuffix("n't") { return true }
            if Self.negatingVerbs.contains(word), i + 1 < context.lower.count,
                context.lower[i + 1] == "to" || context.lower[i + 1].hasSuffix("ing")
            {
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
                if opens && !inside {
                    inside = true
                    out[i] = true
                    continue
                }
                if closes {
                    inside = false
                    out[i] = true
                    continue
                }
            }
            out[i] = inside
        }
        return out
    }
}
