import Corpus
import Foundation
import PlexusSupport
import RelationExtraction

/// The kind of a GUM entity mention that the named-entity figures score.
public enum GUMEntityKind: String, Sendable, Codable, CaseIterable {
    /// GUM `person`.
    case person
    /// GUM `organization` (a country acting as a state is annotated so too).
    case organization
    /// GUM `place` (countries, cities, regions).
    case place
}

/// One named mention of a GUM document: a span whose cluster is linked to a Wikipedia
/// title and which holds a proper noun.
public struct GUMNamedMention: Sendable, Equatable {
    /// Unicode-scalar span in the rebuilt document text.
    public var range: Range<Int>
    /// The text of the span.
    public var surface: String
    /// The English Wikipedia title the annotators linked the mention to.
    public var identity: String
    /// Person, organisation or place.
    public var kind: GUMEntityKind
}

/// A GUM document as Plexus reads it: the text rebuilt from the tokens (headings and
/// paragraphs on their own lines), the named mentions scored, and the spans of every other
/// annotated mention (events, descriptions, unlinked names), which are neither right nor
/// wrong for Plexus to find.
public struct GUMDocument: Sendable {
    /// The document, ready for a build.
    public var document: Document
    /// The named person, organisation and place mentions.
    public var namedMentions: [GUMNamedMention]
    /// Spans of the annotated mentions that are not scored.
    public var otherMentions: [Range<Int>]
}

