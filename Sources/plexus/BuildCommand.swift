import ArgumentParser
import Corpus
import CorpusStore
import EntityRecognition
import Foundation
import GraphExport
import PlexusGraph
import PlexusSupport
import RelationExtraction

/// `plexus build`: articles in, graph.json and diagrams out.
struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract:
            "Read articles, find entities, and write graph.json, graph.dot, graph.svg, graph.png and graph.pdf (and graph.html with --formats).",
        discussion: """
            Reads .txt, .md, .html and .jsonl files, and folders of them recursively. A file that \
            cannot be used is reported on standard error with the reason; the others are still \
            processed, and the exit status is 1. The outputs are written into a staging folder \
            and moved into --out together at the end, replacing an earlier build's, so a killed \
            run leaves the folder as it was.
            """
    )

    @Argument(help: "Files or folders of articles.")
    var inputs: [String] = []

    // Optional here and required in `validate`, so that a mistyped option ("--otu") is
    // reported as unknown before "--out" is reported missing.
    @Option(name: .long, help: "Folder to write graph.json and the diagrams into (required).")
    var out: String?

    @Option(
        name: .long, parsing: .upToNextOption,
        help:
            "Diagram formats to write: dot, svg, png, pdf, html (an interactive page with every edge's evidence); several values, or one with commas (svg,png)."
    )
    var formats: [String] = ["dot", "svg", "png", "pdf"]

    /// The names in the values of `--formats`, split at commas, with the value each came from.
    var formatNames: [(name: String, value: String)] {
        formats.flatMap { value in
            value.split(separator: ",").map { ($0.trimmingCharacters(in: .whitespaces).lowercased(), value) }.filter { !$0.0.isEmpty }
        }
    }

    /// The formats asked for (values of `formats` that `validate` found to be paths are inputs).
    var outputFormats: [OutputFormat] {
        var chosen: [OutputFormat] = []
        for (name, _) in formatNames {
            if let format = OutputFormat(rawValue: name), !chosen.contains(format) { chosen.append(format) }
        }
        return chosen
    }

    @OptionGroup var diagram: DiagramOptions

    @OptionGroup var aliasOptions: AliasOptions

    @OptionGroup var storeOptions: StoreOptions

    @Flag(
        name: .long,
        help:
            "Also credit a person's stance to the country or organisation they speak for (\"Russia's foreign minister Sergei Lavrov\", \"Maria Zakharova, spokeswoman of the Russian foreign ministry\")."
    )
    var rollUp = false

    @Option(name: .long, help: "Only articles dated on or after this day (YYYY-MM-DD); undated articles are left out and counted.")
    var since: String?

    @Option(name: .long, help: "Only articles dated on or before this day (YYYY-MM-DD).")
    var until: String?

    mutating func validate() throws {
        for date in [since, until].compactMap({ $0 }) where PublicationDate.parseISO(date) != date {
            throw ValidationError("\"\(date)\" is not a date; use YYYY-MM-DD")
        }
        // "--formats svg png articles/" must not swallow the articles: a value that is no
        // format but a file or folder that exists is an input, as the user meant it.
        for (name, value) in formatNames where OutputFormat(rawValue: name) == nil {
            guard FileManager.default.fileExists(atPath: value) else {
                throw ValidationError("--formats: \"\(name)\" is not a format; use dot, svg, png, pdf or html")
            }
            if !inputs.contains(value) { inputs.append(value) }
        }
        guard !outputFormats.isEmpty else { throw ValidationError("--formats: name at least one of dot, svg, png, pdf, html") }
        if storeOptions.store != nil {
            guard inputs.isEmpty else {
                throw ValidationError("give articles or --store, not both; add articles to a store with `plexus ingest`")
            }
            return
        }
        guard !inputs.isEmpty else { throw ValidationError("give the files or folders of articles to read, or --store") }
    }

    func run() async throws {
        let started = Date()
        // Read the alias file first, so a mistake in it stops before any article is read. The
        // models load on their own thread while the articles are read, and a missing or
        // damaged one stops the build before any is analysed.
        let corrections = try aliasOptions.load()
        let recognizer = aliasOptions.recognizer
        let rollUp = self.rollUp
        let loadingModels = Task.detached(priority: .high) {
            var builder = try AliasOptions.builder(recognizer: recognizer, corrections: corrections)
            builder.stances?.rollUp = rollUp
            return builder
        }
        // One build per output folder; what killed runs left half-written is cleared.
        let folder: OutputFolder
        // Checked here, not in `validate`: ArgumentParser validates before it reports unknown
        // options, and "--otu" must be called unknown before "--out" is called missing.
        guard let out else { throw ValidationError("give --out, the folder to write graph.json and the diagrams into") }
        let formats = outputFormats
        do { folder = try OutputFolder(out) } catch let error as OutputFolder.LockError { throw UserError(error.description) }
        defer { withExtendedLifetime(folder) {} }
        let documents: [Document]
        let built: GraphBuilder.Output
        var builder: GraphBuilder
        var failed = false
        if storeOptions.store != nil {
            let store = try await storeOptions.open(create: false)
            builder = try await loadingModels.value
            let fromStore = try await buildFromStore(store, window: DateWindow(since: since, until: until), builder: builder)
            let corpus = fromStore.corpus
            documents = corpus.analyses.map(\.document)
            built = fromStore.output
            var line = "Read \(corpus.stored) documents from the store"
            if corpus.empty > 0 { line += " (\(corpus.empty) left empty by cleaning)" }
            print(line)
            guard !documents.isEmpty else {
                Summary.warn("error: the store holds no articles" + (corpus.stored > 0 ? " in the window" : "") + "; nothing written")
                throw ExitCode(1)
            }
        } else {
            let loaded = CorpusLoader().load(paths: inputs)
            for failure in loaded.failures { Summary.warn("error: \(failure)") }
            for warning in loaded.warnings { Summary.warn("warning: \(warning)") }
            let window = DateWindow(since: since, until: until)
            let windowed = window.apply(to: loaded.documents)
            documents = windowed.kept
            Summary.noteWindow(window, documents: documents.count, outside: windowed.outside, undated: windowed.undated)
            guard !documents.isEmpty else {
                Summary.warn("error: no articles could be read" + (loaded.documents.isEmpty ? "" : " in the window") + "; nothing written")
                throw ExitCode(1)
            }
            builder = try await loadingModels.value
            let progress = BuildProgress.forTerminal(documents: documents.count)
            if let progress { builder.onDocumentDone = { progress.documentDone($0) } }
            built = builder.build(documents)
            progress?.finish()
            let report = loaded.report
            print(Summary.readLine(report: report, documents: loaded.documents.count, failures: loaded.failures))
            if documents.count != loaded.documents.count { print("Kept \(documents.count) documents in the time window") }
            print(
                "Cleaned: \(report.totalBoilerplateLines) boilerplate lines, \(report.repeatedParagraphs) repeated paragraphs, \(report.crossDocumentParagraphs) paragraphs shared across documents"
            )
            failed = !loaded.failures.isEmpty
        }
        aliasOptions.warnUnused(built.unusedCorrections)
        let graph = built.graph
        if built.crowdedSentences > 0 {
            Summary.warn(
                "note: \(built.crowdedSentences) sentence\(built.crowdedSentences == 1 ? "" : "s") named more than"
                    + " \(builder.maximumEntitiesPerSentence) entities (a list or a table, not prose) and gave no co-mention edges")
        }
        if built.longSentences > 0 {
            Summary.warn(
                "note: \(built.longSentences) sentence\(built.longSentences == 1 ? " was" : "s were") longer than"
                    + " \(builder.maximumTokensPerSentence) words (a table or text without full stops, not prose) and gave no edges")
        }
        let dates = documents.compactMap(\.date).sorted()
        if let first = dates.first, let last = dates.last {
            print("Dated: \(dates.count) of \(documents.count) documents, \(first == last ? first : "\(first) to \(last)")")
        } else {
            print("Dated: none of \(documents.count) documents")
        }
        let implausible = documents.filter { $0.date.map { !PublicationDate.isPlausible($0) } ?? false }
        if let example = implausible.first {
            Summary.warn(
                "warning: \(implausible.count) document\(implausible.count == 1 ? " has a date" : "s have dates") no news article can have"
                    + " (\(example.location): \(example.date ?? "")); check the files' dates")
        }
        let coMentions = graph.edges.filter { $0.kind == .coMention }.count
        print(
            "Found \(built.sentences) sentences, \(built.mentions) mentions, \(graph.nodes.count) entities (\(Summary.typeCounts(graph.nodes))), \(coMentions) co-mention edges"
        )
        let stanceEdges = graph.edges.filter { $0.kind == .stance }
        let drawn = stanceEdges.filter { ($0.confidence ?? 1) >= diagram.minConfidence }.count
        print(
            "Found \(built.stanceFindingCount) stance findings: \(stanceEdges.count) stance edges, \(drawn) at confidence ≥ \(diagram.minConfidence) (drawn)"
        )

        // Everything is written into a staging folder and moved in as one set at the end, so
        // the folder never holds this run's graph beside an earlier run's pictures.
        let everyOutput = ["graph.json"] + OutputFormat.allCases.map { "graph.\($0.rawValue)" }
        do {
            let staging = try folder.makeStaging()
            defer { try? FileManager.default.removeItem(atPath: staging) }
            try GraphCodec.write(graph, to: (staging as NSString).appendingPathComponent("graph.json"))
            let corpusName =
                storeOptions.store.map { PostgresAddress.isAddress($0) ? "a shared store" : $0 }
                ?? (inputs.count == 1 ? inputs[0] : "\(inputs.count) inputs")
            var names = ["graph.json"]
            do {
                let written = try await diagram.writer(for: graph, corpus: corpusName).write(graph, formats: formats, to: staging)
                names += written.map { ($0 as NSString).lastPathComponent }
            } catch let nothing as NothingToDraw {
                Summary.warn("note: \(nothing); no diagram written")
            }
            let placed = try folder.commit(names, from: staging, replacing: everyOutput)
            print("Wrote " + placed.joined(separator: ", "))
        } catch {
            Summary.warn("error: \(error)")
            throw ExitCode(1)
        }
        print(String(format: "Done in %.2f s", Date().timeIntervalSince(started)))
        if failed { throw ExitCode(1) }
    }
}
