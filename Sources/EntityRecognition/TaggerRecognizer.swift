/// The trained recogniser: the named-entity tagger, with its CoNLL types mapped onto Plexus
/// types.
///
/// PER is a person (titles just before the name — "President", "Sir", "Mr" — join the
/// mention but not the name); LOC is a country when the gazetteer knows it as a country or a
/// country's name, otherwise a location; ORG is an organisation (with the gazetteer's label,
/// so "Nato" is NATO); MISC that is a country's demonym ("British", "North Korean") is a
/// mention of that country, other MISC is dropped. Hyphenated forms the tagger leaves out
/// ("US-brokered", "Kremlin-backed") are still found by the rule-based recogniser's rule.
public struct TaggerRecognizer: EntityRecognizer {
    let tagger: SequenceTagger
    let gazetteer: Gazetteer
    let rules: RuleBasedRecognizer

    /// Creates a recogniser over a tagger model.
    public init(tagger: SequenceTagger, gazetteer: Gazetteer = .standard) {
        self.tagger = tagger
        self.gazetteer = gazetteer
        self.rules = RuleBasedRecognizer(gazetteer: gazetteer)
    }

    /// The recogniser with the shipped model.
    ///
    /// - Throws: ``ModelFileError`` when the model is missing or damaged.
    public static func shipped() throws -> TaggerRecognizer { TaggerRecognizer(tagger: try ShippedModels.tagger(.ner)) }

    /// The entity spans in one sentence (without document history).
    public func recognize(_ sentence: [Token]) -> [EntitySpan] {
        recognizeDocument([sentence]).first ?? []
    }

    /// The spans of every sentence of a document, tagged in order with document history.
    ///
    /// - Complexity: O(tokens · features).
    public func recognizeDocument(_ sentences: [[Token]]) -> [[EntitySpan]] {
        let tagged = tagger.tagDocument(sentences.map { $0.map(\.text) })
        return zip(sentences, tagged).map { tokens, tags in spans(tokens, tags) }
    }

    func spans(_ tokens: [Token], _ tags: [String]) -> [EntitySpan] {
        var spans: [EntitySpan] = []
        var covered = Set<Int>()
        for chunk in ChunkTags.chunks(tags) {
            let range = chunk.start..<chunk.end
            guard let span = span(for: range, type: chunk.type, tokens) else { continue }
            spans.append(span)
            covered.formUnion(span.range)
        }
        for index in tokens.indices where !covered.contains(index) {
            if let extra = rules.hyphenatedMention(tokens, at: index) { spans.append(extra) }
        }
        return spans.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    func span(for range: Range<Int>, type: String, _ tokens: [Token]) -> EntitySpan? {
        let match = gazetteer.longestMatch(in: tokens, at: range.lowerBound, limit: range.upperBound)
        let whole = match.map { $0.length == range.count } ?? false
        switch type {
        case "PER":
            // Titles the tagger left outside ("President Donald Trump") or inside the span.
            var start = range.lowerBound
            while start > 0, isTitle(tokens[start - 1]) { start -= 1 }
            var nameStart = range.lowerBound
            while nameStart < range.upperBound - 1, isTitle(tokens[nameStart]) { nameStart += 1 }
            if start < nameStart || nameStart > range.lowerBound {
                return EntitySpan(
                    range: min(start, range.lowerBound)..<range.upperBound, nameRange: nameStart..<range.upperBound, type: .person)
            }
            return EntitySpan(range: range, type: .person)
        case "LOC":
            if whole, let entry = match?.entry {
                if entry.type == .country { return EntitySpan(range: range, type: .country, label: entry.label) }
                if entry.type == .organisation { return EntitySpan(range: range, type: .organisation, label: entry.label) }
                return EntitySpan(range: range, type: .location, label: entry.label)
            }
            return EntitySpan(range: range, type: .location)
        case "ORG":
            if whole, let entry = match?.entry, entry.type == .organisation {
                return EntitySpan(range: range, type: .organisation, label: entry.label)
            }
            if whole, let entry = match?.entry, entry.type == .country, !entry.isDemonym {
                return EntitySpan(range: range, type: .country, label: entry.label)  // sports teams named after countries
            }
            return EntitySpan(range: range, type: .organisation)
        case "MISC":
            if whole, let entry = match?.entry, entry.type == .country {
                return EntitySpan(range: range, type: .country, label: entry.label)
            }
            return nil
        default:
            return nil
        }
    }

    func isTitle(_ token: Token) -> Bool {
        guard token.isCapitalized else { return false }
        var word = token.text.lowercased()
        if word.hasSuffix(".") { word.removeLast() }
        return WordLists.coreTitleWords.contains(word) || ["prime", "foreign", "defence", "vice", "deputy"].contains(word)
    }
}

extension EntityRecognizer {
    /// The spans of every sentence of a document; recognisers without document context tag
    /// sentence by sentence.
    public func recognizeDocument(_ sentences: [[Token]]) -> [[EntitySpan]] { sentences.map(recognize) }
}
