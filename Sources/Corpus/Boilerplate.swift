/// Recognises lines of page furniture that are not part of an article: subscription and
/// sign-in prompts, comment-forum text, share and "Source link" lines, photo credits in
/// capitals, image captions marked by their publishing system, bullet lines that link to
/// other stories.
///
/// Each rule looks at one whole line and is deliberately narrow (short lines, distinctive
/// phrases), because dropping a real sentence loses evidence while keeping a stray prompt
/// only adds noise that the recogniser mostly ignores.
public enum Boilerplate {
    /// Why a line was judged to be boilerplate.
    public enum Reason: String, Sendable, CaseIterable {
        case prompt, social, photoCredit, caption, linkBullet, headlineBullet, dateline
    }

    /// Phrases that mark a whole short line as a prompt or page furniture.
    static let promptPhrases: [String] = [
        "subscribe to", "subscribe now", "subscribe today", "subscribers only", "already a subscriber",
        "become a subscriber", "sign in to", "sign in or", "sign up to our", "sign up for our",
        "sign up now", "log in to", "login to", "already have an account", "create a free account",
        "create an account", "register for free", "register now", "to continue reading",
        "continue reading", "unlimited access", "support our journalism", "support independent journalism",
        "this article is for subscribers", "our newsletter", "newsletter", "download our app",
        "download the app", "get our app", "enable javascript", "accept cookies", "cookie policy",
        "privacy policy", "terms of use", "all rights reserved", "skip to content", "skip advertisement",
        "advertisement", "sponsored content", "click here", "more on this story", "related topics",
        "related stories", "read more:", "most read", "most popular", "top stories", "don't miss", "player ready",
        "listen to this article", "recommended:", "see also:",
    ]
    /// Phrases of an advertising or affiliate disclosure, which marks its line at any length.
    static let disclosurePhrases: [String] = [
        "advertisement disclosure", "we may earn a commission", "when you purchase through", "affiliate links", "sponsored links",
    ]
    /// Phrases of comment forums and share bars.
    static let socialPhrases: [String] = [
        "comments", "view comments", "show comments", "join the conversation", "comment on this",
        "have your say", "leave a comment", "post a comment", "share this", "share on", "share via",
        "share article", "copy link", "link copied", "source link", "follow us on", "follow the",
        "tweet", "whatsapp", "facebook", "email this", "print this", "image source", "image caption",
        "media caption", "getty images", "photograph:", "photo:", "image:", "picture:", "credit:",
        "video caption", "watch:", "listen:",
    ]
    /// Agencies whose names make up photo-credit lines.
    static let creditWords: Set<String> = [
        "AFP", "GETTY", "IMAGES", "REUTERS", "REUTER", "AP", "EPA", "PA", "WIRE", "SHUTTERSTOCK",
        "ALAMY", "BLOOMBERG", "ANADOLU", "TASS", "SPUTNIK", "XINHUA", "POOL", "PHOTO", "PHOTOS",
        "ASSOCIATED", "PRESS", "EFE", "ANSA", "DPA", "BBC",
    ]

