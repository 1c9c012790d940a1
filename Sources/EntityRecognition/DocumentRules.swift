/// Rules that need the whole document, applied after sentence-level recognition.
///
/// - Places: an unknown single capitalised word after "in" or "near" is a location.
/// - Capitals as actors: a capital that is the subject of a speech or action verb ("Moscow
///   would respond", "Kyiv has not confirmed", "Moscow's position") is a mention of its
///   country; after a preposition ("in Moscow") or anywhere else it stays a place.
/// - Georgia the US state: after "City," ("Atlanta, Georgia"), after "state of", or before
///   "governor", "state", "voters"…, "Georgia" is a location, not the country.
/// - A country name that is also the surname of a person named in full in the same
///   document is that person when it acts ("Michael Jordan" … "Jordan said"), and stays the
///   country otherwise ("visited Jordan").
/// - Descriptions: "the prime minister", "the US president", "the Kremlin spokesman" refer to
///   the person the document has named in that role before ("Prime Minister Keir Starmer",
///   "Kremlin spokesman Dmitry Peskov", "John Healey, the UK defence secretary"), when exactly
///   one person fits; otherwise they are left alone (a wrong merge is worse than a missed one).
struct DocumentRules {
    let tokens: [Token]
    var mentions: [Mention]
    /// The sentence index of each token.
    let sentenceOfToken: [Int]

    mutating func apply() -> [Mention] {
        applyPlaces()
        applyCapitalsAndStates()
        applyCountrySurnames()
        addDescriptions()
        return mentions
    }

    func lower(_ index: Int) -> String? { index >= 0 && index < tokens.count ? tokens[index].text.lowercased() : nil }

    mutating func applyCapitalsAndStates() {
        for index in mentions.indices {
            let mention = mentions[index]
            let start = mention.tokenRange.lowerBound
            let end = mention.tokenRange.upperBound
            if mention.type == .location, let country = Roles.capitalCountry[mention.name] {
                if let before = lower(start - 1), Roles.placePrepositions.contains(before) { continue }
                var next = end
                // "Kyiv and Moscow have…": look past a coordinated capital.
                if lower(next) == "and", let other = mentions.first(where: { $0.tokenRange.lowerBound == next + 1 }),
                    Roles.capitalCountry[other.name] != nil
                {
                    next = other.tokenRange.upperBound
                }
                // "Moscow again contradicted…", "London quickly rejected…": one adverb may come between.
                if let word = lower(next), Roles.actorAdverbs.contains(word) || (word.hasSuffix("ly") && word.count > 4),
                    let verb = lower(next + 1), Roles.actorVerbs.contains(verb) || (verb.hasSuffix("ed") && verb.count > 4)
                {
                    next += 1
                }
                if let word = lower(next), Roles.actorVerbs.contains(word) || (next > end && word.hasSuffix("ed")) {
                    mentions[index].type = .country
                    mentions[index].label = country
                    mentions[index].name = country
                }
            }
            if mention.type == .country, mention.label == "Georgia" {
                let afterCity =
                    start >= 2 && tokens[start - 1].text == "," && tokens[start - 2].isCapitalized
                    && !mentions.contains { $0.tokenRange.upperBound == start - 1 && $0.type == .country }
                let afterStateOf = lower(start - 1) == "of" && lower(start - 2) == "state"
                let beforeStateWord =
                    lower(end).map { Roles.usStateContext.contains($0) } ?? false
                    || (lower(end) == "'s" && (lower(end + 1).map { Roles.usStateContext.contains($0) } ?? false))
                if afterCity || afterStateOf || beforeStateWord {
                    mentions[index].type = .location
                    mentions[index].label = "Georgia (US state)"
                    mentions[index].name = "Georgia (US state)"
                }
            }
        }
    }

    /// "in Atlanta", "near Kharkiv": an unknown single capitalised word right after "in" or
    /// "near" is a place.
    mutating func applyPlaces() {
        for index in mentions.indices where mentions[index].isBareName && mentions[index].title == nil {
            let start = mentions[index].tokenRange.lowerBound
            guard let before = lower(start - 1), before == "in" || before == "near" else { continue }
            mentions[index].type = .location
            mentions[index].isBareName = false
            mentions[index].label = mentions[index].name
        }
    }

    mutating func applyCountrySurnames() {
        let surnames = Set(
            mentions.filter { $0.type == .person && $0.nameWords.count >= 2 }.compactMap { $0.nameWords.last.map(String.init) })
        for index in mentions.indices where mentions[index].type == .country && mentions[index].tokenRange.count == 1 {
            let surface = mentions[index].surface
            let start = mentions[index].tokenRange.lowerBound
            let end = mentions[index].tokenRange.upperBound
            // "Jordan said" is the person; "visited Jordan" stays the country.
            let actsLikePerson =
                (lower(end).map { Roles.actorVerbs.contains($0) } ?? false)
                && !(lower(start - 1).map { Roles.placePrepositions.contains($0) } ?? false)
            if surnames.contains(surface), actsLikePerson, Gazetteer.standard.entry(for: surface)?.isDemonym != true {
                mentions[index].type = .person
                mentions[index].label = nil
                mentions[index].name = surface
                mentions[index].isBareName = true
            }
        }
    }

    /// The role phrase that ends `words`, if any ("prime minister" in ["prime", "minister"]).
    static func role(endingWith words: [String]) -> [String]? {
        for role in Roles.roles where words.count >= role.count && Array(words.suffix(role.count)) == role {
            // A deputy, shadow or former prime minister is not "the prime minister".
            if words.count > role.count, Self.qualifiedRoleWords.contains(words[words.count - role.count - 1]) { return nil }
            return role
        }
        return nil
    }

