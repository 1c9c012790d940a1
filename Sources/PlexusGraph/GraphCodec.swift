import Foundation
import PlexusSupport

/// Why a graph file could not be read.
public struct GraphFileError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The file.
    public var path: String
    /// What is wrong with it, in words a user can act on.
    public var reason: String

    /// Creates an error.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// `path: reason`.
    public var description: String { "\(path): \(reason)" }
}

/// Reads and writes graph.json (format `plexus-graph`, version 1; see ARCHITECTURE.md).
///
/// Writing is deterministic (sorted keys, sorted nodes and edges) and atomic; reading
/// checks the format name and version and that every edge's ends are nodes.
public enum GraphCodec {
    /// The format name written in every file.
    public static let formatName = "plexus-graph"
    /// The version this code writes and reads.
    public static let version = 1

    /// The top level of graph.json.
    ///
    /// Its keys, and the `CodingKeys` of ``DocumentInfo``,
    /// ``Node``, ``Edge`` and ``Evidence``, are the one schema both the writer (through
    /// `Encodable`) and ``GraphJSONReader`` use.
    struct File: Codable {
        var format: String
        var version: Int
        var documents: [DocumentInfo]
        var nodes: [Node]
        var edges: [Edge]

        enum CodingKeys: String, CodingKey, CaseIterable {
            case format, version, documents, nodes, edges
        }
    }

    /// The top level with each array replaced by a marker string, for ``encode(_:)``.
    struct Skeleton: Encodable {
        var format: String
        var version: Int
        var documents: String
        var nodes: String
        var edges: String

        typealias CodingKeys = File.CodingKeys
    }

