/// The claims a cloud role accepts from a pipeline's OIDC token. An empty list accepts anything.
public struct TrustPolicy: Sendable, Hashable {
    /// Branch names or patterns the token's ref must match.
    public var branches: [String]
    /// Environments the job must be gated by.
    public var environments: [String]
    /// Events that may have started the run.
    public var events: [Trigger.Event]
    public var location: SourceLocation

    public init(branches: [String], environments: [String], events: [Trigger.Event], location: SourceLocation) {
        self.branches = branches
        self.environments = environments
        self.events = events
        self.location = location
    }

    /// Whether a token minted by a run with these claims is accepted. A request's ref is
    /// `refs/pull/N/merge`, which only a pattern admitting any ref matches.
    public func admits(event: Trigger.Event, branch: String?, environment: String?) -> Bool {
        if !events.isEmpty, !events.contains(event) { return false }
        if !environments.isEmpty {
            guard let environment, environments.contains(environment) else { return false }
        }
        if !branches.isEmpty {
            // A job gated by an environment gets a token whose subject names the environment,
            // not the branch (GitHub's default subject claim): a branch-only policy rejects it.
            if environment != nil, environments.isEmpty { return false }
            let ref = event.isRequestEvent ? "refs/pull/*" : branch
            guard let ref, branches.contains(where: { BranchPattern.matches($0, ref) }) else { return false }
        }
        return true
    }

    /// Whether the policy accepts tokens from pull-request runs: a finding in itself.
    public var admitsPullRequests: Bool {
        (events.isEmpty || events.contains { $0.isRequestEvent }) &&
            (branches.isEmpty || branches.contains { BranchPattern.matches($0, "refs/pull/*") }) &&
            environments.isEmpty
    }
}
