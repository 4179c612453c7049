/// Text from untrusted input made safe to show: control characters (C0 but tab and newline,
/// DEL, C1) and bidirectional overrides shown as `\u{…}`, so a name cannot move the cursor,
/// clear a line, set a window title or reorder what a reader sees.
public enum InertText {
    /// Whether a scalar may not be shown as it is.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x08, 0x0B...0x1F, 0x7F...0x9F: true
        case 0x200E, 0x200F, 0x061C, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// `text` with every unsafe scalar, newlines and tabs included, escaped.
    public static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isUnsafe($0) || $0 == "\n" || $0 == "\t" }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) || scalar == "\n" || scalar == "\t" {
                result += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Whether a name holds anything `escape` would change.
    public static func needsEscaping(_ text: String) -> Bool {
        text.unicodeScalars.contains { isUnsafe($0) || $0 == "\n" || $0 == "\r" || $0 == "\t" }
    }
}
