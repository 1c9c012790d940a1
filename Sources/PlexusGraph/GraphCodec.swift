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

    /// The bytes of graph.json for a graph, ending in a line break: the arrays' elements are
    /// written in parallel chunks by ``GraphJSONWriter``, which writes what `JSONEncoder`
    /// (pretty-printed, sorted keys, slashes unescaped) would.
    ///
    /// - Throws: `EncodingError` for a confidence that is not a finite number.
    /// - Complexity: O(size of the file), spread over the cores.
    public static func encode(_ graph: Graph) throws -> Data {
        Data(try pieces(of: graph).joined())
    }

    /// graph.json's bytes in the order they are written, not joined: the top level's text
    /// and each array's chunks.
    static func pieces(of graph: Graph) throws -> [[UInt8]] {
        var pieces = [Array("{\n  \"documents\" : ".utf8)]
        pieces += try arrayText(graph.documents) { try $0.write($1, indent: 4) }
        pieces.append(Array(",\n  \"edges\" : ".utf8))
        pieces += try arrayText(graph.edges) { try $0.write($1, indent: 4) }
        var format = GraphJSONWriter()
        format.append(",\n  \"format\" : ")
        format.string(formatName)
        format.append(",\n  \"nodes\" : ")
        pieces.append(format.bytes)
        pieces += try arrayText(graph.nodes) { try $0.write($1, indent: 4) }
        pieces.append(Array(",\n  \"version\" : \(version)\n}\n".utf8))
        return pieces
    }

    /// The text of one top-level array in pieces: its elements written in parallel chunks.
    static func arrayText<Element: Sendable>(
        _ items: [Element], _ write: @escaping @Sendable (inout GraphJSONWriter, Element) throws -> Void
    ) throws -> [[UInt8]] {
        let chunkSize = max(512, items.count / 32)
        let chunks = stride(from: 0, to: items.count, by: chunkSize).map { $0..<min($0 + chunkSize, items.count) }
        let parts = parallelMap(chunks) { range -> Result<[UInt8], any Error> in
            Result {
                var writer = GraphJSONWriter()
                // Each chunk but the first begins with the comma after the one before.
                if range.lowerBound > 0 { writer.append(",") }
                for index in range {
                    if index > range.lowerBound { writer.append(",") }
                    writer.newline(indent: 4)
                    try write(&writer, items[index])
                }
                return writer.bytes
            }
        }
        guard !parts.isEmpty else { return [Array("[\n\n  ]".utf8)] }
        return [Array("[".utf8)] + (try parts.map { try $0.get() }) + [Array("\n  ]".utf8)]
    }

    /// Writes a graph to `path` atomically.
    ///
    /// - Throws: `AtomicFile.WriteError` when the file cannot be written.
    public static func write(_ graph: Graph, to path: String) throws {
        let pieces = try pieces(of: graph)
        try AtomicFile.write(to: path) { emit in
            for piece in pieces { try emit(piece) }
        }
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
