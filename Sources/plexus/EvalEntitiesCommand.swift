import ArgumentParser
import EntityRecognition
import Foundation
import PlexusSupport
import PlexusTraining
import RelationExtraction

/// `plexus eval-entities`: scores entity resolution on an annotated fixture.
struct EvalEntitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval-entities",
        abstract: "Score entity resolution on annotated passages or on GUM's Wikinews articles: B-cubed precision/recall/F1.",
        discussion: """
            The passages format is described in examples/entity-resolution/README.md. With --gum, the \
            articles of a GUM folder (CoNLL-U with GUM's entity layer) are built as one corpus, and \
            their named person, organisation and place mentions (linked to Wikipedia, holding a \
            proper noun) are scored: B-cubed across documents and within each, the share of those \
            mentions found, and the entities split or merged.
            """
    )

    @Argument(help: "An annotated passages file.")
    var file: String?

    @Option(name: .long, help: "A folder of GUM CoNLL-U files (../shared/data/gum-news) to score instead of a passages file.")
    var gum: String?

    @OptionGroup var aliasOptions: AliasOptions

    @Option(name: .long, help: "table or json.")
    var format: OutputStyle = .table

    func validate() throws {
        if (file == nil) == (gum == nil) { throw ValidationError("Give either a passages file or --gum FOLDER.") }
    }

    func run() throws {
        if let gum { return try scoreGUM(gum) }
        guard let file else { return }
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
                    surface: String(scalars: scalars[mention.range]))
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

    /// Builds the GUM articles as one corpus and scores their named mentions.
    private func scoreGUM(_ folder: String) throws {
        let documents: [GUMDocument]
        do {
            documents = try GUMReader.read(folder: folder)
        } catch let error as CoNLLUError {
            throw UserError(error.description)
        }
        let report = GUMEntityEvaluation.evaluate(documents, builder: try aliasOptions.builder())
        switch format {
        case .json:
            print(try Summary.json(report))
        case .table:
            print(
                "\(documents.count) articles, \(report.namedMentions) named mentions, \(report.namedMentionsFound) found "
                    + String(format: "(recall %.3f), ", report.namedMentionRecall) + "\(report.spuriousMentions) found where GUM marks none"
            )
            for (name, scores) in [("across documents", report.acrossDocuments), ("within documents", report.withinDocuments)] {
                print(
                    String(
                        format: "B-cubed %@  precision %.3f  recall %.3f  F1 %.3f", name, scores.precision, scores.recall, scores.f1))
            }
            let sections = [("Split", report.splits), ("Merged", report.merges), ("Missed", report.missed)]
            for (title, lines) in sections where !lines.isEmpty {
                print("\(title) (\(lines.count)):")
                for line in lines.prefix(25) { print("  " + line) }
                if lines.count > 25 { print("  … and \(lines.count - 25) more") }
            }
        }
    }
}
