import Foundation
import PlexusGraph

/// What the HTML view's script reads: every document, entity and edge of the graph, with the
/// SVG element ids of the ones drawn, in a compact form (documents, sentences and nodes by
/// position, so evidence and edges name them by number).
struct HTMLViewData: Encodable {
    /// A source document.
    struct Document: Encodable {
        var title: String?
        var date: String?
        /// Only `http:` and `https:` addresses; anything else is dropped, so a page never
        /// offers a `javascript:` link.
        var url: String?
        /// The file's name, with `:line` for a JSON Lines record.
        var file: String
    }

    /// An entity.
    struct Entity: Encodable {
        var id: String
        var label: String
        var type: String
        var aliases: [String]
        var mentions: Int
        var documents: Int
        /// `[document number, mentions]` pairs, most mentions first.
        var byDocument: [[Int]]
        /// The id of its SVG group when it is drawn.
        var element: String?
    }

    /// A sentence behind one or more edges, stored once however many edges it backs (a
    /// sentence naming k entities backs k(k-1)/2 co-mention edges).
    struct Sentence: Encodable, Hashable {
        /// Document number, or -1 when the graph names a document it does not list.
        var d: Int
        /// 1-based sentence number in the document.
        var s: Int
        /// The sentence.
        var t: String
    }

    /// One edge's use of a sentence.
    struct Quote: Encodable {
        /// The sentence's number in ``HTMLViewData/sentences``.
        var i: Int
        /// The stance cue as written, for stance evidence.
        var c: String?
    }

    /// A relation.
    struct Tie: Encodable {
        var source: Int
        var target: Int
        var kind: String
        var polarity: String?
        var weight: Int
        /// Rounded to three places.
        var confidence: Double?
        var evidence: [Quote]
        /// `[document number, sentences]` pairs, so a time window can recount the weight.
        var byDocument: [[Int]]
        /// The id of its SVG group when it is drawn.
        var element: String?
    }

    /// The theme's colours the page's own legend and chrome use.
    struct Colours: Encodable {
        var background: String
        var text: String
        var coMention: String
        var support: String
        var oppose: String
        var types: [String: String]
    }

    var title: String?
    var subtitle: String?
    /// Stance edges below this confidence start hidden.
    var minimumConfidence: Double
    var colours: Colours
    var documents: [Document]
    var sentences: [Sentence]
    var nodes: [Entity]
    var edges: [Tie]

    /// The data for `graph`, of which `shown` (drawn with ``DOTWriter/elementIDs``) is drawn.
    ///
    /// - Complexity: O(size of the graph).
    init(graph: Graph, shown: Graph, title: String?, subtitle: String?, minimumConfidence: Double, theme: Theme) {
        self.title = title
        self.subtitle = subtitle
        self.minimumConfidence = minimumConfidence
        colours = Colours(
            background: theme.background, text: theme.text, coMention: theme.coMention, support: theme.support,
            oppose: theme.oppose,
            types: Dictionary(uniqueKeysWithValues: EntityType.allCases.map { ($0.rawValue, theme.style(for: $0).fill) }))
        var documentNumber: [String: Int] = [:]
        documents = graph.documents.enumerated().map { number, document in
            documentNumber[document.id] = number
            let name = (document.path as NSString).lastPathComponent
            return Document(
                title: document.title, date: document.date, url: Self.webAddress(document.url),
                file: document.line.map { "\(name):\($0)" } ?? name)
        }
        func counts(_ byDocument: [String: Int]?) -> [[Int]] {
            (byDocument ?? [:]).compactMap { id, count in documentNumber[id].map { [$0, count] } }
                .sorted { $0[1] != $1[1] ? $0[1] > $1[1] : $0[0] < $1[0] }
        }
        var drawnNode: [String: String] = [:]
        for (index, node) in shown.nodes.enumerated() { drawnNode[node.id] = "n\(index)" }
        var nodeNumber: [String: Int] = [:]
        nodes = graph.nodes.enumerated().map { number, node in
            nodeNumber[node.id] = number
            return Entity(
                id: node.id, label: node.label, type: node.type.rawValue, aliases: node.aliases, mentions: node.mentions,
                documents: node.documents, byDocument: counts(node.byDocument), element: drawnNode[node.id])
        }
        struct EdgeKey: Hashable {
            var source: String
            var target: String
            var kind: EdgeKind
            var polarity: Polarity?
        }
        var drawnEdge: [EdgeKey: String] = [:]
        for (index, edge) in shown.edges.enumerated() {
            drawnEdge[EdgeKey(source: edge.source, target: edge.target, kind: edge.kind, polarity: edge.polarity)] = "e\(index)"
        }
        var sentenceNumber: [Sentence: Int] = [:]
        var sentences: [Sentence] = []
        func quote(_ evidence: Evidence) -> Quote {
            let sentence = Sentence(d: documentNumber[evidence.document] ?? -1, s: evidence.sentence, t: evidence.text)
            if let number = sentenceNumber[sentence] { return Quote(i: number, c: evidence.cue) }
            sentenceNumber[sentence] = sentences.count
            sentences.append(sentence)
            return Quote(i: sentences.count - 1, c: evidence.cue)
        }
        edges = graph.edges.compactMap { edge in
            guard let source = nodeNumber[edge.source], let target = nodeNumber[edge.target] else { return nil }
            return Tie(
                source: source, target: target, kind: edge.kind.rawValue, polarity: edge.polarity?.rawValue, weight: edge.weight,
                confidence: edge.confidence.map { ($0 * 1000).rounded() / 1000 },
                evidence: edge.evidence.map(quote),
                byDocument: counts(edge.byDocument),
                element: drawnEdge[EdgeKey(source: edge.source, target: edge.target, kind: edge.kind, polarity: edge.polarity)])
        }
        self.sentences = sentences
    }

    /// The data as JSON that can stand inside a `<script>` element: `<`, `>`, `&` and the
    /// JavaScript line separators written as `\u` escapes, so no text can close the element.
    ///
    /// - Complexity: O(size of the data).
    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let text = String(decoding: try encoder.encode(self), as: UTF8.self)
        var out = ""
        out.reserveCapacity(text.utf8.count + 64)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `address` when it is an `http:` or `https:` address, else `nil`.
    static func webAddress(_ address: String?) -> String? {
        guard let address else { return nil }
        let lower = address.trimmingCharacters(in: .whitespaces).lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") ? address.trimmingCharacters(in: .whitespaces) : nil
    }
}
