/// Finds where a byte buffer stops being valid UTF-8, so the error can say where.
enum UTF8Validation {
    /// The offset of the first byte of the first invalid sequence, or `nil` when every byte is valid.
    ///
    /// - Complexity: O(n).
    static func firstInvalidOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        // Fast path: most news text is ASCII or valid UTF-8.
        if String(validating: bytes, as: UTF8.self) != nil { return nil }
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}
