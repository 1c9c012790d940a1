/// Why one input could not be read.
///
/// Each case names the file (and line where there is one)
/// and says what a user can do about it.
public enum CorpusError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path does not exist.
    case missingPath(String)
    /// The file could not be opened or read (permissions, I/O error).
    case unreadable(path: String, reason: String)
    /// The file has no text (zero bytes, only whitespace, or only boilerplate).
    case empty(path: String)
    /// The file holds binary data (a NUL byte), so it is not an article.
    case binary(path: String, offset: Int)
    /// The file is not valid UTF-8.
    case invalidUTF8(path: String, offset: Int)
    /// One line is longer than Plexus accepts.
    case lineTooLong(path: String, line: Int, length: Int, limit: Int)
    /// A JSON Lines record is not a JSON object with a string `text`.
    case malformedRecord(path: String, line: Int, reason: String)
    /// The file is larger than Plexus accepts.
    case fileTooLarge(path: String, size: Int, limit: Int)
    /// A folder held no file that Plexus reads.
    case noArticles(path: String)

    /// The path the error is about.
    public var path: String {
        switch self {
        case .missingPath(let path), .empty(let path), .noArticles(let path): return path
        case .unreadable(let path, _), .binary(let path, _), .invalidUTF8(let path, _),
            .lineTooLong(let path, _, _, _), .malformedRecord(let path, _, _),
            .fileTooLarge(let path, _, _):
            return path
        }
    }

    /// One line a user can act on: `path[:line]: reason`.
    public var description: String {
        switch self {
        case .missingPath(let path):
            return "\(path): no such file or folder"
        case .unreadable(let path, let reason):
            return "\(path): cannot be read (\(reason))"
        case .empty(let path):
            return "\(path): empty: no article text after cleaning"
        case .binary(let path, let offset):
            return "\(path): binary file (NUL byte at offset \(offset)); not an article"
        case .invalidUTF8(let path, let offset):
            return "\(path): invalid UTF-8 at byte offset \(offset); convert the file to UTF-8"
        case .lineTooLong(let path, let line, let length, let limit):
            return "\(path):\(line): line of \(length) bytes is longer than the limit of \(limit) bytes"
        case .malformedRecord(let path, let line, let reason):
            return "\(path):\(line): malformed JSON Lines record: \(reason)"
        case .fileTooLarge(let path, let size, let limit):
            return "\(path): file of \(size) bytes is larger than the limit of \(limit) bytes"
        case .noArticles(let path):
            return "\(path): no readable articles (.txt, .md, .html, .jsonl) in this folder"
        }
    }
}
