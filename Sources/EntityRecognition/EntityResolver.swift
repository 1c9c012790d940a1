import Foundation
import PlexusGraph

/// An entity found in one document, before the corpus-level merge.
public struct LocalEntity: Sendable, Equatable {
    /// The identity key ("person:keir starmer", "country:United Kingdom").
    public var key: EntityKey
    /// The entity's type.
    public var type: EntityType
    /// The best label so far ("Keir Starmer").
    public var label: String
    /// Surface forms with their counts ("Sir Keir": 2).
    public var aliases: [String: Int]
    /// Number of mentions in the document.
    public var mentions: Int
    /// For a person known only by one word: that word, to be joined to a full name across the corpus.
    public var singleName: OneWordName?
    /// Whether the single name came with an honorific ("Mr Starmer"), which makes it a person by itself.
    public var hasHonorific: Bool
    /// For a bare single name: how often a tagger read it as each other type, which it takes
    /// when it joins no full name in the corpus.
    public var fallbackVotes: [EntityType: Int] = [:]
}

/// The entities of one document and which entity each mention resolved to.
public struct DocumentEntities: Sendable {
    /// The document's entities.
    public var entities: [LocalEntity]
    /// For each mention of the analyzed document, the index of its entity, or `nil` if dropped.
    public var mentionEntity: [Int?]
    /// Lower-cased names of `drop` and `split` corrections that matched a mention here.
    public var usedCorrectionNames: Set<String> = []
}

/// Resolves the mentions of one document to entities.
///
/// Titles and honorifics are stripped for identity ("Sir Keir Starmer", "Mr Starmer",
/// "President Putin" → the person's name) but kept as aliases. A one-word name joins the
/// full name in the same document that ends with it (surname) or, after "Sir"/"Dame",
/// starts with it (first name); when several full names fit, the one the document is
/// about wins: the most mentioned, then the one named first. Countries merge through the gazetteer
/// (Britain, UK, British → United Kingdom); organisations by their gazetteer label or their
/// name without "the", case-insensitively.
public struct EntityResolver: Sendable {
    /// The user's corrections; `drop` and `split` rules apply here, to mentions.
    public var corrections: AliasCorrections

    /// Creates a resolver.
    public init(corrections: AliasCorrections = .none) { self.corrections = corrections }

