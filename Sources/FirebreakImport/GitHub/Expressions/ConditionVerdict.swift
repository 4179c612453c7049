/// Whether an outsider can get a condition to hold, in their best case.
enum ConditionVerdict: String, CaseIterable, Comparable, Sendable {
    /// The condition is false on every run an outsider can cause.
    case never
    /// It holds only after a maintainer acts (sets a label, merges, approves): sound at the
    /// moment of the check, with a time-of-check/time-of-use window behind it.
    case needsMaintainer = "needs a maintainer's action"
    /// The outsider can choose values that make it hold.
    case attackerCanSatisfy = "attacker can satisfy"
    /// It holds on every run.
    case always

    public static func < (lhs: ConditionVerdict, rhs: ConditionVerdict) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Who brings a value about on an outsider's run.
enum Influence: Int, Comparable, Sendable {
    /// Fixed by the event, or chosen by the outsider: available at no one else's cost.
    case outsider = 0
    /// Only after a maintainer acts.
    case maintainer = 1

    static func < (lhs: Influence, rhs: Influence) -> Bool { lhs.rawValue < rhs.rawValue }
}
