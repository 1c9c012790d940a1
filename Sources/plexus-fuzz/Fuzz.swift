import ArgumentParser
import Corpus
import Foundation
import PlexusSupport
import RelationExtraction

/// `plexus-fuzz`: mutation fuzzing of the build's stages, and replay of saved cases.
@main
struct Fuzz: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plexus-fuzz",
        abstract: "Feed broken and hostile articles through every build stage; save any that crash (make fuzz).",
        subcommands: [FuzzRun.self, FuzzWorker.self, FuzzReplay.self],
        defaultSubcommand: FuzzRun.self
    )
}

/// Options both the supervisor and its workers take.
struct FuzzOptions: ParsableArguments {
    @Option(help: "Folder for the current case, crashes/ and findings/.") var work = ".build/fuzz"
    @Option(parsing: .upToNextOption, help: "Files or folders of real articles to mutate.")
    var corpus: [String] = ["examples/ukraine-peace"]
    @Option(help: "Most seed articles to read.") var maxSeeds = 400
    @Option(help: "Draw every N-th case through Graphviz.") var renderEvery = 20
    @Option(help: "A case that takes longer than this many seconds is a finding (cases are at most 64 KB).")
    var slowSeconds = 5.0
}

/// `plexus-fuzz run`: runs workers until the time or the case budget is spent; a worker that
/// dies leaves its case, which is saved under crashes/, and a new worker goes on.
struct FuzzRun: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Fuzz for a time or a number of cases.")

    @OptionGroup var options: FuzzOptions
    @Option(help: "Seconds to fuzz for.") var seconds = 60.0
    @Option(help: "Stop after this many cases (with --seconds, whichever comes first).") var cases = Int.max
    @Option(help: "First random seed; each worker takes the next.") var seed: UInt64 = 1

    func run() async throws {
        let work = URL(fileURLWithPath: options.work)
        try FileManager.default.createDirectory(at: work.appendingPathComponent("crashes"), withIntermediateDirectories: true)
        let started = Date()
        var total = 0
        var crashes = 0
        var findings = 0
        var workerSeed = seed
        while Date().timeIntervalSince(started) < seconds && total < cases {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
            let remaining = max(1, seconds - Date().timeIntervalSince(started))
            process.arguments =
                ["worker", "--seed", String(workerSeed), "--seconds", String(remaining), "--cases", String(cases - total)]
                + ["--work", options.work, "--max-seeds", String(options.maxSeeds), "--render-every", String(options.renderEvery)]
                + ["--slow-seconds", String(options.slowSeconds)]
                + ["--corpus"] + options.corpus
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            for line in output.split(separator: "\n") {
                if line.hasPrefix("cases ") { total += Int(line.dropFirst(6)) ?? 0 }
                if line.hasPrefix("finding ") {
                    findings += 1
                    print(line)
                }
            }
            if process.terminationReason == .uncaughtSignal || process.terminationStatus != 0 {
                crashes += 1
                let names = try FileManager.default.contentsOfDirectory(atPath: work.path).filter { $0.hasPrefix("current.") }
                for name in names {
                    let saved = work.appendingPathComponent("crashes/crash-\(workerSeed)-\(name)")
                    if FileManager.default.fileExists(atPath: saved.path) { try FileManager.default.removeItem(at: saved) }
                    try FileManager.default.moveItem(at: work.appendingPathComponent(name), to: saved)
                    print("crash: worker with seed \(workerSeed) died (status \(process.terminationStatus)); case saved as \(saved.path)")
                }
                // The crashing case was not counted by the dead worker.
                total += 1
            }
            workerSeed += 1
        }
        let elapsed = Date().timeIntervalSince(started)
        print(
            String(
                format: "fuzzed %d cases in %.0f s (%.1f cases/s): %d crashes, %d findings", total, elapsed,
                Double(total) / max(elapsed, 0.001), crashes, findings))
        if crashes > 0 || findings > 0 { throw ExitCode(1) }
    }
}

