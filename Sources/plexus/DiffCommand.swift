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
        var lines = ["Before \(before): \(diff.documentsBefore) articles; after \(after): \(diff.documentsAfter) articles", ""]
        lines.append("Entities (mentions)")
        if diff.entities.isEmpty { lines.append("  no change") }
        for entry in diff.entities.prefix(limit) {
            lines.append(
                "  \(entry.change.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) \(entry.label) (\(entry.type.rawValue)): \(entry.before) → \(entry.after)"
            )
        }
        lines.append("")
        lines.append("Ties (sentences naming both)")
        if diff.ties.isEmpty { lines.append("  no change") }
        for tie in diff.ties.prefix(limit) {
            lines.append(
                "  \(tie.change.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) \(labels[tie.source] ?? tie.source) – \(labels[tie.target] ?? tie.target): \(tie.before) → \(tie.after)"
            )
        }
        lines.append("")
        lines.append("Stances")
        if diff.stances.isEmpty { lines.append("  no change") }
        let word = { (polarity: Polarity?) in polarity.map { $0 == .support ? "supports" : "opposes" } ?? "none" }
        for stance in diff.stances.prefix(limit) {
            lines.append(
                "  \(stance.change.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) \(labels[stance.source] ?? stance.source) → \(labels[stance.target] ?? stance.target): \(word(stance.before)) (\(stance.beforeWeight)) → \(word(stance.after)) (\(stance.afterWeight))"
            )
        }
        return TerminalText.clean(lines.joined(separator: "\n"))
    }
}
