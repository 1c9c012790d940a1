import CPrefetch
import Foundation
import PlexusSupport

/// A greedy averaged-perceptron sequence tagger (Collins 2002), used for named entities,
/// parts of speech and chunks.
///
/// Why this model: it tags left to right with the two previous predictions as features,
/// so it needs no Viterbi search and costs O(features) per token; with rich, hashed features and averaging it is within a few points of CRFs on
/// CoNLL-2003, and training is deterministic (fixed shuffling seed, integer updates), so the
/// same data always gives the same model bytes.
///
/// The weights are stored sparsely: for each hashed feature, only the classes with a
/// non-negligible averaged weight. Look-ups go through an open-addressing table.
public struct SequenceTagger: Sendable {
    /// The tag set, in model order.
    public let tags: [String]
    /// Whether the model reads a second column (part-of-speech tags for the chunker).
    public let usesExtra: Bool
    /// What unlabelled news says about words, learned with the model; `nil` when not used.
    public let profile: WordProfile?
    /// The tags each training word was seen with (the part-of-speech tagger's); `nil` when not used.
    package let lexicon: TagLexicon?
    /// One slot of the open-addressing table: the feature key (0 = empty), where its
    /// entries start in the weights, how many there are, and its row of ``dense`` plus one
    /// (0 when it has none).
    ///
    /// Kept in one 16-byte record so a look-up touches one cache line.
    package struct Slot {
        package var key: UInt64
        package var start: Int32
        package var count: Int16
        var denseRow: UInt16 = 0

        init(key: UInt64, start: Int32, count: Int16) {
            self.key = key
            self.start = start
            self.count = count
        }
    }

    /// Which tag may follow which under IOBES (see ``TagTransitions``).
    let transitions: TagTransitions
    package let table: [Slot]
    /// One weight of a feature: its class and value, side by side so that reading a feature's
    /// weights touches one array, not two.
    package struct Entry {
        package var cls: UInt32
        package var weight: Float
    }

    /// The weights, when some are not exact as packed entries (models being trained), else empty.
    let entries: [Entry]
    /// The weights of a model whose weights are all 16-bit floats (every model read from a
    /// file), else empty: each entry is a weight's 32-bit float with its class in the low
    /// eight bits.
    ///
    /// A 16-bit float widened to 32 bits has its low thirteen bits zero, so the
    /// weight read back is exact, in half the bytes of ``Entry``.
    let packed: [UInt32]
    /// The weights of the features with the most weights (those every token reads), also as
    /// whole rows of ``denseWidth`` floats, zero where a class has no weight, added eight at
    /// a time (see ``accumulate(_:found:into:)``); empty for models being trained.
    let dense: [Float]
    /// The length of a row of ``dense`` and of the score buffer: the tag count rounded up to
    /// a multiple of eight.
    let denseWidth: Int
    let mask: Int

    /// Builds a tagger from sparse weights: for each feature key, (class, weight) pairs.
    ///
    /// - Parameter packing: whether weights that are all exact 16-bit floats are stored
    ///   packed (``packed``); tests turn it off to compare the two layouts.
    /// - Complexity: O(features + weights).
    package init(
        tags: [String], usesExtra: Bool, profile: WordProfile?, lexicon: TagLexicon? = nil,
        features: [(key: UInt64, entries: [(UInt8, Float)])],
        packing: Bool = true
    ) {
        var weights: [Entry] = []
        for feature in features { for (cls, weight) in feature.entries { weights.append(Entry(cls: UInt32(cls), weight: weight)) } }
        self.init(
            tags: tags, usesExtra: usesExtra, profile: profile, lexicon: lexicon, keys: features.map(\.key),
            counts: features.map { Int32($0.entries.count) }, weights: weights, packing: packing)
    }

