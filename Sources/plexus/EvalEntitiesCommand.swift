import ArgumentParser
import EntityRecognition
import Foundation
import PlexusTraining
import RelationExtraction

/// `plexus eval-entities`: scores entity resolution on an annotated fixture.
struct EvalEntitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval-entities",
        abstract: "Score entity resolution on annotated passages: B-cubed precision/recall/F1 and the entity list.",
        discussion: "The format is described in examples/entity-resolution/README.md."
    )

    @Argument(help: "An annotated passages file.")
    var file: String

    @OptionGroup var aliasOptions: AliasOptions

    @Option(name: .long, help: "table or json.")
    var format: OutputStyle = .table

    func run() throws {
        let passages: [AnnotatedPassage]
        do {
            passages = try AnnotatedPassages.read(from: file)
        } catch let error as AnnotatedPassages.FormatError {
            throw UserError(error.description)
        } catch {
            throw UserError("\(file): cannot be read")
        }
        let builder = try aliasOptions.builder()
        let built = builder.build(passages.map(\.document))
        let gold = passages.enumerated().flatMap { index, passage in
            passage.mentions.map { ClusteringScore.Item(document: index, range: $0.range, cluster: $0.label, surface: $0.surface) }
        }
        let predicted = built.documentMentions.enumerated().flatMap { index, mentions in
            let scalars = Array(passages[index].document.text.unicodeScalars)
            return mentions.map { mention in
                ClusteringScore.Item(
                    document: index, range: mention.range, cluster: built.graph.nodes[mention.node].label,
                    surface: String(String.UnicodeScalarView(scalars[mention.range])))
            }
        }
        let report = ClusteringScore.score(gold: gold, predicted: predicted)
        switch format {
        case .json:
            print(try Summary.json(report))
        case .table:
            print(
                "\(passages.count) passages, \(report.goldMentions) gold mentions, \(report.predictedMentions) found, \(report.matchedMentions) matched"
            )
            print(
                String(
                    format: "B-cubed      precision %.3f  recall %.3f  F1 %.3f", report.bCubedPrecision, report.bCubedRecall,
                    report.bCubedF1))
            print(String(format: "entity list  precision %.3f  recall %.3f", report.entityPrecision, report.entityRecall))
            if !report.errors.isEmpty {
                print("Errors:")
                for error in report.errors { print("  " + error) }
            }
        }
    }
}
