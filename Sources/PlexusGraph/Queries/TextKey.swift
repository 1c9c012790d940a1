import Foundation

/// Small text helpers for matching names.
package enum TextKey {
    /// Lower-cased, trimmed, with typographic quotes straightened.
    package static func fold(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { scalar -> Unicode.Scalar in
                    switch scalar {
                    case "\u{2018}", "\u{2019}": return "'"
                    default: return scalar
                    }
                })
        ).lowercased().trimmingCharacters(in: .whitespaces)
    }

    /// Levenshtein distance.
    ///
    /// Written by hand: no package here offers it, and names are short.
    ///
    /// - Complexity: O(a·b) time, O(b) space.
    package static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars)
        let y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = Array(repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let substitution = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }
}
