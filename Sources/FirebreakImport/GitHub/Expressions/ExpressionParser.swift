/// Parses GitHub Actions expressions by recursive descent, with GitHub's operator precedence.
struct ExpressionParser {
    /// Nesting deeper than this is refused rather than followed: no workflow needs it and it
    /// bounds the parser's stack on hostile input.
    static let maximumDepth = 64

    private let tokens: [ExpressionLexer.Token]
    private var position = 0
    private var depth = 0

    private init(tokens: [ExpressionLexer.Token]) { self.tokens = tokens }

    /// Parses one expression; the whole text must be consumed.
    static func parse(_ text: String) throws(ExpressionError) -> ActionsExpression {
        try parsed.value(for: text) { text in Result { () throws(ExpressionError) in try parseAnew(text) } }.get()
    }

    /// Expressions parsed before, by their text.
    private static let parsed = TextMemo<Result<ActionsExpression, ExpressionError>>(capacity: 50_000)

    private static func parseAnew(_ text: String) throws(ExpressionError) -> ActionsExpression {
        var parser = ExpressionParser(tokens: try ExpressionLexer.tokens(text))
        guard parser.current.kind != .end else { throw ExpressionError(message: "empty expression", offset: 0) }
        let expression = try parser.parseOr()
        guard parser.current.kind == .end else {
            throw ExpressionError(message: "unexpected \(parser.describe(parser.current)) after a complete expression", offset: parser.current.offset)
        }
        return expression
    }

    private var current: ExpressionLexer.Token { tokens[position] }

    private func describe(_ token: ExpressionLexer.Token) -> String {
        switch token.kind {
        case .number(let value): "number \(value)"
        case .string(let value): "string '\(value)'"
        case .identifier(let name): "'\(name)'"
        case .symbol(let symbol): "'\(symbol)'"
        case .end: "end of expression"
        }
    }

    private mutating func accept(_ symbol: String) -> Bool {
        guard current.kind == .symbol(symbol) else { return false }
        position += 1
        return true
    }

    private mutating func expect(_ symbol: String) throws(ExpressionError) {
        guard accept(symbol) else { throw ExpressionError(message: "expected '\(symbol)', found \(describe(current))", offset: current.offset) }
    }

    private mutating func nested<T>(_ body: (inout ExpressionParser) throws(ExpressionError) -> T) throws(ExpressionError) -> T {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else {
            throw ExpressionError(message: "expression nests deeper than \(Self.maximumDepth) levels", offset: current.offset)
        }
        return try body(&self)
    }

    private mutating func parseOr() throws(ExpressionError) -> ActionsExpression {
        var lhs = try parseAnd()
        while accept("||") { lhs = .binary(.or, lhs, try parseAnd()) }
        return lhs
    }

    private mutating func parseAnd() throws(ExpressionError) -> ActionsExpression {
        var lhs = try parseEquality()
        while accept("&&") { lhs = .binary(.and, lhs, try parseEquality()) }
        return lhs
    }

    private mutating func parseEquality() throws(ExpressionError) -> ActionsExpression {
        var lhs = try parseComparison()
        while true {
            if accept("==") { lhs = .binary(.equal, lhs, try parseComparison()) }
            else if accept("!=") { lhs = .binary(.notEqual, lhs, try parseComparison()) }
            else { return lhs }
        }
    }

    private mutating func parseComparison() throws(ExpressionError) -> ActionsExpression {
        var lhs = try parseUnary()
        while true {
            let op: ExpressionOperator
            if accept("<=") { op = .lessOrEqual } else if accept(">=") { op = .greaterOrEqual }
            else if accept("<") { op = .less } else if accept(">") { op = .greater } else { return lhs }
            lhs = .binary(op, lhs, try parseUnary())
        }
    }

    private mutating func parseUnary() throws(ExpressionError) -> ActionsExpression {
        if accept("!") { return .not(try nested { (parser: inout ExpressionParser) throws(ExpressionError) in try parser.parseUnary() }) }
        return try parsePostfix()
    }

    private mutating func parsePostfix() throws(ExpressionError) -> ActionsExpression {
        var base = try parsePrimary()
        while true {
            if accept(".") {
                if accept("*") { base = .filter(base); continue }
                guard case .identifier(let name) = current.kind else {
                    throw ExpressionError(message: "expected a property name after '.', found \(describe(current))", offset: current.offset)
                }
                position += 1
                base = .property(base, name)
            } else if accept("[") {
                if accept("*") {
                    try expect("]")
                    base = .filter(base)
                    continue
                }
                let index = try nested { (parser: inout ExpressionParser) throws(ExpressionError) in try parser.parseOr() }
                try expect("]")
                base = .index(base, index)
            } else {
                return base
            }
        }
    }

    private mutating func parsePrimary() throws(ExpressionError) -> ActionsExpression {
        let token = current
        switch token.kind {
        case .number(let value):
            position += 1
            return .literal(.number(value))
        case .string(let value):
            position += 1
            return .literal(.string(value))
        case .identifier(let name):
            position += 1
            switch name.lowercased() {
            case "true": return .literal(.bool(true))
            case "false": return .literal(.bool(false))
            case "null": return .literal(.null)
            case "nan": return .literal(.number(.nan))
            case "infinity": return .literal(.number(.infinity))
            default: break
            }
            guard accept("(") else { return .context(name.lowercased()) }
            var arguments: [ActionsExpression] = []
            if !accept(")") {
                repeat {
                    arguments.append(try nested { (parser: inout ExpressionParser) throws(ExpressionError) in try parser.parseOr() })
                } while accept(",")
                try expect(")")
            }
            return .call(name.lowercased(), arguments)
        case .symbol("("):
            position += 1
            let inner = try nested { (parser: inout ExpressionParser) throws(ExpressionError) in try parser.parseOr() }
            try expect(")")
            return inner
        default:
            throw ExpressionError(message: "expected a value, found \(describe(token))", offset: token.offset)
        }
    }
}
