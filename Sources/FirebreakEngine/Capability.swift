import FirebreakModel

/// What an attacker can do to one node. Each node kind has one capability that marks it
/// reached; `start` is the one intermediate step (a run started but not yet through its gate).
public enum Capability: String, CaseIterable, Sendable, Codable, Comparable {
    /// Controls a person's account: acts, comments, approves as them.
    case act
    /// Can start a run of a job (it still has to pass the job's environment gate).
    case start
    /// Runs code inside a job.
    case exec
    /// Controls a runner machine beyond one job.
    case own
    /// Holds a usable credential of an identity.
    case hold
    /// Reads a secret's value.
    case read
    /// Writes an artifact that others consume.
    case write
    /// Writes into a cache that others restore.
    case poison
    /// Pushes commits to a branch.
    case push
    /// Changes a pipeline definition that will run.
    case edit
    /// Satisfies an environment's approval gate.
    case approve
    /// Sends traffic inside a network zone.
    case reach
    /// Uses a resource or repository at a level.
    case access

    /// The capability that marks a node of this kind as reached.
    public static func marking(_ kind: NodeKind) -> Capability {
        switch kind {
        case .actor: .act
        case .job: .exec
        case .runner: .own
        case .identity: .hold
        case .secret: .read
        case .artifact: .write
        case .cache: .poison
        case .branch: .push
        case .definition: .edit
        case .environment: .approve
        case .zone: .reach
        case .resource, .repository: .access
        case .trigger, .step: .exec
        }
    }

    /// The cases in declaration order, built once: the synthesized `allCases` builds its array at every call.
    static let ordered = allCases

    /// The capability's place in the declaration order.
    var ordinal: Int {
        switch self {
        case .act: 0
        case .start: 1
        case .exec: 2
        case .own: 3
        case .hold: 4
        case .read: 5
        case .write: 6
        case .poison: 7
        case .push: 8
        case .edit: 9
        case .approve: 10
        case .reach: 11
        case .access: 12
        }
    }

    public static func < (lhs: Capability, rhs: Capability) -> Bool {
        lhs.ordinal < rhs.ordinal
    }
}