    /// Words that make a title a different role from the one it ends with.
    static let qualifiedRoleWords: Set<String> = ["deputy", "vice", "shadow", "former", "assistant", "junior", "acting", "ex"]

    /// The role phrase that starts at token `start`, if any.
    func role(at start: Int) -> [String]? {
        for role in Roles.roles {
            guard start + role.count <= tokens.count else { continue }
            let words = (start..<(start + role.count)).map { tokens[$0].text.lowercased().replacingHyphens() }
            if words == role { return role }
        }
        return nil
    }

    struct Holder {
        var mention: Int
        var role: [String]
        var qualifier: String?
        var position: Int
    }

    /// The country or organisation mention that ends right at `end`, as a qualifier label.
    func qualifier(endingAt end: Int) -> String? {
        guard let mention = mentions.first(where: { $0.tokenRange.upperBound == end && ($0.type == .country || $0.type == .organisation) })
        else { return nil }
        return mention.label ?? mention.name
    }

    mutating func addDescriptions() {
        var holders: [Holder] = []
        var covered = Set<Int>()
        for mention in mentions { covered.formUnion(mention.tokenRange) }
        // Role holders: titles in the mention, role words just before it, or an appositive after it.
        // A one-word name holds a role only with its title ("President Zelensky"): alone it may be anyone's surname.
        for (index, mention) in mentions.enumerated()
        where mention.type == .person && (mention.nameWords.count >= 2 || mention.title != nil) {
            let start = mention.tokenRange.lowerBound
            if let title = mention.title, let role = Self.role(endingWith: title.replacingHyphens().split(separator: " ").map(String.init))
            {
                holders.append(Holder(mention: index, role: role, qualifier: qualifier(endingAt: start), position: start))
            }
            for role in Roles.roles where start - role.count >= 0 {
                let words = ((start - role.count)..<start).map { tokens[$0].text.lowercased() }
                let before = start - role.count - 1 >= 0 ? tokens[start - role.count - 1].text.lowercased() : ""
                if words == role && !Self.qualifiedRoleWords.contains(before) {
                    holders.append(Holder(mention: index, role: role, qualifier: qualifier(endingAt: start - role.count), position: start))
                    break
                }
            }
            let end = mention.tokenRange.upperBound
            if end + 2 < tokens.count, tokens[end].text == ",", lower(end + 1) == "the" {
                var cursor = end + 2
                var qualifierLabel: String?
                if let next = mentions.first(where: {
                    $0.tokenRange.lowerBound == cursor && ($0.type == .country || $0.type == .organisation)
                }) {
                    qualifierLabel = next.label ?? next.name
                    cursor = next.tokenRange.upperBound
                }
                if let role = role(at: cursor) {
                    holders.append(Holder(mention: index, role: role, qualifier: qualifierLabel, position: start))
                    // The appositive itself must not become a description mention.
                    covered.formUnion((end + 1)..<(cursor + role.count))
                }
            }
        }
        guard !holders.isEmpty else { return }
        // Descriptions: "the [qualifier] role" not followed by a name.
        var added: [Mention] = []
        var k = 0
        while k < tokens.count {
            guard lower(k) == "the", !covered.contains(k) else {
                k += 1
                continue
            }
            var cursor = k + 1
            var qualifierLabel: String?
            if let next = mentions.first(where: { $0.tokenRange.lowerBound == cursor && ($0.type == .country || $0.type == .organisation) })
            {
                qualifierLabel = next.label ?? next.name
                cursor = next.tokenRange.upperBound
            }
            guard let role = role(at: cursor) else {
                k += 1
                continue
            }
            let end = cursor + role.count
            if end < tokens.count, tokens[end].isCapitalized || lower(end) == "of" || covered.contains(end) {
                k = end
                continue  // a title before a name, or "the president of …": not a bare description
            }
            let candidates = holders.filter { holder in
                holder.position < k && holder.role == role && (qualifierLabel == nil || holder.qualifier == qualifierLabel)
            }
            let people = Set(candidates.map { mentions[$0.mention].name.lowercased() })
            if people.count == 1, let holder = candidates.last {
                let sentence = sentenceOfToken[k]
                let surface = tokens[k..<end].map(\.text).joined(separator: " ")
                added.append(
                    Mention(
                        sentence: sentence, tokenRange: k..<end, type: .person, surface: surface, name: mentions[holder.mention].name,
                        title: nil, label: nil, isBareName: false, referent: holder.mention))
            }
            k = end
        }
        if !added.isEmpty {
            // A qualifier inside a description ("the US president") is part of the person's
            // description, not a mention of its own.
            let inside = added.map(\.tokenRange)
            let kept = mentions.enumerated().filter { _, mention in
                !inside.contains { $0.lowerBound <= mention.tokenRange.lowerBound && mention.tokenRange.upperBound <= $0.upperBound }
            }
            var remap: [Int: Int] = [:]
            for (position, entry) in kept.enumerated() { remap[entry.offset] = position }
            mentions = kept.map(\.element)
            added = added.map { description in
                var copy = description
                copy.referent = description.referent.flatMap { remap[$0] }
                return copy
            }
            added.removeAll { $0.referent == nil }
            mentions.append(contentsOf: added)
            let order = mentions.indices.sorted { mentions[$0].tokenRange.lowerBound < mentions[$1].tokenRange.lowerBound }
            var newIndex = [Int](repeating: 0, count: mentions.count)
            for (position, old) in order.enumerated() { newIndex[old] = position }
            mentions = order.map { old in
                var mention = mentions[old]
                mention.referent = mention.referent.map { newIndex[$0] }
                return mention
            }
        }
    }

}

extension String {
    func replacingHyphens() -> String { String(map { $0 == "-" ? " " : $0 }) }
}
