/// Evaluates an expression over every value an outsider's run can give it
/// (`OutsiderContexts`), or, for `anyone`, with only the event fixed.
struct OutsiderEvaluator {
    /// Whose run the contexts describe.
    enum Perspective: Sendable {
        /// An outsider's run of the event: contexts as `OutsiderContexts` gives them.
        case outsider
        /// Anyone's run of the event: only `github.event_name` is known.
        case anyone
    }

    let event: String
    let perspective: Perspective
    /// Context paths whose value Firebreak could not tell and took to be anything.
    private(set) var assumedContexts: Set<String> = []

    init(event: String, perspective: Perspective = .outsider) {
        self.event = event
        self.perspective = perspective
    }

    /// The verdict of an `if:` condition, with GitHub's implied `success() &&`.
    mutating func verdict(of condition: ActionsExpression) -> ConditionVerdict {
        evaluate(condition).verdict
    }

    mutating func evaluate(_ expression: ActionsExpression) -> OutsiderValue {
        if let path = expression.contextPath { return context(path) }
        switch expression {
        case .literal(let value): return .known(value)
        case .context(let name): return context([name])
        case .property(let base, let name):
            return map(evaluate(base)) { value in
                if case .object(let members) = value {
                    return members.first { $0.key.lowercased() == name.lowercased() }?.value ?? .null
                }
                if case .array(let items) = value {
                    return .array(items.compactMap { item in
                        if case .object(let members) = item { return members.first { $0.key.lowercased() == name.lowercased() }?.value }
                        return nil
                    })
                }
                return .null
            }
        case .filter(let base):
            return map(evaluate(base)) { value in
                if case .object(let members) = value { return .array(members.sorted { $0.key < $1.key }.map(\.value)) }
                if case .array = value { return value }
                return .array([])
            }
        case .index(let base, let index):
            let keys = evaluate(index)
            return combine(evaluate(base), keys) { container, key in
                guard case .value(let container) = container, case .value(let key) = key else { return [.unknown] }
                switch container {
                case .object(let members): return [.value(members.first { $0.key.lowercased() == key.asString.lowercased() }?.value ?? .null)]
                case .array(let items):
                    let position = Int(key.asNumber)
                    return [.value(items.indices.contains(position) ? items[position] : .null)]
                default: return [.value(.null)]
                }
            }
        case .not(let operand):
            return OutsiderValue(evaluate(operand).alternatives.flatMap { alternative -> [OutsiderValue.Alternative] in
                let truth = OutsiderValue.truthiness(alternative.atom)
                var result: [OutsiderValue.Alternative] = []
                if truth.canBeTrue { result.append(.init(atom: .value(.bool(false)), influence: alternative.influence)) }
                if truth.canBeFalse { result.append(.init(atom: .value(.bool(true)), influence: alternative.influence)) }
                return result
            })
        case .binary(.and, let lhs, let rhs): return logical(evaluate(lhs), rhs, keepWhen: false)
        case .binary(.or, let lhs, let rhs): return logical(evaluate(lhs), rhs, keepWhen: true)
        case .binary(let op, let lhs, let rhs):
            return combine(evaluate(lhs), evaluate(rhs)) { Self.compare(op, $0, $1).map { .value(.bool($0)) } }
        case .call(let name, let arguments):
            return call(name, arguments)
        }
    }

    // MARK: Contexts

    private mutating func context(_ path: [String]) -> OutsiderValue {
        if perspective == .anyone {
            if path == ["github", "event_name"] { return .known(.string(event)) }
            return .unknown
        }
        let (value, assumed) = OutsiderContexts.value(of: path, on: event)
        if assumed { assumedContexts.insert(path.joined(separator: ".")) }
        return value
    }

    // MARK: Operators

    /// `&&` keeps a falsy left side, `||` a truthy one; otherwise the right side decides.
    private mutating func logical(_ lhs: OutsiderValue, _ rhs: ActionsExpression, keepWhen truthy: Bool) -> OutsiderValue {
        var result: [OutsiderValue.Alternative] = []
        var right: OutsiderValue?
        for alternative in lhs.alternatives {
            let truth = OutsiderValue.truthiness(alternative.atom)
            let keeps = truthy ? truth.canBeTrue : truth.canBeFalse
            let passes = truthy ? truth.canBeFalse : truth.canBeTrue
            if keeps { result.append(.init(atom: Self.representative(alternative.atom, truthy: truthy), influence: alternative.influence)) }
            if passes {
                if right == nil { right = evaluate(rhs) }
                result += right!.alternatives.map { .init(atom: $0.atom, influence: max($0.influence, alternative.influence)) }
            }
        }
        return OutsiderValue(result)
    }

    /// A value that stands for the truthy or falsy part of an atom.
    private static func representative(_ atom: OutsiderValue.Atom, truthy: Bool) -> OutsiderValue.Atom {
        switch atom {
        case .value, .foreignName, .ownName: atom
        case .anyText: truthy ? .anyText : .value(.string(""))
        case .unknown: truthy ? .value(.bool(true)) : .value(.null)
        }
    }