/// Reads GUM's CoNLL-U files (UD trees plus `Entity=` brackets in the MISC column).
///
/// The text is rebuilt from the word forms, with a space after each unless `SpaceAfter=No`
/// (on the word or on the multiword token that holds it), sentences joined by a space, and a
/// blank line at each `# newpar` and after a sentence with no final punctuation (a heading
/// or a caption, a block of its own on the page). A mention opens at `(GRP-etype-…[-identity]` and closes at
/// `GRP)` on a later (or the same) word; mentions nest.
public enum GUMReader {
    /// Every `*.conllu` file of `folder`, in name order.
    ///
    /// - Throws: ``CoNLLUError`` naming the folder or the first malformed file and line.
    public static func read(folder: String) throws -> [GUMDocument] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".conllu") }.sorted()
        } catch {
            throw CoNLLUError(path: folder, line: nil, reason: "not a readable folder")
        }
        guard !names.isEmpty else { throw CoNLLUError(path: folder, line: nil, reason: "holds no .conllu file") }
        return try names.map { try read(file: (folder as NSString).appendingPathComponent($0)) }
    }

    /// One GUM file.
    ///
    /// - Throws: ``CoNLLUError`` for an unreadable file, a word line without ten columns,
    ///   or an entity bracket that never closes.
    public static func read(file path: String) throws -> GUMDocument {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CoNLLUError(path: path, line: nil, reason: "cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CoNLLUError(path: path, line: nil, reason: "is not UTF-8")
        }
        return try parse(text, path: path)
    }

    /// Parses the text of one GUM file.
    ///
    /// - Complexity: O(n) in the length of `text`.
    public static func parse(_ text: String, path: String) throws -> GUMDocument {
        struct Open {
            var start: Int
            var fields: [Substring]
            var line: Int
        }
        struct Closed {
            var range: Range<Int>
            var fields: [Substring]
            var hasProperNoun: Bool
        }
        var plain = String.UnicodeScalarView()
        var title: String?
        var date: String?
        var id = (path as NSString).lastPathComponent
        var open: [Substring: [Open]] = [:]
        var closed: [Closed] = []
        var properNounStarts: [Int] = []
        var pendingSpace = false
        var multiwordEnd = 0
        var multiwordSpace = true
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.hasPrefix("#") {
                if line.hasPrefix("# newdoc id = ") { id = String(line.dropFirst("# newdoc id = ".count)) }
                if line.hasPrefix("# meta::title = ") { title = String(line.dropFirst("# meta::title = ".count)) }
                if line.hasPrefix("# meta::dateCreated = ") { date = String(line.dropFirst("# meta::dateCreated = ".count)) }
                if line == "# newpar" || line.hasPrefix("# newpar ") {
                    if !plain.isEmpty { plain.append(contentsOf: "\n\n".unicodeScalars) }
                    pendingSpace = false
                }
                continue
            }
            if line.isEmpty {
                // A sentence without a full stop (a heading, a caption) was a block of its own
                // on the page, not the start of the sentence after it.
                if let last = plain.last, !".!?\"'”’)".unicodeScalars.contains(last) {
                    plain.append(contentsOf: "\n\n".unicodeScalars)
                    pendingSpace = false
                }
                continue
            }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count == 10 else {
                throw CoNLLUError(
                    path: path, line: lineNumber, reason: "a word line needs 10 tab-separated columns, not \(columns.count)")
            }
            let index = columns[0]
            if index.contains(".") { continue }
            let misc = columns[9]
            let noSpaceAfter = misc.split(separator: "|").contains("SpaceAfter=No")
            if let dash = index.firstIndex(of: "-") {
                multiwordEnd = Int(index[index.index(after: dash)...]) ?? 0
                multiwordSpace = !noSpaceAfter
                continue
            }
            let word = Int(index) ?? 0
            if pendingSpace { plain.append(" ") }
            let start = plain.count
            plain.append(contentsOf: columns[1].unicodeScalars)
            let end = plain.count
            if columns[3] == "PROPN" { properNounStarts.append(start) }
            if word < multiwordEnd {
                pendingSpace = false
            } else if word == multiwordEnd {
                pendingSpace = multiwordSpace
                multiwordEnd = 0
            } else {
                pendingSpace = !noSpaceAfter
            }
            for item in misc.split(separator: "|") where item.hasPrefix("Entity=") {
                try readBrackets(item.dropFirst("Entity=".count)) { group, fields in
                    if let fields {
                        open[group, default: []].append(Open(start: start, fields: fields, line: lineNumber))
                    } else {
                        guard let opened = open[group]?.popLast() else {
                            throw CoNLLUError(path: path, line: lineNumber, reason: "entity \(group) closes without opening")
                        }
                        closed.append(Closed(range: opened.start..<end, fields: opened.fields, hasProperNoun: false))
                    }
                }
            }
        }
        if let unclosed = open.values.flatMap({ $0 }).min(by: { $0.line < $1.line }) {
            throw CoNLLUError(path: path, line: unclosed.line, reason: "entity \(unclosed.fields[0]) never closes")
        }
        let scalars = Array(plain)
        var named: [GUMNamedMention] = []
        var others: [Range<Int>] = []
        for mention in closed.sorted(by: { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }) {
            // GRP-etype-infstat-salience-centering-minspan-link[-identity]
            let kind = mention.fields.count > 1 ? GUMEntityKind(rawValue: String(mention.fields[1])) : nil
            let identity = mention.fields.count > 7 ? String(mention.fields[7]) : ""
            let holdsProperNoun = properNounStarts.contains { mention.range.contains($0) }
            if let kind, !identity.isEmpty, holdsProperNoun {
                named.append(
                    GUMNamedMention(
                        range: mention.range, surface: String(scalars: scalars[mention.range]), identity: identity,
                        kind: kind))
            } else {
                others.append(mention.range)
            }
        }
        let document = Document(id: id, path: path, title: title, date: date, text: String(plain))
        return GUMDocument(document: document, namedMentions: named, otherMentions: others)
    }

    /// Calls `body` for each bracket of an `Entity=` value, in order: `(group, fields)` for an
    /// opening one, `(group, nil)` for a closing one (a one-word mention gives both).
    private static func readBrackets(_ value: Substring, _ body: (Substring, [Substring]?) throws -> Void) throws {
        var rest = value
        while !rest.isEmpty {
            if rest.first == "(" {
                rest = rest.dropFirst()
                let end = rest.firstIndex { $0 == "(" || $0 == ")" } ?? rest.endIndex
                let fields = rest[..<end].split(separator: "-", maxSplits: 7, omittingEmptySubsequences: false)
                let group = fields.first ?? ""
                try body(group, fields)
                rest = rest[end...]
                if rest.first == ")" {
                    try body(group, nil)
                    rest = rest.dropFirst()
                }
            } else {
                let end = rest.firstIndex { $0 == "(" || $0 == ")" } ?? rest.endIndex
                let group = rest[..<end]
                rest = rest[end...]
                if rest.first == ")" {
                    try body(group, nil)
                    rest = rest.dropFirst()
                }
            }
        }
    }
}

/// How Plexus's resolved entities cluster GUM's named mentions.
public struct GUMEntityReport: Sendable, Codable {
    /// B-cubed over all documents together: a mention's cluster is its entity in the corpus.
    public var acrossDocuments: BCubed
    /// B-cubed with each document's clusters apart (within-document resolution only).
    public var withinDocuments: BCubed
    /// Gold named mentions.
    public var namedMentions: Int
    /// Gold named mentions that a found mention overlaps.
    public var namedMentionsFound: Int
    /// `namedMentionsFound / namedMentions`.
    public var namedMentionRecall: Double
    /// Found mentions that overlap no annotated mention at all.
    public var spuriousMentions: Int
    /// Gold entities whose mentions Plexus split over several entities, worst first.
    public var splits: [String]
    /// Plexus entities that hold mentions of several gold entities, worst first.
    public var merges: [String]
    /// Gold named mentions no found mention overlaps, by surface, most frequent first.
    public var missed: [String]

