/// Writes graph.json's text, byte for byte as Foundation's `JSONEncoder` writes it.
///
/// The encoder's settings are `.prettyPrinted`, `.sortedKeys` and `.withoutEscapingSlashes`
/// on ``GraphCodec/File``: two spaces a level, `"key" : value`, keys in order, an empty
/// array as `[`, a blank line, `]`, doubles as their shortest text without a trailing `.0`.
/// Files written before and after read and compare the same; a test compares the two on
/// every field.
///
/// Why hand-written: the encoder builds a tree of boxed values for the whole graph and then
/// walks it, and for a corpus's graph (a hundred megabytes of evidence text) that took a
/// tenth of a whole build. This appends bytes straight from the graph, and the caller
/// writes the elements of each array in parallel chunks.
///
/// Cost: O(bytes written).
struct GraphJSONWriter {
    private(set) var bytes: [UInt8] = []

    /// A writer with room for about `capacity` bytes.
    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// A document's object at `indent` spaces.
    mutating func write(_ document: DocumentInfo, indent: Int) throws {
        var object = ObjectFields(indent: indent)
        object.field("date", document.date.map(Value.string), into: &self)
        object.field("id", .string(document.id), into: &self)
        object.field("line", document.line.map(Value.integer), into: &self)
        object.field("path", .string(document.path), into: &self)
        object.field("sentences", document.sentences.map(Value.integer), into: &self)
        object.field("title", document.title.map(Value.string), into: &self)
        object.field("url", document.url.map(Value.string), into: &self)
        object.close(into: &self)
    }

    /// A node's object at `indent` spaces.
    mutating func write(_ node: Node, indent: Int) throws {
        var object = ObjectFields(indent: indent)
        object.open("aliases", into: &self)
        writeArray(node.aliases, indent: indent + 4) { writer, alias, _ in writer.string(alias) }
        object.field("byDocument", node.byDocument.map(Value.counts), into: &self)
        object.field("documents", .integer(node.documents), into: &self)
        object.field("id", .string(node.id), into: &self)
        object.field("label", .string(node.label), into: &self)
        object.field("mentions", .integer(node.mentions), into: &self)
        object.field("type", .string(node.type.rawValue), into: &self)
        object.close(into: &self)
    }

    /// An edge's object at `indent` spaces.
    ///
    /// - Throws: `EncodingError.invalidValue` for a confidence that is not a finite number,
    ///   as the encoder does.
    mutating func write(_ edge: Edge, indent: Int) throws {
        var object = ObjectFields(indent: indent)
        object.field("byDocument", edge.byDocument.map(Value.counts), into: &self)
        if let confidence = edge.confidence {
            guard confidence.isFinite else {
                throw EncodingError.invalidValue(
                    confidence, .init(codingPath: [], debugDescription: "Unable to encode Double.\(confidence) directly in JSON."))
            }
            object.field("confidence", .double(confidence), into: &self)
        }
        object.open("evidence", into: &self)
        writeArray(edge.evidence, indent: indent + 4) { writer, evidence, indent in
            var fields = ObjectFields(indent: indent)
            fields.field("cue", evidence.cue.map(Value.string), into: &writer)
            fields.field("document", .string(evidence.document), into: &writer)
            fields.field("sentence", .integer(evidence.sentence), into: &writer)
            fields.field("text", .string(evidence.text), into: &writer)
            fields.close(into: &writer)
        }
        object.field("kind", .string(edge.kind.rawValue), into: &self)
        object.field("polarity", edge.polarity.map { Value.string($0.rawValue) }, into: &self)
        object.field("source", .string(edge.source), into: &self)
        object.field("target", .string(edge.target), into: &self)
        object.field("weight", .integer(edge.weight), into: &self)
        object.close(into: &self)
    }

    /// Appends raw text.
    mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// Appends bytes written elsewhere.
    mutating func append(_ other: [UInt8]) { bytes.append(contentsOf: other) }

    /// A line break and `indent` spaces.
    mutating func newline(indent: Int) {
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
    }

    /// An array whose elements stand at `indent` spaces, the closing bracket two less.
    mutating func writeArray<Element>(_ items: [Element], indent: Int, _ element: (inout GraphJSONWriter, Element, Int) -> Void) {
        bytes.append(UInt8(ascii: "["))
        for (index, item) in items.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            newline(indent: indent)
            element(&self, item, indent)
        }
        if items.isEmpty { bytes.append(UInt8(ascii: "\n")) }
        newline(indent: indent - 2)
        bytes.append(UInt8(ascii: "]"))
    }

    /// A JSON string: quotes, backslashes and control characters escaped, all else as it is.
    mutating func string(_ text: String) {
        func escaped(_ letter: Unicode.Scalar) {
            bytes.append(UInt8(ascii: "\\"))
            bytes.append(UInt8(ascii: letter))
        }
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): escaped("\"")
            case UInt8(ascii: "\\"): escaped("\\")
            case 0x08: escaped("b")
            case 0x09: escaped("t")
            case 0x0A: escaped("n")
            case 0x0C: escaped("f")
            case 0x0D: escaped("r")
            case 0x00..<0x20:
                escaped("u")
                bytes.append(UInt8(ascii: "0"))
                bytes.append(UInt8(ascii: "0"))
                bytes.append(Self.hexDigits[Int(byte >> 4)])
                bytes.append(Self.hexDigits[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// A value of a field.
    enum Value {
        case string(String)
        case integer(Int)
        case double(Double)
        /// Counts by key, as an object with its keys in order.
        case counts([String: Int])
    }

    mutating func write(_ value: Value, indent: Int) {
        switch value {
        case .string(let text): string(text)
        case .integer(let number): append(String(number))
        case .double(let number):
            var text = number.description
            if text.hasSuffix(".0") { text.removeLast(2) }
            append(text)
        case .counts(let counts):
            var object = ObjectFields(indent: indent)
            for (key, count) in counts.sorted(by: { $0.key < $1.key }) { object.field(key, .integer(count), into: &self) }
            object.close(into: &self)
        }
    }

    /// The fields of one object, written in the order given (the callers give them sorted).
    struct ObjectFields {
        let indent: Int
        var count = 0

        init(indent: Int) { self.indent = indent }

        /// Writes `"name" : value`, or nothing for `nil`.
        mutating func field(_ name: String, _ value: Value?, into writer: inout GraphJSONWriter) {
            guard let value else { return }
            open(name, into: &writer)
            writer.write(value, indent: indent + 2)
        }

        /// Writes `"name" : ` and leaves the value to the caller.
        mutating func open(_ name: String, into writer: inout GraphJSONWriter) {
            writer.bytes.append(UInt8(ascii: count == 0 ? "{" : ","))
            writer.newline(indent: indent + 2)
            writer.string(name)
            writer.append(" : ")
            count += 1
        }

        /// Closes the object; an empty one is `{`, a blank line, `}`.
        func close(into writer: inout GraphJSONWriter) {
            if count == 0 { writer.bytes.append(contentsOf: Array("{\n".utf8)) }
            writer.newline(indent: indent)
            writer.bytes.append(UInt8(ascii: "}"))
        }
    }
}
