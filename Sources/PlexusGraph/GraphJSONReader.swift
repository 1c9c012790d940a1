/// Reads graph.json straight from UTF-8 bytes into ``Graph`` values.
///
/// Written by hand because Foundation's `JSONDecoder` is several times slower on large
/// graphs than a query may spend loading (docs/DESIGN-NOTES.md). It reads in one pass over
/// the bytes, O(size of the file). It accepts any valid JSON, skips fields it does not know (the format
/// may grow), and reports the first problem with its line and column or its place in the
/// document (`edges[41].weight`).
struct GraphJSONReader {
    struct Failure: Error {
        var reason: String
    }

    let bytes: UnsafeBufferPointer<UInt8>
    var i = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    // MARK: - Top level

    struct TopLevel {
        var format: String?
        var version: Int?
        var documents: Range<Int>?
        var nodes: Range<Int>?
        var edges: Range<Int>?
    }

    /// First pass: the header fields and where the three arrays are.
    mutating func readTopLevel() throws -> TopLevel {
        var top = TopLevel()
        skipSpace()
        try expect(UInt8(ascii: "{"), "a JSON object")
        skipSpace()
        if peek() == UInt8(ascii: "}") {
            i += 1
            return top
        }
        while true {
            skipSpace()
            let key = try readString()
            skipSpace()
            try expect(UInt8(ascii: ":"), "':'")
            skipSpace()
            let start = i
            switch GraphCodec.File.CodingKeys(stringValue: key) {
            case .format?: top.format = try readOptionalString()
            case .version?: top.version = try readOptionalInt()
            case .documents?:
                try skipValue()
                top.documents = start..<i
            case .nodes?:
                try skipValue()
                top.nodes = start..<i
            case .edges?:
                try skipValue()
                top.edges = start..<i
            case nil: try skipValue()
            }
            skipSpace()
            if try endOfContainer(UInt8(ascii: "}")) { break }
        }
        skipSpace()
        if i < bytes.count { throw syntax("nothing after the top-level object") }
        return top
    }

    /// Reads the array at `range` with `element` for each item.
    mutating func readArray<T>(
        at range: Range<Int>, named name: String, _ element: (inout GraphJSONReader, String) throws -> T
    ) throws -> [T] {
        i = range.lowerBound
        var items: [T] = []
        try expect(UInt8(ascii: "["), "an array for \"\(name)\"")
        skipSpace()
        if peek() == UInt8(ascii: "]") {
            i += 1
            return items
        }
        while true {
            skipSpace()
            items.append(try element(&self, "\(name)[\(items.count)]"))
            skipSpace()
            if try endOfContainer(UInt8(ascii: "]")) { break }
        }
        return items
    }

    /// Calls `field` for each key of an object; unknown keys must be skipped by the callback.
    mutating func readObject(_ place: String, _ field: (inout GraphJSONReader, String) throws -> Void) throws {
        try expect(UInt8(ascii: "{"), "an object at \(place)")
        skipSpace()
        if peek() == UInt8(ascii: "}") {
            i += 1
            return
        }
        while true {
            skipSpace()
            let key = try readString()
            skipSpace()
            try expect(UInt8(ascii: ":"), "':'")
            skipSpace()
            try field(&self, key)
            skipSpace()
            if try endOfContainer(UInt8(ascii: "}")) { return }
        }
    }

    // MARK: - Model values

    mutating func readDocument(_ place: String) throws -> DocumentInfo {
        var id: String?
        var path: String?
        var line: Int?
        var title: String?
        var date: String?
        var url: String?
        var sentences: Int?
        try readObject(place) { reader, key in
            switch DocumentInfo.CodingKeys(stringValue: key) {
            case .id?: id = try reader.readOptionalString()
            case .path?: path = try reader.readOptionalString()
            case .line?: line = try reader.readOptionalInt()
            case .title?: title = try reader.readOptionalString()
            case .date?: date = try reader.readOptionalString()
            case .url?: url = try reader.readOptionalString()
            case .sentences?: sentences = try reader.readOptionalInt()
            case nil: try reader.skipValue()
            }
        }
        guard let id else { throw missing(DocumentInfo.CodingKeys.id, place) }
        guard let path else { throw missing(DocumentInfo.CodingKeys.path, place) }
        return DocumentInfo(id: id, path: path, line: line, title: title, date: date, url: url, sentences: sentences)
    }

    mutating func readNode(_ place: String) throws -> Node {
        var id: String?
        var label: String?
        var type: EntityType?
        var aliases: [String] = []
        var mentions = 0
        var documents = 0
        var byDocument: [String: Int]?
        try readObject(place) { reader, key in
            switch Node.CodingKeys(stringValue: key) {
            case .id?: id = try reader.readOptionalString()
            case .label?: label = try reader.readOptionalString()
            case .type?:
                let text = try reader.readString()
                guard let value = EntityType(rawValue: text) else {
                    throw Failure(reason: "unknown entity type \"\(text)\" at \(place).type")
                }
                type = value
            case .aliases?: aliases = try reader.readStringArray("\(place).aliases")
            case .mentions?: mentions = try reader.readOptionalInt() ?? 0
            case .documents?: documents = try reader.readOptionalInt() ?? 0
            case .byDocument?: byDocument = try reader.readCounts("\(place).byDocument")
            case nil: try reader.skipValue()
            }
        }
        guard let id else { throw missing(Node.CodingKeys.id, place) }
        guard let label else { throw missing(Node.CodingKeys.label, place) }
        guard let type else { throw missing(Node.CodingKeys.type, place) }
        return Node(id: id, label: label, type: type, aliases: aliases, mentions: mentions, documents: documents, byDocument: byDocument)
    }

