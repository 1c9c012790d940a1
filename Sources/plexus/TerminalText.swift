import Foundation

/// The one escaping layer between data and the terminal: every line the tool prints goes
/// through ``TerminalText/clean(_:)``, so an entity label, a file name or an evidence
/// sentence holding ESC, other C0 or C1 control characters or DEL can never move the
/// cursor, recolour the screen or retitle the window.
enum TerminalText {
    /// `text` with each control character except line feed and tab written visibly as
    /// `\x1B` (C0 and DEL) or `\u{9B}` (C1); everything else as it is.
    ///
    /// - Complexity: O(n); a string with nothing to escape is returned as it is.
    static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                out += scalar.value < 0x80 ? String(format: "\\x%02X", scalar.value) : String(format: "\\u{%X}", scalar.value)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// C0 controls other than line feed and tab, DEL, and C1 controls.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value < 0x20 && value != 0x0A && value != 0x09) || (0x7F...0x9F).contains(value)
    }
}

/// Standard output for the tool, through ``TerminalText/clean(_:)``; it stands in for the
/// standard library's `print` throughout this module.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    let text = items.map { "\($0)" }.joined(separator: separator) + terminator
    FileHandle.standardOutput.write(Data(TerminalText.clean(text).utf8))
}
