import FirebreakModel

/// How much of a capability the attacker has. Runs and artifact writes are `untrusted`
/// (a fork pull request's own context: no secrets, a read-only token, its own cache and
/// artifacts), `unprotected` (a run on a side branch, one that is neither the default branch
/// nor protected: the job's secrets but not those kept for protected branches, and none of the
/// caches only protected runs write) or `full`; resource access has the access levels;
/// everything else is `full`.
public enum Level: String, CaseIterable, Sendable, Codable, Comparable {
    case untrusted
    case unprotected
    case read, write, deploy, admin
    case full

    /// The level for an access level.
    public init(_ access: AccessLevel) {
        switch access {
        case .read: self = .read
        case .write: self = .write
        case .deploy: self = .deploy
        case .admin: self = .admin
        }
    }

    /// Whether a run at this level is one of the repository's own, with the job's token and the
    /// secrets its refs may have (`full`, or `unprotected` on a side branch), rather than a fork
    /// pull request's sandbox.
    public var isRepositoryRun: Bool { self == .full || self == .unprotected }

    /// The access level this level stands for, if it is one.
    public var access: AccessLevel? {
        switch self {
        case .read: .read
        case .write: .write
        case .deploy: .deploy
        case .admin: .admin
        case .untrusted, .unprotected, .full: nil
        }
    }

    /// The level's place in the order of the cases, lowest first.
    var rank: Int {
        switch self {
        case .untrusted: 0
        case .unprotected: 1
        case .read: 2
        case .write: 3
        case .deploy: 4
        case .admin: 5
        case .full: 6
        }
    }

    public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rank < rhs.rank }
}
