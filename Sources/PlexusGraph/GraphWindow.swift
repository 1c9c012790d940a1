/// The part of a graph that falls in a time window, with what was left out.
public struct WindowedGraph: Sendable {
    /// The graph restricted to the window: weights, mentions and evidence recounted.
    public var graph: Graph
    /// Documents dated inside the window.
    public var includedDocuments: Int
    /// Documents dated outside the window.
    public var excludedDocuments: Int
    /// Documents without a date, left out because their time is unknown.
    public var undatedDocuments: Int
}

/// Why a window could not be applied.
public enum WindowError: Error, Sendable, CustomStringConvertible, Equatable {
    /// A date is not `YYYY-MM-DD`.
    case badDate(String)
    /// `since` is after `until`.
    case emptyRange(since: String, until: String)
    /// The graph has no per-document counts (written by an older Plexus).
    case noPerDocumentCounts

    /// A message a user can act on.
    public var description: String {
        switch self {
        case .badDate(let text): return "\"\(text)\" is not a date; use YYYY-MM-DD"
        case .emptyRange(let since, let until): return "--since \(since) is after --until \(until)"
        case .noPerDocumentCounts: return "this graph has no per-document counts; build it again with this version of plexus"
        }
    }
}

extension Graph {
    /// The graph restricted to documents dated from `since` to `until` (inclusive, `YYYY-MM-DD`,
    /// either may be `nil`).
    ///
    /// Undated documents are left out and counted.
    ///
    /// - Throws: ``WindowError``.
    /// - Complexity: O(V + E + total per-document entries).
    public func window(since: String?, until: String?) throws -> WindowedGraph {
        for date in [since, until].compactMap({ $0 }) where !Self.isISODate(date) { throw WindowError.badDate(date) }
        if let since, let until, since > until { throw WindowError.emptyRange(since: since, until: until) }
        guard since != nil || until != nil else {
            return WindowedGraph(graph: self, includedDocuments: documents.count, excludedDocuments: 0, undatedDocuments: 0)
        }
        var kept = Set<String>()
        var undated = 0
        var excluded = 0
        for document in documents {
            guard let date = document.date else {
                undated += 1
                continue
            }
            if let since, date < since {
                excluded += 1
                continue
            }
            if let until, date > until {
                excluded += 1
                continue
            }
            kept.insert(document.id)
        }
        // The per-document counts inside the window, or nil when nothing is left.
        func inside(_ counts: [String: Int]?) throws -> [String: Int]? {
            guard let counts else { throw WindowError.noPerDocumentCounts }
            let kept = counts.filter { kept.contains($0.key) }
            return kept.isEmpty ? nil : kept
        }
        var nodes: [Node] = []
        for var node in self.nodes {
            guard let counts = try inside(node.byDocument) else { continue }
            node.byDocument = counts
            node.mentions = counts.values.reduce(0, +)
            node.documents = counts.count
            nodes.append(node)
        }
        var edges: [Edge] = []
        for var edge in self.edges {
            guard let counts = try inside(edge.byDocument) else { continue }
            edge.byDocument = counts
            edge.weight = counts.values.reduce(0, +)
            edge.evidence = edge.evidence.filter { kept.contains($0.document) }
            edges.append(edge)
        }
        let graph = Graph(documents: documents.filter { kept.contains($0.id) }, nodes: nodes, edges: edges)
        return WindowedGraph(graph: graph, includedDocuments: kept.count, excludedDocuments: excluded, undatedDocuments: undated)
    }

    /// Whether `text` is a `YYYY-MM-DD` day the Gregorian calendar has.
    static func isISODate(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        guard text.count == 10, parts.count == 3, parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month)
        else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = month == 2 ? (leap ? 29 : 28) : ([4, 6, 9, 11].contains(month) ? 30 : 31)
        return (1...days).contains(day)
    }
}
