import ArgumentParser
import EntityRecognition
import Foundation
import PlexusTraining

/// `plexus eval-recognizer`: the default rule recogniser on a CrossNER file.
struct EvalRecognizerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval-recognizer",
        abstract: "Score the default (rule) recogniser's person, organisation and place spans on a CrossNER file.",
        discussion: """
            The file has one `word<TAB>tag` line per token (IOB2), as ../shared/data/crossner-politics; \
            politician and person count as PER, organisation and political party as ORG, country and \
            location as LOC. Exact spans, sentence by sentence.
            """
    )

    @Argument(help: "A CrossNER file.")
    var file: String

    @Option(name: .long, help: "table or json.")
    var format: OutputStyle = .table

    func run() throws {
        let sentences: [RecognizerEvaluation.Sentence]
        do { sentences = try RecognizerEvaluation.read(from: file) } catch let error as CoNLLError { throw UserError(error.description) }
        let scores = RecognizerEvaluation.score(sentences)
        switch format {
        case .json:
            print(try Summary.json(scores.mapValues { ["precision": $0.precision, "recall": $0.recall, "f1": $0.f1] }))
        case .table:
            print("\(sentences.count) sentences, \(sentences.reduce(0) { $0 + $1.words.count }) words, rule recogniser")
            print("type  precision  recall   F1      gold")
            for type in ["PER", "ORG", "LOC"] {
                let s = scores[type] ?? RecognizerEvaluation.TypeScores()
                print(String(format: "%@   %.4f     %.4f   %.4f  %d", type, s.precision, s.recall, s.f1, s.gold))
            }
        }
    }
}
