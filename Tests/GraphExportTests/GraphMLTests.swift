import Foundation
import PlexusGraph
import Testing

@testable import GraphExport

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads a GraphML file back: its keys, nodes with their data, edges with their data.
final class GraphMLReader: NSObject, XMLParserDelegate {
    var keys: [String: String] = [:]  // id → attr.name
    var edgeDefault = ""
    var nodes: [String: [String: String]] = [:]
    var edges: [(source: String, target: String, data: [String: String])] = []
    private var currentNode: String?
    private var currentEdge: (String, String)?
    private var currentData: [String: String] = [:]
    private var currentKey: String?
    private var text = ""

    init(_ xml: String) {
        super.init()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = self
        _ = parser.parse()
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch name {
        case "key": keys[attributes["id"] ?? ""] = attributes["attr.name"]
        case "graph": edgeDefault = attributes["edgedefault"] ?? ""
        case "node": currentNode = attributes["id"]
        case "edge": currentEdge = (attributes["source"] ?? "", attributes["target"] ?? "")
        case "data":
            currentKey = attributes["key"]
            text = ""
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "data":
            if let key = currentKey, let attribute = keys[key] { currentData[attribute] = text }
        case "node":
            if let id = currentNode { nodes[id] = currentData }
            currentNode = nil
            currentData = [:]
        case "edge":
            if let (source, target) = currentEdge { edges.append((source, target, currentData)) }
            currentEdge = nil
            currentData = [:]
        default: break
        }
    }
}

@Suite struct GraphMLTests {
    @Test func everyNodeAndEdgeKeepsItsAttributesThroughAnXMLParser() throws {
        let read = GraphMLReader(text(.graphml))
        #expect(read.nodes.count == awkward.nodes.count)
        #expect(read.edges.count == awkward.edges.count)
        #expect(read.nodes["a"]?["label"] == "O'Brien, \"Jr\"")
        #expect(read.nodes["b"]?["label"] == "Zürich & Co <AG>")
        #expect(read.nodes["c"]?["type"] == "country")
        #expect(read.nodes["a"]?["mentions"] == "3")
        let stance = try #require(read.edges.first { $0.data["kind"] == "stance" })
        #expect(stance.source == "c" && stance.target == "a")
        #expect(stance.data["polarity"] == "oppose")
        let coMention = try #require(read.edges.first { $0.data["kind"] == "co-mention" })
        #expect(coMention.data["weight"] == "2")
    }

    @Test func aGraphWithStanceEdgesIsDirectedAndOneWithoutIsNot() {
        #expect(GraphMLReader(text(.graphml)).edgeDefault == "directed")
        var coMentionsOnly = awkward
        coMentionsOnly.edges = awkward.edges.filter { $0.kind == .coMention }
        #expect(GraphMLReader(text(.graphml, coMentionsOnly)).edgeDefault == "undirected")
    }
}
