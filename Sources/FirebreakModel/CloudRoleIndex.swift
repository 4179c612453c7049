/// Cloud roles grouped by the environment their trust policy names, so that finding the roles
/// that may trust a job does not scan every role for every job.
public struct CloudRoleIndex: Sendable {
    private var byEnvironment: [String: [Identity]] = [:]
    private var anyEnvironment: [Identity] = []

    /// Indexes the identities that have a trust policy.
    public init(_ identities: some Sequence<Identity>) {
        self.init(sortedByName: identities.filter { $0.trust != nil }.sorted(byName: \.name))
    }

    /// Indexes the identities that have a trust policy, given in order of name (no two with one
    /// name), as a graph's sorted list holds them: they are not sorted again.
    public init(sortedByName identities: [Identity]) {
        assert(zip(identities, identities.dropFirst()).allSatisfy { $0.name < $1.name }, "identities sorted by name")
        for identity in identities {
            guard let trust = identity.trust else { continue }
            if trust.environments.isEmpty {
                anyEnvironment.append(identity)
            } else {
                for environment in trust.environments { byEnvironment[environment, default: []].append(identity) }
            }
        }
    }

    /// The roles whose trust policy might accept the job, sorted by name; check each with `PipelineModel.trusts`.
    public func candidates(for job: Job) -> [Identity] {
        guard let scoped = job.environment.flatMap({ byEnvironment[$0.name] }), !scoped.isEmpty else { return anyEnvironment }
        return (anyEnvironment + scoped).sorted { $0.name < $1.name }
    }
}
