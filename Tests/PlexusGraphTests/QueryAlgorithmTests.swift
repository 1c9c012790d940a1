import PlexusSupport
import Testing

@testable import PlexusGraph

/// Builds a graph from (a, b, weight) triples; node ids are the letters.
func graphOf(_ triples: [(String, String, Int)]) -> Graph {
    let ids = Set(triples.flatMap { [$0.0, $0.1] }).sorted()
    return Graph(
        nodes: ids.map { Node(id: $0, label: $0.uppercased(), type: .person) },
        edges: triples.map { Edge(source: min($0.0, $0.1), target: max($0.0, $0.1), kind: .coMention, weight: $0.2) })
}

@Suite struct YenTests {
    /// The textbook example of Yen's algorithm (C to H), undirected, with weights 12/length so
    /// that distance 1/weight is the textbook length divided by 12.
    let textbook = graphOf([
        ("c", "d", 4), ("c", "e", 6), ("d", "f", 3), ("e", "d", 12), ("e", "f", 6), ("e", "g", 4), ("f", "g", 6),
        ("f", "h", 12), ("g", "h", 6),
    ])

    @Test func findsTheKBestLooplessPathsInOrder() throws {
        let index = GraphIndex(textbook)
        let c = try #require(index.nodeIndex(id: "c"))
        let h = try #require(index.nodeIndex(id: "h"))
        let paths = PathFinder(index).kShortestPaths(from: c, to: h, k: 7, by: .strength)
        let routes = paths.map { $0.nodes.map(\.id).joined() }
        let lengths = paths.map { ($0.cost * 12).rounded() }
        #expect(routes.first == "cefh")
        #expect(Set(routes[1...2]) == ["cegh", "cdefh"])
        #expect(Set(routes[3...6]) == ["cefgh", "cegfh", "cdfh", "cedfh"])
        #expect(lengths == [5, 7, 7, 8, 8, 8, 8])
        #expect(Set(routes).count == routes.count)
    }

    @Test func theKBestPathsMatchEveryLooplessPathEnumeratedOnRandomGraphs() {
        var generator = SeededGenerator(seed: 11)
        for round in 0..<30 {
            var triples: [(String, String, Int)] = []
            var seen = Set<String>()
            for _ in 0..<22 {
                let a = Int.random(in: 0..<9, using: &generator)
                let b = Int.random(in: 0..<9, using: &generator)
                if a != b, seen.insert("\(min(a, b))|\(max(a, b))").inserted {
                    triples.append(("n\(a)", "n\(b)", Int.random(in: 1...6, using: &generator)))
                }
            }
            let index = GraphIndex(graphOf(triples))
            let finder = PathFinder(index)
            let source = 0
            let target = index.nodeCount - 1
            for metric in PathMetric.allCases {
                // Every loopless path by depth-first search, its cost summed hop by hop.
                var all: [(cost: PathFinder.Cost, nodes: [Int])] = []
                func walk(_ nodes: [Int], _ cost: PathFinder.Cost) {
                    guard let last = nodes.last else { return }
                    if last == target {
                        all.append((cost, nodes))
                        return
                    }
                    for slot in index.row(last) where !nodes.contains(Int(index.neighbors[slot])) {
                        walk(nodes + [Int(index.neighbors[slot])], finder.step(slot, after: cost, metric))
                    }
                }
                walk([source], .zero)
                all.sort { $0.cost != $1.cost ? $0.cost < $1.cost : $0.nodes.lexicographicallyPrecedes($1.nodes) }
                let found = finder.kShortestPaths(from: source, to: target, k: 6, by: metric)
                #expect(found.count == min(6, all.count), "round \(round)")
                for (position, path) in found.enumerated() where position < all.count {
                    #expect(abs(path.cost - all[position].cost.primary) < 1e-9, "round \(round), path \(position + 1)")
                }
                #expect(Set(found.map(\.nodeIndices)).count == found.count, "no path twice")
                #expect(found.allSatisfy { Set($0.nodeIndices).count == $0.nodeIndices.count }, "loopless")
            }
        }
    }

    @Test func viaAndAvoidConstrainThePath() throws {
        let index = GraphIndex(textbook)
        let finder = PathFinder(index)
        let id = { (name: String) in index.nodeIndex(id: name)! }
        let via = try #require(finder.shortestPath(from: id("c"), to: id("h"), via: id("d"), by: .strength))
        #expect(via.nodes.map(\.id) == ["c", "d", "e", "f", "h"])
        let avoid = try #require(finder.shortestPath(from: id("c"), to: id("h"), by: .strength, avoiding: [id("f")]))
        #expect(avoid.nodes.map(\.id) == ["c", "e", "g", "h"])
    }

