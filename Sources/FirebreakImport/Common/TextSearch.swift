/// Substring search on UTF-8 bytes, without Foundation's locale-aware machinery: the import
/// asks "does this scalar hold `${{`?" of every value in every workflow.
enum TextSearch {
    static func contains(_ text: some StringProtocol, _ needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { needle in
            guard let first = needle.first else { return true }
            return text.utf8.withContiguousStorageIfAvailable { search($0, needle, first) } ?? search(Array(text.utf8)[...], needle, first)
        }
    }

    /// `text` with every occurrence of `needle` replaced, left to right, on the UTF-8 bytes, as a
    /// shell would see them. Foundation's `replacingOccurrences(of:with:)` gives the same but
    /// where a combining mark follows the needle (it compares characters: `||` then U+FE0F is no `||`).
    static func replacing(_ needle: String, with replacement: String, in text: String) -> String {
        guard contains(text, needle) else { return text }
        let needle = Array(needle.utf8), bytes = Array(text.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if index + needle.count <= bytes.count, bytes[index..<index + needle.count].elementsEqual(needle) {
                result.append(contentsOf: replacement.utf8)
                index += needle.count
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// `text` without leading and trailing white space (Unicode's, newlines included), as
    /// Foundation's trimming gives it, without bridging.
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        if first == scalars.startIndex, scalars.index(after: last) == scalars.endIndex { return text }
        return String(scalars[first...last])
    }

    private static func search<C: Collection>(_ bytes: C, _ needle: UnsafeBufferPointer<UInt8>, _ first: UInt8) -> Bool where C.Element == UInt8, C.Index == Int {
        guard bytes.count >= needle.count else { return false }
        var index = bytes.startIndex
        let last = bytes.endIndex - needle.count
        while index <= last {
            if bytes[index] == first {
                var matched = true
                for offset in 1..<needle.count where bytes[index + offset] != needle[offset] { matched = false; break }
                if matched { return true }
            }
            index += 1
        }
        return false
    }
}