    /// Builds a tagger from flat arrays: each feature's key and weight count, and all
    /// weights in feature order (the layout of a model file, read without a per-feature
    /// allocation, which took most of a model's load time).
    ///
    /// - Complexity: O(features + weights).
    init(
        tags: [String], usesExtra: Bool, profile: WordProfile?, lexicon: TagLexicon?, keys: [UInt64], counts: [Int32],
        weights: [Entry], packing: Bool
    ) {
        self.tags = tags
        self.usesExtra = usesExtra
        self.profile = profile
        self.lexicon = lexicon
        self.transitions = TagTransitions(tags: tags)
        var capacity = 16
        // At most two thirds full: linear probing stays within a cache line or two, and the
        // table takes half the memory it took at most half full (8 MB, not 16, for the
        // part-of-speech and chunk models).
        while capacity * 2 < keys.count * 3 { capacity <<= 1 }
        let mask = capacity - 1
        var table = [Slot](repeating: Slot(key: 0, start: 0, count: 0), count: capacity)
        var entries: [Entry] = []
        // The features with the most weights go first, into the table and the weights: they
        // are the ones every token reads (on BBC news, 4,000 of the entity model's 113,000
        // features make 90% of the look-ups), so they take their own table slots, not the
        // next free one, and their weights fill whole cache lines together. The look-ups and
        // sums are the same whatever the order.
        // A counting sort by weight count (most first, file order within a count): the order a
        // comparison sort gives, in linear time, which matters at load (a tenth of it).
        var starts = [Int](repeating: 0, count: keys.count)
        var byCount = [[Int]](repeating: [], count: Int(counts.max() ?? 0) + 1)
        var total = 0
        for index in keys.indices {
            byCount[Int(counts[index])].append(index)
            starts[index] = total
            total += Int(counts[index])
        }
        entries.reserveCapacity(total)
        let order = byCount.reversed().joined()
        for index in order {
            let key = keys[index] == 0 ? 1 : keys[index]
            let count = Int(counts[index])
            var slot = Int(truncatingIfNeeded: key) & mask
            while table[slot].key != 0 { slot = (slot + 1) & mask }
            table[slot] = Slot(key: key, start: Int32(entries.count), count: Int16(count))
            entries.append(contentsOf: weights[starts[index]..<(starts[index] + count)])
        }
        self.mask = mask
        self.denseWidth = (tags.count + 7) / 8 * 8
        if packing && entries.allSatisfy({ $0.weight.bitPattern & 0xFF == 0 }) {
            self.packed = entries.map { $0.weight.bitPattern | $0.cls }
            self.entries = []
            self.dense = Self.denseRows(table: &table, entries: entries, tagCount: tags.count, width: denseWidth)
        } else {
            self.packed = []
            self.entries = entries
            self.dense = []
        }
        self.table = table
    }

    /// A feature gets a dense row when it has at least this share of the tags as weights:
    /// then a row costs at most twice its packed weights, and is added in a few vector steps.
    static let denseShare = 0.5

    /// Rows of `width` floats for the features with the most weights, marking their slots;
    /// at most 65,535 rows (the slot keeps the row in 16 bits).
    ///
    /// - Complexity: O(table size + rows · width).
    private static func denseRows(table: inout [Slot], entries: [Entry], tagCount: Int, width: Int) -> [Float] {
        let least = max(2, Int((Double(tagCount) * denseShare).rounded(.up)))
        var rows: [Float] = []
        var made = 0
        for position in table.indices where table[position].key != 0 && Int(table[position].count) >= least {
            guard made < Int(UInt16.max) else { break }
            let first = Int(table[position].start)
            let weights = entries[first..<(first + Int(table[position].count))]
            // Each class at most once, so the row holds each weight as the loop would add it.
            guard Set(weights.map(\.cls)).count == weights.count else { continue }
            let start = rows.count
            rows.append(contentsOf: repeatElement(0, count: width))
            for entry in weights { rows[start + Int(entry.cls)] = entry.weight }
            made += 1
            table[position].denseRow = UInt16(made)
        }
        return rows
    }

    /// The class and weight of entry `index`, whichever way the weights are stored.
    @inline(__always)
    package func entry(_ index: Int) -> Entry {
        if packed.isEmpty { return entries[index] }
        let bits = packed[index]
        return Entry(cls: bits & 0xFF, weight: Float(bitPattern: bits & ~0xFF))
    }

