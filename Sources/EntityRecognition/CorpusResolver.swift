import Foundation
import PlexusGraph
import PlexusSupport

/// One entity of the whole corpus, with everything the graph's node needs.
public struct ResolvedEntity: Sendable, Equatable {
    /// Stable identifier derived from the label ("keir-starmer").
    public var id: String
    /// Canonical label ("Keir Starmer").
    public var label: String
    /// Entity type.
    public var type: EntityType
    /// Every form it was written in, most frequent first ("Sir Keir Starmer", "Mr Starmer").
    public var aliases: [String]
    /// Number of mentions in the corpus.
    public var mentions: Int
    /// Number of documents that mention it.
    public var documents: Int
}

/// The corpus's entities and, for each document, where its local entities went.
public struct EntityTable: Sendable {
    /// Entities sorted by id.
    public var entities: [ResolvedEntity]
    /// For each document (in corpus order), local entity index → index into `entities`, or `nil` if dropped.
    public var localToGlobal: [[Int?]]
    /// Names in the user's corrections that matched no entity, with their lines (for warnings).
    public var unusedCorrections: [UnusedCorrection] = []
}

/// Merges the entities of every document into one table for the corpus.
///
/// Entities with the same key merge directly. A person known in a document only by one
/// word ("Starmer") joins the corpus's full name with that surname (or first name) when
/// that is unambiguous: the only candidate, or one with at least 80% of the candidates'
/// mentions. Otherwise it stays a person of its own if an honorific came with it
/// ("Mr Starmer") and is dropped if it was a bare capitalised word, since a wrong merge or
/// a spurious node is worse than a missed one.
public struct CorpusResolver: Sendable {
    /// Share of mentions a full name needs to absorb an ambiguous one-word name.
    public var dominance = 0.8
    /// The user's corrections; `merge`, `rename`, `type` and `drop` apply here, to entities.
    public var corrections: AliasCorrections

    /// Creates a resolver.
    public init(corrections: AliasCorrections = .none) { self.corrections = corrections }

    struct Accumulator: Sendable {
        var type: EntityType
        var labels: [String: Int] = [:]
        var aliases: [String: Int] = [:]
        var mentions = 0
        var documents = Set<Int>()

        /// Adds another accumulator's labels, aliases, mentions and documents; the type stays.
        mutating func absorb(_ other: Accumulator) {
            labels.merge(other.labels, uniquingKeysWith: +)
            aliases.merge(other.aliases, uniquingKeysWith: +)
            mentions += other.mentions
            documents.formUnion(other.documents)
        }
    }

