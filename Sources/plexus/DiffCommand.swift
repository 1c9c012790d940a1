import ArgumentParser
import Corpus
import CorpusStore
import Foundation
import GraphExport
import PlexusGraph
import PlexusSupport
import RelationExtraction

/// `plexus diff`: what changed between two periods of a stored corpus.
struct DiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract:
            "What changed between two periods of a store: entities and ties that appeared, grew, faded or vanished, and stances that appeared, flipped or vanished.",
        discussion: """
            Each period is built from the store's articles dated inside it (FROM..TO, days as \
            YYYY-MM-DD; either end may be left open: 2024-03-01.. or ..2024-02-29). A count grew \
            when it at least doubled by three or more, and faded the other way round.
            """
    )

    @OptionGroup var storeOptions: StoreOptions

    @Option(name: .long, help: "The earlier period, FROM..TO.")
    var before: String

    @Option(name: .long, help: "The later period, FROM..TO.")
    var after: String

    @Option(name: .long, help: "table or json.")
    var format: OutputStyle = .table

    @Option(name: .long, help: "Also draw the change into this file (.svg, .png, .pdf or .dot).")
    var out: String?

    @Option(name: .long, help: "Rows shown per section of the table.")
    var limit: Int = 20

    /// A period as a window.
    static func window(_ text: String, option: String) throws -> DateWindow {
        let parts = text.components(separatedBy: "..")
        guard parts.count == 2 else { throw ValidationError("--\(option): \"\(text)\" is not FROM..TO (e.g. 2024-01-01..2024-01-31)") }
        let ends = parts.map { $0.isEmpty ? nil : $0 }
        for end in ends.compactMap({ $0 }) where PublicationDate.parseISO(end) != end {
            throw ValidationError("--\(option): \"\(end)\" is not a date; use YYYY-MM-DD")
        }
        guard ends.contains(where: { $0 != nil }) else { throw ValidationError("--\(option): give at least one end of the period") }
        return DateWindow(since: ends[0], until: ends[1])
    }

    func validate() throws {
        _ = try Self.window(before, option: "before")
        _ = try Self.window(after, option: "after")
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        if let out, OutputFormat(rawValue: (out as NSString).pathExtension.lowercased()) == nil || out.hasSuffix(".html") {
            throw ValidationError("--out: \"\(out)\" must end in .svg, .png, .pdf or .dot")
        }
    }

    func run() async throws {
        let builder: GraphBuilder
        do { builder = try GraphBuilder.shipped() } catch let error as ModelFileError { throw UserError(error.description) }
        var graphs: [Graph] = []
        for (text, option) in [(before, "before"), (after, "after")] {
            let store = try await storeOptions.open(create: false)
            let built = try await buildFromStore(store, window: try Self.window(text, option: option), builder: builder)
            graphs.append(built.output.graph)
        }
        let diff = GraphDiff(before: graphs[0], after: graphs[1])
        var labels: [String: String] = [:]
        for graph in graphs { for node in graph.nodes { labels[node.id] = node.label } }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(diff), as: UTF8.self))
        case .table:
            print(table(diff, labels: labels))
        }
        if let out {
            let format = OutputFormat(rawValue: (out as NSString).pathExtension.lowercased()) ?? .svg
            let dot = DiffDiagram(title: "What changed: \(before) → \(after)").dot(diff, labels: labels)
            do {
                let data = try await GraphvizRenderer().render(dot: dot, layout: .neato, format: format)
                try AtomicFile.write(data, to: out)
            } catch {
                throw UserError("\(out): \(error)")
            }
            Summary.warn("Wrote \(out)")
        }
    }

    func table(_ diff: GraphDiff, labels: [String: String]) -> String {
        var lines = ["Before \(before): \(diff.documentsBefore) articles; after \(after): \(diff.documentsAfter) articles"]
        /// A titled section of at most `limit` rows, each led by its change.
        func section(_ title: String, _ rows: [(GraphDiff.Change, String)]) {
            lines += ["", title]
            if rows.isEmpty { lines.append("  no change") }
            for (change, text) in rows.prefix(limit) {
                lines.append("  \(change.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) \(text)")
            }
        }
        let name = { (id: String) in labels[id] ?? id }
        let word = { (polarity: Polarity?) in polarity.map { $0 == .support ? "supports" : "opposes" } ?? "none" }
        section(
            "Entities (mentions)",
            diff.entities.map { ($0.change, "\($0.label) (\($0.type.rawValue)): \($0.before) → \($0.after)") })
        section(
            "Ties (sentences naming both)",
            diff.ties.map { ($0.change, "\(name($0.source)) – \(name($0.target)): \($0.before) → \($0.after)") })
        section(
            "Stances",
            diff.stances.map {
                (
                    $0.change,
                    "\(name($0.source)) → \(name($0.target)): \(word($0.before)) (\($0.beforeWeight)) → \(word($0.after)) (\($0.afterWeight))"
                )
            })
        return TerminalText.clean(lines.joined(separator: "\n"))
    }
}
