import ArgumentParser
import PlexusGraph

/// `plexus neighbors`: who is around an entity.
struct NeighborsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "neighbors",
        abstract: "List the entities around one entity, with tie strength and stance in both directions.",
        aliases: ["neighbours"]
    )

    @Argument(help: "The entity at the centre.")
    var name: String

    @OptionGroup var graphOptions: GraphOptions

    @Option(name: .long, help: "How many hops out to go.")
    var depth: Int = 1

    @Option(name: .long, help: "Show at most this many neighbours.")
    var top: Int = 25

    @Option(name: .long, help: "table or json.")
    var format: OutputStyle = .table

    func validate() throws {
        guard (1...4).contains(depth) else { throw ValidationError("--depth must be between 1 and 4") }
        guard top >= 1 else { throw ValidationError("--top must be at least 1") }
    }

    struct Row: Encodable {
        var label: String
        var type: String
        var depth: Int
        var through: String
        var weight: Int
        var coMentions: Int
        var stanceFromCentre: StanceSummary
        var stanceToCentre: StanceSummary
    }

    func run() async throws {
        let loaded = try await graphOptions.load()
        let centre = try loaded.lookup(name)
        let nodes = loaded.graph.nodes
        let found = loaded.index.neighborhood(of: centre, depth: depth)
        let rows = found.prefix(top).map { neighbour in
            Row(
                label: nodes[neighbour.node].label, type: nodes[neighbour.node].type.rawValue, depth: neighbour.depth,
                through: nodes[neighbour.through].label, weight: neighbour.weight, coMentions: neighbour.coMentions,
                stanceFromCentre: neighbour.stanceFromCentre, stanceToCentre: neighbour.stanceToCentre)
        }
        switch format {
        case .json:
            print(try Summary.json(rows))
        case .table:
            print(
                "Around \(nodes[centre].label): \(found.count) entit\(found.count == 1 ? "y" : "ies") within \(depth) hop\(depth == 1 ? "" : "s")"
                    + (found.count > top ? ", top \(top) shown" : ""))
            print(
                "  " + Summary.pad("entity", 32) + Summary.pad("type", 14) + Summary.pad("depth", 7) + Summary.pad("weight", 8)
                    + Summary.pad("stance →", 12) + "stance ←" + (depth > 1 ? "   through" : ""))
            for row in rows {
                print(
                    "  " + Summary.pad(row.label, 32) + Summary.pad(row.type, 14) + Summary.pad(String(row.depth), 7)
                        + Summary.pad(String(row.weight), 8) + Summary.pad(describe(row.stanceFromCentre), 12)
                        + describe(row.stanceToCentre)
                        + (row.depth > 1 ? "   \(row.through)" : ""))
            }
        }
    }

    func describe(_ stance: StanceSummary) -> String {
        var parts: [String] = []
        if stance.support > 0 { parts.append("+\(stance.support)") }
        if stance.oppose > 0 { parts.append("−\(stance.oppose)") }
        return parts.isEmpty ? "·" : parts.joined(separator: " ")
    }
}