    @Test func bidirectionalSearchAgreesWithAPlainDijkstraOnRandomGraphs() {
        var generator = SeededGenerator(seed: 3)
        for _ in 0..<20 {
            var triples: [(String, String, Int)] = []
            for _ in 0..<120 {
                let a = Int.random(in: 0..<40, using: &generator)
                let b = Int.random(in: 0..<40, using: &generator)
                if a != b { triples.append(("n\(a)", "n\(b)", Int.random(in: 1...5, using: &generator))) }
            }
            var seen = Set<String>()
            triples = triples.filter { seen.insert(min($0.0, $0.1) + "|" + max($0.0, $0.1)).inserted }
            let index = GraphIndex(graphOf(triples))
            let finder = PathFinder(index)
            for _ in 0..<10 {
                let a = Int.random(in: 0..<index.nodeCount, using: &generator)
                let b = Int.random(in: 0..<index.nodeCount, using: &generator)
                let reference = plainDijkstra(index, a, b)
                let found = finder.shortestPath(from: a, to: b, by: .strength)?.cost
                if let reference, let found {
                    #expect(abs(reference - found) < 1e-9)
                } else {
                    #expect(reference == nil && found == nil)
                }
            }
        }
    }

    /// O(V²) Dijkstra over the index, as an independent reference.
    func plainDijkstra(_ index: GraphIndex, _ source: Int, _ target: Int) -> Double? {
        var distance = [Double](repeating: .infinity, count: index.nodeCount)
        var done = [Bool](repeating: false, count: index.nodeCount)
        distance[source] = 0
        for _ in 0..<index.nodeCount {
            guard let u = (0..<index.nodeCount).filter({ !done[$0] && distance[$0] < .infinity }).min(by: { distance[$0] < distance[$1] })
            else { break }
            done[u] = true
            for slot in index.row(u) {
                let v = Int(index.neighbors[slot])
                distance[v] = min(distance[v], distance[u] + 1 / index.weights[slot])
            }
        }
        return distance[target] < .infinity ? distance[target] : nil
    }
}

@Suite struct CentralityTests {
    @Test func pageRankMatchesKnownValues() {
        let index = GraphIndex(graphOf([("a", "b", 1), ("b", "c", 2), ("c", "a", 1), ("c", "d", 3), ("d", "e", 1)]))
        let rank = index.pageRank()
        // Reference values from networkx.pagerank(weight="weight") on the same graph.
        let expected = ["a": 0.1321263897, "b": 0.1853658478, "c": 0.3501604667, "d": 0.2493585945, "e": 0.0829887013]
        for (id, value) in expected {
            #expect(abs(rank[index.nodeIndex(id: id)!] - value) < 1e-6)
        }
        #expect(abs(rank.reduce(0, +) - 1) < 1e-9)
    }

    @Test func pageRankOfAStarHasItsClosedForm() {
        let leaves = 5
        let index = GraphIndex(graphOf((1...leaves).map { ("hub", "leaf\($0)", 1) }))
        let rank = index.pageRank()
        let d = 0.85
        let n = Double(leaves + 1)
        // centre c and leaf l satisfy c = (1−d)/n + d·leaves·l and l = (1−d)/n + d·c/leaves.
        let leaf = ((1 - d) / n) * (1 + d / Double(leaves)) / (1 - d * d)
        let centre = (1 - d) / n + d * Double(leaves) * leaf
        #expect(abs(rank[index.nodeIndex(id: "hub")!] - centre) < 1e-9)
        #expect(abs(rank[index.nodeIndex(id: "leaf1")!] - leaf) < 1e-9)
    }

