import Foundation

/// A folder a command writes a set of outputs into, held by one process at a time.
///
/// Taking it locks `.plexus.lock` in the folder (`flock`, released when the process ends,
/// even by kill -9; the file is removed when the folder is let go), so a second build into
/// the same folder stops with a clear message instead of mixing its files with the first
/// one's; and it removes the temporary files (`.NAME.PID.tmp`) that runs killed while
/// writing left behind.
public final class OutputFolder: @unchecked Sendable {
    /// Why a folder could not be taken.
    public struct LockError: Error, Sendable, CustomStringConvertible, Equatable {
        /// The folder.
        public var path: String
        /// What is wrong.
        public var reason: String
        /// `path: reason`.
        public var description: String { "\(path): \(reason)" }
    }

    /// The folder.
    public let path: String
    private let descriptor: Int32
    private let lockPath: String

    /// Creates the folder if needed, locks it, and removes stale temporary files.
    ///
    /// - Throws: ``LockError`` when another process holds the folder or it cannot be made.
    public init(_ path: String) throws {
        self.path = path
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw LockError(path: path, reason: "cannot be created (\(AtomicFile.describe(error)))")
        }
        let lockPath = (path as NSString).appendingPathComponent(".plexus.lock")
        let descriptor = open(lockPath, O_CREAT | O_RDWR, 0o644)
        guard descriptor >= 0 else {
            throw LockError(path: path, reason: "cannot be locked (\(String(cString: strerror(errno))))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw LockError(path: path, reason: "another plexus is writing into this folder; wait for it or choose another --out")
        }
        self.descriptor = descriptor
        self.lockPath = lockPath
        Self.removeStaleTemporaries(in: path)
    }

    /// Removes the lock file and releases the lock; the folder then holds only the outputs.
    deinit {
        unlink(lockPath)
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    /// Makes a fresh hidden folder inside this one (`.staging.PID.tmp`) for a run to write its
    /// outputs into before ``commit(_:from:replacing:)`` moves them in as a set; a run killed
    /// before that leaves the folder as it was, and the next run removes the staging folder.
    ///
    /// - Throws: ``LockError`` when it cannot be made.
    public func makeStaging() throws -> String {
        let staging = (path as NSString).appendingPathComponent(".staging.\(getpid()).tmp")
        do {
            if FileManager.default.fileExists(atPath: staging) { try FileManager.default.removeItem(atPath: staging) }
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: false)
        } catch {
            throw LockError(path: path, reason: "cannot make a staging folder in it (\(AtomicFile.describe(error)))")
        }
        return staging
    }

    /// Moves the files `names` from `staging` into the folder as one set and removes `staging`.
    ///
    /// Every file of `set` (the names a run of this kind writes) already in the folder is
    /// removed first, so the folder never holds one run's graph beside another run's
    /// pictures; `names.first` (the graph) is moved in last, so a folder that has it holds
    /// only files of the same run. Each move is a rename within one file system.
    ///
    /// - Returns: the paths of the files now in the folder, in the order of `names`.
    /// - Throws: ``LockError`` naming the file that could not be moved or removed.
    public func commit(_ names: [String], from staging: String, replacing set: [String]) throws -> [String] {
        let manager = FileManager.default
        for name in Set(set).union(names) {
            let existing = (path as NSString).appendingPathComponent(name)
            guard manager.fileExists(atPath: existing) else { continue }
            do { try manager.removeItem(atPath: existing) } catch {
                throw LockError(path: existing, reason: "an earlier run's output cannot be replaced (\(AtomicFile.describe(error)))")
            }
        }
        for name in names.dropFirst() + names.prefix(1) {
            let from = (staging as NSString).appendingPathComponent(name)
            let to = (path as NSString).appendingPathComponent(name)
            do { try manager.moveItem(atPath: from, toPath: to) } catch {
                throw LockError(path: to, reason: "cannot be moved into place (\(AtomicFile.describe(error)))")
            }
        }
        do { try manager.removeItem(atPath: staging) } catch {
            throw LockError(path: staging, reason: "the staging folder cannot be removed (\(AtomicFile.describe(error)))")
        }
        return names.map { (path as NSString).appendingPathComponent($0) }
    }

    /// Removes `.NAME.PID.tmp` files and staging folders whose writing process is gone.
    static func removeStaleTemporaries(in path: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") {
            let parts = name.dropLast(4).split(separator: ".")
            guard let last = parts.last, let pid = Int32(last) else { continue }
            // kill(pid, 0) fails with ESRCH when no such process exists.
            if pid != getpid(), kill(pid, 0) != 0, errno == ESRCH {
                try? FileManager.default.removeItem(atPath: (path as NSString).appendingPathComponent(name))
            }
        }
    }
}
