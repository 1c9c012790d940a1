import Corpus
import Dispatch
import EntityRecognition
import PlexusGraph
import PlexusSupport

/// Builds a ``Graph`` from documents in named steps: analysis and per-document resolution
/// in parallel (``analyze(_:)``), the corpus-level merge of entities (``resolve(_:)``),
/// stance reading in parallel (``readStances(_:entities:)``), then co-mention counting and
/// assembly in document order.
public struct GraphBuilder: Sendable {
    /// Most evidence sentences kept per edge; the weight stays exact.
    public var evidenceLimit = 5
    /// A "sentence" naming more distinct entities than this is a list, a table or garbage:
    /// it gives no co-mention edges (pairs grow with the square of its entities), and the
    /// build counts it in ``Output/crowdedSentences``.
    public var maximumEntitiesPerSentence = 40
    /// Evidence longer than this many characters is clipped around the entities it shows.
    public var maximumEvidenceLength = 600
    /// A "sentence" of more tokens than this is not prose but a table, a list or text
    /// without full stops.
    ///
    /// Its mentions count, but it gives no co-mention edges and is not read for stances
    /// (whose cost grows with its length times its cues); the build counts it in
    /// ``Output/longSentences``. News sentences run to about 100 tokens.
    public var maximumTokensPerSentence = 200
    /// The analysis stage (tokenizer, sentence splitter, recogniser, syntax models).
    public var analyzer: DocumentAnalyzer
    /// The user's corrections from an alias file.
    public var corrections = AliasCorrections.none
    /// The stance reader; `nil` builds co-mention edges only.
    public var stances: DocumentStanceReader?
    /// Called from the worker threads each time a document has passed a step, for a progress
    /// display; it must be cheap and thread-safe.
    public var onDocumentDone: (@Sendable (BuildStep) -> Void)?

    /// The steps of a build that go document by document.
    public enum BuildStep: String, Sendable {
        /// Tokenising, tagging, recognising and resolving within the document.
        case analysis
        /// Reading stances (the parser runs here).
        case stances
    }

    /// Creates a builder from an analysis stage and, optionally, a stance reader.
    public init(analyzer: DocumentAnalyzer = DocumentAnalyzer(), stances: DocumentStanceReader? = nil) {
        self.analyzer = analyzer
        self.stances = stances
    }

    /// A builder with the shipped models: the chosen recogniser, and with `stances` the
    /// taggers (run only on the sentences the stance reader reads), the dependency parser
    /// (run by the stance reader on the sentences where it finds a stance) and the polarity
    /// model.
    ///
    /// - Throws: ``ModelFileError`` naming a shipped model that is missing or damaged.
    public static func shipped(recognizer: DocumentAnalyzer.RecognizerChoice = .combined, stances: Bool = true) throws -> GraphBuilder {
        guard stances else { return GraphBuilder(analyzer: try DocumentAnalyzer.shipped(recognizer, syntax: false)) }
        // The four models load on all cores at once (loading them one after another took
        // half a second, most of a small build); a failure is reported as loading them in
        // this order would report it.
        let loaded = ShippedLoads()
        DispatchQueue.concurrentPerform(iterations: 4) { task in
            switch task {
            case 0: loaded.analyzer = Result { try DocumentAnalyzer.shipped(recognizer, syntax: false) }
            case 1: loaded.extractor = Result { try StanceExtractor.shipped() }
            case 2: loaded.parser = Result { try ShippedModels.parser() }
            default: loaded.syntax = Result { try SyntaxModels.shipped() }
            }
        }
        guard let analyzer = loaded.analyzer, let extractor = loaded.extractor, let parser = loaded.parser,
            let syntax = loaded.syntax
        else { preconditionFailure("every load ran") }
        // The stance reader tags a sentence only where it reads the tags, and parses the few
        // sentences where it finds a stance; the analysis stage tags nothing.
        let analysis = try analyzer.get()
        let reader = DocumentStanceReader(extractor: try extractor.get(), parser: try parser.get(), syntax: try syntax.get())
        return GraphBuilder(analyzer: analysis, stances: reader)
    }

    /// The outcomes of loading the shipped models, each written by one thread of
    /// ``shipped(recognizer:stances:)`` and read after all are done, hence `@unchecked`.
    private final class ShippedLoads: @unchecked Sendable {
        var analyzer: Result<DocumentAnalyzer, any Error>?
        var extractor: Result<StanceExtractor, any Error>?
        var parser: Result<DependencyParser, any Error>?
        var syntax: Result<SyntaxModels, any Error>?
    }

