/// The syntax tree of one GitHub Actions expression (the text inside `${{ }}`, or an `if:`).
///
/// Context and function names are stored lowercased (GitHub reads them without case);
/// property names as written, so a secret keeps the case its workflow gives it.
indirect enum ActionsExpression: Hashable, Sendable {
    case literal(ExpressionValue)
    /// A top-level context: `github`, `secrets`, `env`, `matrix`, ...
    case context(String)
    /// `base.name`.
    case property(ActionsExpression, String)
    /// `base[index]`.
    case index(ActionsExpression, ActionsExpression)
    /// `base.*` or `base[*]`: the named property of every element.
    case filter(ActionsExpression)
    case call(String, [ActionsExpression])
    case not(ActionsExpression)
    case binary(ExpressionOperator, ActionsExpression, ActionsExpression)

    /// The dotted path of a context access (`github.event.pull_request.labels.*.name`), with
    /// literal string indexes as components; nil when part of it is computed.
    var contextPath: [String]? {
        switch self {
        case .context(let name): return [name]
        case .property(let base, let name): return base.contextPath.map { $0 + [name.lowercased()] }
        case .filter(let base): return base.contextPath.map { $0 + ["*"] }
        case .index(let base, .literal(.string(let key))): return base.contextPath.map { $0 + [key.lowercased()] }
        default: return nil
        }
    }

    /// The context paths the expression reads, each as long as it is written
    /// (`github.event.issue.number`, not also `github.event.issue`); a computed index reads its
    /// base whole.
    var contextPaths: [[String]] {
        if let path = contextPath { return [path] }
        switch self {
        case .literal, .context: return []
        case .property(let base, _), .filter(let base), .not(let base): return base.contextPaths
        case .index(let base, let index): return base.contextPaths + index.contextPaths
        case .call(_, let arguments): return arguments.flatMap(\.contextPaths)
        case .binary(_, let lhs, let rhs): return lhs.contextPaths + rhs.contextPaths
        }
    }

    /// Every sub-expression, this one first.
    var allNodes: [ActionsExpression] {
        var result: [ActionsExpression] = []
        var stack = [self]
        while let node = stack.popLast() {
            result.append(node)
            switch node {
            case .literal, .context: break
            case .property(let base, _), .filter(let base), .not(let base): stack.append(base)
            case .index(let base, let index): stack += [index, base]
            case .call(_, let arguments): stack += arguments.reversed()
            case .binary(_, let lhs, let rhs): stack += [rhs, lhs]
            }
        }
        return result
    }
}

/// The binary operators, by GitHub's precedence from loosest to tightest: `||`, `&&`,
/// `==`/`!=`, then `<`, `<=`, `>`, `>=`.
enum ExpressionOperator: String, Hashable, Sendable {
    case or = "||", and = "&&"
    case equal = "==", notEqual = "!="
    case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
}