    @Test func betweennessUsesInverseWeightsAsDistances() {
        let index = GraphIndex(graphOf([("a", "b", 1), ("b", "c", 1), ("c", "d", 1), ("b", "e", 2)]))
        let scores = index.centrality(.betweenness)
        // Reference values from networkx.betweenness_centrality(weight = 1/weight).
        let expected = ["a": 0.0, "b": 0.8333333333, "c": 0.5, "d": 0.0, "e": 0.0]
        for (id, value) in expected { #expect(abs(scores.scores[index.nodeIndex(id: id)!] - value) < 1e-9) }
        #expect(!scores.isSampled)
    }

    @Test func betweennessIsSampledAboveTheLimitAndSaysSo() {
        let index = GraphIndex(graphOf((0..<30).map { ("n\($0)", "n\($0 + 1)", 1) }))
        let sampled = index.centrality(.betweenness, exactLimit: 10, samples: 8, seed: 1)
        #expect(sampled.isSampled && sampled.sources == 8)
        #expect(sampled.scores == index.centrality(.betweenness, exactLimit: 10, samples: 8, seed: 1).scores)
    }

    @Test func degreesCountNeighboursAndWeights() {
        let index = GraphIndex(graphOf([("a", "b", 3), ("a", "c", 2)]))
        #expect(index.centrality(.degree).scores == [2, 1, 1])
        #expect(index.centrality(.weightedDegree).scores == [5, 3, 2])
    }
}

@Suite struct CommunityTests {
    @Test func louvainSplitsTwoCliquesJoinedByOneEdge() {
        var triples: [(String, String, Int)] = []
        for group in ["a", "b"] {
            for i in 0..<5 { for j in (i + 1)..<5 { triples.append(("\(group)\(i)", "\(group)\(j)", 1)) } }
        }
        triples.append(("a0", "b0", 1))
        let index = GraphIndex(graphOf(triples))
        let result = index.communities(seed: 42)
        #expect(result.count == 2)
        let groups = result.members.map { Set($0.map { index.graph.nodes[$0].id.prefix(1) }) }
        #expect(groups.allSatisfy { $0.count == 1 })
        #expect(result.modularity > 0.4)
        #expect(index.communities(seed: 42) == result)
    }
}

@Suite struct NeighborhoodTests {
    @Test func listsNeighboursByDepthAndStrengthWithStances() throws {
        var graph = graphOf([("a", "b", 5), ("a", "c", 2), ("c", "d", 1)])
        graph.edges.append(Edge(source: "b", target: "a", kind: .stance, polarity: .oppose, weight: 2))
        let index = GraphIndex(graph, edges: .coMention)
        let around = index.neighborhood(of: index.nodeIndex(id: "a")!, depth: 2)
        #expect(around.map { graph.nodes[$0.node].id } == ["b", "c", "d"])
        #expect(around.map(\.depth) == [1, 1, 2])
        #expect(around[0].stanceToCentre == StanceSummary(support: 0, oppose: 2))
        #expect(around[2].through == index.nodeIndex(id: "c")!)
    }
}

@Suite struct WindowTests {
    let graph = Graph(
        documents: [
            DocumentInfo(id: "d1", path: "a", date: "2025-02-01"), DocumentInfo(id: "d2", path: "b", date: "2025-03-01"),
            DocumentInfo(id: "d3", path: "c"),
        ],
        nodes: [
            Node(id: "a", label: "A", type: .person, mentions: 3, documents: 3, byDocument: ["d1": 1, "d2": 1, "d3": 1]),
            Node(id: "b", label: "B", type: .person, mentions: 2, documents: 2, byDocument: ["d1": 1, "d3": 1]),
        ],
        edges: [
            Edge(
                source: "a", target: "b", kind: .coMention, weight: 2,
                evidence: [Evidence(document: "d1", sentence: 1, text: "x"), Evidence(document: "d3", sentence: 1, text: "y")],
                byDocument: ["d1": 1, "d3": 1])
        ])

    @Test func recountsWeightsInsideTheWindowAndCountsUndatedDocuments() throws {
        let windowed = try graph.window(since: "2025-01-01", until: "2025-02-28")
        #expect(windowed.includedDocuments == 1 && windowed.undatedDocuments == 1 && windowed.excludedDocuments == 1)
        #expect(windowed.graph.edges.first?.weight == 1)
        #expect(windowed.graph.edges.first?.evidence.map(\.document) == ["d1"])
        #expect(windowed.graph.nodes.map(\.mentions) == [1, 1])
    }

    @Test func dropsWhatTheWindowDoesNotReach() throws {
        let windowed = try graph.window(since: "2025-03-01", until: nil)
        #expect(windowed.graph.nodes.map(\.id) == ["a"])
        #expect(windowed.graph.edges.isEmpty)
    }

    @Test func rejectsBadDates() {
        #expect(throws: WindowError.badDate("March")) { try graph.window(since: "March", until: nil) }
        #expect(throws: WindowError.badDate("2025-02-30")) { try graph.window(since: "2025-02-30", until: nil) }
        #expect(throws: WindowError.badDate("2025-13-01")) { try graph.window(since: nil, until: "2025-13-01") }
        #expect(throws: WindowError.emptyRange(since: "2025-03-01", until: "2025-02-01")) {
            try graph.window(since: "2025-03-01", until: "2025-02-01")
        }
    }
}
