extension PipelineModel {
    /// A copy of the model with the changes applied, in their order.
    public func applying(_ changes: [ModelChange]) -> PipelineModel {
        var copy = self
        for change in changes { copy.apply(change) }
        return copy
    }

    /// Puts one control in place. A change whose nodes the model does not have changes nothing.
    public mutating func apply(_ change: ModelChange) {
        let name = change.subject.name
        let other = change.object?.name
        switch change.kind {
        case .pinStep:
            for jobName in jobs.keys {
                for index in jobs[jobName]!.steps.indices where jobs[jobName]!.steps[index].name == name {
                    jobs[jobName]!.steps[index].pin = .digest
                }
            }
        case .pinDefinition:
            if case .external(let repository, let ref, _)? = definitions[name]?.source {
                definitions[name]!.source = .external(repository: repository, ref: ref, pin: .digest)
            }
        case .ephemeralRunner:
            runners[name]?.lifecycle = .ephemeral
        case .protectRunner:
            runners[name]?.protectedBranchesOnly = true
        case .dropRoute:
            runners[name]?.reaches.removeAll { $0.name == other }
        case .authenticateCallers:
            resources[name]?.networkAccess = nil
        case .scopeSecret:
            guard let other, let secret = secrets[name] else { return }
            if environments[other] == nil {
                environments[other] = Environment(name: other, reviewers: [], requiredApprovals: 0, preventSelfReview: false,
                                                  allowedBranches: [repository.defaultBranch], allowedTags: releaseTags(usingSecret: name),
                                                  waitMinutes: 0, production: false, criticality: nil, location: secret.location)
            }
            secrets[name]!.environment = Reference(other, at: secret.location)
            for job in sortedJobs where job.environment == nil && job.secrets.contains(where: { $0.name == name }) {
                jobs[job.name]!.environment = Reference(other, at: secret.location)
            }
        case .protectSecret:
            secrets[name]?.protectedBranchesOnly = true
        case .withholdSecret:
            jobs[name]?.secrets.removeAll { $0.name == other }
        case .readOnlyToken:
            // What the job's OIDC token is granted stays, as the patches leave `id-token: write`.
            if let job = jobs[name], let token = job.token {
                jobs[name]!.token = token.map { grant in
                    var grant = grant
                    if !isGrantedToOIDCToken(grant, of: job) { grant.level = min(grant.level, .read) }
                    return grant
                }
            }
        case .dropGrant:
            identities[name]?.grants.removeAll { $0.target == change.object }
        case .shortLivedCredential:
            replaceWithFederatedRole(name)
        case .machineIdentity:
            guard identities[name] != nil else { return }
            identities[name]!.kind = .serviceAccount
            identities[name]!.owner = nil
            for actor in actors.keys { actors[actor]!.holds.removeAll { $0.name == name } }
        case .requireReviewers:
            guard let environment = environments[name] else { return }
            let reviewers = actors.values.filter { $0.role == .maintainer || $0.role == .admin || $0.role == .reviewer }
                .map(\.name).sorted().map { Reference($0, at: environment.location) }
            environments[name]!.reviewers = reviewers
            environments[name]!.requiredApprovals = max(1, environment.requiredApprovals)
            environments[name]!.preventSelfReview = true
        case .preventSelfReview:
            environments[name]?.preventSelfReview = true
        case .restrictEnvironment:
            environments[name]?.allowedBranches = [repository.defaultBranch]
            environments[name]?.allowedTags = []
        case .protectTags:
            guard let trigger = triggers[name] else { return }
            let patterns = trigger.branches.isEmpty ? ["*"] : trigger.branches
            repository.protectedTags = Array(Set((repository.protectedTags ?? []) + patterns)).sorted()
        case .protectBranch:
            guard let branch = branches[name] else { return }
            var protection = branch.protection ?? Branch.Protection()
            protection.requiredReviews = max(1, protection.requiredReviews)
            protection.bypass = []
            protection.enforceAdmins = true
            branches[name]!.protection = protection
        case .signArtifact:
            guard artifacts[name] != nil else { return }
            artifacts[name]!.signed = true
            for jobName in jobs.keys {
                for index in jobs[jobName]!.consumes.indices where jobs[jobName]!.consumes[index].artifact.name == name {
                    jobs[jobName]!.consumes[index].verifies = true
                }
            }
        case .separateCache:
            guard let other, let job = jobs[name], let cache = caches[other] else { return }
            let own = Cache.ownName(of: other, for: name)
            caches[own] = Cache(name: own, key: cache.key.map { "\(name)-\($0)" }, criticality: cache.criticality, scope: cache.scope,
                                location: cache.location)
            jobs[name]!.restoresCaches = job.restoresCaches.map { $0.name == other ? Reference(own, at: $0.location) : $0 }
            jobs[name]!.savesCaches = job.savesCaches.map { $0.name == other ? Reference(own, at: $0.location) : $0 }
        case .dropCacheRestore:
            guard let other, jobs[name] != nil else { return }
            jobs[name]!.restoresCaches.removeAll { $0.name == other }
        case .dropUntrustedInput:
            jobs[name]?.untrustedInput = .none
        case .requireForkApproval:
            repository.forkApproval = .all
        case .narrowTrust:
            guard let identity = identities[name], identity.trust != nil else { return }
            // The runs meant to hold the role are the gated ones: the environments of the trusted
            // jobs that have one; else pushes to the default branch.
            let gated = trustedJobs(of: identity).filter { $0.environment != nil }
            identities[name]!.trust = trustKeepingFunction(of: gated, at: identity.trust!.location)
        case .requirePublisherEnvironment:
            guard let other, environments[other] != nil else { return }
            resources[name]?.trustedPublisherEnvironment = other
        case .uncommitSecret:
            secrets[name]?.committed = false
        case .dataOnly:
            guard jobs[name] != nil else { return }
            for index in jobs[name]!.consumes.indices where jobs[name]!.consumes[index].artifact.name == other {
                jobs[name]!.consumes[index].use = .data
            }
        }
    }