/// `plexus-fuzz worker`: one process running cases until told to stop (started by `run`).
struct FuzzWorker: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "worker", abstract: "Run cases (started by `run`).")

    @OptionGroup var options: FuzzOptions
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Option(help: "Seconds to run for.") var seconds = 60.0
    @Option(help: "Most cases to run.") var cases = Int.max

    func run() async throws {
        let seeds = try Self.readSeeds(options.corpus, limit: options.maxSeeds)
        guard !seeds.isEmpty else { throw ValidationError("no seed articles found in \(options.corpus.joined(separator: ", "))") }
        let stages = FuzzStages(builder: try GraphBuilder.shipped(), work: URL(fileURLWithPath: options.work))
        var mutator = Mutator(seeds: seeds)
        var generator = SeededGenerator(seed: seed)
        let started = Date()
        var count = 0
        let suffixes = ["txt", "md", "html", "jsonl"]
        while count < cases && Date().timeIntervalSince(started) < seconds {
            let bytes = mutator.next(using: &generator)
            let suffix =
                bytes.first == UInt8(ascii: "{") ? "jsonl" : suffixes[Int.random(in: 0..<(suffixes.count - 1), using: &generator)]
            do {
                let caseStarted = Date()
                _ = try await stages.run(bytes, suffix: suffix, render: count % max(1, options.renderEvery) == 0)
                let took = Date().timeIntervalSince(caseStarted)
                if took > options.slowSeconds {
                    throw StageFailure(description: String(format: "took %.1f s for %d bytes", took, bytes.count))
                }
            } catch let failure as StageFailure {
                let saved = URL(fileURLWithPath: options.work).appendingPathComponent("finding-\(seed)-\(count).\(suffix)")
                try Data(bytes).write(to: saved)
                print("finding \(saved.path): \(failure)")
            }
            count += 1
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: options.work).filter { $0.hasPrefix("current.") }
        for name in names { try FileManager.default.removeItem(atPath: (options.work as NSString).appendingPathComponent(name)) }
        print("cases \(count)")
    }

    /// The bytes of up to `limit` article files (at most 64 KB each) under `paths`, in path order.
    static func readSeeds(_ paths: [String], limit: Int) throws -> [[UInt8]] {
        let articles = try caseFiles(paths, recursive: true).filter {
            ["txt", "md", "html", "jsonl"].contains(($0 as NSString).pathExtension)
        }
        return try articles.prefix(limit).map { Array(try Data(contentsOf: URL(fileURLWithPath: $0)).prefix(64 * 1024)) }
    }
}

/// The files named by `paths`, and the visible files in the folders among them (all the way
/// down when `recursive`), in path order.
///
/// - Throws: `ValidationError` for a path that does not exist.
func caseFiles(_ paths: [String], recursive: Bool) throws -> [String] {
    var files: [String] = []
    for path in paths {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw ValidationError("\(path): no such file or folder")
        }
        guard isFolder.boolValue else {
            files.append(path)
            continue
        }
        let names =
            recursive
            ? (FileManager.default.enumerator(atPath: path)?.allObjects.compactMap { $0 as? String } ?? [])
            : try FileManager.default.contentsOfDirectory(atPath: path)
        for name in names where !(name as NSString).lastPathComponent.hasPrefix(".") {
            let full = (path as NSString).appendingPathComponent(name)
            var childIsFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &childIsFolder), !childIsFolder.boolValue { files.append(full) }
        }
    }
    return files.sorted()
}

/// `plexus-fuzz replay`: runs saved cases (the regression set, or crashes/) through the stages.
struct FuzzReplay: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "replay", abstract: "Run saved cases through every stage.")

    @Argument(help: "Case files or folders of them.") var cases: [String]

    func run() async throws {
        let files = try caseFiles(cases, recursive: false)
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("plexus-fuzz-replay-\(getpid())")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let stages = FuzzStages(builder: try GraphBuilder.shipped(), work: work)
        var failed = 0
        for file in files {
            let size = try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int ?? 0
            do {
                let outcome = try await stages.run(file: file, inputBytes: size, render: true)
                print(
                    "ok \(file): \(outcome.documents) documents, \(outcome.nodes) entities, \(outcome.edges) edges, graph.json \(outcome.graphBytes) bytes"
                )
            } catch let failure as StageFailure {
                failed += 1
                print("finding \(file): \(failure)")
            }
        }
        if failed > 0 { throw ExitCode(1) }
    }
}
