/// A YAML value to write: what a patch puts in place of the value it changes.
public indirect enum YAMLValue: Sendable, Hashable {
    case scalar(String)
    case sequence([YAMLValue])
    case mapping([YAMLEntry])

    /// The value in flow style, on one line.
    public var flow: String {
        switch self {
        case .scalar(let text): YAMLValue.quoted(text)
        case .sequence(let items): "[" + items.map(\.flow).joined(separator: ", ") + "]"
        case .mapping(let entries): "{" + entries.map { "\(YAMLValue.quoted($0.key)): \($0.value.flow)" }.joined(separator: ", ") + "}"
        }
    }

    /// The entry under `key`, if this is a mapping that has it.
    subscript(key: String) -> YAMLValue? {
        guard case .mapping(let entries) = self else { return nil }
        return entries.first { $0.key == key }?.value
    }

    /// Writes plainly what reads back the same, else in double quotes.
    static func quoted(_ text: String) -> String {
        let safe = !text.isEmpty && text.unicodeScalars.allSatisfy { scalar in
            (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "_-./@+:=$".unicodeScalars.contains(scalar))
        } && !text.hasSuffix(":") && !"-:@".unicodeScalars.contains(text.unicodeScalars.first!)
        if safe { return text }
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"\(escaped)\""
    }
}

/// One key and its value in a mapping.
public struct YAMLEntry: Sendable, Hashable {
    public var key: String
    public var value: YAMLValue

    public init(_ key: String, _ value: YAMLValue) {
        self.key = key
        self.value = value
    }
}
