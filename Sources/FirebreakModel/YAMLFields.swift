import Yams

/// A YAML mapping read with a fixed set of keys: unknown keys, wrong types and bad values are
/// reported to the sink with their location, and the accessors return nil for them.
public struct YAMLFields {
    public let file: String
    public let sink: DiagnosticSink
    /// What the mapping is, for messages ("job 'build'").
    public let what: String
    public let location: SourceLocation
    private var entries: [String: (key: Yams.Node, value: Yams.Node)] = [:]

    /// Reads `node` as a mapping with the given keys; nil (and an error) when it is not one.
    public init?(_ node: Yams.Node, what: String, keys: [String], file: String, sink: DiagnosticSink) {
        self.file = file
        self.sink = sink
        self.what = what
        self.location = YAMLFields.location(of: node, file: file)
        guard sink.visit(location) else { return nil }
        if case .scalar(let scalar) = node, scalar.tag.rawValue == Tag.Name.null.rawValue || scalar.string.isEmpty {
            return
        }
        guard case .mapping(let mapping) = node else {
            sink.error(location, "\(what) must be a mapping of keys to values, not \(YAMLFields.describe(node))",
                       help: "write `key: value` pairs, one per line, indented under it")
            return nil
        }
        for (key, value) in mapping {
            let keyLocation = YAMLFields.location(of: key, file: file)
            guard case .scalar(let scalar) = key else {
                sink.error(keyLocation, "a key in \(what) must be plain text")
                continue
            }
            let name = scalar.string
            if let first = entries[name] {
                sink.error(keyLocation, "duplicate key '\(name)' in \(what); the first is at \(YAMLFields.location(of: first.key, file: file))",
                           help: "merge the two or rename one of them")
                continue
            }
            if !keys.isEmpty, !keys.contains(name) {
                let suggestion = Suggestion.clause(for: name, in: keys)
                sink.error(keyLocation, "unknown key '\(name)' in \(what)",
                           help: suggestion.isEmpty ? "the keys allowed here are: \(keys.joined(separator: ", "))" : suggestion)
                continue
            }
            entries[name] = (key, value)
        }
    }

