import Foundation

/// One sentence of a CoNLL-U file: its words (multiword tokens and empty nodes left out)
/// with their tags, heads and relations.
public struct UDSentence: Sendable, Equatable {
    /// The 1-based line its first word is on.
    public var line: Int
    /// Which document (`# newdoc`) it belongs to, counted from 0.
    public var document: Int
    /// Word forms.
    public var words: [String]
    /// Universal part-of-speech tags.
    public var upos: [String]
    /// Language-specific tags (Penn Treebank tags for English).
    public var xpos: [String]
    /// Heads, 1-based, 0 for the root.
    public var heads: [Int]
    /// Relations (UD v2, with subtypes).
    public var relations: [String]

    /// Whether no two arcs cross (every subtree covers a contiguous span).
    ///
    /// - Complexity: O(n²).
    public var isProjective: Bool {
        let arcs = heads.enumerated().map { (min($0.offset + 1, $0.element), max($0.offset + 1, $0.element)) }
        for (a, b) in arcs {
            if arcs.contains(where: { c, d in (a < c && c < b && b < d) || (c < a && a < d && d < b) }) { return false }
        }
        return true
    }
}

/// Why a CoNLL-U file could not be read.
public struct CoNLLUError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The file.
    public var path: String
    /// The 1-based line, when there is one.
    public var line: Int?
    /// What is wrong.
    public var reason: String

    /// `path[:line]: reason`.
    public var description: String { line.map { "\(path):\($0): \(reason)" } ?? "\(path): \(reason)" }
}

/// Reads CoNLL-U (Universal Dependencies): ten tab-separated columns per word, blank lines
/// between sentences, `#` comments.
///
/// Multiword-token lines (`1-2`) and empty nodes (`8.1`) are
/// read and skipped, as parsers of basic trees do; a wrong column count, a word number out
/// of order, a head out of range, a sentence without exactly one root, or a cycle is an
/// error naming the file and line.
public enum CoNLLUReader {
    /// Reads a file.
    ///
    /// - Throws: ``CoNLLUError`` naming the file and line.
    /// - Complexity: O(size of the file).
    public static func read(from path: String) throws -> [UDSentence] {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            let exists = FileManager.default.fileExists(atPath: path)
            throw CoNLLUError(path: path, line: nil, reason: exists ? "cannot be read as UTF-8 text" : "no such file")
        }
        let sentences = try parse(text, path: path)
        guard !sentences.isEmpty else { throw CoNLLUError(path: path, line: nil, reason: "holds no sentences") }
        return sentences
    }

    /// Reads CoNLL-U text; `path` names it in errors.
    ///
    /// - Throws: ``CoNLLUError``.
    public static func parse(_ text: String, path: String) throws -> [UDSentence] {
        var sentences: [UDSentence] = []
        var document = -1
        var current = UDSentence(line: 0, document: 0, words: [], upos: [], xpos: [], heads: [], relations: [])
        var headLines: [Int] = []
        func finish() throws {
            guard !current.words.isEmpty else { return }
            let n = current.words.count
            for (index, head) in current.heads.enumerated() where head > n {
                throw CoNLLUError(path: path, line: headLines[index], reason: "head \(head) is beyond the sentence's \(n) words")
            }
            let roots = current.heads.filter { $0 == 0 }.count
            guard roots == 1 else {
                throw CoNLLUError(path: path, line: current.line, reason: "the sentence has \(roots) roots, not one")
            }
            for start in 0..<n {
                var node = start + 1
                var steps = 0
                while node != 0 {
                    node = current.heads[node - 1]
                    steps += 1
                    if steps > n {
                        throw CoNLLUError(path: path, line: headLines[start], reason: "the heads form a cycle")
                    }
                }
            }
            current.document = max(0, document)
            sentences.append(current)
        }
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.isEmpty {
                try finish()
                current = UDSentence(line: 0, document: 0, words: [], upos: [], xpos: [], heads: [], relations: [])
                headLines = []
                continue
            }
            if line.hasPrefix("#") {
                if line.hasPrefix("# newdoc") { document += 1 }
                continue
            }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count == 10 else {
                throw CoNLLUError(path: path, line: lineNumber, reason: "expected 10 tab-separated columns, found \(columns.count)")
            }
            let id = columns[0]
            if id.contains("-") || id.contains(".") { continue }
            guard let number = Int(id), number == current.words.count + 1 else {
                throw CoNLLUError(path: path, line: lineNumber, reason: "word number \"\(id)\" is out of order")
            }
            guard let head = Int(columns[6]), head >= 0 else {
                throw CoNLLUError(path: path, line: lineNumber, reason: "head \"\(columns[6])\" is not a word number")
            }
            if current.words.isEmpty { current.line = lineNumber }
            current.words.append(String(columns[1]))
            current.upos.append(String(columns[3]))
            current.xpos.append(String(columns[4]))
            current.heads.append(head)
            current.relations.append(String(columns[7]))
            headLines.append(lineNumber)
        }
        try finish()
        return sentences
    }
}
