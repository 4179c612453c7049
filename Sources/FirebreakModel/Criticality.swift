/// How much an asset matters; its weight feeds the blast-radius score.
public enum Criticality: String, CaseIterable, Sendable, Codable, Comparable {
    case low, medium, high, critical

    /// Score weight: each step up is worth three of the one below.
    public var weight: Int {
        switch self {
        case .low: 1
        case .medium: 3
        case .high: 9
        case .critical: 27
        }
    }

    /// The place in the order, lowest first (the index in `allCases`).
    public var rank: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .high: 2
        case .critical: 3
        }
    }

    public static func < (lhs: Criticality, rhs: Criticality) -> Bool { lhs.rank < rhs.rank }
}
