import Foundation
import PlexusGraph
import Testing

@testable import PlexusTraining

/// A gold file and graphs written for these tests.
@Suite struct GraphScoringTests {
    let gold = """
        {
          "a.txt": {
            "stances": [
              {"source": "Keir Starmer", "target": "peacekeepers", "polarity": "support", "evidence": "Starmer backs troops.",
               "alt_sources": ["United Kingdom"]},
              {"source": "Russia", "target": "Keir Starmer", "polarity": "oppose", "evidence": "Russia condemned Starmer."}
            ],
            "optional_stances": [{"source": "France", "target": "peacekeepers", "polarity": "support"}],
            "key_pairs": [["Keir Starmer", "Russia"], ["Keir Starmer", "France"]]
          },
          "corpus": {
            "entities": [
              {"name": "Keir Starmer", "type": "PERSON", "aliases": ["Mr Starmer", "the Prime Minister"]},
              {"name": "Russia", "type": "COUNTRY", "aliases": ["Russian", "Moscow"]},
              {"name": "France", "type": "COUNTRY", "aliases": ["French"], "optional": true},
              {"name": "United Kingdom", "type": "COUNTRY", "aliases": ["UK"]}
            ],
            "topic_labels": {"peacekeepers": "troops to keep a peace"}
          }
        }
        """

    func scoring() throws -> GraphScoring {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gold-\(UUID().uuidString).json")
        try Data(gold.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return GraphScoring(gold: try GraphGold(contentsOf: url.path))
    }

    func node(_ id: String, _ label: String, _ type: EntityType, _ aliases: [String] = []) -> Node {
        Node(id: id, label: label, type: type, aliases: aliases, mentions: 1, documents: 1)
    }

    @Test func figuresMatchAHandCountedGraph() throws {
        let graph = Graph(
            documents: [],
            nodes: [
                node("starmer", "Keir Starmer", .person, ["Mr Starmer"]),
                node("mr-starmer", "Mr Starmer", .person),  // a split
                node("russia", "Russia", .country, ["Moscow"]),
                node("france", "France", .country),  // optional: not counted
                node("kate-seamons", "Kate Seamons", .person),  // a byline
                node("peacekeepers", "Peacekeepers", .topic),
            ],
            edges: [
                Edge(source: "russia", target: "starmer", kind: .coMention, weight: 2, evidence: []),
                Edge(
                    source: "starmer", target: "peacekeepers", kind: .stance, polarity: .support, weight: 1, confidence: 0.9, evidence: []),
                Edge(source: "russia", target: "starmer", kind: .stance, polarity: .support, weight: 1, confidence: 0.6, evidence: []),
                Edge(source: "france", target: "peacekeepers", kind: .stance, polarity: .support, weight: 1, confidence: 0.6, evidence: []),
            ])
        let scoring = try scoring()
        let entities = scoring.entities(graph)
        // Right nodes: Keir Starmer, Mr Starmer, Russia (3); false: Kate Seamons (1).
        #expect(entities.rightNodes == 3 && entities.falsePositives == ["Kate Seamons (person)"])
        #expect(abs(entities.precision - 0.75) < 1e-9)
        // Required: Starmer, Russia, United Kingdom; found two.
        #expect(abs(entities.recall - 2.0 / 3.0) < 1e-9 && entities.missed == ["United Kingdom"])
        #expect(abs(entities.splitRate - 0.5) < 1e-9 && entities.splits["Keir Starmer"]?.count == 2)
        let pairs = scoring.pairs(graph)
        #expect(pairs.found == 1 && pairs.total == 2 && pairs.missed == ["Keir Starmer–France"])
        let stances = scoring.stances(graph)
        // The topic node matches its label whatever the case; Russia supports Starmer
        // is wrong (the gold says oppose); France's is optional and not counted.
        #expect(stances.right == 1 && stances.wrong.map(\.description) == ["Russia -support-> Keir Starmer"])
        #expect(abs(stances.precision - 0.5) < 1e-9 && abs(stances.recall - 0.5) < 1e-9)
        #expect(stances.missed.map(\.description) == ["Russia -oppose-> Keir Starmer"])
    }

    @Test func aGoldFileWithoutTheCorpusEntryIsAnErrorNamingIt() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bad-gold-\(UUID().uuidString).json")
        try Data("{\"a.txt\": {\"stances\": []}}".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect {
            try GraphGold(contentsOf: url.path)
        } throws: { error in
            (error as? GraphGold.ReadError)?.description.contains(url.path) == true
        }
    }
}