    /// Adds the weights of `features` to `scores`, using `found` as scratch space for the
    /// table slots of the features the model knows.
    ///
    /// The tables are far larger than the processor's caches, so the time goes in waiting
    /// for memory. Hence three passes: ask for every feature's table slot at once
    /// (``plexus_prefetch``), then look the slots up and ask for their weights, then add the
    /// weights. With the three interleaved, each read waits for the one before it. The
    /// weights are added in a fixed order, so the sums, and the tags, do not depend on it.
    ///
    /// Models read from a file add ``packed`` weights: half the bytes to fetch, so more of
    /// them stay in the cache. The two layouts have a loop each, because one generic loop
    /// specialised for both was slower (figures in docs/DESIGN-NOTES.md).
    ///
    /// - Complexity: O(features + weights found).
    @inline(__always)
    func accumulate(_ features: [UInt64], found: inout [Slot], into scores: inout [Float]) {
        found.removeAll(keepingCapacity: true)
        if packed.isEmpty {
            entries.withUnsafeBufferPointer { entries in
                guard let base = entries.baseAddress else { return }
                findSlots(features, prefetching: UnsafeRawPointer(base), stride: MemoryLayout<Entry>.stride, into: &found)
                scores.withUnsafeMutableBufferPointer { scores in
                    for slot in found {
                        let start = Int(slot.start)
                        for index in start..<(start + Int(slot.count)) {
                            scores[Int(entries[index].cls)] += entries[index].weight
                        }
                    }
                }
            }
        } else {
            let width = denseWidth
            packed.withUnsafeBufferPointer { packed in
                dense.withUnsafeBufferPointer { dense in
                    guard let base = packed.baseAddress else { return }
                    findSlots(features, prefetching: UnsafeRawPointer(base), stride: MemoryLayout<UInt32>.stride, into: &found)
                    scores.withUnsafeMutableBufferPointer { scores in
                        guard let scoreBase = scores.baseAddress else { return }
                        for slot in found {
                            if slot.denseRow != 0, let rowBase = dense.baseAddress {
                                // A whole row, eight classes a step. Each class still adds
                                // its weights in feature order, and adding a zero leaves a
                                // sum as it was, so the scores are those of the loop below.
                                let row = UnsafeRawPointer(rowBase + (Int(slot.denseRow) - 1) * width)
                                let sums = UnsafeMutableRawPointer(scoreBase)
                                var offset = 0
                                while offset < width * 4 {
                                    let sum =
                                        sums.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
                                        + row.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
                                    sums.storeBytes(of: sum, toByteOffset: offset, as: SIMD8<Float>.self)
                                    offset += 32
                                }
                                continue
                            }
                            let start = Int(slot.start)
                            for index in start..<(start + Int(slot.count)) {
                                let bits = packed[index]
                                scores[Int(bits & 0xFF)] += Float(bitPattern: bits & ~0xFF)
                            }
                        }
                    }
                }
            }
        }
    }

