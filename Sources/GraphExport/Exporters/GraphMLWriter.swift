import PlexusGraph

/// Writes GraphML: typed keys for every node and edge attribute.
///
/// A graph with stance edges is written as directed (co-mention edges then run from the smaller id
/// to the larger, and their `kind` says they are undirected), because networkx refuses a graph that
/// mixes per-edge directions; a co-mention-only graph is undirected.
enum GraphMLWriter {
    static func write(_ graph: Graph) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        out += "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
        for (name, type) in ExportAttributes.nodeKeys {
            out += "  <key id=\"n_\(name)\" for=\"node\" attr.name=\"\(name)\" attr.type=\"\(type)\"/>\n"
        }
        for (name, type) in ExportAttributes.edgeKeys {
            out += "  <key id=\"e_\(name)\" for=\"edge\" attr.name=\"\(name)\" attr.type=\"\(type)\"/>\n"
        }
        let directed = graph.edges.contains { $0.kind == .stance }
        out += "  <graph id=\"plexus\" edgedefault=\"\(directed ? "directed" : "undirected")\">\n"
        for node in graph.nodes {
            out += "    <node id=\"\(XML.escape(node.id))\">\n"
            for (name, value) in ExportAttributes.node(node) { out += "      <data key=\"n_\(name)\">\(XML.escape(value.plain))</data>\n" }
            out += "    </node>\n"
        }
        for (index, edge) in graph.edges.enumerated() {
            out += "    <edge id=\"e\(index + 1)\" source=\"\(XML.escape(edge.source))\" target=\"\(XML.escape(edge.target))\">\n"
            for (name, value) in ExportAttributes.edge(edge) { out += "      <data key=\"e_\(name)\">\(XML.escape(value.plain))</data>\n" }
            out += "    </edge>\n"
        }
        out += "  </graph>\n</graphml>\n"
        return out
    }
}

/// Writes GEXF 1.2 with declared attributes; directed when the graph has stance edges, as
/// for GraphML (networkx refuses mixed edge types).
enum GEXFWriter {
    static func write(_ graph: Graph) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<gexf xmlns=\"http://www.gexf.net/1.2draft\" version=\"1.2\">\n"
        out += "  <meta><creator>Plexus</creator><description>Entities and their relations from news articles</description></meta>\n"
        let directed = graph.edges.contains { $0.kind == .stance }
        out += "  <graph defaultedgetype=\"\(directed ? "directed" : "undirected")\" mode=\"static\">\n"
        out += "    <attributes class=\"node\">\n"
        for (index, (name, type)) in ExportAttributes.nodeKeys.dropFirst().enumerated() {
            out += "      <attribute id=\"\(index)\" title=\"\(name)\" type=\"\(type == "int" ? "integer" : type)\"/>\n"
        }
        out += "    </attributes>\n    <attributes class=\"edge\">\n"
        let edgeKeys = ExportAttributes.edgeKeys.filter { $0.0 != "weight" }
        for (index, (name, type)) in edgeKeys.enumerated() {
            out += "      <attribute id=\"\(index)\" title=\"\(name)\" type=\"\(type == "int" ? "integer" : type)\"/>\n"
        }
        out += "    </attributes>\n    <nodes>\n"
        let nodeIndex = Dictionary(
            uniqueKeysWithValues: ExportAttributes.nodeKeys.dropFirst().enumerated().map { ($0.element.0, $0.offset) })
        for node in graph.nodes {
            out += "      <node id=\"\(XML.escape(node.id))\" label=\"\(XML.escape(node.label))\">\n        <attvalues>\n"
            for (name, value) in ExportAttributes.node(node) where name != "label" {
                out += "          <attvalue for=\"\(nodeIndex[name] ?? 0)\" value=\"\(XML.escape(value.plain))\"/>\n"
            }
            out += "        </attvalues>\n      </node>\n"
        }
        out += "    </nodes>\n    <edges>\n"
        let edgeIndex = Dictionary(uniqueKeysWithValues: edgeKeys.enumerated().map { ($0.element.0, $0.offset) })
        for (index, edge) in graph.edges.enumerated() {
            out +=
                "      <edge id=\"e\(index + 1)\" source=\"\(XML.escape(edge.source))\" target=\"\(XML.escape(edge.target))\" weight=\"\(edge.weight)\">\n        <attvalues>\n"
            for (name, value) in ExportAttributes.edge(edge) where name != "weight" {
                out += "          <attvalue for=\"\(edgeIndex[name] ?? 0)\" value=\"\(XML.escape(value.plain))\"/>\n"
            }
            out += "        </attvalues>\n      </edge>\n"
        }
        out += "    </edges>\n  </graph>\n</gexf>\n"
        return out
    }
}
