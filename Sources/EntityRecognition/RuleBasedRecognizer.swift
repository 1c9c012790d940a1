import Corpus

/// The first recogniser: gazetteers, titles and capitalisation patterns.
///
/// It finds runs of capitalised words (joined by "of", "for", "the", "on" only inside
/// organisation names, and by name particles such as "de" or "van"), then reads each run:
/// a leading country or organisation name followed by a title is split off ("US President
/// Donald Trump"); a run with an organisation word ("Ministry", "Party", "Group") is an
/// organisation; a run that starts with a title or honorific is a person ("Sir Keir
/// Starmer"); a known place, or a run ending in a place word ("Street", "Sea"), is a
/// location; an all-capitals word is an organisation acronym; two to four other words are
/// a person. A lone unknown capitalised word is a bare name that the resolver keeps only
/// when it joins a full name. Demonyms ("British", "North Korean") and hyphenated forms
/// ("US-brokered", "Kremlin-backed") are mentions of their country or organisation.
/// Sentences written in capitals (headlines, credits) are skipped.
public struct RuleBasedRecognizer: EntityRecognizer {
    let gazetteer: Gazetteer

    /// Creates a recogniser over a gazetteer.
    public init(gazetteer: Gazetteer = .standard) { self.gazetteer = gazetteer }

    static let connectors: Set<String> = ["of", "for", "the", "on", "&"]
    /// Conjunctions that, capitalised, never continue a name.
    static let capitalisedConjunctions: Set<String> = ["And", "But", "Or", "Nor", "Yet", "AND", "BUT", "OR"]
    /// Particles written joined to the name that follows them.
    static let hyphenatedParticles = ["al-", "el-", "ad-", "ar-", "as-", "ash-", "at-", "az-", "ibn-", "abu-", "bin-"]
    static let nameParticles: Set<String> = [
        "de", "da", "di", "del", "van", "von", "der", "den", "al", "bin", "le", "la", "du", "dos", "ibn",
    ]

    /// The entity spans in a sentence.
    ///
    /// - Complexity: O(n) in the number of tokens (gazetteer look-ups are O(1) on average).
    public func recognize(_ tokens: [Token]) -> [EntitySpan] {
        guard !tokens.isEmpty, !isShouted(tokens) else { return [] }
        var spans: [EntitySpan] = []
        var i = datelineEnd(tokens)
        let start = i
        let titleCased = Headline.isTitleCased(tokens.lazy.filter { $0.kind == .word }.map(\.text))
        while i < tokens.count {
            if let span = hyphenatedMention(tokens, at: i) {
                spans.append(span)
                i += 1
                continue
            }
            guard startsRun(tokens, at: i), !isOpeningGerund(tokens, at: i, sentenceStart: start) else {
                i += 1
                continue
            }
            let end = runEnd(tokens, from: i)
            if isDateline(tokens, start: i, end: end) || isCredit(tokens, start: i, end: end) {
                i = end
                continue
            }
            if titleCased {
                // In a headline in title case every word is capitalised, so a run of capitals
                // is no name: only the gazetteer's names are read whole, the other words one by
                // one (bare names the resolver keeps only if they join a full name).
                var k = i
                while k < end {
                    let length = gazetteer.longestMatch(in: tokens, at: k, limit: end)?.length ?? 1
                    let word = tokens[k].text.lowercased()
                    if length > 1 || !(WordLists.organisationWords.contains(word) || WordLists.titleWords.contains(word)) {
                        spans.append(contentsOf: classify(tokens, start: k, end: k + length))
                    }
                    k += length
                }
            } else {
                spans.append(contentsOf: classify(tokens, start: i, end: end))
            }
            i = end
        }
        return stateBodies(after: spans, in: tokens)
    }

