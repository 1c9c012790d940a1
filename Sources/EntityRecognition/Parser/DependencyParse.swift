/// The dependency tree of one sentence in Universal Dependencies: for each word, its head
/// and the relation it bears to it.
public struct DependencyParse: Sendable, Equatable {
    /// For each word (0-based), the 1-based index of its head, 0 for the root.
    public var heads: [Int]
    /// For each word, its relation to its head (UD v2: "nsubj", "obj", "obl:tmod", …).
    public var relations: [String]
    /// The part-of-speech tags the parser read (Penn Treebank), or empty when not kept.
    public var tags: [String]

    /// Creates a parse.
    public init(heads: [Int], relations: [String], tags: [String] = []) {
        self.heads = heads
        self.relations = relations
        self.tags = tags
    }

    /// Whether every word has exactly one head, exactly one word hangs from the root, and
    /// following heads from any word reaches the root.
    ///
    /// - Complexity: O(n²) at worst.
    public var isTree: Bool {
        let n = heads.count
        guard relations.count == n, heads.allSatisfy({ (0...n).contains($0) }), heads.filter({ $0 == 0 }).count == 1 else {
            return false
        }
        for start in 0..<n {
            var node = start + 1
            var steps = 0
            while node != 0 {
                node = heads[node - 1]
                steps += 1
                if steps > n { return false }
            }
        }
        return true
    }
}
