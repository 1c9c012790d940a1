import Dispatch
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
        var data = Data(capacity: out.bytes.count + body.bytes.count)
        data.append(contentsOf: out.bytes)
        data.append(contentsOf: body.bytes)
        return data
    }

    static func typeCode(_ type: EntityType) -> UInt8 { UInt8(EntityType.allCases.firstIndex(of: type) ?? 0) }

    // MARK: - Reading

    /// The graph in `bytes`, or `nil` when they are not a copy of a JSON with `stamp` (stale,
    /// damaged, another layout).
    ///
    /// A large graph's edges are decoded on every core, each core a run of them: a quick
    /// pass over the edge records finds where each run starts.
    ///
    /// - Complexity: O(size of the graph).
    /// - Parameter runs: how many runs to cut the edges into; by default one per core for a
    ///   graph of 100,000 edges or more, else one.
    static func decode(_ bytes: UnsafeRawBufferPointer, stamp: (size: Int64, modified: Int64), runs: Int? = nil) -> Graph? {
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
        guard let documentCount = input.count() else { return nil }
        var documents: [DocumentInfo] = []
        documents.reserveCapacity(documentCount)
        for _ in 0..<documentCount {
            guard let id = input.string(in: strings), let path = input.string(in: strings), let line = input.optionalInt(),
                let title = input.optionalString(in: strings), let date = input.optionalString(in: strings),
                let url = input.optionalString(in: strings), let sentences = input.optionalInt()
            else { return nil }
            documents.append(DocumentInfo(id: id, path: path, line: line, title: title, date: date, url: url, sentences: sentences))
        }
        guard let nodeCount = input.count() else { return nil }
        var nodes: [Node] = []
        nodes.reserveCapacity(nodeCount)
        for _ in 0..<nodeCount {
            guard let id = input.string(in: strings), let label = input.string(in: strings), let code = input.read(UInt8.self),
                Int(code) < EntityType.allCases.count, let aliasCount = input.count()
            else { return nil }
            var aliases: [String] = []
            if aliasCount > 0 { aliases.reserveCapacity(aliasCount) }
            for _ in 0..<aliasCount {
                guard let alias = input.string(in: strings) else { return nil }
                aliases.append(alias)
            }
            guard let mentions = input.read(Int64.self), let documentsCount = input.read(Int64.self),
                let byDocument = input.counts(in: strings)
            else { return nil }
            nodes.append(
                Node(
                    id: id, label: label, type: EntityType.allCases[Int(code)], aliases: aliases, mentions: Int(mentions),
                    documents: Int(documentsCount), byDocument: byDocument))
        }
        guard let edgeCount = input.count() else { return nil }
        // Where each run of edges starts.
        let runCount = max(1, runs ?? (edgeCount < 100_000 ? 1 : ProcessInfo.processInfo.activeProcessorCount))
        var edgeRuns: [(offset: Int, edges: Range<Int>)] = []
        var scan = input
        for run in 0..<runCount {
            let first = edgeCount * run / runCount
            let end = edgeCount * (run + 1) / runCount
            edgeRuns.append((scan.offset, first..<end))
            for _ in first..<end {
                guard scan.skipEdge() else { return nil }
            }
        }
        guard scan.isAtEnd else { return nil }
        let frozenRuns = edgeRuns
        let frozenNodes = nodes
        let frozenStrings = strings
        nonisolated(unsafe) let bytes = bytes
        // Each run initialises its own range of the two arrays; a damaged run leaves what it
        // initialised, which is counted and deinitialised before giving up.
        var complete = true
        var endPositions: [EdgeEndPositions] = []
        let edges = [Edge](unsafeUninitializedCapacity: edgeCount) { edgeBuffer, initialised in
            endPositions = [EdgeEndPositions](unsafeUninitializedCapacity: edgeCount) { positionBuffer, positionsInitialised in
                nonisolated(unsafe) let (edgeBuffer, positionBuffer) = (edgeBuffer, positionBuffer)
                let decoded = UnsafeMutableBufferPointer<Int>.allocate(capacity: frozenRuns.count)
                defer { decoded.deallocate() }
                nonisolated(unsafe) let done = decoded
                DispatchQueue.concurrentPerform(iterations: frozenRuns.count) { run in
                    var cursor = Cursor(bytes: bytes, offset: frozenRuns[run].offset)
                    var count = 0
                    for index in frozenRuns[run].edges {
                        guard let (edge, ends) = cursor.edge(strings: frozenStrings, nodes: frozenNodes) else { break }
                        edgeBuffer.initializeElement(at: index, to: edge)
                        positionBuffer[index] = ends
                        count += 1
                    }
                    done[run] = count
                }
                complete = zip(frozenRuns, decoded).allSatisfy { $0.edges.count == $1 }
                if !complete {
                    for (run, count) in zip(frozenRuns, decoded) {
                        edgeBuffer.extracting(run.edges.lowerBound..<(run.edges.lowerBound + count)).deinitialize()
                    }
                }
                positionsInitialised = complete ? edgeCount : 0
            }
            initialised = complete ? edgeCount : 0
        }
        guard complete else { return nil }
        var graph = Graph(documents: documents, nodes: nodes, edges: edges)
        graph.endPositions = endPositions
        return graph
    }

    /// Reads little-endian values from raw bytes; `nil` past the end.
    struct Cursor {
        let bytes: UnsafeRawBufferPointer
        var offset = 0

        /// A string named by its position in `strings`.
        mutating func string(in strings: [String]) -> String? {
            guard let at = read(UInt32.self), Int(at) < strings.count else { return nil }
            return strings[Int(at)]
        }

        /// `.some(nil)` for an absent string, `nil` for damage.
        mutating func optionalString(in strings: [String]) -> String?? {
            guard let at = read(UInt32.self) else { return nil }
            if at == UInt32.max { return .some(nil) }
            return Int(at) < strings.count ? .some(strings[Int(at)]) : nil
        }

        /// `.some(nil)` for an absent number, `nil` for damage.
        mutating func optionalInt() -> Int?? {
            guard let present = read(UInt8.self), let value = read(Int64.self) else { return nil }
            return .some(present == 0 ? nil : Int(value))
        }

        /// Counts per document: `.some(nil)` when absent, `nil` for damage.
        mutating func counts(in strings: [String]) -> [String: Int]?? {
            guard let count = read(UInt32.self) else { return nil }
            if count == UInt32.max { return .some(nil) }
            var out: [String: Int] = [:]
            out.reserveCapacity(Int(count))
            for _ in 0..<count {
                guard let document = string(in: strings), let value = read(Int64.self) else { return nil }
                out[document] = Int(value)
            }
            return .some(out)
        }

        /// One edge record and where its ends sit among `nodes`, or `nil` for damage.
        mutating func edge(strings: [String], nodes: [Node]) -> (Edge, EdgeEndPositions)? {
            guard let source = read(UInt32.self), Int(source) < nodes.count, let target = read(UInt32.self),
                Int(target) < nodes.count, let kindCode = read(UInt8.self), Int(kindCode) < EdgeKind.allCases.count,
                let polarityCode = read(UInt8.self), polarityCode == UInt8.max || Int(polarityCode) < Polarity.allCases.count,
                let weight = read(Int64.self), let hasConfidence = read(UInt8.self),
                let confidenceBits = read(UInt64.self), let evidenceCount = count()
            else { return nil }
            var evidence: [Evidence] = []
            if evidenceCount > 0 { evidence.reserveCapacity(evidenceCount) }
            for _ in 0..<evidenceCount {
                guard let document = string(in: strings), let sentence = read(Int64.self), let text = string(in: strings),
                    let cue = optionalString(in: strings)
                else { return nil }
                evidence.append(Evidence(document: document, sentence: Int(sentence), text: text, cue: cue))
            }
            guard let byDocument = counts(in: strings) else { return nil }
            let edge = Edge(
                source: nodes[Int(source)].id, target: nodes[Int(target)].id, kind: EdgeKind.allCases[Int(kindCode)],
                polarity: polarityCode == UInt8.max ? nil : Polarity.allCases[Int(polarityCode)], weight: Int(weight),
                confidence: hasConfidence == 0 ? nil : Double(bitPattern: confidenceBits), evidence: evidence,
                byDocument: byDocument)
            return (edge, EdgeEndPositions(source: source, target: target))
        }

        /// Steps over one edge record (see ``GraphSidecar/encode(_:stamp:)``); `false` past
        /// the end.
        mutating func skipEdge() -> Bool {
            // Ends, kind, polarity, weight, confidence flag and bits.
            guard take(4 + 4 + 1 + 1 + 8 + 1 + 8) != nil, let evidenceCount = count(),
                take(evidenceCount * (4 + 8 + 4 + 4)) != nil, let documents = read(UInt32.self)
            else { return false }
            return documents == UInt32.max || take(Int(documents) * (4 + 8)) != nil
        }

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
