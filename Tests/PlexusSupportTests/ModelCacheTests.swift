import Dispatch
import Foundation
import Testing

@testable import PlexusSupport

@Suite struct ModelCacheTests {
    /// Counts loads per name, from any thread.
    final class LoadLog: @unchecked Sendable {
        private let lock = NSLock()
        private var counts: [String: Int] = [:]
        private var running = 0
        private(set) var mostAtOnce = 0

        func started(_ name: String) {
            lock.withLock {
                counts[name, default: 0] += 1
                running += 1
                mostAtOnce = max(mostAtOnce, running)
            }
        }

        func finished() { lock.withLock { running -= 1 } }

        func count(_ name: String) -> Int { lock.withLock { counts[name, default: 0] } }
    }

    struct Failure: Error {}

    @Test func manyThreadsAskingForOneModelLoadItOnceAndDifferentModelsLoadAtOnce() throws {
        let cache = ModelCache<String>()
        let log = LoadLog()
        let names = ["tagger", "parser"]
        DispatchQueue.concurrentPerform(iterations: 16) { i in
            let name = names[i % 2]
            let model = try? cache.model(named: name) { name in
                log.started(name)
                Thread.sleep(forTimeInterval: 0.05)
                log.finished()
                return name.uppercased()
            }
            #expect(model == name.uppercased())
        }
        #expect(log.count("tagger") == 1 && log.count("parser") == 1)
        // Two different models load side by side where there are two cores to do it.
        if ProcessInfo.processInfo.activeProcessorCount > 1 { #expect(log.mostAtOnce == 2) }
    }

    @Test func aFailedLoadIsNotKeptAndIsTriedAgain() throws {
        let cache = ModelCache<Int>()
        #expect(throws: Failure.self) { try cache.model(named: "damaged") { _ in throw Failure() } }
        #expect(try cache.model(named: "damaged") { _ in 7 } == 7)
        #expect(try cache.model(named: "damaged") { _ in 8 } == 7)
    }
}