    /// The result of a build: the graph and the figures a user sees.
    public struct Output: Sendable {
        /// The graph.
        public var graph: Graph
        /// Sentences analysed.
        public var sentences: Int
        /// Tokens analysed.
        public var tokens: Int
        /// Mentions resolved to an entity.
        public var mentions: Int
        /// For each document, its entities (node indices into `graph.nodes`) with mention counts.
        public var documentEntities: [[DocumentEntityCount]]
        /// For each document, every resolved mention: its scalar range in the text and its node index.
        public var documentMentions: [[ResolvedMention]]
        /// Alias-file names that matched nothing, with their lines.
        public var unusedCorrections: [UnusedCorrection]
        /// For each document, its stance findings before they were merged into edges; holders
        /// and entity targets are indices into `graph.nodes`.
        public var stanceFindings: [[PlacedFinding]] = []
        /// Noun phrases found by the chunker that recurred enough to become topic nodes.
        public var topicPhrases: Set<String> = []
        /// Sentences that named too many entities to give co-mention edges.
        public var crowdedSentences = 0
        /// Sentences too long to be prose, which gave no co-mention edges and no stances.
        public var longSentences = 0

        /// How many stance findings the documents gave.
        public var stanceFindingCount: Int { stanceFindings.reduce(0) { $0 + $1.count } }
    }

    /// A mention after resolution.
    public struct ResolvedMention: Sendable {
        /// Scalar offsets of the mention in the document's text.
        public var range: Range<Int>
        /// Index into `graph.nodes`.
        public var node: Int
    }

    /// How often one document mentions one entity, and how.
    public struct DocumentEntityCount: Sendable {
        /// Index into `graph.nodes`.
        public var node: Int
        /// Mentions in the document.
        public var mentions: Int
        /// Forms used in the document, most frequent first.
        public var aliases: [String]
    }

    /// One document after analysis and resolution within it.
    public struct AnalyzedEntities: Sendable {
        /// The analysis.
        public var analysis: AnalyzedDocument
        /// Its entities and which mention belongs to which.
        public var local: DocumentEntities
    }

    /// The entities of the whole corpus.
    public struct CorpusEntities: Sendable {
        /// The merged entity table (local entities mapped to corpus entities).
        public var table: EntityTable
        /// One node per corpus entity, in the table's order.
        public var nodes: [Node]
        /// For each node, the node a stance about it is about: a capital's country ("backing
        /// for Kyiv" is backing for Ukraine), otherwise itself.
        public var stanceNode: [Int]

        /// For each mention of a document, its node, or `nil` when it was dropped.
        func nodeOfMention(_ document: Int, _ local: DocumentEntities) -> [Int?] {
            local.mentionEntity.map { entity in entity.flatMap { table.localToGlobal[document][$0] } }
        }
    }

    /// The graph of a set of documents.
    ///
    /// - Complexity: O(total tokens + Σ k² over sentences with k entities).
    public func build(_ documents: [Document]) -> Output {
        let analyzed = analyze(documents)
        let entities = resolve(analyzed)
        let findings = stances.map { _ in readStances(analyzed, entities: entities) } ?? []
        return assemble(analyzed, entities: entities, findings: findings)
    }

    /// Step 1: every document analysed and its mentions resolved within it, in parallel.
    ///
    /// - Complexity: O(total tokens), spread over the cores.
    public func analyze(_ documents: [Document]) -> [AnalyzedEntities] {
        let analyzer = self.analyzer
        let corrections = self.corrections
        let onDocumentDone = self.onDocumentDone
        return parallelMap(documents) { document in
            let analysis = analyzer.analyze(document)
            let analyzed = AnalyzedEntities(analysis: analysis, local: EntityResolver(corrections: corrections).resolve(analysis))
            onDocumentDone?(.analysis)
            return analyzed
        }
    }

    /// Step 1 for documents analysed earlier (read from a store): each document's mentions
    /// resolved within it, with this builder's corrections, in parallel.
    ///
    /// - Complexity: O(total mentions · f), spread over the cores.
    public func resolveWithinDocuments(_ analyses: [AnalyzedDocument]) -> [AnalyzedEntities] {
        let corrections = self.corrections
        return parallelMap(analyses) { analysis in
            AnalyzedEntities(analysis: analysis, local: EntityResolver(corrections: corrections).resolve(analysis))
        }
    }

