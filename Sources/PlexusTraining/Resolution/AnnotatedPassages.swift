import Corpus
import EntityRecognition
import Foundation
import PlexusGraph
import PlexusSupport
import RelationExtraction

/// A gold mention: where it is in the passage's text and which entity it names.
public struct GoldMention: Sendable, Equatable {
    /// Scalar offsets in the passage's plain text.
    public var range: Range<Int>
    /// The text as written.
    public var surface: String
    /// The canonical label of the entity it names.
    public var label: String
}

/// One annotated passage.
public struct AnnotatedPassage: Sendable {
    /// The passage id (after `===`).
    public var id: String
    /// The passage as a document (markup removed).
    public var document: Document
    /// Its gold mentions, in text order.
    public var mentions: [GoldMention]
}

/// Reads the entity-resolution fixture format: passages starting with `=== id`, mentions
/// marked `[[as written|Canonical label]]`, lines starting with `#` before the first passage
/// ignored.
public enum AnnotatedPassages {
    /// Why a fixture could not be read.
    public struct FormatError: Error, Sendable, CustomStringConvertible {
        /// The file.
        public var path: String
        /// The 1-based line.
        public var line: Int
        /// What is wrong.
        public var reason: String
        /// `path:line: reason`.
        public var description: String { "\(path):\(line): \(reason)" }
    }

    /// Reads a fixture file.
    ///
    /// - Throws: ``FormatError`` (unbalanced brackets, a mention without a label, text before
    ///   the first passage) or a file error.
    public static func read(from path: String) throws -> [AnnotatedPassage] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try parse(text, path: path)
    }

    /// Parses fixture text; `path` is used in messages and document paths.
    public static func parse(_ text: String, path: String) throws -> [AnnotatedPassage] {
        var passages: [AnnotatedPassage] = []
        var currentID: String?
        var lines: [(Int, String)] = []
        func finish() throws {
            guard let id = currentID else { return }
            var plain = String.UnicodeScalarView()
            var mentions: [GoldMention] = []
            for (index, (number, line)) in lines.enumerated() {
                if index > 0 { plain.append("\n") }
                let scalars = Array(line.unicodeScalars)
                var k = 0
                while k < scalars.count {
                    if k + 1 < scalars.count, scalars[k] == "[", scalars[k + 1] == "[" {
                        guard let close = (k..<(scalars.count - 1)).first(where: { scalars[$0] == "]" && scalars[$0 + 1] == "]" }) else {
                            throw FormatError(path: path, line: number, reason: "\"[[\" without \"]]\"")
                        }
                        let inside = String(scalars: scalars[(k + 2)..<close])
                        let parts = inside.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
                        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                            throw FormatError(
                                path: path, line: number, reason: "mention \"\(inside)\" needs the form [[as written|Canonical label]]")
                        }
                        let start = plain.count
                        plain.append(contentsOf: parts[0].unicodeScalars)
                        mentions.append(GoldMention(range: start..<plain.count, surface: String(parts[0]), label: String(parts[1])))
                        k = close + 2
                    } else {
                        plain.append(scalars[k])
                        k += 1
                    }
                }
            }
            let document = Document(id: "d\(passages.count + 1)", path: "\(path)#\(id)", text: String(plain))
            passages.append(AnnotatedPassage(id: id, document: document, mentions: mentions))
        }
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            if line.hasPrefix("=== ") {
                try finish()
                currentID = String(line.dropFirst(4)).trimmingCharacters(in: .whitespaces)
                lines = []
                continue
            }
            if currentID == nil {
                if line.hasPrefix("#") || line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
                throw FormatError(path: path, line: number, reason: "text before the first \"=== id\" line")
            }
            if lines.isEmpty && line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            lines.append((number, String(line)))
        }
        try finish()
        // Trailing blank lines are not part of a passage.
        return passages.map { passage in
            var trimmed = passage
            let text = passage.document.text
            let end = text.unicodeScalars.lastIndex { !$0.properties.isWhitespace }.map { text.unicodeScalars.index(after: $0) }
            if let end {
                trimmed.document = Document(id: passage.document.id, path: passage.document.path, text: String(text.unicodeScalars[..<end]))
            }
            return trimmed
        }
    }
}
