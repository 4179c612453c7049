/// Text split into lines or words by Unicode scalars, empty pieces left out, without breaking
/// the text into characters (grapheme clusters), which took a twentieth of a corpus import.
/// Lines are exactly those of `split(whereSeparator: \.isNewline)`: a newline is a control
/// character, which no other scalar joins. Words are those of `split(whereSeparator:
/// \.isWhitespace)` except where a space carries a combining mark or joiner (`" \u{301}"` is one
/// white-space character, here a space and a mark), which no script or action name holds.
enum TextSplit {
    /// The lines of `text`: split at LF, VT, FF, CR (a CR LF pair too), NEL, LS and PS. Read on
    /// the UTF-8 bytes: LF to CR are single bytes, NEL is C2 85, LS and PS E2 80 A8 and A9, and a
    /// cut before and after them falls between scalars.
    static func lines(_ text: some StringProtocol) -> [Substring] {
        let text = Substring(text)
        let bytes = text.utf8
        var pieces: [Substring] = []
        var start = bytes.startIndex, index = start
        while index < bytes.endIndex {
            let byte = bytes[index]
            var width = 0
            if byte >= 0x0A && byte <= 0x0D {
                width = 1
            } else if byte == 0xC2 || byte == 0xE2 {
                let next = bytes.index(after: index)
                if byte == 0xC2, next < bytes.endIndex, bytes[next] == 0x85 {
                    width = 2
                } else if byte == 0xE2, next < bytes.endIndex, bytes[next] == 0x80 {
                    let last = bytes.index(after: next)
                    if last < bytes.endIndex, bytes[last] == 0xA8 || bytes[last] == 0xA9 { width = 3 }
                }
            }
            if width == 0 {
                index = bytes.index(after: index)
                continue
            }
            if start < index { pieces.append(text[start..<index]) }
            index = bytes.index(index, offsetBy: width)
            start = index
        }
        if start < index { pieces.append(text[start..<index]) }
        return pieces
    }

    /// The words of `text`, split at Unicode white space.
    static func words(_ text: some StringProtocol) -> [Substring] {
        split(Substring(text)) { $0.isASCII ? ($0.value == 0x20 || (0x09...0x0D).contains($0.value)) : $0.properties.isWhitespace }
    }

    private static func split(_ text: Substring, where separates: (Unicode.Scalar) -> Bool) -> [Substring] {
        var pieces: [Substring] = []
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var index = start
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            if separates(scalar) {
                if start < index { pieces.append(Substring(scalars[start..<index])) }
                start = next
            }
            index = next
        }
        if start < index { pieces.append(Substring(scalars[start..<index])) }
        return pieces
    }
}
