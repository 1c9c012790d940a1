import Corpus

/// Builds a ``Graph`` from documents: analysis and per-document resolution in parallel,
/// then the corpus-level merge and co-mention counting in document order.
public struct GraphBuilder: Sendable {
    /// Most evidence sentences kept per edge; the weight stays exact.
    public var evidenceLimit = 5
    /// The analyzer (tokenizer, sentence splitter, recogniser).
    public var analyzer = DocumentAnalyzer()
    /// The user's corrections from an alias file.
    public var corrections = AliasCorrections.none

    /// Creates a builder.
    public init() {}

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
            let scalars = Array(document.text.unicodeScalars)
            var seenSentences = Set<String>()
            for sentenceIndex in entitiesBySentence.keys.sorted() {
                guard let members = entitiesBySentence[sentenceIndex], members.count >= 2 else { continue }
                let sentence = analysis.sentences[sentenceIndex]
                let original = analysis.originalText(of: sentence, in: scalars)
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
        let sortedEdges = edges.values.sorted { ($0.source, $0.target) < ($1.source, $1.target) }
        return Output(graph: Graph(documents: infos, nodes: nodesWithCounts, edges: sortedEdges), sentences: sentenceCount,
                      tokens: tokenCount, mentions: mentionCount, documentEntities: documentEntities,
                      documentMentions: documentMentions, unusedCorrections: table.unusedCorrectionNames.map { ($0.0, $0.1) })
    }
}
