import Dispatch

/// Maps `transform` over `items` on every core, keeping the input order.
///
/// Documents are independent, so Plexus processes them in parallel and merges the
/// results in document order, which keeps every output deterministic.
///
/// - Complexity: O(n) calls of `transform`, spread over the available cores.
public func parallelMap<Input: Sendable, Output: Sendable>(
    _ items: [Input], _ transform: @Sendable (Input) -> Output
) -> [Output] {
    guard items.count > 1 else { return items.map(transform) }
    let results = ResultSlots<Output>(count: items.count)
    items.withUnsafeBufferPointer { buffer in
        nonisolated(unsafe) let input = buffer
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            results.store(transform(input[index]), at: index)
        }
    }
    return results.collect()
}

/// Fixed slots written once each from `concurrentPerform`; each index is written by exactly
/// one iteration, so no two threads touch the same slot and no lock is needed.
private final class ResultSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ value: Value, at index: Int) {
        slots.withUnsafeMutableBufferPointer { $0[index] = value }
    }

    func collect() -> [Value] { slots.compactMap { $0 } }
}
