/// Maps typographic variants onto plain ASCII forms for analysis, one scalar for one scalar.
///
/// Curly, low-9 and angle quotes become `'` or `"`; en and em dashes, minus signs and
/// figure dashes become `-`; no-break and other unusual spaces become a space. Because
/// the mapping never changes the number of scalars, offsets found in the normalised text
/// point at the same characters in the original, which is what evidence sentences quote.
public enum TextNormalizer {
    /// The normalised form of one scalar.
    ///
    /// - Complexity: O(1).
    @inlinable
    public static func normalize(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x02BC, 0x0060, 0x00B4:
            return "'"
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB, 0x2039, 0x203A:
            return "\""
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D:
            return "-"
        case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000, 0x0009:
            return " "
        default:
            return scalar
        }
    }

    /// The normalised form of a string, with exactly as many scalars as the input.
    ///
    /// - Complexity: O(n) in the number of scalars.
    public static func normalize(_ text: String) -> String {
        // Most lines are ASCII without a tab or a backtick, the only ASCII scalars mapped:
        // one pass over the bytes answers them without building a string.
        let unchanged = text.utf8.withContiguousStorageIfAvailable { bytes in
            !bytes.contains { $0 >= 0x80 || $0 == 0x09 || $0 == 0x60 }
        }
        if unchanged == true { return text }
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(text.unicodeScalars.count)
        var changed = false
        for scalar in text.unicodeScalars {
            let mapped = normalize(scalar)
            if mapped != scalar { changed = true }
            scalars.append(mapped)
        }
        return changed ? String(scalars) : text
    }
}