    /// The graph of documents analysed earlier, as ``build(_:)`` gives it for the same documents.
    ///
    /// Steps 2 to 4 after ``resolveWithinDocuments(_:)``.
    ///
    /// - Complexity: as ``build(_:)`` without the analysis.
    public func build(analysed analyses: [AnalyzedDocument]) -> Output {
        let analyzed = resolveWithinDocuments(analyses)
        let entities = resolve(analyzed)
        let findings = stances.map { _ in readStances(analyzed, entities: entities) } ?? []
        return assemble(analyzed, entities: entities, findings: findings)
    }

    /// Step 2: the documents' entities merged into the corpus's.
    ///
    /// - Complexity: O(local entities · log) plus the resolver's cost.
    public func resolve(_ analyzed: [AnalyzedEntities]) -> CorpusEntities {
        let table = CorpusResolver(corrections: corrections).merge(analyzed.map(\.local))
        let nodes = table.entities.map {
            Node(id: $0.id, label: $0.label, type: $0.type, aliases: $0.aliases, mentions: $0.mentions, documents: $0.documents)
        }
        var countryByLabel: [String: Int] = [:]
        for (index, node) in nodes.enumerated() where node.type == .country { countryByLabel[node.label] = index }
        let stanceNode: [Int] = nodes.indices.map { index in
            guard nodes[index].type == .location, let country = Roles.country(ofCapital: nodes[index].label) else { return index }
            return countryByLabel[country] ?? index
        }
        return CorpusEntities(table: table, nodes: nodes, stanceNode: stanceNode)
    }

    /// Step 3: the stance findings of every document, in parallel; holders and entity
    /// targets are indices into `entities.nodes`.
    ///
    /// - Complexity: O(total tokens), spread over the cores.
    public func readStances(_ analyzed: [AnalyzedEntities], entities: CorpusEntities) -> [[PlacedFinding]] {
        guard var configured = stances else { return [] }
        configured.maximumTokensPerSentence = maximumTokensPerSentence
        let reader = configured
        let onDocumentDone = self.onDocumentDone
        return parallelMap(Array(analyzed.indices)) { index -> [PlacedFinding] in
            let document = analyzed[index]
            let entityOfMention = entities.nodeOfMention(index, document.local).map { $0.map { entities.stanceNode[$0] } }
            let found = reader.findings(in: document.analysis, entityOfMention: entityOfMention, type: { entities.nodes[$0].type })
            onDocumentDone?(.stances)
            return found
        }
    }