    /// The entities of an analyzed document.
    ///
    /// - Complexity: O(m·f) for m mentions and f distinct full names in the document.
    public func resolve(_ analysis: AnalyzedDocument) -> DocumentEntities {
        var entities: [LocalEntity] = []
        var byKey: [EntityKey: Int] = [:]
        var assignment: [Int?] = Array(repeating: nil, count: analysis.mentions.count)

        func attach(
            _ mentionIndex: Int, key: EntityKey, type: EntityType, label: String, single: OneWordName? = nil, honorific: Bool = false,
            isAlias: Bool = true
        ) {
            let mention = analysis.mentions[mentionIndex]
            let index: Int
            if let existing = byKey[key] {
                index = existing
            } else {
                index = entities.count
                byKey[key] = index
                entities.append(
                    LocalEntity(
                        key: key, type: type, label: label, aliases: [:], mentions: 0, singleName: single,
                        hasHonorific: honorific))
            }
            entities[index].mentions += 1
            if isAlias { entities[index].aliases[mention.surface, default: 0] += 1 }
            if honorific { entities[index].hasHonorific = true }
            assignment[mentionIndex] = index
        }

        // Full names first, so one-word names can look at every full name of the document.
        var fullNames: [FullName] = []
        var fullNamePositions: [EntityKey: [Int]] = [:]  // key → positions of its full-name mentions
        for (index, mention) in analysis.mentions.enumerated() where mention.type == .person && mention.nameWords.count >= 2 {
            let key = EntityKey.person(mention.name)
            if fullNamePositions[key] == nil { fullNames.append(FullName(key: key, words: mention.nameWords, firstMention: index)) }
            fullNamePositions[key, default: []].append(index)
        }

        let acronyms = Self.acronymDefinitions(analysis)
        let dropped = corrections.droppedNames
        let splits = corrections.splits
        var used = Set<String>()

        for (index, mention) in analysis.mentions.enumerated() {
            if !dropped.isEmpty {
                let hit = [mention.surface.lowercased(), mention.name.lowercased()].first { dropped.contains($0) }
                if let hit {
                    used.insert(hit)
                    continue
                }
            }
            if !splits.isEmpty, let name = [mention.surface.lowercased(), mention.name.lowercased()].first(where: { splits[$0] != nil }),
                let label = splits[name]
            {
                used.insert(name)
                attach(index, key: EntityKey(.split, label.lowercased()), type: mention.type, label: label)
                continue
            }
            if let referent = mention.referent, referent < index, let target = assignment[referent] {
                // A description ("the prime minister") counts as a mention but is not a name.
                let entity = entities[target]
                attach(index, key: entity.key, type: entity.type, label: entity.label, isAlias: false)
                continue
            }
            switch mention.type {
            case .person:
                let words = mention.nameWords
                if words.count >= 2 {
                    attach(index, key: .person(mention.name), type: .person, label: mention.name)
                    continue
                }
                guard let word = words.first else { continue }
                if let title = mention.title, let last = title.split(separator: " ").last,
                    WordLists.regnalTitles.contains(String(last))
                {
                    // "Prince Charles" is not Charles Kennedy: the title stays in the name.
                    let label = String(last).capitalized + " " + word
                    attach(index, key: .person(label), type: .person, label: label)
                    continue
                }
                let honorificWord = mention.title.map { String($0.split(separator: " ").last ?? "") }
                let byFirstName = honorificWord.map { WordLists.firstNameHonorifics.contains($0) } ?? false
                let female = honorificWord.flatMap(WordLists.impliesFemale)
                // "Mrs Howard" does not join a Michael Howard already called "Mr Howard".
                // A woman's honorific joins here only a full name this document already gives a
                // woman's honorific; otherwise the corpus level decides, where "Mr Howard" shows.
                let compatible = fullNames.filter { candidate in
                    guard female == true else { return true }
                    guard let entity = byKey[candidate.key] else { return false }
                    return entities[entity].aliases.keys.contains { alias in
                        alias.split(separator: " ").first.map { WordLists.impliesFemale(String($0)) == true } ?? false
                    }
                }
                if let match = bestFullName(for: word, byFirstName: byFirstName, at: index, compatible, fullNamePositions) {
                    let label = match.words.joined(separator: " ")
                    attach(index, key: match.key, type: .person, label: label)
                } else {
                    // A title, or a tagger that found the name on its own, keeps it as a person.
                    let honorific = mention.title != nil || !mention.isBareName
                    // Women's honorifics keep their own pool of one-word names ("Mrs Howard").
                    let single = OneWordName(String(word), isFemale: female == true)
                    attach(
                        index, key: EntityKey(.personByOneName, single.description), type: .person, label: String(word), single: single,
                        honorific: honorific)
                    if !honorific, let fallback = mention.fallbackType, let entity = assignment[index] {
                        entities[entity].fallbackVotes[fallback, default: 0] += 1
                    }
                }
            case .country, .location, .topic:
                let label = mention.label ?? mention.name
                attach(index, key: .named(mention.type, label), type: mention.type, label: label)
            case .organisation:
                var label = mention.label ?? Self.organisationName(mention.name)
                if mention.label == nil, let outlet = Self.outlet(of: label) { label = outlet }
                if mention.label == nil, let expansion = acronyms[label] { label = expansion }
                attach(index, key: .named(.organisation, label), type: .organisation, label: label)
            }
        }
        return DocumentEntities(entities: entities, mentionEntity: assignment, usedCorrectionNames: used)
    }

    /// The full name a one-word name joins: among those named before it (else any in the
    /// document), the most mentioned, then the first named; surname match before first name.
    func bestFullName(
        for word: Substring, byFirstName: Bool, at position: Int,
        _ fullNames: [FullName], _ positions: [EntityKey: [Int]]
    ) -> FullName? {
        // Mentions before this one (all of them when the full name only comes later).
        func count(_ key: EntityKey) -> Int {
            let all = positions[key] ?? []
            let before = all.filter { $0 < position }.count
            return before > 0 ? before : all.count
        }
        let bySurname = fullNames.filter { $0.words.last == word }
        let byFirst = fullNames.filter { $0.words.first == word }
        let pools = byFirstName ? [byFirst, bySurname] : [bySurname, byFirst]
        for pool in pools where !pool.isEmpty {
            let earlier = pool.filter { $0.firstMention < position }
            let candidates = earlier.isEmpty ? pool : earlier
            // The person the document is about: most mentioned, then the one it named first.
            let best = candidates.max { lhs, rhs in
                let l = count(lhs.key)
                let r = count(rhs.key)
                return l != r ? l < r : lhs.firstMention > rhs.firstMention
            }
            if let best { return best }
        }
        return nil
    }

