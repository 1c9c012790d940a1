import Corpus
import EntityRecognition
import PlexusGraph
import PlexusSupport

/// Builds a ``Graph`` from documents: analysis and per-document resolution in parallel,
/// then the corpus-level merge and co-mention counting in document order.
public struct GraphBuilder: Sendable {
    /// Most evidence sentences kept per edge; the weight stays exact.
    public var evidenceLimit = 5
    /// The analysis stage (tokenizer, sentence splitter, recogniser, syntax models).
    public var analyzer: DocumentAnalyzer
    /// The user's corrections from an alias file.
    public var corrections = AliasCorrections.none
    /// The stance reader; `nil` builds co-mention edges only.
    public var stances: DocumentStanceReader?

    /// Creates a builder from an analysis stage and, optionally, a stance reader.
    public init(analyzer: DocumentAnalyzer = DocumentAnalyzer(), stances: DocumentStanceReader? = nil) {
        self.analyzer = analyzer
        self.stances = stances
    }

    /// A builder with the shipped models: the chosen recogniser, and with `stances` the
    /// syntax models (run only on sentences with a stance cue) and the polarity model.
    ///
    /// - Throws: ``ModelFileError`` naming a shipped model that is missing or damaged.
    public static func shipped(recognizer: DocumentAnalyzer.RecognizerChoice = .rules, stances: Bool = true) throws -> GraphBuilder {
        var analyzer = try DocumentAnalyzer.shipped(recognizer)
        guard stances else {
            analyzer.syntax = nil
            return GraphBuilder(analyzer: analyzer)
        }
        let reader = DocumentStanceReader(extractor: try StanceExtractor.shipped())
        analyzer.syntaxScope = .selected(by: { reader.sentencesNeedingSyntax($0) })
        return GraphBuilder(analyzer: analyzer, stances: reader)
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
        public var unusedCorrections: [(name: String, line: Int)]
        /// Stance findings, before they were merged into edges.
        public var stanceFindings: Int = 0
        /// For each document, its stance findings as labelled triples (chunker phrases that did
        /// not recur enough to become topics are left out).
        public var stanceTriples: [[ScoredTriple]] = []
    }

    /// A stance finding by label, with its confidence and sentence.
    public struct ScoredTriple: Sendable {
        /// Holder, polarity, target.
        public var triple: StanceTriple
        /// The finding's confidence.
        public var confidence: Double
        /// The sentence's 0-based index in its document.
        public var sentence: Int
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

