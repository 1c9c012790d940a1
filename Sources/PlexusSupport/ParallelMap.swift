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
///
/// The slots are one allocation written through its pointer. An `Array` would not do: each
/// write through `withUnsafeMutableBufferPointer` is a mutating access of the whole array,
/// which checks that its buffer is unique and may copy it, so two threads writing at once
/// could each write into a different buffer and free the other's.
private final class ResultSlots<Value>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<Value?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = UnsafeMutablePointer<Value?>.allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func store(_ value: Value, at index: Int) { slots[index] = value }

    func collect() -> [Value] { (0..<count).compactMap { slots[$0] } }
}
