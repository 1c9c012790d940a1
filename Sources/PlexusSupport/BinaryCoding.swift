import Foundation

/// Appends little-endian integers and bytes to a buffer: the body of a model file.
public struct BinaryWriter {
    /// The bytes written so far.
    ///
    /// An array, not `Data`: appending a few bytes at a time to `Data` cost more than the
    /// rest of writing a graph's binary copy.
    public var bytes: [UInt8] = []

    /// The bytes written so far, as `Data`.
    ///
    /// - Complexity: O(n): a copy.
    public var data: Data { Data(bytes) }

    /// Creates an empty writer.
    public init() {}

    /// Appends an integer in little-endian order.
    @inlinable public mutating func put<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Appends raw bytes.
    @inlinable public mutating func put(bytes more: some Sequence<UInt8>) { bytes.append(contentsOf: more) }

    /// Appends a string as a length (of the given width) and its UTF-8 bytes; a longer
    /// string is cut to the longest length the width can hold.
    @inlinable public mutating func put<Length: FixedWidthInteger>(_ text: String, lengthAs _: Length.Type) {
        let bytes = Array(text.utf8.prefix(Int(Length.max)))
        put(Length(bytes.count))
        put(bytes: bytes)
    }
}

/// Reads little-endian integers and bytes from a buffer, failing with a ``ModelFileError``
/// that names the file at its end.
///
/// The methods are inlinable so that callers in other modules get them specialised for each
/// integer type: a model of millions of numbers loads several times faster than through the
/// generic entry points.
public struct BinaryReader {
    @usableFromInline let bytes: [UInt8]
    @usableFromInline var cursor = 0
    /// The file the bytes came from, for messages.
    public let path: String

    /// Creates a reader over `bytes`; `path` names them in errors.
    public init(_ bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
    }

    /// The next `count` bytes.
    ///
    /// - Throws: ``ModelFileError`` when fewer are left.
    @inlinable public mutating func take(_ count: Int) throws -> ArraySlice<UInt8> {
        guard count >= 0, cursor + count <= bytes.count else {
            throw ModelFileError(path: path, reason: "model file is cut short")
        }
        defer { cursor += count }
        return bytes[cursor..<(cursor + count)]
    }

    /// The next integer, little-endian.
    ///
    /// - Throws: ``ModelFileError`` when the bytes run out.
    @inlinable public mutating func read<T: FixedWidthInteger>(_: T.Type) throws -> T {
        let slice = try take(MemoryLayout<T>.size)
        var value: T = 0
        withUnsafeMutableBytes(of: &value) { $0.copyBytes(from: slice) }
        return T(littleEndian: value)
    }

    /// Lets `body` read the bytes not yet read, in place, and moves past as many as it says it
    /// used, for a large block that per-value reads would make slow.
    ///
    /// - Throws: what `body` throws, or ``ModelFileError`` when it claims more bytes than are
    ///   left.
    @inlinable public mutating func consume<Result>(
        _ body: (UnsafeRawBufferPointer) throws -> (result: Result, used: Int)
    ) throws -> Result {
        let start = cursor
        let (result, used) = try bytes.withUnsafeBytes { all in
            try body(UnsafeRawBufferPointer(rebasing: all[start...]))
        }
        guard used >= 0, start + used <= bytes.count else { throw ModelFileError(path: path, reason: "model file is cut short") }
        cursor = start + used
        return result
    }

    /// A string written with ``BinaryWriter/put(_:lengthAs:)``.
    ///
    /// - Throws: ``ModelFileError`` when the bytes run out.
    @inlinable public mutating func readString<Length: FixedWidthInteger>(lengthAs _: Length.Type) throws -> String {
        let length = Int(try read(Length.self))
        return String(decoding: try take(length), as: UTF8.self)
    }
}