    /// Step 4: co-mention edges counted, stance findings merged into edges and topic nodes,
    /// and every index moved onto the final, id-sorted node list.
    ///
    /// - Complexity: O(total mentions + Σ k² over sentences with k entities + findings).
    public func assemble(_ analyzed: [AnalyzedEntities], entities: CorpusEntities, findings: [[PlacedFinding]]) -> Output {
        let nodes = entities.nodes
        var stanceEdges = StanceEdgeBuilder(nodes: nodes, evidenceLimit: evidenceLimit)
        var coMentions = CoMentionCounter(
            nodes: nodes, evidenceLimit: evidenceLimit, maximumEntities: maximumEntitiesPerSentence,
            maximumTokens: maximumTokensPerSentence,
            maximumEvidenceLength: maximumEvidenceLength)
        // Each document's share is worked out in parallel; the shares are then added in
        // document order, which keeps every count, evidence list and edge as a serial loop
        // made them.
        let maximumEvidenceLength = self.maximumEvidenceLength
        let counter = coMentions
        let shares = parallelMap(Array(analyzed.indices)) { docIndex in
            DocumentShare(
                analyzed[docIndex], docIndex: docIndex, entities: entities, findings: docIndex < findings.count ? findings[docIndex] : [],
                maximumEvidenceLength: maximumEvidenceLength, coMentions: counter)
        }
        var sentenceCount = 0
        var tokenCount = 0
        var mentionCount = 0
        var infos: [DocumentInfo] = []
        var documentEntities: [[DocumentEntityCount]] = []
        var documentMentions: [[ResolvedMention]] = []
        infos.reserveCapacity(shares.count)
        for share in shares {
            sentenceCount += share.info.sentences ?? 0
            tokenCount += share.tokens
            mentionCount += share.mentions.count
            infos.append(share.info)
            documentMentions.append(share.mentions)
            documentEntities.append(share.entities)
            for (finding, text) in share.stanceEvidence {
                stanceEdges.add(finding, document: share.info.id, sentence: finding.sentence, text: text)
            }
            coMentions.add(share.coMentions, document: share.info.id)
        }
        var nodesWithCounts = nodes
        for (docIndex, entities) in documentEntities.enumerated() {
            for entry in entities {
                nodesWithCounts[entry.node].byDocument = nodesWithCounts[entry.node].byDocument ?? [:]
                nodesWithCounts[entry.node].byDocument?[infos[docIndex].id] = entry.mentions
            }
        }
        let stanceResult = stanceEdges.finish()
        // Topic nodes join the entities; nodes stay sorted by id, so indices are remapped.
        let allNodes = (nodesWithCounts + stanceResult.topics).enumerated().sorted { $0.element.id < $1.element.id }
        var newIndex = [Int](repeating: 0, count: allNodes.count)
        for (position, entry) in allNodes.enumerated() { newIndex[entry.offset] = position }
        for docIndex in documentEntities.indices {
            for k in documentEntities[docIndex].indices {
                documentEntities[docIndex][k].node = newIndex[documentEntities[docIndex][k].node]
            }
            for k in documentMentions[docIndex].indices {
                documentMentions[docIndex][k].node = newIndex[documentMentions[docIndex][k].node]
            }
        }
        let placedFindings = findings.map { document in
            document.map { placed in
                var moved = placed
                moved.finding.holder = newIndex[placed.finding.holder]
                if case .entity(let target) = placed.finding.target { moved.finding.target = .entity(newIndex[target]) }
                return moved
            }
        }
        let stance = stanceResult.edges
        let sortedEdges =
            coMentions.edges()
            + stance.indices.sorted { a, b in
                (stance[a].source, stance[a].target, stance[a].polarity?.rawValue ?? "")
                    < (stance[b].source, stance[b].target, stance[b].polarity?.rawValue ?? "")
            }.map { stance[$0] }
        return Output(
            graph: Graph(documents: infos, nodes: allNodes.map(\.element), edges: sortedEdges), sentences: sentenceCount,
            tokens: tokenCount, mentions: mentionCount, documentEntities: documentEntities, documentMentions: documentMentions,
            unusedCorrections: entities.table.unusedCorrections,
            stanceFindings: placedFindings, topicPhrases: stanceResult.keptPhrases, crowdedSentences: coMentions.crowdedSentences,
            longSentences: coMentions.longSentences)
    }
}

/// What one document adds to a graph, worked out on its own (in parallel with the others)
/// for ``GraphBuilder/assemble(_:entities:findings:)`` to add in document order.
struct DocumentShare: Sendable {
    var info: DocumentInfo
    var tokens: Int
    var mentions: [GraphBuilder.ResolvedMention]
    var entities: [GraphBuilder.DocumentEntityCount]
    /// Each stance finding with its evidence sentence, clipped around the mentions.
    var stanceEvidence: [(PlacedFinding, String)]
    var coMentions: CoMentionCounter.DocumentPairs

