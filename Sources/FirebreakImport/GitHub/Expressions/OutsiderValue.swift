/// What an expression can evaluate to on a run an outsider causes: a set of alternatives,
/// each with who brings it about. `||` then takes the outsider's best case and `&&` the
/// worst, because each alternative carries the stronger influence its parts needed.
struct OutsiderValue: Hashable, Sendable {
    /// One possible value.
    enum Atom: Hashable, Sendable {
        /// A known value.
        case value(ExpressionValue)
        /// Any text the chooser likes.
        case anyText
        /// A name that differs from every literal a workflow could compare it with and from
        /// every other named identity (the outsider's login, the fork's full name).
        case foreignName(String)
        /// A name that is the repository's own: equal to itself; against a literal, unknown.
        case ownName(String)
        /// Firebreak cannot tell: any value at all.
        case unknown
    }

    struct Alternative: Hashable, Sendable {
        var atom: Atom
        var influence: Influence
    }

    /// Beyond this many alternatives the value is treated as unknown.
    static let maximumAlternatives = 64

    var alternatives: [Alternative]

    init(_ alternatives: [Alternative]) {
        var merged: [Atom: Influence] = [:]
        var order: [Atom] = []
        for alternative in alternatives {
            if let known = merged[alternative.atom] {
                merged[alternative.atom] = min(known, alternative.influence)
            } else {
                merged[alternative.atom] = alternative.influence
                order.append(alternative.atom)
            }
        }
        if order.count > Self.maximumAlternatives {
            self.alternatives = [Alternative(atom: .unknown, influence: merged.values.min() ?? .outsider)]
        } else {
            self.alternatives = order.map { Alternative(atom: $0, influence: merged[$0]!) }
        }
    }

    static func known(_ value: ExpressionValue) -> OutsiderValue { OutsiderValue([Alternative(atom: .value(value), influence: .outsider)]) }
    static let unknown = OutsiderValue([Alternative(atom: .unknown, influence: .outsider)])
    static let outsiderText = OutsiderValue([Alternative(atom: .anyText, influence: .outsider)])

    /// One of these values, each the outsider's to choose.
    static func outsiderChooses(_ values: [ExpressionValue]) -> OutsiderValue {
        OutsiderValue(values.map { Alternative(atom: .value($0), influence: .outsider) })
    }

    /// `absent` unless a maintainer acts, then anything.
    static func maintainerSets(absent: ExpressionValue) -> OutsiderValue {
        OutsiderValue([Alternative(atom: .value(absent), influence: .outsider), Alternative(atom: .unknown, influence: .maintainer)])
    }

    /// The verdict when this value decides a condition.
    var verdict: ConditionVerdict {
        var truthy: Influence?
        var falsy = false
        for alternative in alternatives {
            let truth = Self.truthiness(alternative.atom)
            if truth.canBeTrue { truthy = min(truthy ?? alternative.influence, alternative.influence) }
            if truth.canBeFalse { falsy = true }
        }
        guard let truthy else { return .never }
        if truthy == .maintainer { return .needsMaintainer }
        return falsy ? .attackerCanSatisfy : .always
    }

    static func truthiness(_ atom: Atom) -> (canBeTrue: Bool, canBeFalse: Bool) {
        switch atom {
        case .value(let value): (value.isTruthy, !value.isTruthy)
        case .anyText, .unknown: (true, true)
        case .foreignName, .ownName: (true, false)
        }
    }
}
