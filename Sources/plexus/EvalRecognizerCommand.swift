import ArgumentParser
import EntityRecognition
import Foundation
import PlexusSupport
import PlexusTraining

/// `plexus eval-recognizer`: the default rule recogniser on a CrossNER file.
struct EvalRecognizerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval-recognizer",
        abstract: "Score the recogniser's person, organisation and place spans on a CrossNER file.",
        discussion: """
            The file has one `word<TAB>tag` line per token (IOB2), as ../shared/data/crossner-politics; \
            politician and person count as PER, organisation and political party as ORG, country and \
            location as LOC. Exact spans, sentence by sentence. A lone unknown capitalised word (a bare \
            name, which a build keeps only when it joins a full name) counts as the type the tagger \
            gave it, else as a person with --bare-names-as-people, else not at all.
            """
    )

    @Argument(help: "A CrossNER file.")
    var file: String

    @Option(name: .long, help: "table or json.")
    var format: OutputStyle = .table

    @Option(name: .long, help: "Which recogniser: combined (the default), rules or tagger.")
    var recognizer: DocumentAnalyzer.RecognizerChoice = .combined

    @Flag(name: .long, help: "Count bare names the tagger did not type as people.")
    var bareNamesAsPeople = false

    @Option(name: .long, help: "List up to this many wrong and missed spans of one type (PER, ORG or LOC) after the table.")
    var mistakes: Int = 0

    @Option(name: .long, help: "The type whose mistakes --mistakes lists.")
    var type: SpanType = .person

    /// The span types CrossNER is scored on here.
    enum SpanType: String, ExpressibleByArgument, CaseIterable {
        case person = "PER"
        case organisation = "ORG"
        case location = "LOC"
    }

    func run() throws {
        let sentences: [RecognizerEvaluation.Sentence]
        do { sentences = try RecognizerEvaluation.read(from: file) } catch let error as CoNLLError { throw UserError(error.description) }
        let chosen: any EntityRecognizer
        do {
            switch recognizer {
            case .rules: chosen = RuleBasedRecognizer()
            case .tagger: chosen = try TaggerRecognizer.shipped()
            case .combined: chosen = CombinedRecognizer(tagger: try TaggerRecognizer.shipped())
            }
        } catch let error as ModelFileError {
            throw UserError(error.description)
        }
        let report = RecognizerEvaluation.report(sentences, recognizer: chosen, bareNamesArePeople: bareNamesAsPeople)
        let scores = report.scores
        switch format {
        case .json:
            print(try Summary.json(scores.mapValues { ["precision": $0.precision, "recall": $0.recall, "f1": $0.f1] }))
        case .table:
            print("\(sentences.count) sentences, \(sentences.reduce(0) { $0 + $1.words.count }) words, \(recognizer.rawValue) recogniser")
            print("type  precision  recall   F1      gold")
            for type in ["PER", "ORG", "LOC"] {
                let s = scores[type] ?? RecognizerEvaluation.TypeScores()
                print(String(format: "%@   %.4f     %.4f   %.4f  %d", type, s.precision, s.recall, s.f1, s.gold))
            }
            if mistakes > 0 {
                let wrong = report.wrong.filter { $0.predicted == type.rawValue }
                let missed = report.missed.filter { $0.gold == type.rawValue }
                print("\nwrong \(type.rawValue) (\(wrong.count)):")
                for m in wrong.prefix(mistakes) { print("  \(m.words)  [gold: \(m.gold ?? "none")]  \(m.sentence.prefix(140))") }
                print("\nmissed \(type.rawValue) (\(missed.count)):")
                for m in missed.prefix(mistakes) { print("  \(m.words)  [found: \(m.predicted ?? "nothing")]  \(m.sentence.prefix(140))") }
            }
        }
    }
}
