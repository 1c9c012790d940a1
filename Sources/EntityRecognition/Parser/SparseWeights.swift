import CPrefetch
import PlexusSupport

/// A linear model's weights over hashed feature buckets, stored sparsely: for each bucket
/// with any weight, only its classes whose weight is not zero.
///
/// Look-ups go through an open-addressing table keyed by bucket (linear probing, at most
/// half full), so scoring a configuration costs one probe per feature plus its entries.
package struct SparseWeights: Sendable {
    /// One table slot: a bucket and where its entries are; 12 bytes, so a probe reads one
    /// cache line.
    struct Slot {
        var key: UInt32
        var start: UInt32
        var count: UInt32
    }

    /// Classes scored.
    package let classCount: Int
    private let slots: [Slot]
    /// Each entry's weight as a 32-bit float widened from 16 bits, with its class in the low
    /// byte (which widening leaves zero, so both are exact).
    private let entries: [UInt32]
    private let mask: Int

    private static let empty = UInt32.max

    /// Builds the table from (bucket, [(class, weight)]) rows; weights are rounded to 16-bit
    /// floats, as the model file keeps them, so a model in memory scores as it will from its file.
    package init(classCount: Int, rows: [(bucket: UInt32, entries: [(UInt8, Float)])]) {
        var entries: [UInt32] = []
        for row in rows {
            for (cls, weight) in row.entries { entries.append(Float(Float16(weight)).bitPattern | UInt32(cls)) }
        }
        self.init(classCount: classCount, buckets: rows.map(\.bucket), counts: rows.map { UInt32($0.entries.count) }, entries: entries)
    }

    /// Builds the table from flat arrays: each bucket's entry count, and all entries packed
    /// in bucket order (the layout of a model file, read without a per-row allocation).
    private init(classCount: Int, buckets: [UInt32], counts: [UInt32], entries: [UInt32]) {
        self.classCount = classCount
        var capacity = 16
        // At most two thirds full, as the tagger's table (see ``SequenceTagger``).
        while capacity * 2 < buckets.count * 3 { capacity *= 2 }
        mask = capacity - 1
        var slots = [Slot](repeating: Slot(key: Self.empty, start: 0, count: 0), count: capacity)
        var start: UInt32 = 0
        for (bucket, count) in zip(buckets, counts) {
            var slot = Self.slot(bucket, mask)
            while slots[slot].key != Self.empty { slot = (slot + 1) & mask }
            slots[slot] = Slot(key: bucket, start: start, count: count)
            start += count
        }
        self.slots = slots
        self.entries = entries
    }

    @inline(__always)
    private static func slot(_ bucket: UInt32, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(bucket) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// Adds the weights of `buckets` to `scores` (one per class).
    ///
    /// The table is far larger than the processor's caches, so every bucket's slot is asked
    /// for first (a prefetch hint), and only then are the slots read and their weights added.
    ///
    /// - Complexity: O(buckets + entries found).
    @inline(__always)
    package func accumulate(_ buckets: [UInt32], into scores: inout [Float]) {
        slots.withUnsafeBufferPointer { slots in
            entries.withUnsafeBufferPointer { entries in
                guard let base = slots.baseAddress else { return }
                for bucket in buckets { plexus_prefetch(base + Self.slot(bucket, mask)) }
                for bucket in buckets {
                    var index = Self.slot(bucket, mask)
                    while true {
                        let slot = slots[index]
                        if slot.key == bucket {
                            let start = Int(slot.start)
                            for entry in start..<(start + Int(slot.count)) {
                                let bits = entries[entry]
                                scores[Int(bits & 0xFF)] += Float(bitPattern: bits & ~0xFF)
                            }
                            break
                        }
                        if slot.key == Self.empty { break }
                        index = (index + 1) & mask
                    }
                }
            }
        }
    }

    /// The rows, sorted by bucket: what the table was built from.
    package var rows: [(bucket: UInt32, entries: [(UInt8, Float)])] {
        var out: [(bucket: UInt32, entries: [(UInt8, Float)])] = []
        for slot in slots where slot.key != Self.empty {
            let start = Int(slot.start)
            out.append(
                (slot.key, (start..<(start + Int(slot.count))).map { (UInt8(entries[$0] & 0xFF), Float(bitPattern: entries[$0] & ~0xFF)) }))
        }
        return out.sorted { $0.bucket < $1.bucket }
    }

    /// Writes the rows, buckets in order, weights as 16-bit floats.
    package func write(to writer: inout BinaryWriter) {
        let rows = self.rows
        writer.put(UInt32(classCount))
        writer.put(UInt32(rows.count))
        for row in rows {
            writer.put(row.bucket)
            writer.put(UInt8(row.entries.count))
            for (cls, weight) in row.entries {
                writer.put(cls)
                writer.put(Float16(weight).bitPattern)
            }
        }
    }

    /// The bit pattern of every 16-bit float as a 32-bit float, built once (256 KB).
    static let halfToFloat: [UInt32] = (0...UInt16.max).map { Float(Float16(bitPattern: $0)).bitPattern }

    /// Reads rows written by ``write(to:)``.
    ///
    /// - Throws: ``ModelFileError`` when the bytes are cut short or name a class the model lacks.
    package init(reading reader: inout BinaryReader) throws {
        let classCount = Int(try reader.read(UInt32.self))
        let rowCount = Int(try reader.read(UInt32.self))
        guard classCount > 0, classCount <= 256, rowCount <= 50_000_000 else {
            throw ModelFileError(
                path: reader.path, reason: "has \(classCount) classes and \(rowCount) rows, which is not a valid parser model")
        }
        // One pass over the bytes in place: reading value by value, with a conversion call per
        // 16-bit float, took most of the parser's load time.
        let halves = Self.halfToFloat
        let path = reader.path
        let (buckets, counts, entries) = try reader.consume { raw -> (result: ([UInt32], [UInt32], [UInt32]), used: Int) in
            var buckets = [UInt32](repeating: 0, count: rowCount)
            var counts = [UInt32](repeating: 0, count: rowCount)
            let end = raw.count
            // The weights are counted first, so the array is allocated once at its size
            // (growing it by doubling left up to half of it unused).
            var total = 0
            var scan = 0
            for _ in 0..<rowCount {
                guard scan + 5 <= end else { throw ModelFileError(path: path, reason: "model file is cut short") }
                let count = Int(raw[scan + 4])
                total += count
                scan += 5 + 3 * count
            }
            var entries: [UInt32] = []
            entries.reserveCapacity(total)
            var at = 0
            for row in 0..<rowCount {
                guard at + 5 <= end else { throw ModelFileError(path: path, reason: "model file is cut short") }
                buckets[row] = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt32.self))
                let count = Int(raw[at + 4])
                counts[row] = UInt32(count)
                at += 5
                guard at + 3 * count <= end else { throw ModelFileError(path: path, reason: "model file is cut short") }
                for _ in 0..<count {
                    let cls = raw[at]
                    guard Int(cls) < classCount else { throw ModelFileError(path: path, reason: "refers to class \(cls) of \(classCount)") }
                    let half = UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: at + 1, as: UInt16.self))
                    entries.append(halves[Int(half)] | UInt32(cls))
                    at += 3
                }
            }
            return ((buckets, counts, entries), at)
        }
        self.init(classCount: classCount, buckets: buckets, counts: counts, entries: entries)
    }
}
