import Foundation

/// Appends little-endian integers and bytes to a buffer (model files).
package struct BinaryWriter {
    package private(set) var data = Data()

    package init() {}

    package mutating func put<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
    }

    package mutating func put(bytes: some Sequence<UInt8>) { data.append(contentsOf: bytes) }

    /// A string as a length (of the given width) and its UTF-8 bytes.
    package mutating func put<Length: FixedWidthInteger>(_ text: String, lengthAs _: Length.Type) {
        let bytes = Array(text.utf8.prefix(Int(Length.max)))
        put(Length(bytes.count))
        put(bytes: bytes)
    }
}

/// Reads little-endian integers and bytes from a buffer, failing cleanly at its end.
package struct BinaryReader {
    let bytes: [UInt8]
    var cursor = 0
    let path: String

    package init(_ bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
    }

    package mutating func take(_ count: Int) throws -> ArraySlice<UInt8> {
        guard count >= 0, cursor + count <= bytes.count else { throw ModelFileError(path: path, reason: "model file is cut short") }
        defer { cursor += count }
        return bytes[cursor..<(cursor + count)]
    }

    package mutating func read<T: FixedWidthInteger>(_: T.Type) throws -> T {
        let slice = try take(MemoryLayout<T>.size)
        var value: T = 0
        withUnsafeMutableBytes(of: &value) { $0.copyBytes(from: slice) }
        return T(littleEndian: value)
    }

    /// A string written with ``BinaryWriter/put(_:lengthAs:)``.
    package mutating func readString<Length: FixedWidthInteger>(lengthAs _: Length.Type) throws -> String {
        let length = Int(try read(Length.self))
        return String(decoding: try take(length), as: UTF8.self)
    }
}
