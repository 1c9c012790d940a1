import PlexusGraph

/// A name the gazetteer knows, with the entity it denotes.
public struct GazetteerEntry: Sendable, Equatable {
    /// The entity's type.
    public var type: EntityType
    /// The canonical label ("United Kingdom", "NATO", "Kyiv").
    public var label: String
    /// Whether the name is a demonym or adjective ("British"), not the entity's own name.
    public var isDemonym: Bool
}

/// The team's lists of countries, organisations and places, matched on token sequences.
///
/// Phrases are tokenized with the same ``Tokenizer`` as documents, so "U.S." and
/// "People's Republic of China" match token for token. Matching is case-sensitive: "US"
/// is the United States, "us" is a pronoun.
public struct Gazetteer: Sendable {
    /// The shared instance, built once on first use.
    public static let standard = Gazetteer()

    /// Phrases by their first token, longest first.
    private var phrases: [String: [(tokens: [String], entry: GazetteerEntry)]] = [:]
    /// Every country name, alias and demonym, to its canonical label.
    public private(set) var countryLabels: [String: String] = [:]
    /// Canonical country labels in table order.
    public private(set) var countries: [String] = []

    /// Builds the gazetteer from the team's tables.
    ///
    /// - Complexity: O(total length of the tables); done once.
    /// A country's first demonym by its label ("Russia" → "Russian"), to name its bodies.
    public private(set) var demonyms: [String: String] = [:]

    public init() {
        let tokenizer = Tokenizer()
        func add(_ phrase: String, _ entry: GazetteerEntry) {
            let tokens = tokenizer.tokenize(phrase).map(\.text)
            guard let first = tokens.first else { return }
            phrases[first, default: []].append((tokens, entry))
        }
        for line in countryTable.split(separator: "\n") {
            let fields = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard let label = fields.first, !label.isEmpty else { continue }
            countries.append(label)
            var names = [label]
            if fields.count > 1 { names += fields[1].split(separator: ";").map(String.init) }
            for name in names {
                add(name, GazetteerEntry(type: .country, label: label, isDemonym: false))
                countryLabels[name] = label
            }
            if fields.count > 2 {
                if let first = fields[2].split(separator: ";").first { demonyms[label] = String(first) }
                for demonym in fields[2].split(separator: ";").map(String.init) {
                    add(demonym, GazetteerEntry(type: .country, label: label, isDemonym: true))
                    countryLabels[demonym] = label
                }
            }
        }
        for (name, label) in WordLists.knownOrganisations {
            add(name, GazetteerEntry(type: .organisation, label: label, isDemonym: false))
        }
        for name in WordLists.knownLocations {
            add(name, GazetteerEntry(type: .location, label: name, isDemonym: false))
        }
        for key in phrases.keys {
            phrases[key]?.sort { lhs, rhs in
                lhs.tokens.count != rhs.tokens.count
                    ? lhs.tokens.count > rhs.tokens.count : lhs.entry.label < rhs.entry.label
            }
        }
    }

    /// The longest phrase starting at `start` and ending before `limit`, with its length in tokens.
    ///
    /// - Complexity: O(p·k) for p phrases sharing the first token, k tokens each.
    public func longestMatch(in tokens: [Token], at start: Int, limit: Int) -> GazetteerMatch? {
        guard start < limit, let candidates = phrases[tokens[start].text] else { return nil }
        for candidate in candidates where start + candidate.tokens.count <= limit {
            var matched = true
            for (offset, text) in candidate.tokens.enumerated().dropFirst() where tokens[start + offset].text != text {
                matched = false
                break
            }
            if matched { return GazetteerMatch(entry: candidate.entry, length: candidate.tokens.count) }
        }
        return nil
    }

    /// The longest phrase starting at `start` in a list of words (the tagger's view of a sentence).
    ///
    /// - Complexity: O(p·k) for p phrases sharing the first word, k words each.
    public func longestMatch(words: [String], at start: Int) -> GazetteerMatch? {
        guard start < words.count, let candidates = phrases[words[start]] else { return nil }
        for candidate in candidates where start + candidate.tokens.count <= words.count {
            var matched = true
            for (offset, text) in candidate.tokens.enumerated().dropFirst() where words[start + offset] != text {
                matched = false
                break
            }
            if matched { return GazetteerMatch(entry: candidate.entry, length: candidate.tokens.count) }
        }
        return nil
    }

    /// The entry for a whole name ("UK", "British", "Nato"), if the gazetteer knows it.
    public func entry(for name: String) -> GazetteerEntry? {
        let tokens = Tokenizer().tokenize(name)
        guard let match = longestMatch(in: tokens, at: 0, limit: tokens.count), match.length == tokens.count else {
            return nil
        }
        return match.entry
    }
}

/// A gazetteer phrase found in a sentence: its entry and how many tokens it covers.
public struct GazetteerMatch: Sendable, Equatable {
    /// The entry.
    public var entry: GazetteerEntry
    /// Tokens covered, from the start position.
    public var length: Int
}