    init(
        _ item: GraphBuilder.AnalyzedEntities, docIndex: Int, entities: GraphBuilder.CorpusEntities, findings: [PlacedFinding],
        maximumEvidenceLength: Int, coMentions: CoMentionCounter
    ) {
        let analysis = item.analysis
        let document = analysis.document
        tokens = analysis.tokens.count
        info = DocumentInfo(
            id: document.id, path: document.path, line: document.line, title: document.title, date: document.date, url: document.url,
            sentences: analysis.sentences.count)
        var entitiesBySentence: [Int: Set<Int>] = [:]
        var spans: [Int: [Int: Range<Int>]] = [:]  // sentence → node → its first mention's scalars
        var counts: [Int: (mentions: Int, aliases: [String: Int])] = [:]
        var resolved: [GraphBuilder.ResolvedMention] = []
        for (mention, node) in zip(analysis.mentions, entities.nodeOfMention(docIndex, item.local)) {
            guard let node else { continue }
            let tokens = analysis.tokens
            resolved.append(
                GraphBuilder.ResolvedMention(
                    range: tokens[mention.tokenRange.lowerBound].start..<tokens[mention.tokenRange.upperBound - 1].end, node: node))
            entitiesBySentence[mention.sentence, default: []].insert(node)
            if spans[mention.sentence]?[node] == nil, let last = resolved.last {
                let start = analysis.sentences[mention.sentence].start
                spans[mention.sentence, default: [:]][node] = (last.range.lowerBound - start)..<(last.range.upperBound - start)
            }
            counts[node, default: (0, [:])].mentions += 1
            if mention.referent == nil { counts[node, default: (0, [:])].aliases[mention.surface, default: 0] += 1 }
        }
        mentions = resolved
        self.entities = counts.map { node, entry in
            GraphBuilder.DocumentEntityCount(
                node: node, mentions: entry.mentions,
                aliases: entry.aliases.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key))
        }.sorted { $0.mentions != $1.mentions ? $0.mentions > $1.mentions : $0.node < $1.node }
        stanceEvidence = findings.map { finding in
            let text = EvidenceClip.clip(
                analysis.sentenceTexts[finding.sentence], keeping: Array((spans[finding.sentence] ?? [:]).values),
                limit: maximumEvidenceLength)
            return (finding, text)
        }
        self.coMentions = coMentions.pairs(of: analysis, entitiesBySentence: entitiesBySentence, spans: spans)
    }
}

/// Counts co-mention edges: one per pair of entities named in the same sentence, weighted
/// by the distinct sentences (a sentence repeated within a document counts once).
struct CoMentionCounter: Sendable {
    struct PairKey: Hashable {
        var a: Int
        var b: Int
    }

    let nodes: [Node]
    let evidenceLimit: Int
    let maximumEntities: Int
    let maximumTokens: Int
    let maximumEvidenceLength: Int
    var pairs: [PairKey: Edge] = [:]
    var crowdedSentences = 0
    var longSentences = 0

    init(nodes: [Node], evidenceLimit: Int, maximumEntities: Int, maximumTokens: Int, maximumEvidenceLength: Int) {
        self.nodes = nodes
        self.evidenceLimit = evidenceLimit
        self.maximumEntities = maximumEntities
        self.maximumTokens = maximumTokens
        self.maximumEvidenceLength = maximumEvidenceLength
    }

    /// One document's sentences that give co-mention edges, each with its entities in order.
    struct DocumentPairs: Sendable {
        struct Sentence: Sendable {
            /// 0-based index in the document.
            var index: Int
            var members: [Int]
            var text: String
            /// Each member's first mention, in scalars of the sentence.
            var spans: [Int: Range<Int>]
        }
        var sentences: [Sentence] = []
        var crowded = 0
        var long = 0
    }

    /// The sentences of one document that give co-mention edges.
    ///
    /// Those are sentences with two entities up to the maximum, not too long, and not a repeat
    /// of an earlier sentence of the document. `spans` gives, per sentence, each entity's
    /// first mention (scalar offsets in the sentence), around which long evidence is clipped.
    /// It depends on nothing but the document, so documents can be read in parallel.
    ///
    /// - Complexity: O(sentences · k log k) for k entities a sentence.
    func pairs(of analysis: AnalyzedDocument, entitiesBySentence: [Int: Set<Int>], spans: [Int: [Int: Range<Int>]]) -> DocumentPairs {
        var out = DocumentPairs()
        var seenSentences = Set<String>()
        out.long = analysis.sentences.filter { $0.tokenRange.count > maximumTokens }.count
        for sentenceIndex in entitiesBySentence.keys.sorted() {
            guard let members = entitiesBySentence[sentenceIndex], members.count >= 2 else { continue }
            guard analysis.sentences[sentenceIndex].tokenRange.count <= maximumTokens else { continue }
            guard members.count <= maximumEntities else {
                out.crowded += 1
                continue
            }
            let original = analysis.sentenceTexts[sentenceIndex]
            guard seenSentences.insert(TextNormalizer.normalize(original).lowercased()).inserted else { continue }
            out.sentences.append(
                DocumentPairs.Sentence(index: sentenceIndex, members: members.sorted(), text: original, spans: spans[sentenceIndex] ?? [:]))
        }
        return out
    }

