import Foundation
import RelationExtraction

/// A live progress line on standard error while a long build runs: the step, documents done
/// of all, the rate and the time left, rewritten in place at most four times a second.
///
/// Shown only when standard error is a terminal and the build has more than
/// ``minimumDocuments`` documents; otherwise a build prints only its summary lines.
final class BuildProgress: @unchecked Sendable {
    /// Builds smaller than this finish before a progress line would help.
    static let minimumDocuments = 200

    private let lock = NSLock()
    private let total: Int
    private var step: GraphBuilder.BuildStep?
    private var done = 0
    private var stepStarted = Date()
    private var lastDrawn = Date.distantPast

    /// A reporter for `total` documents, or `nil` when no progress should be shown.
    static func forTerminal(documents total: Int) -> BuildProgress? {
        guard total > minimumDocuments, isatty(STDERR_FILENO) == 1 else { return nil }
        return BuildProgress(total: total)
    }

    private init(total: Int) { self.total = total }

    /// Counts one document through `step` and redraws the line when it is due.
    func documentDone(_ step: GraphBuilder.BuildStep) {
        lock.lock()
        defer { lock.unlock() }
        if self.step != step {
            if self.step != nil { FileHandle.standardError.write(Data("\n".utf8)) }
            self.step = step
            done = 0
            stepStarted = Date()
            lastDrawn = stepStarted  // the first line after a quarter second, with a rate worth reading
        }
        done += 1
        let now = Date()
        guard done == total || now.timeIntervalSince(lastDrawn) >= 0.25 else { return }
        lastDrawn = now
        let elapsed = max(0.001, now.timeIntervalSince(stepStarted))
        let rate = Double(done) / elapsed
        let left = Double(total - done) / max(rate, 0.001)
        let name = step == .analysis ? "Analysing" : "Reading stances"
        let line = String(
            format: "\r\u{1B}[2K%@: %d of %d documents (%.0f/s, %@)", name, done, total, rate,
            done == total ? String(format: "%.1f s", elapsed) : String(format: "about %.0f s left", left))
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Ends the line, so what follows starts on a new one.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if step != nil { FileHandle.standardError.write(Data("\n".utf8)) }
        step = nil
    }
}
