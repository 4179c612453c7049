/// The kinds of node in a pipeline graph.
public enum NodeKind: String, CaseIterable, Sendable, Codable, Comparable {
    case actor, repository, branch, definition, trigger, job, step, runner, zone
    case identity, secret, environment, artifact, cache, resource

    /// The kind's place in the declaration order, for tables indexed by kind.
    public var ordinal: Int {
        switch self {
        case .actor: 0
        case .repository: 1
        case .branch: 2
        case .definition: 3
        case .trigger: 4
        case .job: 5
        case .step: 6
        case .runner: 7
        case .zone: 8
        case .identity: 9
        case .secret: 10
        case .environment: 11
        case .artifact: 12
        case .cache: 13
        case .resource: 14
        }
    }

    public static func < (lhs: NodeKind, rhs: NodeKind) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
