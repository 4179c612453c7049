import Foundation

/// A value of GitHub Actions' expression language, with its documented loose semantics.
///
/// Source: GitHub Docs, "Evaluate expressions in workflows and actions" (operators, literals,
/// functions): string comparison ignores case, values of different types are compared as
/// numbers, `null`, `false`, `0`, `-0`, `NaN` and `''` are falsy.
enum ExpressionValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([ExpressionValue])
    case object([String: ExpressionValue])

    /// Whether `if:` treats the value as true.
    var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let value): value
        case .number(let value): value != 0 && !value.isNaN
        case .string(let value): !value.isEmpty
        case .array, .object: true
        }
    }

    /// The value as a number, the way mixed-type comparisons coerce it.
    var asNumber: Double {
        switch self {
        case .null: return 0
        case .bool(let value): return value ? 1 : 0
        case .number(let value): return value
        case .string(let text):
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { return 0 }
            if trimmed.lowercased().hasPrefix("0x"), let hex = Int(trimmed.dropFirst(2), radix: 16) { return Double(hex) }
            return Double(trimmed) ?? .nan
        case .array, .object: return .nan
        }
    }

    /// The value as text, the way `format`, `contains` and `startsWith` read it.
    var asString: String {
        switch self {
        case .null: return ""
        case .bool(let value): return value ? "true" : "false"
        case .number(let value):
            if value.isNaN { return "NaN" }
            if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
            return String(value)
        case .string(let value): return value
        case .array: return "Array"
        case .object: return "Object"
        }
    }

    /// `==`: same-type values compare directly (strings without case), others as numbers;
    /// arrays and objects are equal only to themselves, which a literal never is.
    func looselyEquals(_ other: ExpressionValue) -> Bool {
        switch (self, other) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return a.caseInsensitiveCompare(b) == .orderedSame
        case (.array, _), (.object, _), (_, .array), (_, .object): return false
        default: return asNumber == other.asNumber
        }
    }

    /// `<`, `<=`, `>`, `>=`: strings by case-insensitive order, everything else as numbers.
    func compare(_ other: ExpressionValue) -> ComparisonResult? {
        if case .string(let a) = self, case .string(let b) = other { return a.lowercased() < b.lowercased() ? .orderedAscending : a.lowercased() == b.lowercased() ? .orderedSame : .orderedDescending }
        let a = asNumber, b = other.asNumber
        guard !a.isNaN, !b.isNaN else { return nil }
        return a < b ? .orderedAscending : a == b ? .orderedSame : .orderedDescending
    }

    /// The value of a JSON document (`fromJSON`), or nil when the text is not JSON.
    static func fromJSON(_ text: String) -> ExpressionValue? {
        try? JSONDecoder().decode(JSONDocument.self, from: Data(text.utf8)).value
    }
}

/// Decodes any JSON document into an `ExpressionValue`.
private struct JSONDocument: Decodable {
    let value: ExpressionValue

    init(from decoder: any Decoder) throws {
        if var array = try? decoder.unkeyedContainer() {
            var items: [ExpressionValue] = []
            while !array.isAtEnd { items.append(try array.decode(JSONDocument.self).value) }
            value = .array(items)
            return
        }
        if let object = try? decoder.container(keyedBy: AnyKey.self) {
            var members: [String: ExpressionValue] = [:]
            for key in object.allKeys { members[key.stringValue] = try object.decode(JSONDocument.self, forKey: key).value }
            value = .object(members)
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() { value = .null }
        else if let flag = try? single.decode(Bool.self) { value = .bool(flag) }
        else if let number = try? single.decode(Double.self) { value = .number(number) }
        else { value = .string(try single.decode(String.self)) }
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
