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

    /// Whether UTF-8 text is printable ASCII, newlines and tabs only: shown as it is, with no
    /// scalar to look at. Eight bytes at a time; only a word holding a byte below 0x20 (a
    /// newline, a tab or a control character) is looked at byte by byte.
    public static func isPlainASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let plain = { (byte: UInt8) in (0x20...0x7E).contains(byte) || byte == 0x0A || byte == 0x09 }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        var index = 0
        if let base = UnsafeRawPointer(bytes.baseAddress) {
            while index + 8 <= bytes.count {
                let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                // A byte at or above 0x80: not ASCII.
                if word & highs != 0 { return false }
                // Some byte below 0x20, or some byte equal to 0x7F (DEL).
                let below20 = (word &- ones &* 0x20) & ~word & highs
                let dels = word ^ (ones &* 0x7F)
                let delete = (dels &- ones) & ~dels & highs
                if below20 | delete != 0, !bytes[index..<index + 8].allSatisfy(plain) { return false }
                index += 8
            }
        }
        return bytes[index...].allSatisfy(plain)
    }
}
