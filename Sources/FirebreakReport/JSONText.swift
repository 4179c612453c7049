/// JSON written straight into text, in the layout `JSONOutput` gives (two-space indent,
/// `"key" : value`, keys in the order the writer gives them, which must be sorted): large reports
/// are written as they are walked instead of first building a value tree. Tests hold the output
/// byte-identical to `JSONOutput`'s.
public struct JSONText {
    public private(set) var text = ""
    /// Per open container, whether it has an element yet.
    private var filled: [Bool] = []
    /// Whether the next value follows a key on the same line.
    private var afterKey = false

    public init() {}

    public mutating func beginObject() { open("{") }
    public mutating func endObject() { close("}") }
    public mutating func beginArray() { open("[") }
    public mutating func endArray() { close("]") }

    /// A key of the current object; its value comes next.
    public mutating func key(_ name: String) {
        startElement()
        text += "\""
        escape(name)
        text += "\" : "
        afterKey = true
    }

    public mutating func string(_ value: String) {
        startValue()
        text += "\""
        escape(value)
        text += "\""
    }

    public mutating func int(_ value: Int) {
        startValue()
        text += String(value)
    }

    public mutating func bool(_ value: Bool) {
        startValue()
        text += value ? "true" : "false"
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

    private mutating func open(_ bracket: String) {
        startValue()
        text += bracket
        filled.append(false)
    }

    private mutating func close(_ bracket: String) {
        let hadElements = filled.removeLast()
        text += hadElements ? "\n" : "\n\n"
        indent()
        text += bracket
    }

    /// Before a value: after a key it follows on the line; in an array it is a new element.
    private mutating func startValue() {
        if afterKey { afterKey = false; return }
        if !filled.isEmpty { startElement() }
    }

    private mutating func startElement() {
        if filled[filled.count - 1] { text += "," }
        filled[filled.count - 1] = true
        text += "\n"
        indent()
    }

    private mutating func indent() {
        let depth = filled.count
        text += depth < Self.indents.count ? Self.indents[depth] : String(repeating: "  ", count: depth)
    }

    /// Indentation by depth, made once.
    private static let indents: [String] = (0..<32).map { String(repeating: "  ", count: $0) }

    /// Quotes and backslashes escaped, control characters as JSONEncoder writes them; slashes
    /// and everything else as it is.
    private mutating func escape(_ value: String) {
        var plain = true
        for byte in value.utf8 where byte < 0x20 || byte == 0x22 || byte == 0x5C { plain = false; break }
        if plain { text += value; return }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "\u{08}": text += "\\b"
            case "\u{0C}": text += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
    }
}
