import Foundation

/// Writes files so that a reader never sees half of one: the bytes go to a temporary
/// file beside the destination, which is then renamed into place.
public enum AtomicFile {
    /// Why a file could not be written.
    public struct WriteError: Error, Sendable, CustomStringConvertible {
        /// The destination path.
        public var path: String
        /// What went wrong, from the operating system.
        public var reason: String
        /// `path: cannot be written (reason)`.
        public var description: String { "\(path): cannot be written (\(reason))" }
    }

    /// Writes `data` to `path`, creating missing parent folders.
    ///
    /// - Throws: ``WriteError`` naming the path; no partial file is left behind.
    /// - Complexity: O(n) in the size of `data`.
    public static func write(_ data: Data, to path: String) throws {
        try replace(path) { temporary in try data.write(to: temporary) }
    }

    /// Writes the pieces `produce` hands to its `emit`, one after the other, to `path`: a
    /// large file made in parts is written without first joining them in memory.
    ///
    /// - Throws: ``WriteError`` naming the path, with what went wrong in `produce` or in
    ///   writing; no partial file is left behind.
    /// - Complexity: O(n) in the bytes emitted.
    public static func write(to path: String, _ produce: (_ emit: ([UInt8]) throws -> Void) throws -> Void) throws {
        try replace(path) { temporary in
            guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
                throw WriteError(path: path, reason: String(cString: strerror(errno)))
            }
            let handle = try FileHandle(forWritingTo: temporary)
            do {
                try produce { piece in try handle.write(contentsOf: piece) }
                try handle.close()
            } catch {
                try? handle.close()  // the write's own error is the one to report
                throw error
            }
        }
    }

    /// Has `write` fill a temporary file beside `path`, then renames it into place.
    private static func replace(_ path: String, _ write: (URL) throws -> Void) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try write(temporary)
            // rename(2) replaces the destination in one step.
            if rename(temporary.path, url.path) != 0 {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                throw WriteError(path: path, reason: reason)
            }
        } catch let error as WriteError {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw WriteError(path: path, reason: Self.describe(error))
        }
    }

    /// Writes `text` as UTF-8 to `path`; see ``write(_:to:)``.
    public static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    /// The operating system's reason for a failed file operation, in words.
    public static func describe(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return nsError.localizedDescription
    }
}
