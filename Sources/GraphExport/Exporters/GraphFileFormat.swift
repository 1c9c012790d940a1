import PlexusGraph

/// Formats every graph tool opens, written by `plexus export`.
public enum GraphFileFormat: String, Sendable, CaseIterable {
    /// GraphML (yEd, Cytoscape, Gephi, networkx).
    case graphml
    /// GEXF 1.2 (Gephi, networkx).
    case gexf
    /// D3 node-link JSON: `nodes` and `links`.
    case json
    /// Cytoscape.js elements JSON.
    case cytoscape
    /// Two CSV files: nodes and edges.
    case csv
    /// Cypher statements for Neo4j or Memgraph.
    case cypher

    /// One file of an export: what its name ends with and its text.
    public struct ExportFile: Sendable, Equatable {
        /// Appended to the base name (".graphml", "-nodes.csv").
        public var suffix: String
        /// The file's content.
        public var text: String
    }

    /// The files this format writes.
    ///
    /// - Complexity: O(size of the graph).
    public func files(for graph: Graph) -> [ExportFile] {
        switch self {
        case .graphml: return [ExportFile(suffix: ".graphml", text: GraphMLWriter.write(graph))]
        case .gexf: return [ExportFile(suffix: ".gexf", text: GEXFWriter.write(graph))]
        case .json: return [ExportFile(suffix: ".json", text: NodeLinkWriter.d3(graph))]
        case .cytoscape: return [ExportFile(suffix: ".cyjs", text: NodeLinkWriter.cytoscape(graph))]
        case .csv:
            return [
                ExportFile(suffix: "-nodes.csv", text: CSVWriter.nodes(graph)),
                ExportFile(suffix: "-edges.csv", text: CSVWriter.edges(graph)),
            ]
        case .cypher: return [ExportFile(suffix: ".cypher", text: CypherWriter.write(graph))]
        }
    }
}

/// The attributes every exporter writes, so all formats carry the same facts.
enum ExportAttributes {
    /// Node attributes in order: label, type, aliases (joined by "; "), mentions, documents.
    static func node(_ node: Node) -> [(String, ExportValue)] {
        [
            ("label", .text(node.label)), ("type", .text(node.type.rawValue)), ("aliases", .text(node.aliases.joined(separator: "; "))),
            ("mentions", .integer(node.mentions)), ("documents", .integer(node.documents)),
        ]
    }

    /// Edge attributes: kind, polarity (stance), weight, confidence (stance), evidence count and the first evidence sentence.
    static func edge(_ edge: Edge) -> [(String, ExportValue)] {
        var values: [(String, ExportValue)] = [("kind", .text(edge.kind.rawValue))]
        if let polarity = edge.polarity { values.append(("polarity", .text(polarity.rawValue))) }
        values.append(("weight", .integer(edge.weight)))
        if let confidence = edge.confidence { values.append(("confidence", .real(confidence))) }
        values.append(("evidence_count", .integer(edge.evidence.count)))
        if let first = edge.evidence.first { values.append(("evidence", .text(first.text))) }
        return values
    }

    static let nodeKeys: [(String, String)] = [
        ("label", "string"), ("type", "string"), ("aliases", "string"), ("mentions", "int"), ("documents", "int"),
    ]
    static let edgeKeys: [(String, String)] = [
        ("kind", "string"), ("polarity", "string"), ("weight", "int"), ("confidence", "double"),
        ("evidence_count", "int"), ("evidence", "string"),
    ]
}

/// A typed attribute value.
enum ExportValue {
    case text(String)
    case integer(Int)
    case real(Double)

    var plain: String {
        switch self {
        case .text(let text): return text
        case .integer(let value): return String(value)
        case .real(let value): return String(value)
        }
    }
}

/// Escaping for XML text and attributes.
enum XML {
    /// Whether XML 1.0 forbids a character in text (or it would not read back as written).
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n") || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                // XML 1.0 forbids control characters other than tab and newline (CR would be
                // read back as a newline) and the noncharacters U+FFFE and U+FFFF.
                if Self.isForbidden(scalar) { out += " " } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
