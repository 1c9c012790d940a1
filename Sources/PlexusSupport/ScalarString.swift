extension String {
    /// The string of `scalars`, encoded straight into UTF-8 storage.
    ///
    /// Why not `String(String.UnicodeScalarView(scalars))`: that appends scalar by scalar,
    /// checking and growing the string's storage each time, and building token and sentence
    /// strings that way was a fifth of the analysis stage's CPU. This counts the bytes once,
    /// allocates once and writes ASCII scalars as single bytes.
    ///
    /// - Complexity: O(n) in the scalars.
    @inlinable
    public init<Scalars: Collection>(scalars: Scalars) where Scalars.Element == Unicode.Scalar {
        var byteCount = 0
        for scalar in scalars { byteCount += UTF8.width(scalar) }
        self.init(unsafeUninitializedCapacity: byteCount) { buffer in
            var written = 0
            for scalar in scalars {
                if scalar.value < 0x80 {
                    buffer[written] = UInt8(truncatingIfNeeded: scalar.value)
                    written += 1
                } else {
                    UTF8.encode(scalar) { byte in
                        buffer[written] = byte
                        written += 1
                    }
                }
            }
            return written
        }
    }
}
