import Testing

@testable import PlexusGraph

@Suite struct PathFinderTests {
    func path(_ graph: Graph, _ from: String, _ to: String, _ metric: PathMetric) -> [String]? {
        let index = GraphIndex(graph)
        guard let source = index.nodeIndex(id: from), let target = index.nodeIndex(id: to) else { return nil }
        return PathFinder(index).shortestPath(from: source, to: target, by: metric)?.nodes.map(\.id)
    }

    @Test func strengthPrefersStrongTiesOverFewerHops() {
        #expect(path(Fixtures.strongVersusShort, "a", "d", .strength) == ["a", "b", "c", "d"])
        #expect(path(Fixtures.strongVersusShort, "a", "d", .hops) == ["a", "e", "d"])
    }

    @Test func strengthCostIsTheSumOfInverseWeights() throws {
        let index = GraphIndex(Fixtures.strongVersusShort)
        let found = try #require(PathFinder(index).shortestPath(from: 0, to: 3, by: .strength))
        #expect(abs(found.cost - 0.3) < 1e-12)
        #expect(found.hops.count == 3)
        #expect(found.hops[0].evidence?.text == "a and b.")
    }

    @Test func tiesBreakTheSameWayEveryTime() {
        for _ in 0..<5 {
            #expect(path(Fixtures.tie, "a", "d", .strength) == ["a", "b", "d"])
            #expect(path(Fixtures.tie, "a", "d", .hops) == ["a", "b", "d"])
        }
    }

    @Test func aDisconnectedPairHasNoPath() {
        #expect(path(Fixtures.strongVersusShort, "a", "z", .strength) == nil)
    }

    @Test func kindFilterLimitsTheEdgesFollowed() {
        var graph = Fixtures.strongVersusShort
        graph.edges.append(Edge(source: "a", target: "z", kind: .stance, polarity: .oppose, weight: 1))
        #expect(path(graph, "a", "z", .hops) == ["a", "z"])
        let index = GraphIndex(graph, edges: .coMention)
        #expect(PathFinder(index).shortestPath(from: 0, to: 5, by: .hops) == nil)
    }
}

@Suite struct NameMatcherTests {
    let graph = Graph(nodes: [
        Node(id: "keir-starmer", label: "Keir Starmer", type: .person, aliases: ["Sir Keir", "Mr Starmer"]),
        Node(id: "vladimir-putin", label: "Vladimir Putin", type: .person, aliases: ["Mr Putin", "Putin"], mentions: 9),
        Node(id: "evgeny-putin", label: "Evgeny Putin", type: .person, aliases: ["Putin"], mentions: 1),
    ])

    @Test func findsByLabelIdOrAliasIgnoringCase() throws {
        let matcher = NameMatcher(graph)
        #expect(try matcher.lookup("keir starmer") == 0)
        #expect(try matcher.lookup("SIR KEIR") == 0)
        #expect(try matcher.lookup("vladimir-putin") == 1)
    }

    @Test func namesWrittenWithAccentsOrCurlyQuotesMatchIgnoringCase() throws {
        let graph = Graph(nodes: [
            Node(id: "angela-merkel", label: "Angela Merkel", type: .person, aliases: ["Ángela Merkel"]),
            Node(id: "sinn-fein", label: "Sinn Féin", type: .organisation, aliases: ["SINN FÉIN"]),
            Node(id: "o-neill", label: "Michelle O'Neill", type: .person),
        ])
        let matcher = NameMatcher(graph)
        #expect(try matcher.lookup("ÁNGELA MERKEL") == 0)
        #expect(try matcher.lookup("sinn féin") == 1)
        #expect(try matcher.lookup("Michelle O\u{2019}Neill") == 2)
        #expect(throws: QueryError.self) { try matcher.lookup("Sinn Fein Party") }
    }

    @Test func anAmbiguousAliasListsTheCandidates() {
        #expect(throws: QueryError.ambiguousName("Putin", candidates: ["Vladimir Putin", "Evgeny Putin"])) {
            try NameMatcher(graph).lookup("Putin")
        }
    }

    @Test func aNameMeansTheFarLargerEntityThatHasItEvenOverASmallLabel() throws {
        let graph = Graph(nodes: [
            Node(id: "blair", label: "Blair", type: .location, mentions: 1),
            Node(id: "tony-blair", label: "Tony Blair", type: .person, aliases: ["Blair", "Mr Blair"], mentions: 571),
            Node(id: "kilroy-silk", label: "Kilroy-Silk", type: .person, mentions: 1),
            Node(id: "robert-kilroy-silk", label: "Robert Kilroy-Silk", type: .person, aliases: ["Kilroy-Silk"], mentions: 103),
        ])
        let matcher = NameMatcher(graph)
        #expect(try matcher.lookup("Blair") == 1)
        #expect(try matcher.lookup("Kilroy-Silk") == 3)
    }

    @Test func anUnknownNameSuggestsTheClosest() {
        #expect(throws: QueryError.unknownName("Keir Starmr", suggestions: ["Keir Starmer"])) {
            try NameMatcher(graph).lookup("Keir Starmr")
        }
    }
}
