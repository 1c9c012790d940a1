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
    static func records(in text: String, path: String) -> (records: [JSONLinesRecord], failures: [CorpusError]) {
        var records: [JSONLinesRecord] = []
        var failures: [CorpusError] = []
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
            records.append(
                JSONLinesRecord(
                    line: lineNumber, text: body, title: fields["title"] as? String,
                    date: fields["date"] as? String, url: fields["url"] as? String,
                    id: (fields["id"] as? String) ?? (fields["id"] as? NSNumber)?.stringValue))
        }
        return (records, failures)
    }
}
