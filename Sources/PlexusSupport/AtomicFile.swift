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
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try data.write(to: temporary)
            // rename(2) replaces the destination in one step.
            if rename(temporary.path, url.path) != 0 {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                throw WriteError(path: path, reason: reason)
            }
        } catch let error as WriteError {
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
