import Foundation

/// Why a query could not be answered.
public enum QueryError: Error, Sendable, CustomStringConvertible, Equatable {
    /// No node has this name; the closest labels are suggested.
    case unknownName(String, suggestions: [String])
    /// Several nodes have this name as an alias.
    case ambiguousName(String, candidates: [String])
    /// The two nodes are not connected by the allowed edges.
    case noPath(from: String, to: String)

    /// A message a user can act on.
    public var description: String {
        switch self {
        case .unknownName(let name, let suggestions):
            let hint = suggestions.isEmpty ? "" : "; did you mean " + suggestions.map { "\"\($0)\"" }.joined(separator: ", ") + "?"
            return "no entity named \"\(name)\" in the graph\(hint)"
        case .ambiguousName(let name, let candidates):
            return "\"\(name)\" could be " + candidates.map { "\"\($0)\"" }.joined(separator: ", ") + "; use the full name"
        case .noPath(let from, let to):
            return "no path between \"\(from)\" and \"\(to)\" in the graph"
        }
    }
}

/// Finds nodes by name: the label, the id or any alias, case-insensitively.
///
/// Nothing is indexed up front: a command looks up one to a few names, and comparing them
/// with every node's names (an ASCII name compares byte by byte, without lower-casing a
/// copy) costs a few milliseconds on a 100,000-node graph, where building a table of every
/// lower-cased name cost a seventh of a query's whole run.
public struct NameMatcher: Sendable {
    let graph: Graph

    /// A matcher over a graph's labels, ids and aliases.
    ///
    /// - Complexity: O(1).
    public init(_ graph: Graph) {
        self.graph = graph
    }

    /// The nodes with `key` as label, id or alias once lower-cased, in node order.
    ///
    /// - Complexity: O(V + total aliases).
    func nodes(named key: String) -> [Int] {
        graph.nodes.indices.filter { index in
            let node = graph.nodes[index]
            return Self.lowercased(node.label, equals: key) || Self.lowercased(node.id, equals: key)
                || node.aliases.contains { Self.lowercased($0, equals: key) }
        }
    }

    /// Whether `name.lowercased() == key`, without building the lower-cased copy when `name`
    /// is ASCII.
    static func lowercased(_ name: String, equals key: String) -> Bool {
        var name = name
        var key = key
        let fast = name.withUTF8 { nameBytes in
            key.withUTF8 { keyBytes -> Bool? in
                guard nameBytes.count == keyBytes.count else {
                    // Lower-casing keeps an ASCII name's length.
                    return nameBytes.allSatisfy { $0 < 0x80 } ? false : nil
                }
                for (a, b) in zip(nameBytes, keyBytes) {
                    guard a < 0x80 else { return nil }
                    let lower = (0x41...0x5A).contains(a) ? a | 0x20 : a
                    if lower != b { return false }
                }
                return true
            }
        }
        return fast ?? (name.lowercased() == key)
    }

    /// How many times more mentions a node needs than every other match for a name to mean
    /// it outright.
    static let dominance = 10

    /// The index of the node a user means by `name`.
    ///
    /// A node that has the name and at least ``dominance`` times the mentions of every other
    /// node with it wins ("Blair" is Tony Blair, 571 mentions, not a one-mention place
    /// labelled "Blair"); otherwise a label or id match wins over an alias match; failing
    /// both, one word of exactly one label ("Medvedev") names that node.
    ///
    /// - Throws: ``QueryError/unknownName(_:suggestions:)`` or ``QueryError/ambiguousName(_:candidates:)``.
    /// - Complexity: O(V + total aliases) for a match; O(V·L²) to rank suggestions when there is none.
    public func lookup(_ name: String) throws -> Int {
        let key = TextKey.fold(name)
        let matches = nodes(named: key)
        if !matches.isEmpty {
            let strongest = matches.sorted {
                graph.nodes[$0].mentions != graph.nodes[$1].mentions ? graph.nodes[$0].mentions > graph.nodes[$1].mentions : $0 < $1
            }
            if let top = strongest.first,
                strongest.dropFirst().allSatisfy({ graph.nodes[top].mentions >= Self.dominance * max(1, graph.nodes[$0].mentions) })
            {
                return top
            }
            let byLabel = matches.filter { graph.nodes[$0].label.lowercased() == key || graph.nodes[$0].id == key }
            if byLabel.count == 1 { return byLabel[0] }
            if matches.count == 1 { return matches[0] }
            throw QueryError.ambiguousName(name, candidates: strongest.map { graph.nodes[$0].label })
        }
        // A single word of a label ("Medvedev", "Zelensky") names the node if only one has it.
        if !key.contains(" ") {
            let byWord = graph.nodes.indices.filter { graph.nodes[$0].label.lowercased().split(separator: " ").contains(Substring(key)) }
            if byWord.count == 1 { return byWord[0] }
            if byWord.count > 1 {
                let strongest = byWord.sorted { graph.nodes[$0].mentions > graph.nodes[$1].mentions }
                throw QueryError.ambiguousName(name, candidates: strongest.map { graph.nodes[$0].label })
            }
        }
        throw QueryError.unknownName(name, suggestions: suggestions(for: key))
    }

    /// Up to five labels closest to `key`: containing it first, then by edit distance.
    func suggestions(for key: String) -> [String] {
        var scored: [(score: Int, label: String)] = []
        for node in graph.nodes {
            let label = node.label.lowercased()
            var best = TextKey.editDistance(key, label)
            if label.contains(key) || key.contains(label) { best = min(best, 1) }
            for alias in node.aliases {
                let lowered = alias.lowercased()
                if lowered.contains(key) { best = min(best, 1) }
                best = min(best, TextKey.editDistance(key, lowered))
            }
            let limit = max(2, key.count / 3)
            if best <= limit { scored.append((best, node.label)) }
        }
        scored.sort { $0.score != $1.score ? $0.score < $1.score : $0.label < $1.label }
        var seen = Set<String>()
        return scored.map(\.label).filter { seen.insert($0).inserted }.prefix(5).map { $0 }
    }
}
