import Corpus
import Foundation

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

    struct File: Codable {
        var format: String
        var version: Int
        var documents: [DocumentInfo]
        var nodes: [Node]
        var edges: [Edge]
    }

    struct Header: Decodable {
        var format: String?
        var version: Int?
    }

    /// The JSON text of a graph.
    ///
    /// - Complexity: O(size of the graph).
    public static func encode(_ graph: Graph) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(
            File(format: formatName, version: version, documents: graph.documents, nodes: graph.nodes, edges: graph.edges))
        data.append(UInt8(ascii: "\n"))
        return data
    }

    /// Writes a graph to `path` atomically.
    ///
    /// - Throws: `AtomicFile.WriteError` when the file cannot be written.
    public static func write(_ graph: Graph, to path: String) throws {
        try AtomicFile.write(try encode(graph), to: path)
    }

    /// Reads and checks a graph file.
    ///
    /// - Throws: ``GraphFileError`` naming the file and the problem.
    /// - Complexity: O(size of the file).
    public static func read(from path: String) throws -> Graph {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let exists = FileManager.default.fileExists(atPath: path)
            throw GraphFileError(path: path, reason: exists ? "cannot be read" : "no such file; run `plexus build` first")
        }
        return try decode(data, path: path)
    }

    /// Decodes and checks graph JSON; `path` is used in messages.
    ///
    /// - Throws: ``GraphFileError``.
    public static func decode(_ data: Data, path: String) throws -> Graph {
        let decoder = JSONDecoder()
        let header: Header
        do {
            header = try decoder.decode(Header.self, from: data)
        } catch {
            throw GraphFileError(path: path, reason: "not valid JSON (truncated or not a graph file)")
        }
        guard header.format == formatName else {
            throw GraphFileError(
                path: path, reason: "not a Plexus graph (format is \(header.format.map { "\"\($0)\"" } ?? "missing"), expected \"\(formatName)\")")
        }
        guard header.version == version else {
            throw GraphFileError(
                path: path, reason: "graph format version \(header.version.map(String.init) ?? "missing") is not supported (this plexus reads version \(version))")
        }
        let file: File
        do {
            file = try decoder.decode(File.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw GraphFileError(path: path, reason: "missing field \"\(key.stringValue)\" at \(describe(context.codingPath))")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw GraphFileError(path: path, reason: "wrong value at \(describe(context.codingPath))")
        } catch let DecodingError.dataCorrupted(context) {
            throw GraphFileError(path: path, reason: "invalid value at \(describe(context.codingPath))")
        } catch {
            throw GraphFileError(path: path, reason: "cannot be decoded")
        }
        var graph = Graph(documents: file.documents, nodes: file.nodes, edges: file.edges)
        graph.nodes.sort { $0.id < $1.id }
        var ids = Set<String>()
        for node in graph.nodes where !ids.insert(node.id).inserted {
            throw GraphFileError(path: path, reason: "node id \"\(node.id)\" appears twice")
        }
        for (index, edge) in graph.edges.enumerated() {
            for end in [edge.source, edge.target] where !ids.contains(end) {
                throw GraphFileError(path: path, reason: "edge \(index + 1) (\(edge.source) → \(edge.target)) refers to unknown node \"\(end)\"")
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

    static func describe(_ path: [CodingKey]) -> String {
        if path.isEmpty { return "top level" }
        return path.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
    }
}