    /// Outcomes of a comparison between two atoms.
    static func compare(_ op: ExpressionOperator, _ lhs: OutsiderValue.Atom, _ rhs: OutsiderValue.Atom) -> [Bool] {
        switch op {
        case .equal: return equality(lhs, rhs)
        case .notEqual: return equality(lhs, rhs).map { !$0 }
        default:
            guard case .value(let a) = lhs, case .value(let b) = rhs else { return [true, false] }
            guard let order = a.compare(b) else { return [false] }
            switch op {
            case .less: return [order == .orderedAscending]
            case .lessOrEqual: return [order != .orderedDescending]
            case .greater: return [order == .orderedDescending]
            default: return [order != .orderedAscending]
            }
        }
    }

    private static func equality(_ lhs: OutsiderValue.Atom, _ rhs: OutsiderValue.Atom) -> [Bool] {
        switch (lhs, rhs) {
        case (.value(let a), .value(let b)): return [a.looselyEquals(b)]
        case (.foreignName(let a), .foreignName(let b)): return [a == b]
        case (.foreignName, .value), (.value, .foreignName), (.foreignName, .ownName), (.ownName, .foreignName): return [false]
        case (.ownName(let a), .ownName(let b)) where a == b: return [true]
        default: return [true, false]
        }
    }

    // MARK: Functions

    private mutating func call(_ name: String, _ arguments: [ActionsExpression]) -> OutsiderValue {
        switch name {
        case "success", "always": return .known(.bool(true))
        case "failure", "cancelled": return .outsiderChooses([.bool(true), .bool(false)])
        case "hashfiles": return .outsiderText
        default: break
        }
        let values = arguments.map { evaluate($0) }
        switch (name, values.count) {
        case ("contains", 2):
            return combine(values[0], values[1]) { Self.contains($0, $1).map { .value(.bool($0)) } }
        case ("startswith", 2), ("endswith", 2):
            return combine(values[0], values[1]) { search, item in
                guard case .value(let a) = search, case .value(let b) = item else { return [.value(.bool(true)), .value(.bool(false))] }
                let text = a.asString.lowercased(), part = b.asString.lowercased()
                return [.value(.bool(name == "startswith" ? text.hasPrefix(part) : text.hasSuffix(part)))]
            }
        case ("fromjson", 1):
            return map(values[0]) { ExpressionValue.fromJSON($0.asString) }
        case ("format", _), ("join", _), ("tojson", 1):
            // Known when every argument is; text otherwise.
            let influence = values.flatMap(\.alternatives).map(\.influence).max() ?? .outsider
            let concrete = values.allSatisfy { $0.alternatives.count == 1 && { if case .value = $0.atom { true } else { false } }($0.alternatives[0]) }
            if concrete, name == "format", let template = values.first, case .value(let first) = template.alternatives[0].atom {
                let rest = values.dropFirst().compactMap { value -> ExpressionValue? in if case .value(let v) = value.alternatives[0].atom { v } else { nil } }
                return .known(.string(Self.format(first.asString, rest)))
            }
            return OutsiderValue([.init(atom: .anyText, influence: influence)])
        default:
            return .unknown
        }
    }

    private static func contains(_ search: OutsiderValue.Atom, _ item: OutsiderValue.Atom) -> [Bool] {
        switch (search, item) {
        case (.value(.array(let items)), .value(let wanted)): return [items.contains { $0.looselyEquals(wanted) }]
        case (.value(.array(let items)), .foreignName): return items.isEmpty ? [false] : [false]
        case (.value(.array(let items)), _): return items.isEmpty ? [false] : [true, false]
        case (.value(let text), .value(let part)): return [text.asString.lowercased().contains(part.asString.lowercased())]
        default: return [true, false]
        }
    }

    /// `format('{0} and {1}', a, b)`, with `{{` and `}}` standing for braces.
    static func format(_ template: String, _ arguments: [ExpressionValue]) -> String {
        var result = ""
        var characters = Array(template)[...]
        while let character = characters.popFirst() {
            if character == "{", characters.first == "{" { characters.removeFirst(); result.append("{"); continue }
            if character == "}", characters.first == "}" { characters.removeFirst(); result.append("}"); continue }
            if character == "{", let close = characters.firstIndex(of: "}"), let index = Int(String(characters[characters.startIndex..<close])),
               arguments.indices.contains(index) {
                result += arguments[index].asString
                characters = characters[(close + 1)...]
                continue
            }
            result.append(character)
        }
        return result
    }

    // MARK: Lifting

    private func map(_ value: OutsiderValue, _ transform: (ExpressionValue) -> ExpressionValue?) -> OutsiderValue {
        OutsiderValue(value.alternatives.map { alternative in
            guard case .value(let known) = alternative.atom, let mapped = transform(known) else {
                return .init(atom: .unknown, influence: alternative.influence)
            }
            return .init(atom: .value(mapped), influence: alternative.influence)
        })
    }

    private func combine(_ lhs: OutsiderValue, _ rhs: OutsiderValue,
                         _ body: (OutsiderValue.Atom, OutsiderValue.Atom) -> [OutsiderValue.Atom]) -> OutsiderValue {
        var result: [OutsiderValue.Alternative] = []
        for a in lhs.alternatives {
            for b in rhs.alternatives {
                result += body(a.atom, b.atom).map { .init(atom: $0, influence: max(a.influence, b.influence)) }
            }
        }
        return OutsiderValue(result)
    }
}