    /// Acronyms and the names they stand for in one document: an acronym maps to the full
    /// name, or a full name to a listed acronym's label ("UK Independence Party" → "UKIP").
    ///
    /// An acronym stands for a name when it is defined as "Full Name (ACR)" with the name's
    /// initials, or when its letters are exactly the initials of the one organisation the
    /// document names in full with them.
    ///
    /// - Complexity: O(m) in the number of mentions.
    static func acronymDefinitions(_ analysis: AnalyzedDocument) -> [String: String] {
        var definitions: [String: String] = [:]
        let mentions = analysis.mentions
        for (index, mention) in mentions.enumerated().dropLast() where mention.type == .organisation && mention.label == nil {
            let next = mentions[index + 1]
            let open = mention.tokenRange.upperBound
            guard next.type == .organisation, next.tokenRange.count == 1, next.tokenRange.lowerBound == open + 1,
                open + 2 < analysis.tokens.count, analysis.tokens[open].text == "(", analysis.tokens[open + 2].text == ")"
            else { continue }
            let acronym = next.name.filter(\.isLetter)
            let initials = Array(Self.initials(of: mention.name))
            if String(initials) == acronym || isSubsequence(Array(acronym), of: initials) && acronym.first == initials.first {
                definitions[next.name] = organisationName(mention.name)
            }
        }
        // Without parentheses: an acronym whose letters are exactly the initials of one
        // organisation the document names in full ("University of Southern Indiana" … "USI").
        var byInitials: [String: Set<String>] = [:]
        for mention in mentions where mention.type == .organisation && mention.label == nil {
            guard mention.name.split(separator: " ").count >= 2 else { continue }
            let initials = Self.initials(of: mention.name)
            if initials.count >= 2 { byInitials[initials, default: []].insert(organisationName(mention.name)) }
        }
        for mention in mentions where mention.type == .organisation && definitions[mention.name] == nil {
            let name = mention.surface
            guard name.count >= 2, name.allSatisfy({ $0.isUppercase && $0.isLetter }), let full = byInitials[name], full.count == 1,
                let expansion = full.first
            else { continue }
            if let known = mention.label {
                // A listed acronym ("UKIP") keeps its label, and the full name joins it.
                definitions[expansion] = known
            } else {
                definitions[name] = expansion
            }
        }
        return definitions
    }

    /// The capital initials of a name, an acronym inside it whole: "UK Independence Party" → "UKIP".
    static func initials(of name: String) -> String {
        String(
            name.split(separator: " ").flatMap { word -> [Character] in
                if word.count >= 2, word.allSatisfy({ $0.isUppercase && $0.isLetter }) { return Array(word) }
                guard let first = word.first, first.isUppercase else { return [] }
                return [first]
            })
    }

    /// Words that name an outlet's programme or service, not another organisation.
    static let outletWords: Set<String> = [
        "news", "radio", "online", "website", "tv", "television", "one", "two", "three", "four", "five", "live", "world",
        "service", "channel",
    ]

    /// The outlet a programme or service belongs to, or `nil`.
    ///
    /// "BBC News", "BBC Radio", "CBS News": an acronym followed only by words for its
    /// programmes and services is that outlet. "BBC Radio Scotland" and "BBC1" stay apart.
    static func outlet(of name: String) -> String? {
        let words = name.split(separator: " ")
        guard words.count >= 2, let first = words.first, first.count >= 2, first.allSatisfy({ $0.isUppercase && $0.isLetter }),
            words.dropFirst().allSatisfy({ outletWords.contains($0.lowercased()) })
        else { return nil }
        return String(first)
    }

    static func isSubsequence(_ needle: [Character], of haystack: [Character]) -> Bool {
        var cursor = haystack.startIndex
        for character in needle {
            guard let found = haystack[cursor...].firstIndex(of: character) else { return false }
            cursor = found + 1
        }
        return needle.count >= 2
    }

    /// A full name of a person in a document, where it first appears.
    struct FullName {
        var key: EntityKey
        var words: [Substring]
        var firstMention: Int
    }

    /// An organisation's name without a leading "The".
    static func organisationName(_ name: String) -> String {
        if name.hasPrefix("The ") { return String(name.dropFirst(4)) }
        return name
    }
}
