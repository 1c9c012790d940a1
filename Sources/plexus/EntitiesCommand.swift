import ArgumentParser
import Corpus
import EntityRecognition
import PlexusGraph
import RelationExtraction

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

    @OptionGroup var aliasOptions: AliasOptions

    @Flag(
        name: .long,
        help: "List likely duplicate entities (shared words, spelling, acronyms) with evidence, as alias-file lines to confirm.")
    var suggestMerges = false

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
        // Read the alias file first, so a mistake in it stops before any article is read.
        let builder = try aliasOptions.builder()
        let loaded = CorpusLoader().load(paths: inputs)
        for failure in loaded.failures { Summary.warn("error: \(failure)") }
        for warning in loaded.warnings { Summary.warn("warning: \(warning)") }
        let built = builder.build(loaded.documents)
        aliasOptions.warnUnused(built.unusedCorrections)
        if suggestMerges {
            try printSuggestions(MergeSuggester().suggestions(for: built.graph))
            if loaded.documents.isEmpty || !loaded.failures.isEmpty { throw ExitCode(1) }
            return
        }
        let nodes = built.graph.nodes
        var rows: [DocumentRow] = []
        for (document, entities) in zip(loaded.documents, built.documentEntities) {
            rows.append(
                DocumentRow(
                    id: document.id, path: document.location, title: document.title,
                    entities: entities.map { entry in
                        let node = nodes[entry.node]
                        return EntityRow(
                            id: node.id, label: node.label, type: node.type.rawValue, mentions: entry.mentions,
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
                    print(
                        "    " + Summary.pad(entity.type, 13) + Summary.pad(entity.label, 32) + Summary.pad(String(entity.mentions), 5)
                            + (aliases.isEmpty ? "" : aliases.joined(separator: "; ")))
                }
            }
        }
        if loaded.documents.isEmpty || !loaded.failures.isEmpty { throw ExitCode(1) }
    }
}

extension EntitiesCommand {
    struct SuggestionRow: Encodable {
        var keep: String
        var merge: String
        var type: String
        var reason: String
        var evidence: String
        var line: String
    }

    func printSuggestions(_ suggestions: [MergeSuggestion]) throws {
        let rows = suggestions.map { suggestion in
            SuggestionRow(
                keep: suggestion.keep.label, merge: suggestion.merge.label, type: suggestion.keep.type.rawValue,
                reason: suggestion.reason.description,
                evidence: "\(suggestion.keep.label): \(suggestion.keep.mentions) mentions in \(suggestion.keep.documents) documents; "
                    + "\(suggestion.merge.label): \(suggestion.merge.mentions) in \(suggestion.merge.documents); together in \(suggestion.sharedDocuments) documents",
                line: "merge\t\(suggestion.keep.label)\t\(suggestion.merge.label)")
        }
        switch format {
        case .json:
            print(try Summary.json(rows))
        case .table:
            print(
                "\(rows.count) possible duplicate\(rows.count == 1 ? "" : "s"); confirm by copying the merge lines into an alias file (--aliases)"
            )
            for row in rows {
                print("  \(row.keep)  ←  \(row.merge)   [\(row.type); \(row.reason)]")
                print("      \(row.evidence)")
                print("      \(row.line)")
            }
        }
    }
}
