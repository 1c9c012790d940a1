import Foundation

/// Why a model file could not be loaded.
public struct ModelFileError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The file or resource.
    public var path: String
    /// What is wrong, in words a user can act on.
    public var reason: String
    /// `path: reason`.
    public var description: String { "\(path): \(reason)" }

    /// Creates an error for a model file.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
}

/// The first bytes of a model file: what kind of model it holds and in which version.
public struct ModelSignature: Sendable {
    /// The signature's bytes, written at the start of every file of this kind.
    public let bytes: [UInt8]
    /// How many leading bytes name the kind (the rest are its version), so that a file of
    /// the same kind in another version gets a message that says so.
    public let kindLength: Int
    /// The kind in words, for messages ("tagger model").
    public let kind: String
    /// The command that writes a file of this kind in the current version.
    public let remedy: String

    /// Creates a signature.
    public init(_ text: String, kindLength: Int, kind: String, remedy: String) {
        self.bytes = Array(text.utf8)
        self.kindLength = kindLength
        self.kind = kind
        self.remedy = remedy
    }
}

/// A model kept in a binary file of Plexus's own: a ``ModelSignature``, then a body that
/// the type writes and reads with ``BinaryWriter`` and ``BinaryReader``.
///
/// The extension gives every model the same ways in and out (bytes, files), and the same
/// messages for a file that is missing, of another kind, of an older version or cut short.
public protocol ModelFile {
    /// The signature every file of this kind starts with.
    static var signature: ModelSignature { get }
    /// Appends the body (everything after the signature). The same model always gives the
    /// same bytes.
    func writeBody(to writer: inout BinaryWriter)
    /// Reads a body written by ``writeBody(to:)``.
    ///
    /// - Throws: ``ModelFileError`` for a body that is cut short or inconsistent.
    init(readingBody reader: inout BinaryReader) throws
}

extension ModelFile {
    /// The model as the bytes of a file: signature and body.
    ///
    /// - Complexity: O(size of the model).
    public func serialized() -> Data {
        var writer = BinaryWriter()
        writer.put(bytes: Self.signature.bytes)
        writeBody(to: &writer)
        return writer.data
    }

    /// Reads a model from the bytes of a file; `path` names it in errors.
    ///
    /// - Throws: ``ModelFileError`` when the bytes are another kind of file, an older
    ///   version of this kind, cut short, or inconsistent.
    /// - Complexity: O(size of the model).
    public init(serialized data: Data, path: String) throws {
        var reader = BinaryReader([UInt8](data), path: path)
        let signature = Self.signature
        let found = Array(data.prefix(signature.bytes.count))
        guard found == signature.bytes else {
            if found.count == signature.bytes.count, found.prefix(signature.kindLength) == signature.bytes.prefix(signature.kindLength) {
                let version = String(decoding: found, as: UTF8.self).trimmingCharacters(in: .controlCharacters)
                throw ModelFileError(
                    path: path, reason: "a \(signature.kind) in an older format (\(version)); make it again with \(signature.remedy)")
            }
            throw ModelFileError(path: path, reason: data.isEmpty ? "is empty, not a \(signature.kind)" : "not a Plexus \(signature.kind)")
        }
        _ = try reader.take(signature.bytes.count)
        try self.init(readingBody: &reader)
    }

    /// Reads a model file.
    ///
    /// - Throws: ``ModelFileError`` when the file is missing, unreadable or not a valid
    ///   model of this kind.
    /// - Complexity: O(size of the file).
    public init(contentsOf path: String) throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let exists = FileManager.default.fileExists(atPath: path)
            throw ModelFileError(path: path, reason: exists ? "cannot be read" : "no such file")
        }
        try self.init(serialized: data, path: path)
    }
}
