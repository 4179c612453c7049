/// Text split into lines or words by Unicode scalars, empty pieces left out, without breaking
/// the text into characters (grapheme clusters), which took a twentieth of a corpus import.
/// Lines are exactly those of `split(whereSeparator: \.isNewline)`: a newline is a control
/// character, which no other scalar joins. Words are those of `split(whereSeparator:
/// \.isWhitespace)` except where a space carries a combining mark or joiner (`" \u{301}"` is one
/// white-space character, here a space and a mark), which no script or action name holds.
enum TextSplit {
    /// The lines of `text`: split at LF, VT, FF, CR (a CR LF pair too), NEL, LS and PS.
    static func lines(_ text: some StringProtocol) -> [Substring] {
        split(Substring(text)) { $0.value <= 0x0D ? $0.value >= 0x0A : ($0.value == 0x85 || $0.value == 0x2028 || $0.value == 0x2029) }
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
