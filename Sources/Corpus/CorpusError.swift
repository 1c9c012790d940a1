import Foundation

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
    /// A symbolic link whose target does not exist.
    case danglingLink(path: String, target: String)
    /// A named pipe, device or socket: not a file Plexus can read to the end.
    case notAFile(path: String, kind: String)

    /// The path the error is about.
    public var path: String {
        switch self {
        case .missingPath(let path), .empty(let path), .noArticles(let path), .danglingLink(let path, _), .notAFile(let path, _):
            return path
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
        case .danglingLink(let path, let target):
            return "\(path): symbolic link to \(target), which does not exist"
        case .notAFile(let path, let kind):
            return "\(path): a \(kind), not a regular file; Plexus reads articles from files"
        }
    }
}

/// Something in an input that was read, but not as written.
///
/// An optional field of the wrong type, a date no calendar has: the article is kept, and the
/// warning names file and line.
public struct CorpusWarning: Sendable, Equatable, CustomStringConvertible {
    /// The file.
    public var path: String
    /// The line of a JSON Lines record, if the warning is about one.
    public var line: Int?
    /// What was ignored and why.
    public var message: String

    /// Creates a warning.
    public init(path: String, line: Int? = nil, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    /// `path[:line]: message`.
    public var description: String { "\(path)\(line.map { ":\($0)" } ?? ""): \(message)" }
}

/// The kind of a file system object that is not a regular file or folder, as a user would
/// name it, or `nil` for a regular file, folder or link; read with `lstat` when `following`
/// is false.
///
/// - Complexity: one system call.
func specialFileKind(_ path: String, following: Bool = true) -> String? {
    var info = stat()
    let status = following ? stat(path, &info) : lstat(path, &info)
    guard status == 0 else { return nil }
    switch info.st_mode & S_IFMT {
    case S_IFIFO: return "named pipe (FIFO)"
    case S_IFCHR: return "character device"
    case S_IFBLK: return "block device"
    case S_IFSOCK: return "socket"
    default: return nil
    }
}

/// The target of a symbolic link at `path` when that target does not exist, else `nil`.
///
/// - Complexity: two system calls.
func danglingLinkTarget(_ path: String) -> String? {
    var info = stat()
    guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return nil }
    let target: String
    do {
        target = try FileManager.default.destinationOfSymbolicLink(atPath: path)
    } catch {
        return "an unreadable target"
    }
    let resolved =
        target.hasPrefix("/") ? target : ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(target)
    return FileManager.default.fileExists(atPath: resolved) ? nil : target
}