    mutating func readEdge(_ place: String) throws -> Edge {
        var source: String?
        var target: String?
        var kind: EdgeKind?
        var polarity: Polarity?
        var weight: Int?
        var confidence: Double?
        var evidence: [Evidence] = []
        var byDocument: [String: Int]?
        try readObject(place) { reader, key in
            switch Edge.CodingKeys(stringValue: key) {
            case .source?: source = try reader.readOptionalString()
            case .target?: target = try reader.readOptionalString()
            case .kind?:
                let text = try reader.readString()
                guard let value = EdgeKind(rawValue: text) else { throw Failure(reason: "unknown edge kind \"\(text)\" at \(place).kind") }
                kind = value
            case .polarity?:
                if let text = try reader.readOptionalString() {
                    guard let value = Polarity(rawValue: text) else {
                        throw Failure(reason: "unknown polarity \"\(text)\" at \(place).polarity")
                    }
                    polarity = value
                }
            case .weight?: weight = try reader.readOptionalInt()
            case .confidence?: confidence = try reader.readOptionalDouble()
            case .evidence?:
                let start = reader.i
                try reader.skipValue()
                let end = reader.i
                evidence = try reader.readArray(at: start..<end, named: "\(place).evidence") { inner, place in
                    try inner.readEvidence(place)
                }
            case .byDocument?: byDocument = try reader.readCounts("\(place).byDocument")
            case nil: try reader.skipValue()
            }
        }
        guard let source else { throw missing(Edge.CodingKeys.source, place) }
        guard let target else { throw missing(Edge.CodingKeys.target, place) }
        guard let kind else { throw missing(Edge.CodingKeys.kind, place) }
        guard let weight else { throw missing(Edge.CodingKeys.weight, place) }
        return Edge(
            source: source, target: target, kind: kind, polarity: polarity, weight: weight, confidence: confidence,
            evidence: evidence, byDocument: byDocument)
    }

    mutating func readEvidence(_ place: String) throws -> Evidence {
        var document: String?
        var sentence: Int?
        var text: String?
        var cue: String?
        try readObject(place) { reader, key in
            switch Evidence.CodingKeys(stringValue: key) {
            case .document?: document = try reader.readOptionalString()
            case .sentence?: sentence = try reader.readOptionalInt()
            case .text?: text = try reader.readOptionalString()
            case .cue?: cue = try reader.readOptionalString()
            case nil: try reader.skipValue()
            }
        }
        guard let document else { throw missing(Evidence.CodingKeys.document, place) }
        return Evidence(document: document, sentence: sentence ?? 0, text: text ?? "", cue: cue)
    }

    mutating func readStringArray(_ place: String) throws -> [String] {
        let start = i
        try skipValue()
        let end = i
        defer { i = end }
        return try readArray(at: start..<end, named: place) { reader, _ in try reader.readString() }
    }