    /// The reason `line` is boilerplate, or `nil` when it may be article text.
    ///
    /// - Parameter line: one line, already trimmed and normalised (see ``TextNormalizer``).
    /// - Complexity: O(n) in the length of the line times the number of phrases.
    public static func reason(for line: String) -> Reason? {
        let words = line.split(whereSeparator: { $0 == " " })
        guard !words.isEmpty else { return nil }
        if isBullet(line) {
            if containsLink(line) { return .linkBullet }
            let body = line.drop(while: { "-*+•·▪►> ".contains($0) })
            let last = body.last.map { String($0) } ?? ""
            if words.count <= 16, !".!?:;\"')".contains(last), startsWithUppercase(body) {
                return .headlineBullet
            }
        }
        if isPhotoCredit(line, words: words) { return .photoCredit }
        let lower = line.lowercased()
        // A publishing system's image caption ("[caption id=…]…[/caption]", often with its
        // opening cut away and the agency glued to the first word: "AFPSir Keir Starmer and…").
        if lower.hasPrefix("[caption") || holds(lower, "[/caption]") { return .caption }
        if words.count <= 14 {
            let stripped = lower.trimmingCharacters(in: " .:|»>-")
            if socialPhrases.contains(where: {
                stripped == $0 || stripped.hasPrefix($0 + " ") || stripped.hasPrefix($0) && $0.hasSuffix(":")
            }) {
                return .social
            }
            if stripped == "share" || stripped == "save" || stripped == "print" || stripped == "email" {
                return .social
            }
        }
        // A prompt phrase must open the line, or the line must be short: "The newsletter was
        // leaked" is news, "Get our newsletter" is not.
        if words.count <= 25, promptPhrases.contains(where: { lower.hasPrefix($0) || words.count <= 12 && holds(lower, $0) }) {
            return .prompt
        }
        if disclosurePhrases.contains(where: { holds(lower, $0) }) { return .prompt }
        if words.count <= 3, lower.hasPrefix("http") || lower.hasPrefix("www.") {
            return .linkBullet
        }
        return nil
    }

    /// Whether `text` holds `needle`, compared as UTF-8 bytes (the phrases are ASCII).
    ///
    /// Why hand-written: Foundation's `String.contains` goes through CFString, and with a
    /// few dozen phrases tried on every line it was a large share of a whole-corpus build;
    /// a byte scan is O(n · m) at worst and usually stops at the first byte.
    static func holds(_ text: String, _ needle: String) -> Bool {
        var text = text
        var needle = needle
        return text.withUTF8 { haystack in
            needle.withUTF8 { pattern in
                guard let first = pattern.first else { return true }
                guard haystack.count >= pattern.count else { return false }
                var start = 0
                while start <= haystack.count - pattern.count {
                    if haystack[start] == first {
                        var k = 1
                        while k < pattern.count && haystack[start + k] == pattern[k] { k += 1 }
                        if k == pattern.count { return true }
                    }
                    start += 1
                }
                return false
            }
        }
    }

    static func isBullet(_ line: String) -> Bool {
        guard let first = line.first else { return false }
        if "•·▪►".contains(first) { return true }
        if "-*+".contains(first), line.dropFirst().first == " " { return true }
        return false
    }

    static func containsLink(_ line: String) -> Bool {
        holds(line, "](") || holds(line, "http://") || holds(line, "https://") || holds(line, "www.")
    }

    static func startsWithUppercase(_ text: Substring) -> Bool {
        guard let first = text.first else { return false }
        return first.isUppercase
    }

    /// A short line in capitals made of names and agencies: "NAME/AFP/GETTY IMAGES", "REUTERS".
    static func isPhotoCredit(_ line: String, words: [Substring]) -> Bool {
        guard words.count <= 10 else { return false }
        var letters = 0
        var upper = 0
        // By scalar, with ASCII answered directly (this runs on every short line of a corpus).
        for scalar in line.unicodeScalars {
            if scalar.isASCII {
                if (0x41...0x5A).contains(scalar.value) {
                    letters += 1
                    upper += 1
                } else if (0x61...0x7A).contains(scalar.value) {
                    letters += 1
                }
            } else if scalar.properties.isAlphabetic {
                letters += 1
                if scalar.properties.isUppercase { upper += 1 }
            }
        }
        guard letters >= 2, Double(upper) >= 0.9 * Double(letters) else { return false }
        let pieces = line.split(whereSeparator: { $0 == "/" || $0 == " " || $0 == "," || $0 == "|" })
            .map { $0.trimmingCharacters(in: ".:()[]-") }
        if pieces.contains(where: { creditWords.contains($0.uppercased()) && $0 == $0.uppercased() }) {
            return true
        }
        return words.count <= 6 && holds(line, "/")
    }
}

extension StringProtocol {
    /// The string without leading and trailing characters from `set`.
    func trimmingCharacters(in set: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
