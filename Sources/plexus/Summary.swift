import Corpus
import EntityRecognition
import Foundation
import PlexusGraph
import RelationExtraction

/// Small text helpers shared by the commands.
enum Summary {
    /// The folder every document of `graph` lies in (the deepest one they share), or
    /// `fallback` when the graph lists no document.
    ///
    /// - Complexity: O(documents × path depth).
    static func corpusFolder(of graph: Graph, fallback: String) -> String {
        guard let first = graph.documents.first else { return fallback }
        var shared = (first.path as NSString).deletingLastPathComponent.split(separator: "/", omittingEmptySubsequences: false)
        for document in graph.documents.dropFirst() {
            let parts = (document.path as NSString).deletingLastPathComponent.split(separator: "/", omittingEmptySubsequences: false)
            var common = 0
            while common < min(shared.count, parts.count), shared[common] == parts[common] { common += 1 }
            shared.removeLast(shared.count - common)
        }
        let folder = shared.joined(separator: "/")
        return folder.isEmpty ? (first.path.hasPrefix("/") ? "/" : ".") : folder
    }

    /// What is on the page, out of what the graph holds.
    ///
    /// "ukraine-peace · 9 documents · 2025-02-10 to 2025-03-20 · 40 of 63 entities, 128 of 173
    /// ties"; the corpus is named by its last path component, as a person would name it.
    static func subtitle(for graph: Graph, corpus: String, shown: Graph) -> String {
        let name = (corpus.hasSuffix("/") ? String(corpus.dropLast()) : corpus) as NSString
        var parts = [name.lastPathComponent, "\(grouped(graph.documents.count)) document\(graph.documents.count == 1 ? "" : "s")"]
        let dates = graph.documents.compactMap(\.date).sorted()
        if let first = dates.first, let last = dates.last {
            parts.append(first == last ? first : "\(first) to \(last)")
        }
        let withLocations = shown.nodes.contains { $0.type == .location }
        let entities = graph.nodes.filter { withLocations || $0.type != .location }.count
        let nodes =
            shown.nodes.count < entities
            ? "\(grouped(shown.nodes.count)) of \(grouped(entities)) entities" : "\(grouped(entities)) entities"
        let ties =
            shown.edges.count < graph.edges.count
            ? "\(grouped(shown.edges.count)) of \(grouped(graph.edges.count)) ties" : "\(grouped(graph.edges.count)) ties"
        parts.append(nodes + ", " + ties)
        return parts.joined(separator: " · ")
    }

    /// "Read 7 files: 9 documents", with "(1 could not be read)" after the files and ", 2
    /// records skipped" for bad JSON Lines records or over-long lines, each in its own unit.
    static func readLine(report: CleaningReport, documents: Int, failures: [CorpusError]) -> String {
        func isRecord(_ failure: CorpusError) -> Bool {
            switch failure {
            case .malformedRecord, .lineTooLong: return true
            default: return false
            }
        }
        let records = failures.filter(isRecord).count
        let files = Set(failures.filter { !isRecord($0) }.map(\.path)).count
        var line = "Read \(report.files) file\(report.files == 1 ? "" : "s")"
        if files > 0 { line += " (\(files) could not be read)" }
        line += ": \(documents) document\(documents == 1 ? "" : "s")"
        if records > 0 { line += ", \(records) record\(records == 1 ? "" : "s") skipped" }
        return line
    }

    /// `21268` as "21,268": digits grouped in threes, the same in every locale.
    static func grouped(_ number: Int) -> String {
        let digits = Array(String(number.magnitude))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return (number < 0 ? "-" : "") + out
    }

    /// "12 people, 9 countries, 10 organisations, 4 locations".
    static func typeCounts(_ nodes: [Node]) -> String {
        let names: [EntityType: (String, String)] = [
            .person: ("person", "people"), .country: ("country", "countries"),
            .organisation: ("organisation", "organisations"), .location: ("location", "locations"),
            .topic: ("topic", "topics"),
        ]
        return EntityType.allCases.compactMap { type -> String? in
            let count = nodes.filter { $0.type == type }.count
            guard count > 0, let name = names[type] else { return nil }
            return "\(count) \(count == 1 ? name.0 : name.1)"
        }.joined(separator: ", ")
    }

    /// Says on standard error what a bounded time window kept and left out.
    static func noteWindow(_ window: DateWindow, documents: Int, outside: Int, undated: Int) {
        guard window.isBounded else { return }
        warn(
            "note: window \(window.since ?? "…") to \(window.until ?? "…"): \(documents) documents, \(outside) outside the window, \(undated) without a date left out"
        )
    }

    /// Writes a line to standard error.
    static func warn(_ text: String) {
        FileHandle.standardError.write(Data(TerminalText.clean("plexus: " + text + "\n").utf8))
    }

    /// Pads a string to a width (by characters).
    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    /// JSON text of an encodable value, keys sorted, pretty-printed.
    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
