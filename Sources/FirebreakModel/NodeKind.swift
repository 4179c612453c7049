/// The kinds of node in a pipeline graph.
public enum NodeKind: String, CaseIterable, Sendable, Codable, Comparable {
    case actor, repository, branch, definition, trigger, job, step, runner, zone
    case identity, secret, environment, artifact, cache, resource

    public static func < (lhs: NodeKind, rhs: NodeKind) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
