import ArgumentParser
import Foundation
import PlexusGraph

/// `plexus communities`: who is covered together (communities of co-mention, not political camps).
struct CommunitiesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "communities",
        abstract: "Find communities (Louvain on co-mention weights, fixed seed) and list each one's members by centrality."
    )

    @OptionGroup var graphOptions: GraphOptions

    @Option(name: .long, help: "Random seed for the visiting order (the same seed gives the same answer).")
    var seed: UInt64 = 42

    @Option(name: .long, help: "List at most this many members per community.")
    var members: Int = 10

    @Option(name: [.customLong("top"), .customLong("n")], help: "Show at most this many communities, largest first (--n is the same).")
    var top: Int = 10

    @Option(name: .long, help: "table or json.")
    var format: OutputStyle = .table

    func validate() throws {
        guard members >= 1 else { throw ValidationError("--members must be at least 1") }
        guard top >= 1 else { throw ValidationError("--top must be at least 1") }
    }

    struct Community: Encodable {
        var number: Int
        var size: Int
        var members: [String]
    }

    struct Report: Encodable {
        var modularity: Double
        var count: Int
        var seed: UInt64
        var communities: [Community]
    }

    func run() async throws {
        let loaded = try await graphOptions.load()
        let assignment = loaded.index.communities(seed: seed)
        let strength = (0..<loaded.index.nodeCount).map { loaded.index.weightedDegree($0) }
        let nodes = loaded.graph.nodes
        let groups = assignment.members.prefix(top).enumerated().map { number, group in
            let ordered = group.sorted { strength[$0] != strength[$1] ? strength[$0] > strength[$1] : nodes[$0].id < nodes[$1].id }
            return Community(number: number + 1, size: group.count, members: ordered.prefix(members).map { nodes[$0].label })
        }
        switch format {
        case .json:
            print(try Summary.json(Report(modularity: assignment.modularity, count: assignment.count, seed: seed, communities: groups)))
        case .table:
            print(String(format: "%d communities, modularity %.3f (Louvain, seed %llu)", assignment.count, assignment.modularity, seed))
            for group in groups {
                let more = group.size > group.members.count ? ", … (\(group.size - group.members.count) more)" : ""
                print("  \(group.number). [\(group.size)] " + group.members.joined(separator: ", ") + more)
            }
        }
    }
}