    /// Ministries named by their portfolio after their country or place, as organisations.
    ///
    /// "Qatar's foreign ministry", "the Gaza health ministry", "Russia's Foreign Ministry"
    /// are organisations of that country ("Qatari Foreign Ministry"); the country is still
    /// mentioned. Without the country the words name no ministry in particular, and one
    /// country's foreign ministry must not merge with another's, so the label carries it.
    func stateBodies(after spans: [EntitySpan], in tokens: [Token]) -> [EntitySpan] {
        var result = spans
        for span in spans where span.type == .country || span.type == .location {
            guard let label = span.label else { continue }
            var k = span.range.upperBound
            if k < tokens.count, ["'s", "’s"].contains(tokens[k].text) { k += 1 }
            var j = k
            while j < tokens.count, j - k < 3, WordLists.portfolioWords.contains(tokens[j].text.lowercased()) { j += 1 }
            guard j > k, j < tokens.count, tokens[j].text.lowercased() == "ministry" else { continue }
            if j + 1 < tokens.count, tokens[j + 1].text.lowercased() == "of" { continue }  // "the ministry of …" names itself
            let range = k..<(j + 1)
            let qualifier = span.type == .country ? (gazetteer.demonyms[label] ?? label) : label
            let words = tokens[k..<j].map { $0.text.prefix(1).uppercased() + $0.text.dropFirst().lowercased() }
            let name = ([qualifier] + words + ["Ministry"]).joined(separator: " ")
            result.removeAll { $0.range.overlaps(range) }
            result.append(EntitySpan(range: range, type: .organisation, label: name))
        }
        return result.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    // MARK: - Runs

    /// "Safeguarding European security must…", "Backing Ukraine is…": a sentence that opens
    /// with a gerund, or with an adverb before a known name ("Separately Egypt…"),
    /// capitalises it only because it comes first, so it starts no name (a known name such
    /// as "Beijing" still does).
    func isOpeningGerund(_ tokens: [Token], at i: Int, sentenceStart: Int) -> Bool {
        var first = sentenceStart
        while first < tokens.count, ["\"", "'", "(", "["].contains(tokens[first].text) { first += 1 }
        let word = tokens[i].text
        guard i == first, word.count > 5, word.dropFirst().allSatisfy(\.isLowercase),
            gazetteer.longestMatch(in: tokens, at: i, limit: tokens.count) == nil
        else { return false }
        // "Separately Egypt has…": an adverb before a known name, its comma left out.
        if word.hasSuffix("ly"), i + 1 < tokens.count, gazetteer.longestMatch(in: tokens, at: i + 1, limit: tokens.count) != nil {
            return true
        }
        return word.hasSuffix("ing")
    }

    func isNameToken(_ token: Token) -> Bool {
        token.isCapitalized && !isLowerHyphenated(token) && !WordLists.calendarWords.contains(token.text)
    }

    func isLowerHyphenated(_ token: Token) -> Bool {
        // Most words have no hyphen byte, answered without walking their characters (this runs
        // on every token the tagger left outside a name).
        guard token.text.utf8.contains(UInt8(ascii: "-")), let dash = token.text.firstIndex(of: "-") else { return false }
        let rest = token.text[token.text.index(after: dash)...]
        return rest.first?.isLowercase == true
    }

    func startsRun(_ tokens: [Token], at i: Int) -> Bool {
        let token = tokens[i]
        guard isNameToken(token) else { return false }
        if gazetteer.longestMatch(in: tokens, at: i, limit: tokens.count) != nil { return true }
        if WordLists.ambiguousMonthNames.contains(token.text) { return false }
        return !WordLists.nonNameWords.contains(token.text.lowercased())
    }

    func runEnd(_ tokens: [Token], from start: Int) -> Int {
        var j = start + 1
        while j < tokens.count {
            let token = tokens[j]
            // "… the Wall of Remembrance / And he insisted": a capitalised conjunction inside a run
            // is a sentence that a line break glued on, or a Title Case headline ("Blair And Brown").
            if isNameToken(token), Self.capitalisedConjunctions.contains(token.text) { break }
            if isNameToken(token) {
                j += 1
                continue
            }
            // A connector continues the run only inside an organisation name ("Bank of England").
            if token.text == "and", j + 1 < tokens.count, isNameToken(tokens[j + 1]),
                hasOrganisationWord(tokens, start, runEnd: j), titleLength(tokens, from: start, end: j) == 0,
                hasOrganisationWord(tokens, j + 1, runEnd: runEndSimple(tokens, from: j + 1))
            {
                // "Securities and Exchange Commission": both sides are organisation words.
                j += 1
                continue
            }
            if Self.connectors.contains(token.text), j + 1 < tokens.count {
                var k = j + 1
                while k < tokens.count, Self.connectors.contains(tokens[k].text) { k += 1 }
                // "Leung Yiu-chung of the Labour Party": a person's name before the connector
                // is a person of the organisation, not part of its name.
                let personBefore =
                    j - start >= 2 && !hasOrganisationWord(tokens, start, runEnd: j)
                    && (start..<j).allSatisfy { gazetteer.longestMatch(in: tokens, at: $0, limit: j) == nil }
                if !personBefore, k < tokens.count, isNameToken(tokens[k]),
                    hasOrganisationWord(tokens, start, runEnd: runEndSimple(tokens, from: k))
                {
                    j = k
                    continue
                }
            }
            // "Leung Yiu-chung", "Kim Jong-un": a hyphenated given name after a capitalised
            // word, its second syllable in lower case. Not a known name's compound
            // ("US-brokered") nor a participle or adjective ("Kremlin-backed", "long-running").
            if isHyphenatedGivenName(token, after: tokens[j - 1]) {
                j += 1
                continue
            }
            // "Majed bin Mohammed al-Ansari": an Arabic article joined to the name after it.
            if j > start, Self.hyphenatedParticles.contains(where: { token.text.hasPrefix($0) }),
                token.text.split(separator: "-").last?.first?.isUppercase == true
            {
                j += 1
                continue
            }
            if Self.nameParticles.contains(token.text) {
                var k = j + 1
                while k < tokens.count, Self.nameParticles.contains(tokens[k].text) { k += 1 }
                if k < tokens.count, isNameToken(tokens[k]) {
                    j = k
                    continue
                }
            }
            // "Secretary of State": "of" inside a title.
            if token.text == "of", j + 1 < tokens.count, isNameToken(tokens[j + 1]),
                WordLists.titleWords.contains(tokens[j - 1].text.lowercased()),
                WordLists.titleWords.contains(tokens[j + 1].text.lowercased())
            {
                j += 1
                continue
            }
            break
        }
        return j
    }

    /// Whether `token` reads as the hyphenated given name of an East Asian name ("Yiu-chung",
    /// "Jong-un", "Kai-shek") after `previous`, a capitalised word: two short syllables, the
    /// first capitalised and unknown to the gazetteer, the second lower case and no English
    /// ending ("-ed", "-ing", "-led", "-run", "-based", "-style").
    func isHyphenatedGivenName(_ token: Token, after previous: Token) -> Bool {
        guard previous.isCapitalized, !WordLists.nonNameWords.contains(previous.text.lowercased()) else { return false }
        let parts = token.text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let first = parts[0].first, first.isUppercase, parts[0].dropFirst().allSatisfy(\.isLowercase),
            (2...6).contains(parts[0].count), (1...6).contains(parts[1].count), parts[1].allSatisfy({ $0.isLowercase && $0.isLetter }),
            gazetteer.entry(for: String(parts[0])) == nil
        else { return false }
        let second = String(parts[1])
        return !["ed", "ing", "led", "run", "based", "style", "made", "born", "like", "wide", "free"].contains { second.hasSuffix($0) }
    }

    func runEndSimple(_ tokens: [Token], from start: Int) -> Int {
        var j = start
        while j < tokens.count, isNameToken(tokens[j]) { j += 1 }
        return j
    }

    func hasOrganisationWord(_ tokens: [Token], _ start: Int, runEnd: Int) -> Bool {
        (start..<runEnd).contains { index in
            var word = tokens[index].text.lowercased()
            if word.hasSuffix(".") { word.removeLast() }
            return WordLists.organisationWords.contains(word)
        }
    }

    /// The index after a wire dateline in capitals ("NEW YORK, March 3 -"), or 0 when there is none.
    func datelineEnd(_ tokens: [Token]) -> Int {
        var j = 0
        while j < tokens.count, tokens[j].isAllCaps { j += 1 }
        guard j > 0, j < tokens.count, tokens[j].text == "," else { return 0 }
        if let match = gazetteer.longestMatch(in: tokens, at: 0, limit: j), match.length == j, match.entry.type != .location {
            return 0  // "NATO, the alliance…" is a sentence, not a dateline
        }
        return j + 1
    }

    /// "BERNE, June 19 -": a place in capitals opening a wire story.
    func isDateline(_ tokens: [Token], start: Int, end: Int) -> Bool {
        start == 0 && end < tokens.count && tokens[end].text == "," && (start..<end).allSatisfy { tokens[$0].isAllCaps }
            && gazetteer.longestMatch(in: tokens, at: start, limit: end)?.length != end - start
    }

    /// Words that end a byline's credit: "Kate Seamons, Newser Staff".
    static let creditEndings: Set<String> = ["staff", "reporter", "reporters", "correspondent", "writer", "editor", "contributor"]
    /// Words of a byline's time stamp, anywhere in a run: "Newser Staff Posted Feb".
    static let creditStamps: Set<String> = ["posted", "updated", "published"]

    /// Whether a run is a byline or a photo credit rather than a mention: a name right after
    /// a capitalised "By" ("By Kate Seamons, Newser Staff"), a source after "via" that ends
    /// the sentence ("…, via Reuters."), after "Photo/" ("AP
    /// Photo/Omar Havana"), a run ending in a credit word ("Newser Staff") or holding a
    /// time stamp ("Newser Staff Posted Feb").
    func isCredit(_ tokens: [Token], start: Int, end: Int) -> Bool {
        let stamped = (start..<end).contains { Self.creditStamps.contains(tokens[$0].text.lowercased()) }
        if stamped || Self.creditEndings.contains(tokens[end - 1].text.lowercased()),
            gazetteer.longestMatch(in: tokens, at: start, limit: end) == nil
        {
            return true
        }
        guard start >= 1 else { return false }
        let known = gazetteer.longestMatch(in: tokens, at: start, limit: end)
        // "… talks to Abbas Araghchi, via Reuters.": a caption's source at its end (not a
        // country: "gas flows via Ukraine.").
        let atEnd = end == tokens.count || [".", ")"].contains(tokens[end].text)
        if tokens[start - 1].text == "via", atEnd, known.map({ $0.entry.type == .organisation }) ?? (end - start == 1) {
            return true
        }
        guard known == nil else { return false }
        let before = tokens[start - 1].text
        if before == "By" { return true }
        if before == "/", start >= 2,
            ["photo", "photos", "image", "images", "picture", "pictures"].contains(tokens[start - 2].text.lowercased())
        {
            return true
        }
        return false
    }

    /// Whether most letters of the sentence are capitals (a headline or a credit line).
    func isShouted(_ tokens: [Token]) -> Bool {
        var words = 0
        var shouted = 0
        for token in tokens where token.kind == .word {
            words += 1
            if token.isAllCaps { shouted += 1 }
        }
        return words >= 3 && shouted * 10 >= words * 6
    }

    // MARK: - Classification

    /// The number of title tokens at `start` ("Prime Minister", "Sir"), ending on a core title word.
    func titleLength(_ tokens: [Token], from start: Int, end: Int) -> Int {
        var lastCore = 0
        var j = start
        var afterOf = false
        while j < end {
            var word = tokens[j].text.lowercased()
            if word.hasSuffix(".") { word.removeLast() }
            // "Vice-President", "Secretary-General": every part a title word.
            if word.utf8.contains(UInt8(ascii: "-")), word.split(separator: "-").allSatisfy({ WordLists.titleWords.contains(String($0)) }) {
                word = String(word.split(separator: "-").last ?? "")
            }
            guard WordLists.titleWords.contains(word) else { break }
            // "Secretary of State", "Minister of Defence": the word after "of" completes the title.
            if WordLists.coreTitleWords.contains(word) || afterOf { lastCore = j - start + 1 }
            afterOf = word == "of" && lastCore > 0
            j += 1
        }
        return lastCore
    }

    func classify(_ tokens: [Token], start: Int, end: Int) -> [EntitySpan] {
        var spans: [EntitySpan] = []
        var p = start
        while p < end {
            let match = gazetteer.longestMatch(in: tokens, at: p, limit: end)
            if let match {
                if p + match.length == end {
                    spans.append(EntitySpan(range: p..<end, type: match.entry.type, label: match.entry.label))
                    return spans
                }
                // "US Treasury Secretary Scott Bessent": a country before an office and a title
                // is split off like one before a title.
                let next = gazetteer.longestMatch(in: tokens, at: p + match.length, limit: end)
                let officeThenTitle = next.map { titleLength(tokens, from: p + match.length + $0.length, end: end) > 0 } ?? false
                if titleLength(tokens, from: p + match.length, end: end) > 0
                    || (match.entry.type != .country || officeThenTitle) && next != nil
                {
                    spans.append(EntitySpan(range: p..<(p + match.length), type: match.entry.type, label: match.entry.label))
                    p += match.length
                    continue
                }
            }
            if WordLists.companySuffixes.contains(tokens[p].text.lowercased()) {
                return spans  // "Co Ltd Net": the tail of a company name in a table, not a name
            }
            if (p..<end).contains(where: { WordLists.eventWords.contains(tokens[$0].text.lowercased()) }),
                titleLength(tokens, from: p, end: end) == 0
            {
                return spans  // "World War Three", "Good Friday Agreement": not an actor.
            }
            if hasOrganisationWord(tokens, p, runEnd: end) && titleLength(tokens, from: p, end: end) == 0 {
                spans.append(EntitySpan(range: p..<end, type: .organisation))
                return spans
            }
            // "Bundesbank Vice-President Helmut Schlesinger": an unknown name, a title, a person.
            if end - p >= 3, titleLength(tokens, from: p, end: end) == 0 {
                let inner = titleLength(tokens, from: p + 1, end: end)
                if inner > 0, p + 1 + inner < end {
                    spans.append(EntitySpan(range: p..<(p + 1), type: .organisation, isGuess: true))
                    spans.append(EntitySpan(range: (p + 1)..<end, nameRange: (p + 1 + inner)..<end, type: .person))
                    return spans
                }
            }
            let title = titleLength(tokens, from: p, end: end)
            if title > 0 {
                // "General Election": a title word before one event word names no one.
                if p + title + 1 == end, WordLists.eventWords.contains(tokens[end - 1].text.lowercased()) { return spans }
                if p + title < end {
                    spans.append(EntitySpan(range: p..<end, nameRange: (p + title)..<end, type: .person))
                }
                return spans
            }
            if let last = tokens[end - 1].text.lowercased() as String?, WordLists.locationWords.contains(last), end - p >= 2 {
                spans.append(EntitySpan(range: p..<end, type: .location))
                return spans
            }
            if let match {
                // A demonym or name opening a longer run: "British Airways", "Russian Orthodox Church".
                if match.entry.isDemonym {
                    spans.append(EntitySpan(range: p..<end, type: .organisation))
                    return spans
                }
                spans.append(EntitySpan(range: p..<(p + match.length), type: match.entry.type, label: match.entry.label))
                p += match.length
                continue
            }
            // "Shadow Europe minister", "Former Labour adviser": a title's modifier before a
            // known name describes a role, so the name stands alone.
            if end - p >= 2, WordLists.titleWords.contains(tokens[p].text.lowercased()),
                !WordLists.coreTitleWords.contains(tokens[p].text.lowercased()),
                gazetteer.longestMatch(in: tokens, at: p + 1, limit: end) != nil
            {
                p += 1
                continue
            }
            // "European NATO members": unknown capitalised words before a known organisation's
            // acronym are no name of their own; the acronym stands alone ("Universities UK",
            // with a country's, is left as it was).
            if let k = ((p + 1)..<end).first(where: {
                tokens[$0].isAllCaps && gazetteer.longestMatch(in: tokens, at: $0, limit: end)?.entry.type == .organisation
            }) {
                p = k
                continue
            }
            // "Republican Dwight D. Eisenhower", "Democrat Jimmy Carter": a party member word
            // before a full name describes the person, like a title.
            if end - p >= 3, WordLists.partyMemberWords.contains(tokens[p].text.lowercased()),
                !tokens[p].text.lowercased().hasSuffix("s")
            {
                p += 1
                continue
            }
            let count = end - p
            if count == 1 {
                let token = tokens[p]
                if token.isAllCaps {
                    let bare = token.text.filter { $0 != "." }
                    guard !bare.contains("-") else { return spans }
                    if bare.count <= 6, !WordLists.nonAcronyms.contains(bare) {
                        spans.append(EntitySpan(range: p..<end, type: .organisation, isGuess: true))
                    }
                } else if !WordLists.ambiguousMonthNames.contains(token.text) {
                    spans.append(EntitySpan(range: p..<end, type: .person, isBareName: true))
                }
            } else if count <= 4 {
                let last = tokens[end - 1].text.lowercased()
                if WordLists.titleWords.contains(last) {
                    // "Scottish Executive": a name ends in no title, so this is the body itself.
                    spans.append(EntitySpan(range: p..<end, type: .organisation, isGuess: true))
                } else if !WordLists.partyMemberWords.contains(last) {
                    spans.append(EntitySpan(range: p..<end, type: .person, isGuess: true))
                }
            }
            return spans
        }
        return spans
    }

    /// "US-brokered", "Kremlin-backed", "Russian-occupied": the known name before the hyphen.
    func hyphenatedMention(_ tokens: [Token], at i: Int) -> EntitySpan? {
        let token = tokens[i]
        guard token.kind == .word, isLowerHyphenated(token), let dash = token.text.firstIndex(of: "-") else { return nil }
        let prefix = String(token.text[..<dash])
        guard let entry = gazetteer.entry(for: prefix), entry.type != .location else { return nil }
        return EntitySpan(range: i..<(i + 1), type: entry.type, label: entry.label)
    }
}