    /// Adds one document's sentences (from ``pairs(of:entitiesBySentence:spans:)``); documents
    /// must be added in order, as the first sentences of an edge are its evidence.
    ///
    /// - Complexity: O(Σ k²) over its sentences with k ≤ the maximum entities.
    mutating func add(_ document: DocumentPairs, document id: String) {
        longSentences += document.long
        crowdedSentences += document.crowded
        // Read into locals, so that what counts a pair captures no part of the counter.
        let (nodes, evidenceLimit, clipLength) = (self.nodes, self.evidenceLimit, maximumEvidenceLength)
        for sentence in document.sentences {
            let sorted = sentence.members
            for (i, a) in sorted.enumerated() {
                for b in sorted[(i + 1)...] {
                    let key = PairKey(a: a, b: b)
                    Self.count(
                        &pairs[key, default: Edge(source: nodes[a].id, target: nodes[b].id, kind: .coMention, weight: 0)], in: id,
                        evidenceLimit: evidenceLimit
                    ) {
                        let around = [sentence.spans[a], sentence.spans[b]].compactMap { $0 }
                        return Evidence(
                            document: id, sentence: sentence.index + 1,
                            text: EvidenceClip.clip(sentence.text, keeping: around, limit: clipLength))
                    }
                }
            }
        }
    }

    /// Counts one more sentence of `document` on `edge`, with the sentence as evidence while
    /// the edge has fewer than the limit.
    ///
    /// Static, so that the edge borrowed from ``pairs`` is the only access to this counter
    /// (a method call would copy the counter, and with it the whole table, on every sentence).
    private static func count(_ edge: inout Edge, in document: String, evidenceLimit: Int, evidence: () -> Evidence) {
        edge.weight += 1
        if edge.byDocument == nil { edge.byDocument = [:] }
        edge.byDocument?[document, default: 0] += 1
        if edge.evidence.count < evidenceLimit { edge.evidence.append(evidence()) }
    }

    /// The edges, sorted by source then target.
    func edges() -> [Edge] {
        let entries = Array(pairs)
        // Positions are sorted and each edge moved once, not moved about by the sort. Where
        // the nodes are in id order (as the resolver gives them), an edge's ends are in id
        // order too, and the node positions sort as the ids do, without comparing strings.
        let nodesInIDOrder = zip(nodes, nodes.dropFirst()).allSatisfy { $0.id < $1.id }
        let order =
            nodesInIDOrder
            ? entries.indices.sorted { (entries[$0].key.a, entries[$0].key.b) < (entries[$1].key.a, entries[$1].key.b) }
            : entries.indices.sorted {
                (entries[$0].value.source, entries[$0].value.target) < (entries[$1].value.source, entries[$1].value.target)
            }
        return order.map { entries[$0].value }
    }
}

/// Shortens evidence that is too long to read: the text around the mentions an edge rests
/// on is kept, the rest becomes "…".
enum EvidenceClip {
    /// Characters kept on each side of a kept mention.
    static let context = 120

    /// `text` itself when at most `limit` characters; otherwise the windows around `keeping`
    /// (scalar ranges in `text`), joined by "…", and cut to `limit` if they are still longer.
    ///
    /// - Complexity: O(n) in the length of the text.
    static func clip(_ text: String, keeping: [Range<Int>], limit: Int) -> String {
        // No more bytes than the limit is no more scalars: most sentences, answered without
        // an array of their scalars.
        if text.utf8.count <= limit { return text }
        let scalars = Array(text.unicodeScalars)
        guard scalars.count > limit else { return text }
        var windows = keeping.map { max(0, $0.lowerBound - context)..<min(scalars.count, $0.upperBound + context) }.sorted {
            $0.lowerBound < $1.lowerBound
        }
        if windows.isEmpty { windows = [0..<min(scalars.count, limit)] }
        var merged: [Range<Int>] = []
        for window in windows {
            if let last = merged.last, window.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, window.upperBound)
            } else {
                merged.append(window)
            }
        }
        var out = ""
        var budget = limit
        for window in merged where budget > 0 {
            let piece = window.lowerBound..<min(window.upperBound, window.lowerBound + budget)
            if piece.lowerBound > 0 { out += "…" }
            out += String(scalars: scalars[piece])
            budget -= piece.count
        }
        if merged.last.map({ $0.upperBound < scalars.count }) ?? true { out += "…" }
        return out
    }
}
