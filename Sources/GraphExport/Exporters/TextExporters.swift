import Foundation
import PlexusGraph

/// Node-link JSON for D3 (`nodes`, `links`; networkx's node_link format) and Cytoscape.js (`elements`).
enum NodeLinkWriter {
    static func attributes(_ values: [(String, ExportValue)]) -> [String: Any] {
        var object: [String: Any] = [:]
        for (name, value) in values {
            switch value {
            case .text(let text): object[name] = text
            case .integer(let number): object[name] = number
            case .real(let number): object[name] = number
            }
        }
        return object
    }

    static func encode(_ object: Any) -> String {
        let data =
            (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]))
            ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func d3(_ graph: Graph) -> String {
        let nodes = graph.nodes.map { node -> [String: Any] in
            var object = attributes(ExportAttributes.node(node))
            object["id"] = node.id
            return object
        }
        let links = graph.edges.map { edge -> [String: Any] in
            var object = attributes(ExportAttributes.edge(edge))
            object["source"] = edge.source
            object["target"] = edge.target
            object["directed"] = edge.kind == .stance
            return object
        }
        return encode(
            ["directed": false, "multigraph": true, "graph": ["name": "plexus"], "nodes": nodes, "links": links] as [String: Any])
    }

    static func cytoscape(_ graph: Graph) -> String {
        let nodes = graph.nodes.map { node -> [String: Any] in
            var data = attributes(ExportAttributes.node(node))
            data["id"] = node.id
            return ["data": data]
        }
        let edges = graph.edges.enumerated().map { index, edge -> [String: Any] in
            var data = attributes(ExportAttributes.edge(edge))
            data["id"] = "e\(index + 1)"
            data["source"] = edge.source
            data["target"] = edge.target
            return ["data": data]
        }
        return encode(["elements": ["nodes": nodes, "edges": edges]])
    }
}

/// RFC 4180 CSV: a header row, every field quoted when it holds a comma, quote or line break.
enum CSVWriter {
    /// One cell: quoted when it holds a comma, a quote, CR or LF (checked by scalar, so a
    /// CRLF counts); a cell a spreadsheet would run as a formula (starting with =, +, -, @,
    /// tab or CR) gets a leading apostrophe, as OWASP advises against CSV injection.
    static func field(_ text: String) -> String {
        var text = text
        if let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) { text = "'" + text }
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func nodes(_ graph: Graph) -> String {
        var out = "id," + ExportAttributes.nodeKeys.map(\.0).joined(separator: ",") + "\n"
        for node in graph.nodes {
            out += ([node.id] + ExportAttributes.node(node).map(\.1.plain)).map(field).joined(separator: ",") + "\n"
        }
        return out
    }

    static func edges(_ graph: Graph) -> String {
        let keys = ExportAttributes.edgeKeys.map(\.0)
        var out = "source,target," + keys.joined(separator: ",") + "\n"
        for edge in graph.edges {
            let values = Dictionary(ExportAttributes.edge(edge).map { ($0.0, $0.1.plain) }, uniquingKeysWith: { first, _ in first })
            out += ([edge.source, edge.target] + keys.map { values[$0] ?? "" }).map(field).joined(separator: ",") + "\n"
        }
        return out
    }
}

/// Cypher for Neo4j and Memgraph: `MERGE` so that loading twice changes nothing.
///
/// Every node is an `:Entity` with a label for its type; co-mentions are `:CO_MENTION`
/// relationships, stances `:SUPPORTS` or `:OPPOSES`.
enum CypherWriter {
    static func string(_ text: String) -> String {
        var out = "'"
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "'": out += "\\'"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                // Other control characters, which a console would act on, as \u escapes.
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    out += String(format: "\\u%04X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "'"
    }

    static func properties(_ values: [(String, ExportValue)]) -> String {
        values.map { name, value in
            switch value {
            case .text(let text): return "\(name): \(string(text))"
            case .integer(let number): return "\(name): \(number)"
            case .real(let number): return "\(name): \(number)"
            }
        }.joined(separator: ", ")
    }

    static func typeLabel(_ type: EntityType) -> String {
        switch type {
        case .person: return "Person"
        case .country: return "Country"
        case .organisation: return "Organisation"
        case .location: return "Location"
        case .topic: return "Topic"
        }
    }

    static func write(_ graph: Graph) -> String {
        var out = "// Plexus graph: \(graph.nodes.count) entities, \(graph.edges.count) relations.\n"
        out += "CREATE CONSTRAINT plexus_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;\n"
        for node in graph.nodes {
            out +=
                "MERGE (n:Entity {id: \(string(node.id))}) SET n:\(typeLabel(node.type)), n += {\(properties(ExportAttributes.node(node)))};\n"
        }
        for edge in graph.edges {
            let relation = edge.kind == .coMention ? "CO_MENTION" : (edge.polarity == .support ? "SUPPORTS" : "OPPOSES")
            out += "MATCH (a:Entity {id: \(string(edge.source))}), (b:Entity {id: \(string(edge.target))}) "
            out += "MERGE (a)-[r:\(relation)]->(b) SET r += {\(properties(ExportAttributes.edge(edge)))};\n"
        }
        return out
    }
}