    /// The merged table.
    ///
    /// - Complexity: O(E log E) for E local entities in the corpus.
    public func merge(_ documents: [DocumentEntities]) -> EntityTable {
        // The documents' entities are added up in runs of documents on every core, and the
        // runs' tables added in document order: sums and unions do not depend on the order,
        // and an entity's type is the first document's, as in one pass.
        let runs = Self.runs(of: documents.count)
        let tallies = parallelMap(runs) { run in
            var tally = Tally()
            for docIndex in run {
                for entity in documents[docIndex].entities {
                    if let single = entity.singleName {
                        tally.singles[single, default: SingleName()].absorb(
                            SingleName(honorific: entity.hasHonorific, mentions: entity.mentions, fallbackVotes: entity.fallbackVotes))
                        continue
                    }
                    add(entity, to: &tally.accumulators[entity.key, default: Accumulator(type: entity.type)], document: docIndex)
                }
            }
            return tally
        }
        var accumulators = tallies.first?.accumulators ?? [:]
        var singles = tallies.first?.singles ?? [:]
        for tally in tallies.dropFirst() {
            Self.add(tally.accumulators, to: &accumulators)
            for (single, entry) in tally.singles { singles[single, default: SingleName()].absorb(entry) }
        }

        // Spellings of one person's full name ("Volodymyr Zelensky", "Volodymyr Zelenskyy")
        // join the most mentioned of them (see ``NameVariants``).
        var redirect: [EntityKey: EntityKey] = [:]
        let personKeys = accumulators.filter { $0.value.type == .person }.map(\.key)
        for group in NameVariants.groups(personKeys) {
            let counts = group.map { (key: $0, count: accumulators[$0]?.mentions ?? 0) }
            guard let target = counts.max(by: { $0.count != $1.count ? $0.count < $1.count : $0.key > $1.key })?.key else { continue }
            for key in group where key != target {
                guard let variant = accumulators.removeValue(forKey: key) else { continue }
                accumulators[target, default: Accumulator(type: .person)].absorb(variant)
                redirect[key] = target
            }
        }

        // Where each one-word name goes: a full name's key, its own key, the entity a tagger
        // read it as, or nowhere.
        var singleTarget: [OneWordName: (key: EntityKey, type: EntityType)] = [:]
        var lastWordIndex: [String: [EntityKey]] = [:]
        var firstWordIndex: [String: [EntityKey]] = [:]
        // "Ansari" is the "al-Ansari" of "Majed bin Mohammed al-Ansari": a surname is indexed
        // with and without its joined Arabic article.
        func surnames(_ last: Substring) -> [String] {
            let word = String(last)
            guard let particle = RuleBasedRecognizer.hyphenatedParticles.first(where: { word.hasPrefix($0) }),
                word.count > particle.count + 1
            else { return [word] }
            return [word, String(word.dropFirst(particle.count))]
        }
        for (key, accumulator) in accumulators where accumulator.type == .person {
            let words = key.name.split(separator: " ")
            if let last = words.last { for surname in surnames(last) { lastWordIndex[surname, default: []].append(key) } }
            if let first = words.first { firstWordIndex[String(first), default: []].append(key) }
        }
        // A one-word name spelt as a joined variant ("Zelenskyy") finds the name it joined.
        for (variant, target) in redirect.sorted(by: { $0.key < $1.key }) {
            let words = variant.name.split(separator: " ")
            if let last = words.last, !(lastWordIndex[String(last)]?.contains(target) ?? false) {
                lastWordIndex[String(last), default: []].append(target)
            }
        }
        for (single, info) in singles.sorted(by: { $0.key < $1.key }) {
            let female = single.isFemale
            let lower = single.word.lowercased()
            var target: EntityKey?
            // News calls people by surname; a word that stands alone more often than a full name
            // it starts is not that person's first name ("European" is not "European Councils").
            let byFirstName = (firstWordIndex[lower] ?? []).filter { (accumulators[$0]?.mentions ?? 0) >= info.mentions }
            for var pool in [lastWordIndex[lower] ?? [], byFirstName] where !pool.isEmpty {
                if female {
                    // Not a full name already called "Mr …" or "Sir …".
                    pool = pool.filter { key in
                        !(accumulators[key]?.aliases.keys.contains { alias in
                            alias.split(separator: " ").first.map { WordLists.impliesFemale(String($0)) == false } ?? false
                        } ?? false)
                    }
                    if pool.isEmpty { continue }
                }
                target = dominant(pool.sorted(), accumulators)
                if target != nil { break }
            }
            if let target {
                singleTarget[single] = (target, .person)
            } else if info.honorific {
                singleTarget[single] = (.person(knownAs: single), .person)
            } else if let vote = info.fallbackVotes.max(by: {
                $0.value != $1.value ? $0.value < $1.value : $0.key.rawValue > $1.key.rawValue
            }) {
                // A majority of the bare mentions must have been read as that type.
                if 2 * vote.value > info.mentions { singleTarget[single] = (.named(vote.key, single.word), vote.key) }
            }
        }
        let frozenTargets = singleTarget
        let typeOf = accumulators.mapValues(\.type)
        let additions = parallelMap(runs) { run in
            var added: [EntityKey: Accumulator] = [:]
            for docIndex in run {
                for entity in documents[docIndex].entities {
                    guard let single = entity.singleName, let (target, type) = frozenTargets[single] else { continue }
                    var entry = entity
                    if target == .person(knownAs: single),
                        let form = entity.aliases.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key })?.key
                    {
                        entry.label = form  // a person known only as "Mrs Howard" keeps the honorific in the label
                    }
                    add(entry, to: &added[target, default: Accumulator(type: typeOf[target] ?? type)], document: docIndex)
                }
            }
            return added
        }
        for added in additions { Self.add(added, to: &accumulators) }

        // Acronyms defined somewhere as "Full Name (ACR)" join that name everywhere, and a full
        // name that joined a listed acronym somewhere ("UK Independence Party" in UKIP) joins it
        // everywhere.
        // The keys are sorted, not the (key, accumulator) pairs, which are costly to move. An
        // iteration changes only its own key's accumulator, so each is read as it was.
        for key in accumulators.keys.filter({ accumulators[$0]?.type == .organisation }).sorted() {
            guard let accumulator = accumulators[key] else { continue }
            let isAcronym = accumulator.labels.keys.contains { $0.count >= 2 && $0 == $0.uppercased() && $0.allSatisfy(\.isLetter) }
            for alias in accumulator.aliases.keys.sorted()
            where alias.count >= 2 && alias.contains(where: \.isLetter)
                && (alias == alias.uppercased() || (isAcronym && alias.contains(" ")))
            {
                let acronymKey = EntityKey.named(.organisation, alias)
                guard acronymKey != key, redirect[acronymKey] == nil, let acronym = accumulators[acronymKey] else { continue }
                var target = accumulators[key] ?? accumulator
                for (name, count) in acronym.aliases { target.aliases[name, default: 0] += count }
                target.mentions += acronym.mentions
                target.documents.formUnion(acronym.documents)
                accumulators[key] = target
                redirect[acronymKey] = key
            }
        }
        for key in redirect.keys { accumulators[key] = nil }

        // The user's corrections, on whole entities.
        var unused = applyCorrections(&accumulators, &redirect)
        let usedOnMentions = documents.reduce(into: Set<String>()) { $0.formUnion($1.usedCorrectionNames) }
        for rule in corrections.rules {
            switch rule {
            case .drop(let name, let line), .split(let name, _, let line):
                if !usedOnMentions.contains(name.lowercased()) { unused.append(UnusedCorrection(name: name, line: line)) }
            default: break
            }
        }

        // Labels and ids.
        var entities: [(key: EntityKey, entity: ResolvedEntity)] = []
        for (key, accumulator) in accumulators {
            let label = bestLabel(accumulator)
            let aliases = accumulator.aliases.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
            entities.append(
                (
                    key,
                    ResolvedEntity(
                        id: Self.slug(label), label: label, type: accumulator.type, aliases: aliases,
                        mentions: accumulator.mentions, documents: accumulator.documents.count)
                ))
        }
        // Positions are sorted and the entries moved once: moving the entries in a sort was
        // most of the merge's time.
        func reorder(by areInIncreasingOrder: (Int, Int) -> Bool) {
            let order = entities.indices.sorted(by: areInIncreasingOrder)
            entities = order.map { entities[$0] }
        }
        // The comparison reads fields in place: copying two entries for each was a sixth of
        // the merge.
        reorder { a, b in
            entities[a].entity.id != entities[b].entity.id
                ? entities[a].entity.id < entities[b].entity.id : entities[a].key < entities[b].key
        }
        var usedIDs = Set<String>()
        for index in entities.indices {
            var id = entities[index].entity.id
            if usedIDs.contains(id) { id += "-" + entities[index].entity.type.rawValue }
            var suffix = 2
            let base = id
            while usedIDs.contains(id) {
                id = "\(base)-\(suffix)"
                suffix += 1
            }
            usedIDs.insert(id)
            entities[index].entity.id = id
        }
        reorder { entities[$0].entity.id < entities[$1].entity.id }
        var globalIndex: [EntityKey: Int] = [:]
        for (index, entry) in entities.enumerated() { globalIndex[entry.key] = index }

        let (frozenIndex, frozenRedirect) = (globalIndex, redirect)
        let maps = parallelMap(runs) { run in
            run.map { docIndex in
                documents[docIndex].entities.map { entity -> Int? in
                    if let single = entity.singleName, let target = frozenTargets[single]?.key {
                        return frozenIndex[frozenRedirect[target] ?? target]
                    }
                    return frozenIndex[frozenRedirect[entity.key] ?? entity.key]
                }
            }
        }.flatMap { $0 }
        return EntityTable(entities: entities.map(\.entity), localToGlobal: maps, unusedCorrections: unused)
    }

    /// Applies merge, rename, type and drop rules to the accumulated entities.
    ///
    /// Returns the rule names that matched no entity (for warnings).
    func applyCorrections(_ accumulators: inout [EntityKey: Accumulator], _ redirect: inout [EntityKey: EntityKey]) -> [UnusedCorrection] {
        guard !corrections.rules.isEmpty else { return [] }
        var labelOverride: [EntityKey: String] = [:]
        func keys(named name: String) -> [EntityKey] {
            let lower = name.lowercased()
            return accumulators.keys.sorted().filter { key in
                guard let accumulator = accumulators[key] else { return false }
                if let override = labelOverride[key], override.lowercased() == lower { return true }
                return accumulator.labels.keys.contains { $0.lowercased() == lower }
                    || accumulator.aliases.keys.contains { $0.lowercased() == lower }
            }
        }
        var unused: [UnusedCorrection] = []
        for rule in corrections.rules {
            switch rule {
            case .merge(let target, let names, let line):
                var targetKeys = keys(named: target)
                var sources: [EntityKey] = []
                for name in names {
                    let found = keys(named: name)
                    if found.isEmpty { unused.append(UnusedCorrection(name: name, line: line)) }
                    sources += found
                }
                if targetKeys.isEmpty {
                    guard let first = sources.first else {
                        unused.append(UnusedCorrection(name: target, line: line))
                        continue
                    }
                    targetKeys = [first]
                }
                let targetKey = targetKeys[0]
                labelOverride[targetKey] = target
                for key in Set(sources + targetKeys.dropFirst()) where key != targetKey {
                    guard let source = accumulators[key], var merged = accumulators[targetKey] else { continue }
                    for (name, count) in source.aliases { merged.aliases[name, default: 0] += count }
                    merged.mentions += source.mentions
                    merged.documents.formUnion(source.documents)
                    accumulators[targetKey] = merged
                    accumulators[key] = nil
                    redirect[key] = targetKey
                }
            case .rename(let from, let to, let line):
                let found = keys(named: from)
                if found.isEmpty { unused.append(UnusedCorrection(name: from, line: line)) }
                for key in found { labelOverride[key] = to }
            case .setType(let name, let type, let line):
                let found = keys(named: name)
                if found.isEmpty { unused.append(UnusedCorrection(name: name, line: line)) }
                for key in found { accumulators[key]?.type = type }
            case .drop(let name, let line):
                let found = keys(named: name).filter { key in
                    accumulators[key]?.labels.keys.contains { $0.lowercased() == name.lowercased() } ?? false
                }
                for key in found { accumulators[key] = nil }
                _ = line  // unused drops are found from the mentions, which carry the name
            case .split:
                break
            }
        }
        // Redirects may chain (A merged into B, B into C): follow them to the end.
        for key in redirect.keys {
            var target = redirect[key] ?? key
            var hops = 0
            while let next = redirect[target], hops < redirect.count {
                target = next
                hops += 1
            }
            redirect[key] = target
        }
        for (key, label) in labelOverride where accumulators[key] != nil {
            let total = accumulators[key]?.mentions ?? 0
            accumulators[key]?.labels = [label: total + 1]
        }
        return unused
    }

    /// What one run of documents adds up: whole names' accumulators and one-word names.
    struct Tally: Sendable {
        var accumulators: [EntityKey: Accumulator] = [:]
        var singles: [OneWordName: SingleName] = [:]
    }

    /// A one-word name over the corpus: whether an honorific ever came with it, its mentions,
    /// and the types a tagger read its bare mentions as.
    struct SingleName: Sendable {
        var honorific = false
        var mentions = 0
        var fallbackVotes: [EntityType: Int] = [:]

        /// Adds another sighting, or another run's total, of the same name.
        mutating func absorb(_ other: SingleName) {
            honorific = honorific || other.honorific
            mentions += other.mentions
            fallbackVotes.merge(other.fallbackVotes, uniquingKeysWith: +)
        }
    }

    /// Runs of consecutive documents, a few per core, for adding up in parallel.
    static func runs(of count: Int) -> [Range<Int>] {
        let pieces = count < 1_000 ? 1 : 2 * ProcessInfo.processInfo.activeProcessorCount
        return (0..<pieces).map { count * $0 / pieces..<count * ($0 + 1) / pieces }
    }

    /// Adds accumulators of later documents to `accumulators`; an entity already there
    /// keeps its type.
    static func add(_ later: [EntityKey: Accumulator], to accumulators: inout [EntityKey: Accumulator]) {
        for (key, addition) in later {
            if accumulators[key] == nil {
                accumulators[key] = addition
            } else {
                accumulators[key]?.absorb(addition)
            }
        }
    }

    func add(_ entity: LocalEntity, to accumulator: inout Accumulator, document: Int) {
        accumulator.labels[entity.label, default: 0] += entity.mentions
        for (alias, count) in entity.aliases { accumulator.aliases[alias, default: 0] += count }
        accumulator.mentions += entity.mentions
        accumulator.documents.insert(document)
    }

    func dominant(_ pool: [EntityKey], _ accumulators: [EntityKey: Accumulator]) -> EntityKey? {
        guard pool.count > 1 else { return pool.first }
        let counts = pool.map { (key: $0, count: accumulators[$0]?.mentions ?? 0) }
        let total = counts.reduce(0) { $0 + $1.count }
        guard let best = counts.max(by: { $0.count != $1.count ? $0.count < $1.count : $0.key > $1.key }), total > 0 else {
            return nil
        }
        return Double(best.count) >= dominance * Double(total) ? best.key : nil
    }

    func bestLabel(_ accumulator: Accumulator) -> String {
        let candidates = accumulator.labels.filter { accumulator.type != .person || $0.key.contains(" ") }
        let pool = candidates.isEmpty ? accumulator.labels : candidates
        return pool.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key ?? ""
    }

    /// A lower-case ASCII identifier for a label: "Élysée Palace" → "elysee-palace".
    ///
    /// - Complexity: O(n) in the length of the label.
    public static func slug(_ label: String) -> String {
        // Folding leaves ASCII as it is but for case, so an ASCII label skips Foundation.
        let folded =
            label.utf8.allSatisfy { $0 < 0x80 }
            ? label.lowercased() : label.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var out = ""
        var pendingDash = false
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingDash, !out.isEmpty { out += "-" }
                pendingDash = false
                out.unicodeScalars.append(scalar)
            } else if scalar != "'" && scalar != "." {
                pendingDash = true
            }
        }
        return out.isEmpty ? "entity" : out
    }
}
