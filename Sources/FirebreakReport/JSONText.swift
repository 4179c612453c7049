/// JSON written straight into UTF-8 bytes, in the layout `JSONOutput` gives (two-space indent,
/// `"key" : value`, keys in the order the writer gives them, which must be sorted): large reports
/// are written as they are walked instead of first building a value tree. Tests hold the output
/// byte-identical to `JSONOutput`'s.
public struct JSONText {
    /// The piece being written, as UTF-8.
    private var bytes: [UInt8] = []
    /// The pieces set aside by `endPiece`, each at its exact size.
    private var pieces: [[UInt8]] = []
    /// Per open container, whether it has an element yet.
    private var filled: [Bool] = []
    /// Whether the next value follows a key on the same line.
    private var afterKey = false

    public init() {}

    /// Ends the text with a newline, as `JSONOutput` ends a document.
    public mutating func finishDocument() {
        bytes.append(UInt8(ascii: "\n"))
    }

    /// The JSON written so far, as UTF-8, in the pieces `endPiece` set apart.
    public var chunks: [[UInt8]] { bytes.isEmpty ? pieces : pieces + [bytes] }

    /// The JSON written so far, as UTF-8 in one array.
    public var utf8: [UInt8] { pieces.isEmpty ? bytes : Array(chunks.joined()) }

    /// The JSON written so far, as text.
    public var text: String { String(decoding: utf8, as: UTF8.self) }

    /// Sets apart what is written so far as one piece at its exact size, so that a large document
    /// does not keep the slack of a buffer grown by doubling. Values recorded before can no
    /// longer be repeated.
    public mutating func endPiece() {
        guard !bytes.isEmpty else { return }
        pieces.append([UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, count in
            count = buffer.initialize(fromContentsOf: bytes)
        })
        bytes.removeAll(keepingCapacity: true)
    }

    public mutating func beginObject() { open(UInt8(ascii: "{")) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray() { open(UInt8(ascii: "[")) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    /// A key of the current object; its value comes next.
    public mutating func key(_ name: String) {
        startElement()
        bytes.append(UInt8(ascii: "\""))
        escape(name)
        bytes.append(contentsOf: Self.keySeparator)
        afterKey = true
    }

    public mutating func string(_ value: String) {
        startValue()
        bytes.append(UInt8(ascii: "\""))
        escape(value)
        bytes.append(UInt8(ascii: "\""))
    }

    /// A string value written from its parts, as `string` writes the parts joined (escaping is
    /// byte by byte, so the parts escape as the whole does), without making the joined string:
    /// a report writes a node's id and a source location for every hop.
    public mutating func string(_ first: String, _ separator: UInt8, _ second: String) {
        startValue()
        bytes.append(UInt8(ascii: "\""))
        escape(first)
        bytes.append(separator)
        escape(second)
        bytes.append(UInt8(ascii: "\""))
    }

    public mutating func int(_ value: Int) {
        startValue()
        bytes.append(contentsOf: String(value).utf8)
    }

    public mutating func bool(_ value: Bool) {
        startValue()
        bytes.append(contentsOf: value ? Self.trueText : Self.falseText)
    }

    /// `"name" : value` for a string, an integer, a flag or a list of strings.
    public mutating func field(_ name: String, _ value: String) { key(name); string(value) }
    public mutating func field(_ name: String, _ value: Int) { key(name); int(value) }
    public mutating func field(_ name: String, _ value: Bool) { key(name); bool(value) }
    public mutating func field(_ name: String, _ values: [String]) {
        key(name)
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    /// Writes one value with `body` and returns where its text lies in the current piece, so that
    /// `repeatValue` can write the same value again at the same depth by copying it.
    public mutating func recordedValue(_ body: (inout JSONText) -> Void) -> Range<Int> {
        startValue()
        afterKey = true
        let start = bytes.count
        body(&self)
        return start..<bytes.count
    }

    /// Writes again what `recordedValue` wrote at this depth (one value, or several elements of
    /// an array in a row), and returns where the copy lies.
    @discardableResult
    public mutating func repeatValue(_ written: Range<Int>) -> Range<Int> {
        precondition(written.upperBound <= bytes.count, "a repeated value must have been written before")
        startValue()
        let start = bytes.count
        // Copied out first: appending a slice of the array to itself would copy all of it.
        bytes.append(contentsOf: Array(bytes[written]))
        return start..<bytes.count
    }

    private mutating func open(_ bracket: UInt8) {
        startValue()
        bytes.append(bracket)
        filled.append(false)
    }

    private mutating func close(_ bracket: UInt8) {
        let hadElements = filled.removeLast()
        bytes.append(UInt8(ascii: "\n"))
        if !hadElements { bytes.append(UInt8(ascii: "\n")) }
        indent()
        bytes.append(bracket)
    }

    /// Before a value: after a key it follows on the line; in an array it is a new element.
    private mutating func startValue() {
        if afterKey { afterKey = false; return }
        if !filled.isEmpty { startElement() }
    }

    private mutating func startElement() {
        if filled[filled.count - 1] { bytes.append(UInt8(ascii: ",")) }
        filled[filled.count - 1] = true
        bytes.append(UInt8(ascii: "\n"))
        indent()
    }

    private mutating func indent() {
        let width = 2 * filled.count
        if width <= Self.spaces.count {
            bytes.append(contentsOf: Self.spaces[..<width])
        } else {
            bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: width))
        }
    }

    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)
    private static let keySeparator = Array("\" : ".utf8)
    private static let trueText = Array("true".utf8)
    private static let falseText = Array("false".utf8)
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Quotes and backslashes escaped, control characters as JSONEncoder writes them; slashes
    /// and everything else (multi-byte characters included) as it is.
    private mutating func escape(_ value: String) {
        var value = value
        value.withUTF8 { text in
            var plainFrom = 0
            var offset = Self.firstEscaped(in: text, from: 0)
            while offset < text.count {
                let byte = text[offset]
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[plainFrom..<offset]))
                plainFrom = offset + 1
                switch byte {
                case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
                case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                case 0x08: bytes.append(contentsOf: [0x5C, UInt8(ascii: "b")])
                case 0x0C: bytes.append(contentsOf: [0x5C, UInt8(ascii: "f")])
                default:
                    bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                              Self.hexDigits[Int(byte >> 4)], Self.hexDigits[Int(byte & 0xF)]])
                }
                offset = Self.firstEscaped(in: text, from: plainFrom)
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[plainFrom...]))
        }
    }

    /// Where the first byte at or after `start` that JSON escapes is (a control character, a
    /// quote, a backslash), or the end: eight bytes at a time, as most text has none.
    private static func firstEscaped(in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let escaped = { (byte: UInt8) in byte < 0x20 || byte == 0x22 || byte == 0x5C }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        var index = start
        if let base = UnsafeRawPointer(text.baseAddress) {
            while index + 8 <= text.count {
                let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                // Some byte below 0x20, equal to 0x22 or equal to 0x5C (exact tests for "some byte").
                let below20 = (word &- ones &* 0x20) & ~word
                let quotes = word ^ (ones &* 0x22), backslashes = word ^ (ones &* 0x5C)
                let marked = (below20 | ((quotes &- ones) & ~quotes) | ((backslashes &- ones) & ~backslashes)) & highs
                if marked != 0 { break }
                index += 8
            }
        }
        while index < text.count, !escaped(text[index]) { index += 1 }
        return index
    }
}
