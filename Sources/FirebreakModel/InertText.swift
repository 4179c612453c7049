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
    /// scalar to look at.
    public static func isPlainASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        plainASCIIPrefix(of: bytes, from: 0) == bytes.count
    }

    /// Whether UTF-8 text is well formed and holds no scalar `isUnsafe`: shown as it is. Plain
    /// ASCII is skipped as `isPlainASCII` reads it and a multi-byte scalar decoded where met, so
    /// that a large report with a few dashes or arrows in it is not made a string to be checked.
    /// Malformed text is not showable: making it a string repairs it.
    public static func isShowable(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = plainASCIIPrefix(of: bytes, from: 0)
        while index < bytes.count {
            // Below 0xC2: a control, DEL, a continuation byte out of place or an overlong lead.
            let lead = bytes[index]
            guard lead >= 0xC2, lead <= 0xF4 else { return false }
            let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            guard index + length <= bytes.count else { return false }
            var value = UInt32(lead & (lead < 0xE0 ? 0x1F : lead < 0xF0 ? 0x0F : 0x07))
            for offset in 1..<length {
                let byte = bytes[index + offset]
                guard byte & 0xC0 == 0x80 else { return false }
                value = value << 6 | UInt32(byte & 0x3F)
            }
            // Overlong three- and four-byte forms are malformed; `Unicode.Scalar` refuses surrogates
            // and values past U+10FFFF.
            guard value >= (length == 3 ? 0x800 : length == 4 ? 0x10000 : 0x80),
                  let scalar = Unicode.Scalar(value), !isUnsafe(scalar) else { return false }
            index = plainASCIIPrefix(of: bytes, from: index + length)
        }
        return true
    }

    /// Where the first byte at or after `start` that is not printable ASCII, a newline or a tab
    /// is, or the end. Eight bytes at a time, each byte of a word tested on its own (a report's
    /// lines end every few dozen bytes, so a newline must not send a word to a slower path).
    private static func plainASCIIPrefix(of bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let plain = { (byte: UInt8) in (0x20...0x7E).contains(byte) || byte == 0x0A || byte == 0x09 }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080, lows = ~highs
        // With every byte below 0x80, a byte's high bit in `equal(word, c)` is set exactly where
        // the byte is c: no carry crosses from one byte into the next.
        func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
            let difference = word ^ (ones &* UInt64(byte))
            return ~(((difference & lows) &+ lows) | difference) & highs
        }
        var index = start
        if let base = UnsafeRawPointer(bytes.baseAddress) {
            while index + 8 <= bytes.count {
                let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                // A byte at or above 0x80: not ASCII.
                if word & highs != 0 { break }
                // Bytes at or above 0x20 (0x60 added carries into no other byte below 0x80).
                let printable = (word &+ ones &* 0x60) & highs
                let allowed = (printable & ~equal(word, 0x7F)) | equal(word, 0x0A) | equal(word, 0x09)
                if allowed != highs { break }
                index += 8
            }
        }
        while index < bytes.count, plain(bytes[index]) { index += 1 }
        return index
    }
}