    /// The tags a new environment for a secret admits besides the default branch: those the
    /// jobs that name the secret release from (a tag trigger's patterns, any tag for a release
    /// event), so that moving the secret there does not stop their releases. Empty when none does.
    package func releaseTags(usingSecret secret: String) -> [String] {
        let joining = sortedJobs.filter { $0.environment == nil && $0.secrets.contains { $0.name == secret } }
        let releases = joining.flatMap { $0.triggers.compactMap { triggers[$0.name] } }.filter { $0.event == .tag || $0.event == .release }
        return Set(releases.flatMap { $0.event == .tag && !$0.branches.isEmpty ? $0.branches : ["*"] }).sorted()
    }

    /// The jobs whose runs a cloud role accepts today.
    func trustedJobs(of identity: Identity) -> [Job] {
        sortedJobs.filter { trusts(identity, $0) }
    }

    /// The narrowest trust that still admits the jobs: their environments when every one has
    /// one, else pushes to the default branch.
    func trustKeepingFunction(of jobs: [Job], at location: SourceLocation) -> TrustPolicy {
        let environments = jobs.compactMap(\.environment?.name)
        if !jobs.isEmpty, environments.count == jobs.count {
            return TrustPolicy(branches: [], environments: Array(Set(environments)).sorted(), events: [], location: location)
        }
        return TrustPolicy(branches: [repository.defaultBranch], environments: [], events: [.push], location: location)
    }

    /// The stored key goes; the jobs that used it mint a short-lived token for the same grants.
    private mutating func replaceWithFederatedRole(_ name: String) {
        guard let identity = identities[name] else { return }
        let stores = secrets.values.filter { $0.carries?.name == name }.map(\.name)
        let users = sortedJobs.filter { job in job.secrets.contains { stores.contains($0.name) } }
        for job in users {
            jobs[job.name]!.secrets.removeAll { stores.contains($0.name) }
            jobs[job.name]!.oidc = true
        }
        for secret in stores { secrets[secret] = nil }
        identities[name]!.kind = .cloudRole
        identities[name]!.lifetime = .shortLived
        identities[name]!.owner = nil
        identities[name]!.trust = trustKeepingFunction(of: users.map { jobs[$0.name]! }, at: identity.location)
        for actor in actors.keys { actors[actor]!.holds.removeAll { $0.name == name } }
    }
}

extension Cache {
    /// The name of the cache a job gets instead of a shared one.
    public static func ownName(of shared: String, for job: String) -> String { "\(shared)-\(job)" }
}
