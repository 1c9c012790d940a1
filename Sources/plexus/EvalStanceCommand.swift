import ArgumentParser
import EntityRecognition
import Foundation
import PlexusGraph
import PlexusSupport
import PlexusTraining
import RelationExtraction

/// `plexus eval-stance`: scores target polarity on NewsMTSC, or stance triples on a team fixture.
struct EvalStanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval-stance",
        abstract: "Score target polarity on a NewsMTSC file, or holder–target–polarity triples on an annotated fixture.",
        discussion: """
            --newsmtsc FILE prints accuracy and macro-F1 over negative, neutral and positive. \
            --triples FILE prints precision, recall and F1 of exact (holder, polarity, target) \
            triples, and every missed or wrong triple.
            """
    )

    @Option(name: .long, help: "A NewsMTSC JSON Lines file.")
    var newsmtsc: String?

    @Option(name: .long, help: "An annotated stance fixture (see examples/stance/README.md).")
    var triples: String?

    @Option(name: .long, help: "A polarity model file (default: the shipped one).")
    var model: String?

    @Option(name: .long, help: "Findings below this confidence are not counted (triples only).")
    var minConfidence: Double = Edge.defaultMinimumStanceConfidence

    @Option(name: .long, help: "table or json.")
    var format: OutputStyle = .table

    func validate() throws {
        if (newsmtsc == nil) == (triples == nil) { throw ValidationError("give exactly one of --newsmtsc FILE and --triples FILE") }
    }

    func run() throws {
        if let newsmtsc { try evaluatePolarity(newsmtsc) }
        if let triples { try evaluateTriples(triples) }
    }

    func polarityModel() throws -> TargetPolarityModel {
        do {
            if let model { return try TargetPolarityModel(contentsOf: model) }
            return try TargetPolarityModel.shipped()
        } catch let error as ModelFileError {
            throw UserError(error.description)
        }
    }

    struct PolarityReport: Encodable {
        var file: String
        var targets: Int
        var accuracy: Double
        var macroF1: Double
        var f1: [String: Double]
    }

    func evaluatePolarity(_ path: String) throws {
        let examples: [PolarityExample]
        do { examples = try NewsMTSCReader.read(from: path) } catch let error as NewsMTSCError { throw UserError(error.description) }
        let scores = PolarityScores.score(try polarityModel(), on: examples)
        let report = PolarityReport(
            file: path, targets: scores.count, accuracy: scores.accuracy, macroF1: scores.macroF1,
            f1: Dictionary(uniqueKeysWithValues: TargetPolarity.allCases.map { ($0.description, scores.f1[$0.rawValue]) }))
        switch format {
        case .json: print(try Summary.json(report))
        case .table:
            print("\(path): \(scores.count) targets")
            print(
                String(
                    format: "accuracy %.4f   macro-F1 %.4f   (F1 negative %.4f, neutral %.4f, positive %.4f)",
                    scores.accuracy, scores.macroF1, scores.f1[0], scores.f1[1], scores.f1[2]))
        }
    }
}

extension EvalStanceCommand {
    struct TripleReport: Encodable {
        struct PassageErrors: Encodable {
            var passage: String
            var line: Int
            var spurious: [String]
            var missed: [String]
        }
        var file: String
        var passages: Int
        var expected: Int
        var predicted: Int
        var correct: Int
        var precision: Double
        var recall: Double
        var f1: Double
        var errors: [PassageErrors]
    }

    func evaluateTriples(_ path: String) throws {
        let passages: [StancePassage]
        do { passages = try StanceFixture.read(from: path) } catch let error as StanceFixture.FormatError {
            throw UserError(error.description)
        }
        var builder: GraphBuilder
        do { builder = try GraphBuilder.shipped() } catch let error as ModelFileError { throw UserError(error.description) }
        if model != nil { builder.stances?.extractor.polarityModel = try polarityModel() }
        let scores = TripleScores.score(passages, builder: builder, minimumConfidence: minConfidence)
        let report = TripleReport(
            file: path, passages: passages.count, expected: scores.expected, predicted: scores.predicted, correct: scores.correct,
            precision: scores.precision, recall: scores.recall, f1: scores.f1,
            errors: scores.errors.map {
                .init(
                    passage: $0.passage.name, line: $0.passage.line, spurious: $0.spurious.map(\.description),
                    missed: $0.missed.map(\.description))
            })
        switch format {
        case .json: print(try Summary.json(report))
        case .table:
            print(
                "\(path): \(passages.count) passages, \(scores.expected) expected triples, \(scores.predicted) predicted at confidence ≥ \(minConfidence)"
            )
            print(
                String(
                    format: "precision %.3f   recall %.3f   F1 %.3f   (%d correct)", scores.precision, scores.recall, scores.f1,
                    scores.correct))
            for error in scores.errors {
                print("\n\(path):\(error.passage.line) \(error.passage.name)")
                for triple in error.spurious { print("  wrong:  \(triple)") }
                for triple in error.missed { print("  missed: \(triple)") }
            }
        }
    }
}
