/// Cloud roles grouped by the environment their trust policy names, so that finding the roles
/// that may trust a job does not scan every role for every job.
public struct CloudRoleIndex: Sendable {
    private var byEnvironment: [String: [Identity]] = [:]
    private var anyEnvironment: [Identity] = []

    /// Indexes the identities that have a trust policy.
    public init(_ identities: some Sequence<Identity>) {
        let roles = identities.compactMap { identity in identity.trust.map { (identity: identity, trust: $0) } }
        for (identity, trust) in roles.sorted(byName: \.identity.name) {
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
