import Foundation
import PlexusSupport

/// A binary copy of a graph.json beside it (`graph.json.plxg`), which loads several times
/// faster than the JSON: every distinct string is stored once, and edges name their ends by
/// node position.
///
/// The copy records the size and modification time of the graph.json it was made from; a
/// copy that does not match them, or is damaged, or of another layout, is ignored and made
/// again. It is a cache: a folder where it cannot be written still reads the JSON.
///
/// Layout (little-endian): the magic `PLXGRAPH`, the layout version (UInt32), the JSON's
/// size and modification time in nanoseconds (Int64 each); a string table (count, then
/// length and UTF-8 bytes of each); documents, nodes and edges, with strings as indices
/// into the table and optional values behind a presence byte.
enum GraphSidecar {
    static let magic = Array("PLXGRAPH".utf8)
    static let layout: UInt32 = 1

    /// The copy's path for a graph.json.
    static func path(for jsonPath: String) -> String { jsonPath + ".plxg" }

    /// Size and modification time of a file, or `nil` when it cannot be read.
    static func stamp(of path: String) -> (size: Int64, modified: Int64)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let nanoseconds = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        return (Int64(info.st_size), nanoseconds)
    }

    // MARK: - Writing

    /// The bytes of `graph`, stamped with its JSON's size and time.
    ///
    /// - Complexity: O(size of the graph).
    static func encode(_ graph: Graph, stamp: (size: Int64, modified: Int64)) -> Data {
        var strings: [String] = []
        var index: [String: UInt32] = [:]
        func ref(_ text: String) -> UInt32 {
            if let known = index[text] { return known }
            let new = UInt32(strings.count)
            strings.append(text)
            index[text] = new
            return new
        }
        var body = BinaryWriter()
        func optionalRef(_ text: String?) { body.put(text.map(ref) ?? UInt32.max) }
        func optionalInt(_ value: Int?) {
            body.put(UInt8(value == nil ? 0 : 1))
            body.put(Int64(value ?? 0))
        }
        func counts(_ byDocument: [String: Int]?) {
            guard let byDocument else {
                body.put(UInt32.max)
                return
            }
            body.put(UInt32(byDocument.count))
            for (document, count) in byDocument.sorted(by: { $0.key < $1.key }) {
                body.put(ref(document))
                body.put(Int64(count))
            }
        }
        body.put(UInt32(graph.documents.count))
        for document in graph.documents {
            body.put(ref(document.id))
            body.put(ref(document.path))
            optionalInt(document.line)
            optionalRef(document.title)
            optionalRef(document.date)
            optionalRef(document.url)
            optionalInt(document.sentences)
        }
        var position: [String: UInt32] = [:]
        body.put(UInt32(graph.nodes.count))
        for (offset, node) in graph.nodes.enumerated() {
            position[node.id] = UInt32(offset)
            body.put(ref(node.id))
            body.put(ref(node.label))
            body.put(typeCode(node.type))
            body.put(UInt32(node.aliases.count))
            for alias in node.aliases { body.put(ref(alias)) }
            body.put(Int64(node.mentions))
            body.put(Int64(node.documents))
            counts(node.byDocument)
        }
        body.put(UInt32(graph.edges.count))
        for edge in graph.edges {
            body.put(position[edge.source] ?? UInt32.max)
            body.put(position[edge.target] ?? UInt32.max)
            body.put(UInt8(EdgeKind.allCases.firstIndex(of: edge.kind) ?? 0))
            body.put(edge.polarity.map { UInt8(Polarity.allCases.firstIndex(of: $0) ?? 0) } ?? UInt8.max)
            body.put(Int64(edge.weight))
            body.put(UInt8(edge.confidence == nil ? 0 : 1))
            body.put((edge.confidence ?? 0).bitPattern)
            body.put(UInt32(edge.evidence.count))
            for evidence in edge.evidence {
                body.put(ref(evidence.document))
                body.put(Int64(evidence.sentence))
                body.put(ref(evidence.text))
                optionalRef(evidence.cue)
            }
            counts(edge.byDocument)
        }
        var out = BinaryWriter()
        out.put(bytes: magic)
        out.put(layout)
        out.put(stamp.size)
        out.put(stamp.modified)
        out.put(UInt32(strings.count))
        for text in strings {
            let bytes = Array(text.utf8)
            out.put(UInt32(bytes.count))
            out.put(bytes: bytes)
        }
        out.data.append(body.data)
        return out.data
    }

    static func typeCode(_ type: EntityType) -> UInt8 { UInt8(EntityType.allCases.firstIndex(of: type) ?? 0) }

    // MARK: - Reading

    /// The graph in `bytes`, or `nil` when they are not a copy of a JSON with `stamp` (stale,
    /// damaged, another layout).
    ///
    /// - Complexity: O(size of the graph).
    static func decode(_ bytes: UnsafeRawBufferPointer, stamp: (size: Int64, modified: Int64)) -> Graph? {
        var input = Cursor(bytes: bytes)
        guard let head = input.take(magic.count), Array(head) == magic, input.read(UInt32.self) == layout,
            input.read(Int64.self) == stamp.size, input.read(Int64.self) == stamp.modified,
            let stringCount = input.count()
        else { return nil }
        var strings: [String] = []
        strings.reserveCapacity(stringCount)
        for _ in 0..<stringCount {
            guard let length = input.count(), let raw = input.take(length) else { return nil }
            strings.append(String(decoding: raw, as: UTF8.self))
        }
        func string() -> String? {
            guard let at = input.read(UInt32.self), Int(at) < strings.count else { return nil }
            return strings[Int(at)]
        }
        /// `.some(nil)` for an absent value, `nil` for damage.
        func optionalString() -> String?? {
            guard let at = input.read(UInt32.self) else { return nil }
            if at == UInt32.max { return .some(nil) }
            return Int(at) < strings.count ? .some(strings[Int(at)]) : nil
        }
        func optionalInt() -> Int?? {
            guard let present = input.read(UInt8.self), let value = input.read(Int64.self) else { return nil }
            return .some(present == 0 ? nil : Int(value))
        }
        func counts() -> [String: Int]?? {
            guard let count = input.read(UInt32.self) else { return nil }
            if count == UInt32.max { return .some(nil) }
            var out: [String: Int] = [:]
            out.reserveCapacity(Int(count))
            for _ in 0..<count {
                guard let document = string(), let value = input.read(Int64.self) else { return nil }
                out[document] = Int(value)
            }
            return .some(out)
        }
        guard let documentCount = input.count() else { return nil }
        var documents: [DocumentInfo] = []
        documents.reserveCapacity(documentCount)
        for _ in 0..<documentCount {
            guard let id = string(), let path = string(), let line = optionalInt(), let title = optionalString(),
                let date = optionalString(), let url = optionalString(), let sentences = optionalInt()
            else { return nil }
            documents.append(DocumentInfo(id: id, path: path, line: line, title: title, date: date, url: url, sentences: sentences))
        }
        guard let nodeCount = input.count() else { return nil }
        var nodes: [Node] = []
        nodes.reserveCapacity(nodeCount)
        for _ in 0..<nodeCount {
            guard let id = string(), let label = string(), let code = input.read(UInt8.self), Int(code) < EntityType.allCases.count,
                let aliasCount = input.count()
            else { return nil }
            var aliases: [String] = []
            if aliasCount > 0 { aliases.reserveCapacity(aliasCount) }
            for _ in 0..<aliasCount {
                guard let alias = string() else { return nil }
                aliases.append(alias)
            }
            guard let mentions = input.read(Int64.self), let documentsCount = input.read(Int64.self), let byDocument = counts()
            else { return nil }
            nodes.append(
                Node(
                    id: id, label: label, type: EntityType.allCases[Int(code)], aliases: aliases, mentions: Int(mentions),
                    documents: Int(documentsCount), byDocument: byDocument))
        }
        guard let edgeCount = input.count() else { return nil }
        var edges: [Edge] = []
        edges.reserveCapacity(edgeCount)
        var endPositions: [EdgeEndPositions] = []
        endPositions.reserveCapacity(edgeCount)
        for _ in 0..<edgeCount {
            guard let source = input.read(UInt32.self), Int(source) < nodes.count, let target = input.read(UInt32.self),
                Int(target) < nodes.count, let kindCode = input.read(UInt8.self), Int(kindCode) < EdgeKind.allCases.count,
                let polarityCode = input.read(UInt8.self), polarityCode == UInt8.max || Int(polarityCode) < Polarity.allCases.count,
                let weight = input.read(Int64.self), let hasConfidence = input.read(UInt8.self),
                let confidenceBits = input.read(UInt64.self), let evidenceCount = input.count()
            else { return nil }
            var evidence: [Evidence] = []
            if evidenceCount > 0 { evidence.reserveCapacity(evidenceCount) }
            for _ in 0..<evidenceCount {
                guard let document = string(), let sentence = input.read(Int64.self), let text = string(), let cue = optionalString()
                else { return nil }
                evidence.append(Evidence(document: document, sentence: Int(sentence), text: text, cue: cue))
            }
            guard let byDocument = counts() else { return nil }
            endPositions.append(EdgeEndPositions(source: source, target: target))
            edges.append(
                Edge(
                    source: nodes[Int(source)].id, target: nodes[Int(target)].id, kind: EdgeKind.allCases[Int(kindCode)],
                    polarity: polarityCode == UInt8.max ? nil : Polarity.allCases[Int(polarityCode)], weight: Int(weight),
                    confidence: hasConfidence == 0 ? nil : Double(bitPattern: confidenceBits), evidence: evidence,
                    byDocument: byDocument))
        }
        guard input.isAtEnd else { return nil }
        var graph = Graph(documents: documents, nodes: nodes, edges: edges)
        graph.endPositions = endPositions
        return graph
    }

    /// Reads little-endian values from raw bytes; `nil` past the end.
    struct Cursor {
        let bytes: UnsafeRawBufferPointer
        var offset = 0

        var isAtEnd: Bool { offset == bytes.count }

        mutating func take(_ count: Int) -> UnsafeRawBufferPointer? {
            guard count >= 0, offset + count <= bytes.count else { return nil }
            defer { offset += count }
            return UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)])
        }

        mutating func read<T: FixedWidthInteger>(_: T.Type) -> T? {
            guard let raw = take(MemoryLayout<T>.size) else { return nil }
            return T(littleEndian: raw.loadUnaligned(as: T.self))
        }

        /// A UInt32 count, as an `Int`.
        mutating func count() -> Int? { read(UInt32.self).map(Int.init) }
    }
}