    mutating func readCounts(_ place: String) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        try readObject(place) { reader, key in
            guard let value = try reader.readOptionalInt() else { return }
            counts[key] = value
        }
        return counts
    }

    func missing(_ field: some CodingKey, _ place: String) -> Failure {
        Failure(reason: "missing field \"\(field.stringValue)\" at \(place)")
    }

    // MARK: - JSON scalars

    @inline(__always) func peek() -> UInt8? { i < bytes.count ? bytes[i] : nil }

    @inline(__always) mutating func skipSpace() {
        while i < bytes.count {
            let c = bytes[i]
            if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { i += 1 } else { return }
        }
    }

    mutating func expect(_ byte: UInt8, _ what: String) throws {
        guard i < bytes.count, bytes[i] == byte else { throw syntax("expected \(what)") }
        i += 1
    }

    /// After a value in a container: `true` at the closing byte, `false` after a comma.
    mutating func endOfContainer(_ closing: UInt8) throws -> Bool {
        guard i < bytes.count else { throw syntax("the file ends inside an object or array (truncated?)") }
        if bytes[i] == UInt8(ascii: ",") {
            i += 1
            return false
        }
        if bytes[i] == closing {
            i += 1
            return true
        }
        throw syntax("expected ',' or '\(Character(Unicode.Scalar(closing)))'")
    }

    mutating func readOptionalString() throws -> String? {
        if try readNull() { return nil }
        return try readString()
    }

    mutating func readNull() throws -> Bool {
        guard i + 4 <= bytes.count, bytes[i] == UInt8(ascii: "n") else { return false }
        guard bytes[i + 1] == UInt8(ascii: "u"), bytes[i + 2] == UInt8(ascii: "l"), bytes[i + 3] == UInt8(ascii: "l") else {
            throw syntax("invalid literal")
        }
        i += 4
        return true
    }

    mutating func readString() throws -> String {
        guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw syntax("expected a string") }
        i += 1
        let start = i
        var plain = true
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "\"") {
                if plain {
                    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
                    i += 1
                    return text
                }
                break
            }
            if c == UInt8(ascii: "\\") {
                plain = false
                i += 2
                continue
            }
            if c < 0x20 { throw syntax("control character inside a string") }
            i += 1
        }
        guard i < bytes.count else { throw syntax("the file ends inside a string (truncated?)") }
        return try unescape(start..<i)
    }

    mutating func unescape(_ range: Range<Int>) throws -> String {
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var k = range.lowerBound
        while k < range.upperBound {
            let c = bytes[k]
            guard c == UInt8(ascii: "\\") else {
                out.append(c)
                k += 1
                continue
            }
            k += 1
            guard k < range.upperBound else { throw syntax("bad escape") }
            switch bytes[k] {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var value = try hex4(k + 1)
                k += 4
                if (0xD800...0xDBFF).contains(value), k + 6 < range.upperBound, bytes[k + 1] == UInt8(ascii: "\\"),
                    bytes[k + 2] == UInt8(ascii: "u")
                {
                    let low = try hex4(k + 3)
                    if (0xDC00...0xDFFF).contains(low) {
                        value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                        k += 6
                    }
                }
                let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
                out.append(contentsOf: Array(String(scalar).utf8))
            default: throw syntax("bad escape")
            }
            k += 1
        }
        i = range.upperBound + 1
        return String(decoding: out, as: UTF8.self)
    }

    func hex4(_ at: Int) throws -> UInt32 {
        guard at + 4 <= bytes.count else { throw syntax("bad \\u escape") }
        var value: UInt32 = 0
        for k in at..<(at + 4) {
            let c = bytes[k]
            let digit: UInt32
            switch c {
            case 0x30...0x39: digit = UInt32(c - 0x30)
            case 0x41...0x46: digit = UInt32(c - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(c - 0x61 + 10)
            default: throw syntax("bad \\u escape")
            }
            value = value << 4 | digit
        }
        return value
    }

    mutating func readOptionalInt() throws -> Int? {
        if try readNull() { return nil }
        let start = i
        var negative = false
        if peek() == UInt8(ascii: "-") {
            negative = true
            i += 1
        }
        var value = 0
        var digits = 0
        while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 {
            value = value &* 10 &+ Int(bytes[i] - 0x30)
            i += 1
            digits += 1
        }
        guard digits > 0, digits <= 18 else {
            i = start
            throw syntax("expected a whole number")
        }
        if let c = peek(), c == UInt8(ascii: ".") || c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
            i = start
            throw syntax("expected a whole number")
        }
        return negative ? -value : value
    }

    mutating func readOptionalDouble() throws -> Double? {
        if try readNull() { return nil }
        let start = i
        while i < bytes.count, "+-.eE0123456789".utf8.contains(bytes[i]) { i += 1 }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        guard let value = Double(text) else {
            i = start
            throw syntax("expected a number")
        }
        return value
    }

    /// Moves past one JSON value of any kind.
    mutating func skipValue() throws {
        guard let c = peek() else { throw syntax("the file ends where a value was expected (truncated?)") }
        switch c {
        case UInt8(ascii: "\""):
            _ = try readSkippedString()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: "\"") {
                    try readSkippedString()
                    continue
                }
                if b == UInt8(ascii: "{") || b == UInt8(ascii: "[") { depth += 1 }
                if b == UInt8(ascii: "}") || b == UInt8(ascii: "]") {
                    depth -= 1
                    if depth == 0 {
                        i += 1
                        return
                    }
                }
                i += 1
            }
            throw syntax("the file ends inside an object or array (truncated?)")
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            let literal: [UInt8] =
                c == UInt8(ascii: "t") ? Array("true".utf8) : (c == UInt8(ascii: "f") ? Array("false".utf8) : Array("null".utf8))
            guard i + literal.count <= bytes.count, Array(bytes[i..<(i + literal.count)]) == literal else {
                throw syntax("invalid literal")
            }
            i += literal.count
        default:
            let start = i
            while i < bytes.count, "+-.eE0123456789".utf8.contains(bytes[i]) { i += 1 }
            if i == start { throw syntax("unexpected character") }
        }
    }

    mutating func readSkippedString() throws {
        i += 1
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "\\") {
                i += 2
                continue
            }
            i += 1
            if c == UInt8(ascii: "\"") { return }
        }
        throw syntax("the file ends inside a string (truncated?)")
    }

    /// A syntax error at the current position, with line and column.
    func syntax(_ what: String) -> Failure {
        var line = 1
        var column = 1
        for k in 0..<min(i, bytes.count) {
            if bytes[k] == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return Failure(reason: "invalid JSON at line \(line), column \(column): \(what)")
    }
}
