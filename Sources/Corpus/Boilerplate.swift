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
    static let promptPhrases = PhraseMatcher([
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
    ])
    /// Phrases of an advertising or affiliate disclosure, which marks its line at any length.
    static let disclosurePhrases = PhraseMatcher([
        "advertisement disclosure", "we may earn a commission", "when you purchase through", "affiliate links", "sponsored links",
    ])
    /// Phrases of comment forums and share bars.
    static let socialPhrases = PhraseMatcher([
        "comments", "view comments", "show comments", "join the conversation", "comment on this",
        "have your say", "leave a comment", "post a comment", "share this", "share on", "share via",
        "share article", "copy link", "link copied", "source link", "follow us on", "follow the",
        "tweet", "whatsapp", "facebook", "email this", "print this", "image source", "image caption",
        "media caption", "getty images", "photograph:", "photo:", "image:", "picture:", "credit:",
        "video caption", "watch:", "listen:",
    ])
    /// Share-bar words that make up a whole line.
    static let socialWords: [[UInt8]] = ["share", "save", "print", "email"].map { Array($0.utf8) }
    static let captionOpening = PhraseMatcher(["[caption"])
    static let captionClosing = PhraseMatcher(["[/caption]"])
    static let linkOpenings = PhraseMatcher(["http", "www."])
    /// What marks a link inside a line: a Markdown link or an address.
    static let linkMarks = PhraseMatcher(["](", "http://", "https://", "www."])
    /// Agencies whose names make up photo-credit lines.
    static let creditWords: Set<String> = [
        "AFP", "GETTY", "IMAGES", "REUTERS", "REUTER", "AP", "EPA", "PA", "WIRE", "SHUTTERSTOCK",
        "ALAMY", "BLOOMBERG", "ANADOLU", "TASS", "SPUTNIK", "XINHUA", "POOL", "PHOTO", "PHOTOS",
        "ASSOCIATED", "PRESS", "EFE", "ANSA", "DPA", "BBC",
    ]

    /// The reason `line` is boilerplate, or `nil` when it may be article text.
    ///
    /// - Parameter line: one line, already trimmed and normalised (see ``TextNormalizer``).
    /// - Complexity: O(n) in the length of the line, plus the phrases that share a first
    ///   byte with a position of the line.
    public static func reason(for line: String) -> Reason? {
        let wordCount = words(in: line)
        guard wordCount > 0 else { return nil }
        if isBullet(line) {
            if containsLink(line) { return .linkBullet }
            let body = line.drop(while: { "-*+•·▪►> ".contains($0) })
            let last = body.last.map { String($0) } ?? ""
            if wordCount <= 16, !".!?:;\"')".contains(last), startsWithUppercase(body) {
                return .headlineBullet
            }
        }
        if isPhotoCredit(line, wordCount: wordCount) { return .photoCredit }
        var lower = line.lowercased()
        return lower.withUTF8 { lower -> Reason? in
            // A publishing system's image caption ("[caption id=…]…[/caption]", often with its
            // opening cut away and the agency glued to the first word: "AFPSir Keir Starmer and…").
            if captionOpening.opens(lower) || captionClosing.occurs(in: lower) { return .caption }
            if wordCount <= 14 {
                let stripped = trimming(lower, socialStrip)
                if socialWords.contains(where: { $0.elementsEqual(stripped) }) { return .social }
                // The whole line, the phrase then a space, or a phrase ending in a colon.
                if socialPhrases.opens(
                    stripped,
                    where: { phrase in
                        phrase.count == stripped.count || stripped[stripped.startIndex + phrase.count] == 0x20
                            || phrase.last == UInt8(ascii: ":")
                    })
                {
                    return .social
                }
            }
            // A prompt phrase must open the line, or the line must be short: "The newsletter was
            // leaked" is news, "Get our newsletter" is not.
            if wordCount <= 12, promptPhrases.occurs(in: lower) { return .prompt }
            if wordCount <= 25, promptPhrases.opens(lower) { return .prompt }
            if disclosurePhrases.occurs(in: lower) { return .prompt }
            if wordCount <= 3, linkOpenings.opens(lower) { return .linkBullet }
            return nil
        }
    }

    /// The number of words of a line: runs of characters other than a space.
    ///
    /// - Complexity: O(n) in the line's bytes.
    static func words(in line: String) -> Int {
        var count = 0
        var inWord = false
        for byte in line.utf8 {
            if byte == 0x20 {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
            }
        }
        return count
    }

    /// What a share-bar line is stripped of before its phrases are compared.
    static let socialStrip = Set(" .:|»>-".unicodeScalars)

    /// The bytes of `text` without leading and trailing scalars from `scalars`.
    static func trimming(_ text: UnsafeBufferPointer<UInt8>, _ scalars: Set<Unicode.Scalar>) -> Slice<UnsafeBufferPointer<UInt8>> {
        var slice = text[...]
        while let (scalar, width) = firstScalar(of: slice), scalars.contains(scalar) { slice = slice.dropFirst(width) }
        while let (scalar, width) = lastScalar(of: slice), scalars.contains(scalar) { slice = slice.dropLast(width) }
        return slice
    }

    private static func firstScalar(of bytes: Slice<UnsafeBufferPointer<UInt8>>) -> (Unicode.Scalar, Int)? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return nil }
        return (scalar, UTF8.width(scalar))
    }

    private static func lastScalar(of bytes: Slice<UnsafeBufferPointer<UInt8>>) -> (Unicode.Scalar, Int)? {
        var start = bytes.endIndex
        repeat {
            guard start > bytes.startIndex else { return nil }
            start -= 1
        } while UTF8.isContinuation(bytes[start])
        return firstScalar(of: bytes[start...])
    }

    static func isBullet(_ line: String) -> Bool {
        guard let first = line.first else { return false }
        if "•·▪►".contains(first) { return true }
        if "-*+".contains(first), line.dropFirst().first == " " { return true }
        return false
    }

    static func containsLink(_ line: String) -> Bool {
        var line = line
        return line.withUTF8 { linkMarks.occurs(in: $0) }
    }

    static func startsWithUppercase(_ text: Substring) -> Bool {
        guard let first = text.first else { return false }
        return first.isUppercase
    }

    /// A short line in capitals made of names and agencies: "NAME/AFP/GETTY IMAGES", "REUTERS".
    static func isPhotoCredit(_ line: String, wordCount: Int) -> Bool {
        guard wordCount <= 10 else { return false }
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
        return wordCount <= 6 && line.utf8.contains(UInt8(ascii: "/"))
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

/// A set of ASCII phrases, found in UTF-8 text by the first byte of each.
///
/// Why hand-written: a line of news is tested against dozens of phrases, and testing them one
/// by one (Foundation's `String.contains`, then a byte scan per phrase) was a large share of a
/// whole-corpus build. Indexing the phrases by first byte reads each byte of a line once and
/// compares only the phrases that begin with it. An ASCII phrase's bytes never occur inside a
/// multi-byte UTF-8 character, so a byte match is a character match.
struct PhraseMatcher: Sendable {
    private let phrases: [[UInt8]]
    /// For each byte value, the phrases that begin with it.
    private let byFirstByte: [[Int]]

    /// The matcher of `phrases` (empty phrases are left out).
    init(_ phrases: [String]) {
        let bytes = phrases.map { Array($0.utf8) }.filter { !$0.isEmpty }
        var index = [[Int]](repeating: [], count: 256)
        for (position, phrase) in bytes.enumerated() { index[Int(phrase[0])].append(position) }
        self.phrases = bytes
        self.byFirstByte = index
    }

    /// Whether any phrase occurs in `text`.
    ///
    /// - Complexity: O(n) in the text's bytes, plus the comparisons of phrases sharing a first byte.
    func occurs(in text: UnsafeBufferPointer<UInt8>) -> Bool {
        text.indices.contains { start in byFirstByte[Int(text[start])].contains { matches(phrases[$0], text[start...]) } }
    }

    /// Whether `text` begins with a phrase for which `accepts` holds (any phrase by default).
    func opens<Bytes: Collection<UInt8>>(_ text: Bytes, where accepts: ([UInt8]) -> Bool = { _ in true }) -> Bool {
        guard let first = text.first else { return false }
        return byFirstByte[Int(first)].contains { matches(phrases[$0], text[...]) && accepts(phrases[$0]) }
    }

    private func matches<Bytes: Collection<UInt8>>(_ phrase: [UInt8], _ text: Bytes) -> Bool {
        text.count >= phrase.count && text.starts(with: phrase)
    }
}