    /// Appends the table slots of the `features` the model knows to `found`, in feature
    /// order, asking for each one's first weight at `weights` as it is found.
    @inline(__always)
    private func findSlots(_ features: [UInt64], prefetching weights: UnsafeRawPointer, stride: Int, into found: inout [Slot]) {
        table.withUnsafeBufferPointer { table in
            guard let tableBase = table.baseAddress else { return }
            for raw in features { plexus_prefetch(tableBase + (Int(truncatingIfNeeded: raw == 0 ? 1 : raw) & mask)) }
            for raw in features {
                let key = raw == 0 ? 1 : raw
                var slot = Int(truncatingIfNeeded: key) & mask
                while true {
                    let candidate = table[slot]
                    if candidate.key == key {
                        plexus_prefetch(weights + Int(candidate.start) * stride)
                        found.append(candidate)
                        break
                    }
                    if candidate.key == 0 { break }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    /// Tags one sentence.
    ///
    /// - Parameters:
    ///   - words: the tokens.
    ///   - extra: the second column (part-of-speech tags) when the model uses one.
    /// - Complexity: O(n · f) for n tokens and f features per token.
    public func tag(_ words: [String], extra: [String]? = nil) -> [String] {
        tagDocument([words], extras: extra.map { [$0] }).first ?? []
    }

    /// Tags the sentences of one document in order, so each can use what the tagger found
    /// for the same words earlier in the document.
    ///
    /// - Complexity: O(total tokens · features).
    public func tagDocument(_ sentences: [[String]], extras: [[String]]? = nil) -> [[String]] {
        let facts = documentFacts(sentences, extras: extras)
        var history = DocumentHistory()
        return facts.map { tagIndices($0, history: &history).map { tags[$0] } }
    }

    /// The token facts of a document's sentences, with the document cues marked.
    private func documentFacts(_ sentences: [[String]], extras: [[String]]?) -> [[TokenFacts]] {
        let cache = WordFactsCache.forCurrentThread(key: profile?.factsCacheKey ?? "plexus.tagger.facts.no-profile")
        var facts = sentences.enumerated().map { index, words in
            TaggerFeatures.facts(
                for: words, extra: usesExtra ? extras?[index] : nil, profile: profile, lexicon: lexicon, cache: &cache.facts)
        }
        TaggerFeatures.addDocumentCues(&facts)
        return facts
    }

    /// Tags the sentences of one document as ``tagDocument(_:extras:)`` does and returns, for
    /// each token, the score of every tag (in ``tags`` order) when the greedy pass reached it:
    /// what ``BidirectionalTagger`` combines with a right-to-left model.
    ///
    /// - Complexity: O(total tokens · (features + tags)).
    public func scoreDocument(_ sentences: [[String]], extras: [[String]]? = nil) -> [[[Float]]] {
        let facts = documentFacts(sentences, extras: extras)
        var history = DocumentHistory()
        return facts.map { sentence in
            var scores: [[Float]]? = []
            _ = tagIndices(sentence, history: &history, scoresOut: &scores)
            return scores ?? []
        }
    }

    /// Tags one sentence's token facts (with two boundary entries each side).
    func tagIndices(_ facts: [TokenFacts], history: inout DocumentHistory) -> [Int] {
        var unused: [[Float]]?
        return tagIndices(facts, history: &history, scoresOut: &unused)
    }

    /// Tags one sentence's token facts, appending each token's tag scores to `scoresOut` when
    /// it is not `nil`.
    func tagIndices(_ facts: [TokenFacts], history: inout DocumentHistory, scoresOut: inout [[Float]]?) -> [Int] {
        let count = facts.count - 4
        guard count > 0 else { return [] }
        var result: [Int] = []
        result.reserveCapacity(count)
        extend(&result, through: count - 1, facts: facts, history: history, scoresOut: &scoresOut)
        history.record(facts: facts, tags: result, names: tags)
        return result
    }

    /// Tags the tokens after those in `result`, up to and including `last`, left to right: a
    /// token's tag depends on the words around it and the two tags before it, so tagging a
    /// sentence a stretch at a time gives the tags tagging it whole does.
    private func extend(
        _ result: inout [Int], through last: Int, facts: [TokenFacts], history: DocumentHistory, scoresOut: inout [[Float]]?
    ) {
        let count = facts.count - 4
        guard result.count <= last, last < count else { return }
        var features: [UInt64] = []
        features.reserveCapacity(128)
        var found: [Slot] = []
        found.reserveCapacity(128)
        // As long as a dense row, so rows add whole; the classes past the tags stay zero.
        var scores = [Float](repeating: 0, count: denseWidth)
        var previous = result.last ?? -1
        var beforePrevious = result.count >= 2 ? result[result.count - 2] : -1
        for i in result.count...last {
            let remembered = history.feature(for: facts[i + 2])
            TaggerFeatures.features(
                facts, i, previous: previous, beforePrevious: beforePrevious, usesExtra: usesExtra, history: remembered, into: &features)
            for c in scores.indices { scores[c] = 0 }
            accumulate(features, found: &found, into: &scores)
            if scoresOut != nil { scoresOut?.append(Array(scores[0..<tags.count])) }
            let best = transitions.best(scores, previous: previous, last: i == count - 1)
            result.append(best)
            beforePrevious = previous
            previous = best
        }
    }

    /// A sentence on its own (a document of one sentence), ready to be tagged a stretch at a
    /// time with ``tag(_:through:)``.
    ///
    /// - Complexity: O(n) for n words: their facts, not yet their tags.
    public func startTagging(_ words: [String], extra: [String]? = nil) -> PartialTagging {
        PartialTagging(facts: documentFacts([words], extras: extra.map { [$0] })[0])
    }

    /// Tags `tagging`'s sentence up to and including word `last`, where not yet tagged.
    ///
    /// Past the end means up to the end. Word for word, these are the tags ``tag(_:extra:)``
    /// gives.
    ///
    /// - Complexity: O(k · features) for the k words newly tagged.
    public func tag(_ tagging: inout PartialTagging, through last: Int) {
        var unused: [[Float]]?
        extend(
            &tagging.indices, through: min(last, tagging.count - 1), facts: tagging.facts, history: DocumentHistory(), scoresOut: &unused)
    }
}

/// A sentence tagged from its first word as far as asked so far (``SequenceTagger/startTagging(_:extra:)``):
/// a reader that decides from the tags of the first few words does not pay for the rest.
public struct PartialTagging: Sendable {
    /// The words' facts, with two boundary entries each side.
    let facts: [TokenFacts]
    /// The number of words in the sentence.
    public var count: Int { facts.count - 4 }
    /// Tag indices (into ``SequenceTagger/tags``) of the words tagged so far, from the first.
    public fileprivate(set) var indices: [Int] = []
}

/// The facts of words already seen on one thread with one word profile, kept across
/// documents: a word's facts depend only on the word and the profile, and computing them is
/// a large share of tagging time when they are not kept.
///
/// Keyed by the profile, not the model, so the candidate models of a training run share one cache.
///
/// Each thread has its own cache (in its thread dictionary), so no locking is needed and
/// results are the same whichever thread tags a document. Capped at 200,000 words, then
/// started afresh.
final class WordFactsCache {
    var facts: [String: TokenFacts] = [:]

    static func forCurrentThread(key: String) -> WordFactsCache {
        let dictionary = Thread.current.threadDictionary
        if let existing = dictionary[key] as? WordFactsCache {
            if existing.facts.count > 200_000 { existing.facts.removeAll(keepingCapacity: true) }
            return existing
        }
        let created = WordFactsCache()
        dictionary[key] = created
        return created
    }
}

/// What the tagger predicted for capitalised words earlier in a document: for each word,
/// counts of the entity types (tag without its B-/I- prefix) it received.
package struct DocumentHistory {
    private var counts: [UInt64: [UInt64: Int]] = [:]

    /// An empty history: the start of a document.
    package init() {}

    /// The hashed type most often given to this word before, or 0 when none.
    package func feature(for fact: TokenFacts) -> UInt64 {
        guard fact.flags & TokenFacts.capitalized != 0, let seen = counts[fact.lower] else { return 0 }
        return seen.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key ?? 0
    }

    /// Records a tagged sentence.
    package mutating func record(facts: [TokenFacts], tags: [Int], names: [String]) {
        for (i, tag) in tags.enumerated() {
            let fact = facts[i + 2]
            guard fact.flags & TokenFacts.capitalized != 0 else { continue }
            let name = names[tag]
            let type = name.count > 2 && name.dropFirst().first == "-" ? name.dropFirst(2) : Substring(name)
            counts[fact.lower, default: [:]][FeatureHash.of(type) | 1, default: 0] += 1
        }
    }
}

/// The tag sequences IOBES allows: I-X and E-X only after B-X or I-X; B-, S- and O never
/// after an open B- or I-; no chunk left open at the end of a sentence.
///
/// Greedy decoding picks the best tag that keeps the sequence valid, so a span cannot start
/// as one type and end as another ("B-LOC E-ORG"), which cost about 170 spans on CoNLL dev.
/// Tag sets that are not IOBES (parts of speech) are unconstrained.
struct TagTransitions: Sendable {
    private let allowed: [Bool]  // (previous + 1) × count
    private let closesAtEnd: [Bool]
    private let count: Int
    private let constrained: Bool

    init(tags: [String]) {
        count = tags.count
        func split(_ tag: String) -> (prefix: Character?, type: Substring) {
            guard tag.count > 2, tag.dropFirst().first == "-", let first = tag.first, "BIES".contains(first) else {
                return (nil, Substring(tag))
            }
            return (first, tag.dropFirst(2))
        }
        let parsed = tags.map(split)
        constrained = parsed.contains { $0.prefix == "E" || $0.prefix == "S" }
        var allowed = [Bool](repeating: true, count: (tags.count + 1) * tags.count)
        for previous in -1..<tags.count {
            let before = previous >= 0 ? parsed[previous] : (prefix: nil, type: Substring(""))
            let open = before.prefix == "B" || before.prefix == "I"
            for current in tags.indices {
                let now = parsed[current]
                let continues = now.prefix == "I" || now.prefix == "E"
                allowed[(previous + 1) * tags.count + current] = continues ? (open && before.type == now.type) : !open
            }
        }
        self.allowed = allowed
        closesAtEnd = parsed.map { $0.prefix != "B" && $0.prefix != "I" }
    }

    /// Whether `current` may follow `previous` (-1 at the start of a sentence).
    @inline(__always)
    func allows(previous: Int, current: Int) -> Bool {
        !constrained || allowed[(previous + 1) * count + current]
    }

    /// Whether a sentence may end on `tag`.
    @inline(__always)
    func mayEnd(on tag: Int) -> Bool { !constrained || closesAtEnd[tag] }

    /// The highest-scoring tag allowed after `previous` (-1 at the start of a sentence).
    @inline(__always)
    func best(_ scores: [Float], previous: Int, last: Bool) -> Int {
        guard constrained else {
            var best = 0
            for c in 1..<count where scores[c] > scores[best] { best = c }
            return best
        }
        let row = (previous + 1) * count
        var best = -1
        for c in 0..<count where allowed[row + c] && (!last || closesAtEnd[c]) {
            if best < 0 || scores[c] > scores[best] { best = c }
        }
        return best >= 0 ? best : 0
    }
}

// MARK: - Model files

extension SequenceTagger: ModelFile {
    /// `PLXTAG5`: tagger models with weights as 16-bit floats, a word profile and a tag lexicon.
    public static let signature = ModelSignature("PLXTAG5\u{0}", kindLength: 6, kind: "tagger model", remedy: "plexus train-ner")

    /// Writes the body: a header (with the word profile and tag lexicon), the tags, then
    /// each feature (sorted by key) with its (class, weight) entries.
    ///
    /// The same model always gives the same bytes.
    ///
    /// Weights are written as 16-bit floats (half the bytes of 32-bit ones), so the four
    /// shipped tagger models stay within the 25 MB the repository allows. A model read back
    /// carries the rounded weights.
    public func writeBody(to out: inout BinaryWriter) {
        out.put(UInt8(usesExtra ? 1 : 0))
        if let profile {
            out.put(UInt8(1))
            profile.writeBody(to: &out)
        } else {
            out.put(UInt8(0))
        }
        if let lexicon {
            out.put(UInt8(1))
            lexicon.write(to: &out)
        } else {
            out.put(UInt8(0))
        }
        out.put(UInt32(tags.count))
        for tag in tags { out.put(tag, lengthAs: UInt16.self) }
        let used = table.filter { $0.key != 0 }.sorted { $0.key < $1.key }
        out.put(UInt32(used.count))
        for slot in used {
            out.put(slot.key)
            out.put(UInt8(slot.count))
            let start = Int(slot.start)
            for index in start..<(start + Int(slot.count)) {
                let entry = entry(index)
                out.put(UInt8(entry.cls))
                out.put(Float16(entry.weight).bitPattern)
            }
        }
    }

    /// Reads a body written by ``writeBody(to:)``.
    ///
    /// - Throws: ``ModelFileError`` for a body that is cut short or names a tag it lacks.
    /// - Complexity: O(size of the model).
    public init(readingBody reader: inout BinaryReader) throws {
        let path = reader.path
        let usesExtra = try reader.read(UInt8.self) == 1
        let profile = try reader.read(UInt8.self) == 1 ? try WordProfile(readingBody: &reader) : nil
        let lexicon = try reader.read(UInt8.self) == 1 ? try TagLexicon.read(from: &reader) : nil
        let tagCount = Int(try reader.read(UInt32.self))
        var tags: [String] = []
        for _ in 0..<tagCount { tags.append(try reader.readString(lengthAs: UInt16.self)) }
        let featureCount = Int(try reader.read(UInt32.self))
        let tagTotal = tags.count
        // One pass over the bytes in place (key, count, then class and 16-bit weight per entry).
        let (keys, counts, weights) = try reader.consume { raw -> (result: ([UInt64], [Int32], [Entry]), used: Int) in
            var keys = [UInt64](repeating: 0, count: featureCount)
            var counts = [Int32](repeating: 0, count: featureCount)
            var weights: [Entry] = []
            weights.reserveCapacity(featureCount * 2)
            var at = 0
            for feature in 0..<featureCount {
                guard at + 9 <= raw.count else { throw ModelFileError(path: path, reason: "model file is cut short") }
                keys[feature] = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self))
                let count = Int(raw[at + 8])
                counts[feature] = Int32(count)
                at += 9
                guard at + 3 * count <= raw.count else { throw ModelFileError(path: path, reason: "model file is cut short") }
                for _ in 0..<count {
                    let cls = raw[at]
                    guard Int(cls) < tagTotal else { throw ModelFileError(path: path, reason: "model refers to tag \(cls) of \(tagTotal)") }
                    let half = UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: at + 1, as: UInt16.self))
                    weights.append(Entry(cls: UInt32(cls), weight: Float(Float16(bitPattern: half))))
                    at += 3
                }
            }
            return ((keys, counts, weights), at)
        }
        self.init(
            tags: tags, usesExtra: usesExtra, profile: profile, lexicon: lexicon, keys: keys, counts: counts, weights: weights,
            packing: true)
    }
}