    /// The graph of a set of documents.
    ///
    /// - Complexity: O(total tokens + Σ k² over sentences with k entities).
    public func build(_ documents: [Document]) -> Output {
        let analyzer = self.analyzer
        let corrections = self.corrections
        let perDocument = parallelMap(documents) { document -> (AnalyzedDocument, DocumentEntities) in
            let analysis = analyzer.analyze(document)
            return (analysis, EntityResolver(corrections: corrections).resolve(analysis))
        }
        let table = CorpusResolver(corrections: corrections).merge(perDocument.map(\.1))
        let nodes = table.entities.map {
            Node(id: $0.id, label: $0.label, type: $0.type, aliases: $0.aliases, mentions: $0.mentions, documents: $0.documents)
        }

        // In a stance a capital is its government: "backing for Kyiv" is backing for Ukraine.
        var countryByLabel: [String: Int] = [:]
        for (index, node) in nodes.enumerated() where node.type == .country { countryByLabel[node.label] = index }
        let stanceEntity: [Int] = nodes.indices.map { index in
            guard nodes[index].type == .location, let country = Roles.country(ofCapital: nodes[index].label) else { return index }
            return countryByLabel[country] ?? index
        }
        let stanceReader = self.stances
        let placed: [[PlacedFinding]] = stanceReader.map { reader in
            parallelMap(Array(perDocument.indices)) { docIndex -> [PlacedFinding] in
                let (analysis, local) = perDocument[docIndex]
                let entityOfMention = analysis.mentions.indices.map { index in
                    local.mentionEntity[index].flatMap { table.localToGlobal[docIndex][$0] }.map { stanceEntity[$0] }
                }
                return reader.findings(in: analysis, entityOfMention: entityOfMention, type: { nodes[$0].type })
            }
        } ?? []
        var stanceEdges = StanceEdgeBuilder(nodes: nodes, evidenceLimit: evidenceLimit)

        struct PairKey: Hashable {
            var a: Int
            var b: Int
        }
        var edges: [PairKey: Edge] = [:]
        var sentenceCount = 0
        var tokenCount = 0
        var mentionCount = 0
        var infos: [DocumentInfo] = []
        var documentEntities: [[DocumentEntityCount]] = []
        var documentMentions: [[ResolvedMention]] = []
        for (docIndex, (analysis, local)) in perDocument.enumerated() {
            let document = analysis.document
            sentenceCount += analysis.sentences.count
            tokenCount += analysis.tokens.count
            infos.append(DocumentInfo(id: document.id, path: document.path, line: document.line, title: document.title,
                                      date: document.date, url: document.url, sentences: analysis.sentences.count))
            var entitiesBySentence: [Int: Set<Int>] = [:]
            var counts: [Int: (mentions: Int, aliases: [String: Int])] = [:]
            var resolved: [ResolvedMention] = []
            for (mentionIndex, mention) in analysis.mentions.enumerated() {
                guard let localIndex = local.mentionEntity[mentionIndex],
                    let global = table.localToGlobal[docIndex][localIndex]
                else { continue }
                mentionCount += 1
                let tokens = analysis.tokens
                resolved.append(ResolvedMention(range: tokens[mention.tokenRange.lowerBound].start..<tokens[mention.tokenRange.upperBound - 1].end, node: global))
                entitiesBySentence[mention.sentence, default: []].insert(global)
                counts[global, default: (0, [:])].mentions += 1
                if mention.referent == nil { counts[global, default: (0, [:])].aliases[mention.surface, default: 0] += 1 }
            }
            documentMentions.append(resolved)
            documentEntities.append(
                counts.map { node, entry in
                    DocumentEntityCount(
                        node: node, mentions: entry.mentions,
                        aliases: entry.aliases.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key))
                }.sorted { $0.mentions != $1.mentions ? $0.mentions > $1.mentions : $0.node < $1.node })
            if docIndex < placed.count {
                for finding in placed[docIndex] {
                    stanceEdges.add(finding, document: document.id, sentence: finding.sentence,
                                    text: analysis.sentenceTexts[finding.sentence])
                }
            }
            var seenSentences = Set<String>()
            for sentenceIndex in entitiesBySentence.keys.sorted() {
                guard let members = entitiesBySentence[sentenceIndex], members.count >= 2 else { continue }
                let original = analysis.sentenceTexts[sentenceIndex]
                // A sentence repeated within a document counts once.
                guard seenSentences.insert(TextNormalizer.normalize(original).lowercased()).inserted else { continue }
                let sorted = members.sorted()
                for (i, a) in sorted.enumerated() {
                    for b in sorted[(i + 1)...] {
                        let key = PairKey(a: a, b: b)
                        var edge = edges[key] ?? Edge(source: nodes[a].id, target: nodes[b].id, kind: .coMention, weight: 0)
                        edge.weight += 1
                        edge.byDocument = edge.byDocument ?? [:]
                        edge.byDocument?[document.id, default: 0] += 1
                        if edge.evidence.count < evidenceLimit {
                            edge.evidence.append(Evidence(document: document.id, sentence: sentenceIndex + 1, text: original))
                        }
                        edges[key] = edge
                    }
                }
            }
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
            for k in documentEntities[docIndex].indices { documentEntities[docIndex][k].node = newIndex[documentEntities[docIndex][k].node] }
            for k in documentMentions[docIndex].indices { documentMentions[docIndex][k].node = newIndex[documentMentions[docIndex][k].node] }
        }
        let stanceTriples = placed.map { findings in
            findings.compactMap { placed -> ScoredTriple? in
                let target: String
                switch placed.finding.target {
                case .entity(let index): target = nodes[index].label
                case .topic(let label): target = label
                case .phrase(let label):
                    guard stanceResult.keptPhrases.contains(label) else { return nil }
                    target = label
                }
                return ScoredTriple(triple: StanceTriple(holder: nodes[placed.finding.holder].label, polarity: placed.finding.polarity, target: target),
                                    confidence: placed.finding.confidence, sentence: placed.sentence)
            }
        }
        let sortedEdges = edges.values.sorted { ($0.source, $0.target) < ($1.source, $1.target) }
            + stanceResult.edges.sorted { ($0.source, $0.target, $0.polarity?.rawValue ?? "") < ($1.source, $1.target, $1.polarity?.rawValue ?? "") }
        return Output(graph: Graph(documents: infos, nodes: allNodes.map(\.element), edges: sortedEdges), sentences: sentenceCount,
                      tokens: tokenCount, mentions: mentionCount, documentEntities: documentEntities,
                      documentMentions: documentMentions, unusedCorrections: table.unusedCorrectionNames.map { ($0.0, $0.1) },
                      stanceFindings: placed.reduce(0) { $0 + $1.count }, stanceTriples: stanceTriples)
    }
}
