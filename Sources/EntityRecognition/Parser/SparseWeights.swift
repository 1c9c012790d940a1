import PlexusSupport

/// A linear model's weights over hashed feature buckets, stored sparsely: for each bucket
/// with any weight, only its classes whose weight is not zero.
///
/// Look-ups go through an open-addressing table keyed by bucket (linear probing, at most
/// half full), so scoring a configuration costs one probe per feature plus its entries.
package struct SparseWeights: Sendable, Equatable {
    /// Classes scored.
    package let classCount: Int
    private let keys: [UInt32]
    private let starts: [Int32]
    private let counts: [UInt8]
    private let entryClasses: [UInt8]
    private let entryWeights: [Float]
    private let mask: Int

    private static let empty = UInt32.max

    /// Builds the table from (bucket, [(class, weight)]) rows.
    package init(classCount: Int, rows: [(bucket: UInt32, entries: [(UInt8, Float)])]) {
        self.classCount = classCount
        var capacity = 16
        while capacity < rows.count * 2 { capacity *= 2 }
        mask = capacity - 1
        var keys = [UInt32](repeating: Self.empty, count: capacity)
        var starts = [Int32](repeating: 0, count: capacity)
        var counts = [UInt8](repeating: 0, count: capacity)
        var classes: [UInt8] = []
        var weights: [Float] = []
        for row in rows {
            var slot = Self.slot(row.bucket, mask)
            while keys[slot] != Self.empty { slot = (slot + 1) & mask }
            keys[slot] = row.bucket
            starts[slot] = Int32(classes.count)
            counts[slot] = UInt8(row.entries.count)
            for (cls, weight) in row.entries {
                classes.append(cls)
                weights.append(weight)
            }
        }
        self.keys = keys
        self.starts = starts
        self.counts = counts
        entryClasses = classes
        entryWeights = weights
    }

    @inline(__always)
    private static func slot(_ bucket: UInt32, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(bucket) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// Adds the weights of `buckets` to `scores` (one per class).
    ///
    /// - Complexity: O(buckets + entries found).
    @inline(__always)
    package func accumulate(_ buckets: [UInt32], into scores: inout [Float]) {
        keys.withUnsafeBufferPointer { keys in
            for bucket in buckets {
                var slot = Self.slot(bucket, mask)
                while true {
                    let key = keys[slot]
                    if key == bucket {
                        let start = Int(starts[slot])
                        for index in start..<(start + Int(counts[slot])) {
                            scores[Int(entryClasses[index])] += entryWeights[index]
                        }
                        break
                    }
                    if key == Self.empty { break }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    /// The rows, sorted by bucket: what the table was built from.
    package var rows: [(bucket: UInt32, entries: [(UInt8, Float)])] {
        var out: [(bucket: UInt32, entries: [(UInt8, Float)])] = []
        for slot in keys.indices where keys[slot] != Self.empty {
            let start = Int(starts[slot])
            out.append((keys[slot], (start..<(start + Int(counts[slot]))).map { (entryClasses[$0], entryWeights[$0]) }))
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
        var rows: [(bucket: UInt32, entries: [(UInt8, Float)])] = []
        rows.reserveCapacity(rowCount)
        for _ in 0..<rowCount {
            let bucket = try reader.read(UInt32.self)
            let count = Int(try reader.read(UInt8.self))
            var entries: [(UInt8, Float)] = []
            entries.reserveCapacity(count)
            for _ in 0..<count {
                let cls = try reader.read(UInt8.self)
                guard Int(cls) < classCount else {
                    throw ModelFileError(path: reader.path, reason: "refers to class \(cls) of \(classCount)")
                }
                entries.append((cls, Float(Float16(bitPattern: try reader.read(UInt16.self)))))
            }
            rows.append((bucket, entries))
        }
        self.init(classCount: classCount, rows: rows)
    }

    package static func == (lhs: SparseWeights, rhs: SparseWeights) -> Bool {
        lhs.classCount == rhs.classCount
            && lhs.rows.elementsEqual(rhs.rows) { a, b in
                a.bucket == b.bucket && a.entries.elementsEqual(b.entries) { $0.0 == $1.0 && $0.1 == $1.1 }
            }
    }
}
