import Foundation

/// One article read from a JSON Lines file.
struct JSONLinesRecord: Sendable {
    var line: Int
    var text: String
    var title: String?
    var date: String?
    var url: String?
    var id: String?
}

/// Reads JSON Lines: one JSON object per line with a string `text` and optional `title`,
/// `date`, `url` and `id`.
///
/// A bad line becomes a ``CorpusError/malformedRecord(path:line:reason:)``
/// and the other lines are still read; blank lines are skipped.
enum JSONLinesReader {
    static func records(
        in text: String, path: String
    ) -> (
        records: [JSONLinesRecord], failures: [CorpusError], warnings: [CorpusWarning]
    ) {
        var records: [JSONLinesRecord] = []
        var failures: [CorpusError] = []
        var warnings: [CorpusWarning] = []
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            guard line.contains(where: { !$0.isWhitespace }) else { continue }
            let object: Any
            do {
                object = try JSONSerialization.jsonObject(with: Data(line.utf8), options: [])
            } catch {
                failures.append(.malformedRecord(path: path, line: lineNumber, reason: "not valid JSON"))
                continue
            }
            guard let fields = object as? [String: Any] else {
                failures.append(.malformedRecord(path: path, line: lineNumber, reason: "not a JSON object"))
                continue
            }
            guard let body = fields["text"] as? String else {
                failures.append(.malformedRecord(path: path, line: lineNumber, reason: "no string field \"text\""))
                continue
            }
            // Optional fields of the wrong type are ignored, and said so.
            func text(_ key: String, numbersToo: Bool = false) -> String? {
                guard let value = fields[key], !(value is NSNull) else { return nil }
                if let string = value as? String { return string }
                if numbersToo, let number = value as? NSNumber, !Self.isBoolean(value) {
                    return number.stringValue
                }
                warnings.append(
                    CorpusWarning(
                        path: path, line: lineNumber,
                        message: "\"\(key)\" is \(Self.typeName(value)), not a string\(numbersToo ? " or a number" : ""); ignored"))
                return nil
            }
            records.append(
                JSONLinesRecord(
                    line: lineNumber, text: body, title: text("title"), date: text("date"), url: text("url"),
                    id: text("id", numbersToo: true)))
        }
        return (records, failures, warnings)
    }

    /// Whether a value JSONSerialization read is `true` or `false`: Foundation gives them as a
    /// boolean subclass of NSNumber, and `is Bool` would also hold for the numbers 0 and 1.
    static func isBoolean(_ value: Any) -> Bool {
        String(describing: type(of: value)).contains("Boolean")
    }

    /// "an array", "a number", …: a JSON value's type in words.
    static func typeName(_ value: Any) -> String {
        switch value {
        case is [Any]: return "an array"
        case is [String: Any]: return "an object"
        case is NSNumber: return isBoolean(value) ? "true or false" : "a number"
        default: return "of another type"
        }
    }
}
