import Dispatch
import Foundation
import Testing

@testable import PlexusSupport

@Suite struct ModelCacheTests {
    /// Counts from any thread.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func increment() { lock.withLock { value += 1 } }
        var count: Int { lock.withLock { value } }
    }

    struct Failure: Error {}

    @Test func manyThreadsAskingForOneModelLoadItOnce() {
        let cache = ModelCache<String>()
        let loads = Counter()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            let model = try? cache.model(named: "tagger") { name in
                loads.increment()
                Thread.sleep(forTimeInterval: 0.02)
                return name.uppercased()
            }
            #expect(model == "TAGGER")
        }
        #expect(loads.count == 1)
    }

    @Test func aSecondModelLoadsWhileTheFirstIsStillLoading() {
        let cache = ModelCache<Int>()
        let taggerLoading = DispatchSemaphore(value: 0)
        let parserLoading = DispatchSemaphore(value: 0)
        let done = DispatchGroup()
        let sawParser = Counter()
        DispatchQueue.global().async(group: done) {
            _ = try? cache.model(named: "tagger") { _ in
                taggerLoading.signal()
                // With one lock for the whole cache, the parser could not start loading now.
                if parserLoading.wait(timeout: .now() + 10) == .success { sawParser.increment() }
                return 1
            }
        }
        taggerLoading.wait()
        DispatchQueue.global().async(group: done) {
            _ = try? cache.model(named: "parser") { _ in
                parserLoading.signal()
                return 2
            }
        }
        done.wait()
        #expect(sawParser.count == 1)
    }

    @Test func aFailedLoadIsNotKeptAndIsTriedAgain() throws {
        let cache = ModelCache<Int>()
        #expect(throws: Failure.self) { try cache.model(named: "damaged") { _ in throw Failure() } }
        #expect(try cache.model(named: "damaged") { _ in 7 } == 7)
        #expect(try cache.model(named: "damaged") { _ in 8 } == 7)
    }
}