    static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// The JSON text of a graph: exactly what `JSONEncoder` (pretty-printed, sorted keys)
    /// writes for the whole file, but with the three arrays encoded in chunks on all cores.
    ///
    /// Foundation's encoder works on one thread and was the longest serial step of a corpus
    /// build; the chunks are spliced into the top level's text with the indentation the
    /// encoder gives an array one level down. A graph with an empty array is encoded whole.
    ///
    /// - Complexity: O(size of the graph), spread over the cores.
    public static func encode(_ graph: Graph) throws -> Data {
        var data: Data
        if graph.documents.isEmpty || graph.nodes.isEmpty || graph.edges.isEmpty {
            data = try makeEncoder().encode(
                File(format: formatName, version: version, documents: graph.documents, nodes: graph.nodes, edges: graph.edges))
        } else {
            func marker(_ key: File.CodingKeys) -> String { "@@plexus-array:\(key.stringValue)@@" }
            let skeleton = try makeEncoder().encode(
                Skeleton(format: formatName, version: version, documents: marker(.documents), nodes: marker(.nodes), edges: marker(.edges)))
            let arrays = [
                (marker(.documents), try arrayText(graph.documents)), (marker(.nodes), try arrayText(graph.nodes)),
                (marker(.edges), try arrayText(graph.edges)),
            ]
            // Splice each array where its marker stands, in the order the sorted keys put them.
            var places: [(range: Range<Data.Index>, text: Data)] = []
            for (marker, text) in arrays {
                guard let found = skeleton.range(of: Data("\"\(marker)\"".utf8)) else {
                    throw EncodingError.invalidValue(marker, .init(codingPath: [], debugDescription: "no place for \(marker)"))
                }
                places.append((found, text))
            }
            data = Data()
            var cursor = skeleton.startIndex
            for place in places.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
                data.append(skeleton[cursor..<place.range.lowerBound])
                data.append(place.text)
                cursor = place.range.upperBound
            }
            data.append(skeleton[cursor...])
        }
        data.append(UInt8(ascii: "\n"))
        return data
    }

    /// One non-empty array as the encoder writes it one level below the top: "[", its
    /// elements indented by four spaces and separated by ",", then "  ]".
    static func arrayText<Element: Encodable & Sendable>(_ items: [Element]) throws -> Data {
        let chunkSize = max(512, items.count / 32)
        let chunks = stride(from: 0, to: items.count, by: chunkSize).map { $0..<min($0 + chunkSize, items.count) }
        let parts = parallelMap(chunks) { range -> Result<Data, any Error> in
            Result {
                // A chunk alone is "[\n  {…},\n  {…}\n]": its elements one level deep, so each
                // line takes two more spaces and the brackets go.
                let whole = try makeEncoder().encode(Array(items[range]))
                let newline = UInt8(ascii: "\n")
                let space = UInt8(ascii: " ")
                let out = whole.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Data in
                    let inner = raw[2..<(raw.count - 2)]
                    var bytes = [UInt8]()
                    bytes.reserveCapacity(inner.count + inner.count / 8)
                    bytes.append(space)
                    bytes.append(space)
                    for byte in inner {
                        bytes.append(byte)
                        if byte == newline {
                            bytes.append(space)
                            bytes.append(space)
                        }
                    }
                    return Data(bytes)
                }
                return out
            }
        }
        var data = Data("[\n".utf8)
        for (index, part) in parts.enumerated() {
            if index > 0 { data.append(contentsOf: Array(",\n".utf8)) }
            data.append(try part.get())
        }
        data.append(contentsOf: Array("\n  ]".utf8))
        return data
    }

    /// Writes a graph to `path` atomically.
    ///
    /// - Throws: `AtomicFile.WriteError` when the file cannot be written.
    public static func write(_ graph: Graph, to path: String) throws {
        try AtomicFile.write(try encode(graph), to: path)
    }

    /// Reads and checks a graph file, from its binary copy (``GraphSidecar``) when that
    /// matches the file, otherwise from the JSON, leaving a copy for the next read.
    ///
    /// - Throws: ``GraphFileError`` naming the file and the problem.
    /// - Complexity: O(size of the file).
    public static func read(from path: String) throws -> Graph {
        let stamp = GraphSidecar.stamp(of: path)
        let copyPath = GraphSidecar.path(for: path)
        // A missing or unreadable copy is no error (hence `try?`): the JSON is read instead.
        if let stamp, let copy = try? Data(contentsOf: URL(fileURLWithPath: copyPath), options: .alwaysMapped),
            let graph = copy.withUnsafeBytes({ GraphSidecar.decode($0, stamp: stamp) })
        {
            return graph
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let exists = FileManager.default.fileExists(atPath: path)
            throw GraphFileError(path: path, reason: exists ? "cannot be read" : "no such file; run `plexus build` first")
        }
        let graph = try decode(data, path: path)
        // The copy is a cache: where it cannot be written (a read-only folder), every read
        // takes the JSON, and nothing else changes.
        if let stamp, stamp.size == Int64(data.count) {
            do {
                try AtomicFile.write(GraphSidecar.encode(graph, stamp: stamp), to: copyPath)
            } catch {
                return graph
            }
        }
        return graph
    }

    /// Decodes and checks graph JSON; `path` is used in messages.
    ///
    /// - Throws: ``GraphFileError``.
    /// - Complexity: O(size of the data); see ``GraphJSONReader``.
    public static func decode(_ data: Data, path: String) throws -> Graph {
        var graph = try data.withUnsafeBytes { raw -> Graph in
            var reader = GraphJSONReader(raw.bindMemory(to: UInt8.self))
            do {
                let top = try reader.readTopLevel()
                guard top.format == formatName else {
                    throw GraphFileError(
                        path: path,
                        reason: "not a Plexus graph (format is \(top.format.map { "\"\($0)\"" } ?? "missing"), expected \"\(formatName)\")")
                }
                guard top.version == version else {
                    throw GraphFileError(
                        path: path,
                        reason:
                            "graph format version \(top.version.map(String.init) ?? "missing") is not supported (this plexus reads version \(version))"
                    )
                }
                guard let documents = top.documents else {
                    throw GraphFileError(path: path, reason: "missing field \"\(File.CodingKeys.documents.stringValue)\" at top level")
                }
                guard let nodes = top.nodes else {
                    throw GraphFileError(path: path, reason: "missing field \"\(File.CodingKeys.nodes.stringValue)\" at top level")
                }
                guard let edges = top.edges else {
                    throw GraphFileError(path: path, reason: "missing field \"\(File.CodingKeys.edges.stringValue)\" at top level")
                }
                return Graph(
                    documents: try reader.readArray(at: documents, named: "documents") { try $0.readDocument($1) },
                    nodes: try reader.readArray(at: nodes, named: "nodes") { try $0.readNode($1) },
                    edges: try reader.readArray(at: edges, named: "edges") { try $0.readEdge($1) })
            } catch let failure as GraphJSONReader.Failure {
                throw GraphFileError(path: path, reason: failure.reason)
            }
        }
        graph.nodes.sort { $0.id < $1.id }
        var ids = Set<String>()
        ids.reserveCapacity(graph.nodes.count)
        for node in graph.nodes where !ids.insert(node.id).inserted {
            throw GraphFileError(path: path, reason: "node id \"\(node.id)\" appears twice")
        }
        for (index, edge) in graph.edges.enumerated() {
            for end in [edge.source, edge.target] where !ids.contains(end) {
                throw GraphFileError(
                    path: path, reason: "edge \(index + 1) (\(edge.source) → \(edge.target)) refers to unknown node \"\(end)\"")
            }
            if edge.kind == .stance, edge.polarity == nil {
                throw GraphFileError(path: path, reason: "stance edge \(index + 1) (\(edge.source) → \(edge.target)) has no polarity")
            }
            if edge.weight < 0 {
                throw GraphFileError(path: path, reason: "edge \(index + 1) has a negative weight")
            }
        }
        return graph
    }

}
