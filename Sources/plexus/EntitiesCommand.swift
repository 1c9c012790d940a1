import ArgumentParser
import Corpus
import RelationGraph

/// `plexus entities`: the entities of each document.
struct EntitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entities",
        abstract: "List the entities found in each document, with type, canonical name and mention count."
    )

    @Argument(help: "Files or folders of articles.")
    var inputs: [String]

    @Option(name: .long, help: "table or json.")
    var format: OutputStyle = .table

    struct EntityRow: Encodable {
        var id: String
        var label: String
        var type: String
        var mentions: Int
        var aliases: [String]
    }

    struct DocumentRow: Encodable {
        var id: String
        var path: String
        var title: String?
        var entities: [EntityRow]
    }

    func run() throws {
        let loaded = CorpusLoader().load(paths: inputs)
        for failure in loaded.failures { Summary.warn("error: \(failure)") }
        let built = GraphBuilder().build(loaded.documents)
        let nodes = built.graph.nodes
        var rows: [DocumentRow] = []
        for (document, entities) in zip(loaded.documents, built.documentEntities) {
            rows.append(
                DocumentRow(
                    id: document.id, path: document.location, title: document.title,
                    entities: entities.map { entry in
                        let node = nodes[entry.node]
                        return EntityRow(id: node.id, label: node.label, type: node.type.rawValue, mentions: entry.mentions,
                                         aliases: entry.aliases)
                    }))
        }
        switch format {
        case .json:
            print(try Summary.json(rows))
        case .table:
            for row in rows {
                print("\(row.id)  \(row.path)" + (row.title.map { "  \"\($0)\"" } ?? ""))
                if row.entities.isEmpty { print("    (no entities)") }
                for entity in row.entities {
                    let aliases = entity.aliases.filter { $0 != entity.label }
                    print("    " + Summary.pad(entity.type, 13) + Summary.pad(entity.label, 32) + Summary.pad(String(entity.mentions), 5)
                          + (aliases.isEmpty ? "" : aliases.joined(separator: "; ")))
                }
            }
        }
        if loaded.documents.isEmpty || !loaded.failures.isEmpty { throw ExitCode(1) }
    }
}