    /// B-cubed precision, recall and F1.
    public struct BCubed: Sendable, Codable {
        public var precision: Double
        public var recall: Double
        public var f1: Double
    }
}

/// Scores resolved mentions against GUM's named mentions.
///
/// Pairing and B-cubed are ``ClusteringScore``'s (overlapping spans, the closest span
/// first, as GUM's mentions nest; a missed gold mention is a singleton of its own). A found mention that overlaps
/// only unscored annotations (an event, a description, an unlinked name) is left out: GUM
/// annotates every mention, so only a found mention that overlaps nothing is spurious.
public enum GUMEntityEvaluation {
    /// One found mention: document index, span and the label of its resolved entity.
    public typealias Found = ClusteringScore.Item

    /// Builds `documents` as one corpus with `builder` and scores its resolved mentions.
    ///
    /// - Complexity: a build of the documents, then ``score(_:found:)``.
    public static func evaluate(_ documents: [GUMDocument], builder: GraphBuilder) -> GUMEntityReport {
        let built = builder.build(documents.map(\.document))
        let found = built.documentMentions.enumerated().flatMap { index, mentions in
            let scalars = Array(documents[index].document.text.unicodeScalars)
            return mentions.map { mention in
                Found(
                    document: index, range: mention.range, cluster: built.graph.nodes[mention.node].label,
                    surface: String(scalars: scalars[mention.range]))
            }
        }
        return score(documents, found: found)
    }

    /// Scores `found` (document indices into `documents`).
    ///
    /// - Complexity: O(M²) per document for pairing, M the mentions.
    public static func score(_ documents: [GUMDocument], found: [Found]) -> GUMEntityReport {
        var gold: [ClusteringScore.Item] = []
        for (index, document) in documents.enumerated() {
            for mention in document.namedMentions {
                gold.append(
                    ClusteringScore.Item(document: index, range: mention.range, cluster: mention.identity, surface: mention.surface))
            }
        }
        func overlaps(_ a: Range<Int>, _ b: Range<Int>) -> Bool { a.lowerBound < b.upperBound && b.lowerBound < a.upperBound }
        var kept: [ClusteringScore.Item] = []
        var spurious = 0
        for item in found where documents.indices.contains(item.document) {
            let document = documents[item.document]
            if document.namedMentions.contains(where: { overlaps($0.range, item.range) }) {
                kept.append(item)
            } else if !document.otherMentions.contains(where: { overlaps($0, item.range) }) {
                kept.append(item)
                spurious += 1
            }
        }
        // Pairing reads spans only: one pairing serves both clusterings and the lists below.
        let pairs = ClusteringScore.pairs(gold: gold, predicted: kept, pairing: .closestSpan)
        let across = ClusteringScore.score(gold: gold, predicted: kept, pairs: pairs)
        func local(_ items: [ClusteringScore.Item]) -> [ClusteringScore.Item] {
            items.map { item in
                var copy = item
                copy.cluster = "\(item.document)\u{1}\(item.cluster)"
                return copy
            }
        }
        let within = ClusteringScore.score(gold: local(gold), predicted: local(kept), pairs: pairs)

        // The scorer's pairs, for the lists of splits, merges and misses.
        var pairedLabel = [String?](repeating: nil, count: gold.count)
        for pair in pairs {
            pairedLabel[pair.gold] = kept[pair.predicted].cluster
        }
        var byIdentity: [String: [String: Int]] = [:]
        var byLabel: [String: [String: Int]] = [:]
        var missedSurfaces: [String: Int] = [:]
        for (g, item) in gold.enumerated() {
            guard let label = pairedLabel[g] else {
                missedSurfaces[item.surface, default: 0] += 1
                continue
            }
            byIdentity[item.cluster, default: [:]][label, default: 0] += 1
            byLabel[label, default: [:]][item.cluster, default: 0] += 1
        }
        func describe(_ groups: [String: [String: Int]], _ joiner: String) -> [String] {
            groups.filter { $0.value.count > 1 }
                .sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }
                .map { key, parts in
                    let shown = parts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key) (\($0.value))" }
                    return "\(key) \(joiner) " + shown.joined(separator: ", ")
                }
        }
        let found = gold.count - missedSurfaces.values.reduce(0, +)
        return GUMEntityReport(
            acrossDocuments: .init(precision: across.bCubedPrecision, recall: across.bCubedRecall, f1: across.bCubedF1),
            withinDocuments: .init(precision: within.bCubedPrecision, recall: within.bCubedRecall, f1: within.bCubedF1),
            namedMentions: gold.count, namedMentionsFound: found,
            namedMentionRecall: gold.isEmpty ? 0 : Double(found) / Double(gold.count),
            spuriousMentions: spurious,
            splits: describe(byIdentity, "split into"),
            merges: describe(byLabel, "holds"),
            missed: missedSurfaces.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key) (\($0.value))" })
    }
}
