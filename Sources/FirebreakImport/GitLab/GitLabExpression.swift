/// A GitLab CI `rules: if:` / `workflow: rules: if:` expression, parsed.
///
/// Source: GitLab Docs, "CI/CD variable expressions": variables (`$NAME`, `${NAME}`), string
/// literals, `null`, regular expressions (`/.../`), `==`, `!=`, `=~`, `!~`, `&&`, `||` (`&&`
/// binds tighter) and parentheses; a lone variable is true when it is set and not empty.
indirect enum GitLabExpression: Hashable, Sendable {
    case variable(String)
    case string(String)
    case pattern(String)
    case null
    case compare(String, GitLabExpression, GitLabExpression)
    case and(GitLabExpression, GitLabExpression)
    case or(GitLabExpression, GitLabExpression)

    /// Parses `text`; nil when it is not an expression GitLab accepts.
    /// The variables compared with a value (`$KIND == "nightly"`, `$REF =~ /^v/`, `$X != null`):
    /// switches a pipeline is started with. A bare `$X` tests presence only and is left out.
    var comparedVariables: Set<String> {
        switch self {
        case .compare(_, let left, let right):
            var names = Set<String>()
            if case .variable(let name) = left { names.insert(name) }
            if case .variable(let name) = right { names.insert(name) }
            return names
        case .and(let left, let right), .or(let left, let right):
            return left.comparedVariables.union(right.comparedVariables)
        case .variable, .string, .pattern, .null:
            return []
        }
    }

    static func parse(_ text: String) -> GitLabExpression? {
        var parser = Parser(scalars: Array(text.unicodeScalars))
        guard let expression = parser.or(), parser.atEnd else { return nil }
        return expression
    }

    private struct Parser {
        let scalars: [Unicode.Scalar]
        var position = 0
        var depth = 0

        var atEnd: Bool { mutating get { skipSpace(); return position >= scalars.count } }

        mutating func skipSpace() { while position < scalars.count, scalars[position].properties.isWhitespace { position += 1 } }

        mutating func accept(_ symbol: String) -> Bool {
            skipSpace()
            let symbol = Array(symbol.unicodeScalars)
            guard position + symbol.count <= scalars.count, Array(scalars[position..<position + symbol.count]) == symbol else { return false }
            position += symbol.count
            return true
        }

        mutating func or() -> GitLabExpression? {
            guard var lhs = and() else { return nil }
            while accept("||") { guard let rhs = and() else { return nil }; lhs = .or(lhs, rhs) }
            return lhs
        }

        mutating func and() -> GitLabExpression? {
            guard var lhs = comparison() else { return nil }
            while accept("&&") { guard let rhs = comparison() else { return nil }; lhs = .and(lhs, rhs) }
            return lhs
        }

        mutating func comparison() -> GitLabExpression? {
            guard let lhs = operand() else { return nil }
            for op in ["==", "!=", "=~", "!~"] where accept(op) {
                guard let rhs = operand() else { return nil }
                return .compare(op, lhs, rhs)
            }
            return lhs
        }

        mutating func operand() -> GitLabExpression? {
            skipSpace()
            guard position < scalars.count else { return nil }
            let first = scalars[position]
            if first == "(" {
                depth += 1
                defer { depth -= 1 }
                guard depth < 64 else { return nil }
                position += 1
                guard let inner = or(), accept(")") else { return nil }
                return inner
            }
            if first == "$" {
                position += 1
                let braced = position < scalars.count && scalars[position] == "{"
                if braced { position += 1 }
                var name = String.UnicodeScalarView()
                while position < scalars.count, scalars[position].properties.isAlphabetic || ("0"..."9").contains(scalars[position]) || scalars[position] == "_" {
                    name.append(scalars[position]); position += 1
                }
                if braced { guard position < scalars.count, scalars[position] == "}" else { return nil }; position += 1 }
                return name.isEmpty ? nil : .variable(String(name))
            }
            if first == "\"" || first == "'" || first == "/" {
                position += 1
                var text = String.UnicodeScalarView()
                while position < scalars.count, scalars[position] != first {
                    if scalars[position] == "\\", position + 1 < scalars.count { text.append(scalars[position]); position += 1 }
                    text.append(scalars[position]); position += 1
                }
                guard position < scalars.count else { return nil }
                position += 1
                if first == "/" {
                    while position < scalars.count, scalars[position].properties.isAlphabetic { position += 1 }   // flags
                    return .pattern(String(text))
                }
                return .string(String(text))
            }
            if accept("null") { return .null }
            return nil
        }
    }
}
