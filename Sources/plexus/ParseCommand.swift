import ArgumentParser
import Corpus
import EntityRecognition
import Foundation
import PlexusSupport

/// `plexus parse`: the dependency trees of articles, as CoNLL-U.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Print the dependency tree of every sentence of the articles, as CoNLL-U.",
        discussion: """
            Columns: word number, form, lemma (_), UPOS (_), XPOS (the parser's Penn tag), head, \
            relation, _, and SpaceAfter=No where no space follows. One block per sentence, with \
            its document and text as comments.
            """
    )

    @Argument(help: "Files or folders of articles.")
    var inputs: [String]

    @Option(name: .long, help: "A parser model file (default: the shipped parser).")
    var model: String?

    func run() throws {
        let parser: DependencyParser
        do {
            parser = try model.map { try DependencyParser(contentsOf: $0) } ?? ShippedModels.parser()
        } catch let error as ModelFileError {
            throw UserError(error.description)
        }
        let loaded = CorpusLoader().load(paths: inputs)
        for failure in loaded.failures { Summary.warn("error: \(failure)") }
        for warning in loaded.warnings { Summary.warn("warning: \(warning)") }
        let analyzer = DocumentAnalyzer()
        for document in loaded.documents {
            let analysis = analyzer.analyze(document)
            var out = "# newdoc id = \(document.id)\n# source = \(document.location)\n"
            for sentence in analysis.sentences {
                let tokens = Array(analysis.tokens[sentence.tokenRange])
                let parse = parser.parse(tokens.map(\.text))
                let text = analysis.sentenceTexts[sentence.index].split(whereSeparator: \.isNewline).joined(separator: " ")
                out += "# sent_id = \(document.id)-\(sentence.index + 1)\n# text = \(text)\n"
                for (index, token) in tokens.enumerated() {
                    let spaceAfter = index + 1 < tokens.count ? tokens[index + 1].spaceBefore : true
                    let tag = index < parse.tags.count ? parse.tags[index] : "_"
                    out += "\(index + 1)\t\(token.text)\t_\t_\t\(tag)\t_\t\(parse.heads[index])\t\(parse.relations[index])\t_\t"
                    out += (spaceAfter ? "_" : "SpaceAfter=No") + "\n"
                }
                out += "\n"
            }
            print(out, terminator: "")
        }
        if !loaded.failures.isEmpty { throw ExitCode(1) }
    }
}