    public static func location(of node: Yams.Node, file: String) -> SourceLocation {
        guard let mark = node.mark else { return .implicit(file) }
        return SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    public static func describe(_ node: Yams.Node) -> String {
        switch node {
        case .scalar(let scalar): "the value '\(scalar.string.prefix(40))'"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    /// Whether the key is present.
    public func has(_ key: String) -> Bool { entries[key] != nil }

    /// The raw value node for a key.
    public func node(_ key: String) -> Yams.Node? { entries[key]?.value }

    /// Where the key was written, or the mapping's own location.
    public func location(of key: String) -> SourceLocation {
        entries[key].map { YAMLFields.location(of: $0.key, file: file) } ?? location
    }

    /// Where the key's value was written.
    public func valueLocation(of key: String) -> SourceLocation {
        entries[key].map { YAMLFields.location(of: $0.value, file: file) } ?? location
    }

    /// Reports a missing required key.
    public func require(_ key: String, what description: String? = nil, help: String) {
        if entries[key] == nil {
            sink.error(location, "\(what) has no '\(key)'\(description.map { " \($0)" } ?? "")", help: help)
        }
    }

    // MARK: Scalars

    private func scalar(_ key: String, expected: String) -> (text: String, location: SourceLocation)? {
        guard let value = entries[key]?.value else { return nil }
        let location = YAMLFields.location(of: value, file: file)
        guard sink.visit(location) else { return nil }
        guard case .scalar(let scalar) = value else {
            sink.error(location, "'\(key)' in \(what) must be \(expected), not \(YAMLFields.describe(value))")
            return nil
        }
        return (scalar.string, location)
    }

    /// A text value.
    public func string(_ key: String) -> String? {
        guard let (text, location) = scalar(key, expected: "text") else { return nil }
        if text.isEmpty {
            sink.error(location, "'\(key)' in \(what) is empty")
            return nil
        }
        return text
    }

    /// `true` or `false`.
    public func bool(_ key: String) -> Bool? {
        guard let (text, location) = scalar(key, expected: "true or false") else { return nil }
        switch text.lowercased() {
        case "true": return true
        case "false": return false
        default:
            sink.error(location, "'\(key)' in \(what) must be true or false, not '\(text)'")
            return nil
        }
    }

    /// A whole number within a range.
    public func int(_ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let (text, location) = scalar(key, expected: "a whole number") else { return nil }
        guard let value = Int(text) else {
            sink.error(location, "'\(key)' in \(what) must be a whole number, not '\(text)'")
            return nil
        }
        guard range.contains(value) else {
            sink.error(location, "'\(key)' in \(what) is \(value), outside \(range.lowerBound)...\(range.upperBound)")
            return nil
        }
        return value
    }

    /// One of an enumeration's raw values.
    public func choice<Value: RawRepresentable & CaseIterable>(_ key: String, _: Value.Type) -> Value? where Value.RawValue == String {
        guard let (text, location) = scalar(key, expected: "text") else { return nil }
        return YAMLFields.choice(text, at: location, key: key, what: what, sink: sink)
    }

    public static func choice<Value: RawRepresentable & CaseIterable>(_ text: String, at location: SourceLocation, key: String,
                                                               what: String, sink: DiagnosticSink) -> Value? where Value.RawValue == String {
        if let value = Value(rawValue: text) { return value }
        let allowed = Value.allCases.map(\.rawValue)
        let suggestion = Suggestion.clause(for: text, in: allowed)
        sink.error(location, "'\(text)' is not a valid \(key) in \(what)",
                   help: suggestion.isEmpty ? "write one of: \(allowed.joined(separator: ", "))" : suggestion)
        return nil
    }

    // MARK: Lists and references

    /// A list of texts, each with its location; a single text counts as a list of one.
    public func strings(_ key: String) -> [(text: String, location: SourceLocation)] {
        guard let value = entries[key]?.value else { return [] }
        let items: [Yams.Node]
        switch value {
        case .sequence(let sequence): items = Array(sequence)
        case .scalar(let scalar) where scalar.tag.rawValue == Tag.Name.null.rawValue: items = []
        case .scalar: items = [value]
        default:
            sink.error(YAMLFields.location(of: value, file: file), "'\(key)' in \(what) must be a list of names, not \(YAMLFields.describe(value))")
            return []
        }
        var result: [(String, SourceLocation)] = []
        for item in items {
            let location = YAMLFields.location(of: item, file: file)
            guard sink.visit(location) else { return result }
            guard case .scalar(let scalar) = item, !scalar.string.isEmpty else {
                sink.error(location, "each entry of '\(key)' in \(what) must be a name, not \(YAMLFields.describe(item))")
                continue
            }
            result.append((scalar.string, location))
        }
        return result
    }

    /// A reference to one node by name.
    public func reference(_ key: String) -> Reference? {
        guard let (text, location) = scalar(key, expected: "a name") else { return nil }
        guard !text.isEmpty else {
            sink.error(location, "'\(key)' in \(what) is empty")
            return nil
        }
        return Reference(text, at: location)
    }

    /// References to nodes by name.
    public func references(_ key: String) -> [Reference] {
        strings(key).map { Reference($0.text, at: $0.location) }
    }

    /// The entries of a mapping whose keys are user-given names, in file order.
    public func named(_ key: String) -> [(name: String, location: SourceLocation, value: Yams.Node)] {
        guard let value = entries[key]?.value else { return [] }
        return YAMLFields.named(value, what: "'\(key)'", file: file, sink: sink)
    }

    public static func named(_ value: Yams.Node, what: String, file: String, sink: DiagnosticSink)
        -> [(name: String, location: SourceLocation, value: Yams.Node)] {
        if case .scalar(let scalar) = value, scalar.tag.rawValue == Tag.Name.null.rawValue || scalar.string.isEmpty { return [] }
        guard case .mapping(let mapping) = value else {
            sink.error(location(of: value, file: file), "\(what) must be a mapping of names to their settings, not \(describe(value))",
                       help: "write each entry as `its-name:` followed by its settings indented below")
            return []
        }
        var seen: [String: SourceLocation] = [:]
        var result: [(String, SourceLocation, Yams.Node)] = []
        for (key, entry) in mapping {
            let keyLocation = location(of: key, file: file)
            guard sink.visit(keyLocation) else { return result }
            guard case .scalar(let scalar) = key, !scalar.string.isEmpty else {
                sink.error(keyLocation, "a name in \(what) must be plain text")
                continue
            }
            if let first = seen[scalar.string] {
                sink.error(keyLocation, "duplicate name '\(scalar.string)' in \(what); the first is at \(first)",
                           help: "give each entry a name of its own")
                continue
            }
            seen[scalar.string] = keyLocation
            result.append((scalar.string, keyLocation, entry))
        }
        return result
    }

    /// A nested mapping with its own keys.
    public func fields(_ key: String, keys: [String]) -> YAMLFields? {
        guard let value = entries[key]?.value else { return nil }
        return YAMLFields(value, what: "'\(key)' in \(what)", keys: keys, file: file, sink: sink)
    }
}
