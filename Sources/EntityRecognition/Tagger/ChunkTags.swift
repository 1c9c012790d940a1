/// Chunks (typed spans) from a tag sequence, read exactly as conlleval reads them, so
/// IOB1, IOB2 (BIO) and IOBES all give the same spans.
public enum ChunkTags {
    /// A typed span of token positions.
    public struct Chunk: Hashable, Sendable {
        /// First token.
        public var start: Int
        /// One past the last token.
        public var end: Int
        /// Type ("PER").
        public var type: String

        /// Creates a chunk.
        public init(start: Int, end: Int, type: String) {
            self.start = start
            self.end = end
            self.type = type
        }
    }

    static func split(_ tag: String) -> (prefix: Character, type: String) {
        if tag == "O" || tag.isEmpty { return ("O", "") }
        let parts = tag.split(separator: "-", maxSplits: 1)
        return (parts[0].first ?? "O", parts.count > 1 ? String(parts[1]) : "")
    }

    /// conlleval's end-of-chunk test between the previous and the current tag.
    static func endsChunk(previous: (Character, String), current: (Character, String)) -> Bool {
        let (pp, pt) = previous
        let (cp, ct) = current
        if pp == "E" || pp == "S" { return true }
        if pp == "B" && (cp == "B" || cp == "S" || cp == "O") { return true }
        if pp == "I" && (cp == "B" || cp == "S" || cp == "O") { return true }
        if pp != "O" && pt != ct { return true }
        return false
    }

    /// conlleval's start-of-chunk test.
    static func startsChunk(previous: (Character, String), current: (Character, String)) -> Bool {
        let (pp, pt) = previous
        let (cp, ct) = current
        if cp == "B" || cp == "S" { return true }
        if pp == "E" && (cp == "E" || cp == "I") { return true }
        if pp == "S" && (cp == "E" || cp == "I") { return true }
        if pp == "O" && (cp == "E" || cp == "I") { return true }
        if cp != "O" && pt != ct { return true }
        return false
    }

    /// The chunks of a tag sequence.
    ///
    /// - Complexity: O(n).
    public static func chunks(_ tags: [String]) -> [Chunk] {
        var result: [Chunk] = []
        var start: Int?
        var previous: (Character, String) = ("O", "")
        for (index, tag) in tags.enumerated() {
            let current = split(tag)
            if let open = start, endsChunk(previous: previous, current: current) {
                result.append(Chunk(start: open, end: index, type: previous.1))
                start = nil
            }
            if current.0 != "O", startsChunk(previous: previous, current: current) { start = index }
            previous = current
        }
        if let open = start { result.append(Chunk(start: open, end: tags.count, type: previous.1)) }
        return result
    }

    /// IOBES tags (single-token chunks S-, last tokens E-) for a tag sequence in any scheme.
    public static func iobes(_ tags: [String]) -> [String] {
        var result = [String](repeating: "O", count: tags.count)
        for chunk in chunks(tags) {
            if chunk.end - chunk.start == 1 {
                result[chunk.start] = "S-" + chunk.type
                continue
            }
            result[chunk.start] = "B-" + chunk.type
            for index in (chunk.start + 1)..<(chunk.end - 1) { result[index] = "I-" + chunk.type }
            result[chunk.end - 1] = "E-" + chunk.type
        }
        return result
    }

    /// The IOBES tag a token has when its sentence is read backwards: B- and E- swap
    /// (the first token of a chunk becomes its last); I-, S- and O are unchanged.
    public static func reversedIOBES(_ tag: String) -> String {
        if tag.hasPrefix("B-") { return "E-" + tag.dropFirst(2) }
        if tag.hasPrefix("E-") { return "B-" + tag.dropFirst(2) }
        return tag
    }

    /// BIO (IOB2) tags for a tag sequence in any scheme.
    public static func bio(_ tags: [String]) -> [String] {
        var result = [String](repeating: "O", count: tags.count)
        for chunk in chunks(tags) {
            result[chunk.start] = "B-" + chunk.type
            for index in (chunk.start + 1)..<max(chunk.start + 1, chunk.end) { result[index] = "I-" + chunk.type }
        }
        return result
    }
}
