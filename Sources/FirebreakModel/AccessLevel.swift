/// What a grant or an attack allows on a resource, weakest first.
public enum AccessLevel: String, CaseIterable, Sendable, Codable, Comparable {
    /// Read data or pull images.
    case read
    /// Change what is stored: push images, write objects, push commits.
    case write
    /// Put running code into the target (a release, a rollout).
    case deploy
    /// Change who may do what; lift protections.
    case admin

    private var rank: Int { AccessLevel.allCases.firstIndex(of: self)! }

    public static func < (lhs: AccessLevel, rhs: AccessLevel) -> Bool { lhs.rank < rhs.rank }
}
