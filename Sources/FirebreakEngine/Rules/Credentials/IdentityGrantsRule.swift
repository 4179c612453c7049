import FirebreakModel

/// Holding an identity gives what it is granted.
struct IdentityGrantsRule: Rule {
    static let firedBy: Set<Capability> = [.hold]

    static let description = RuleDescription(
        id: "identity-grants",
        name: "An identity's grants are its holder's",
        summary: "Whoever holds an identity uses every resource it is granted, at the granted level.",
        premises: "hold(I); I is granted level L on resource or repository X",
        conclusion: "access(X, L)",
        control: "Least privilege: one identity per stage, each granted only what its stage needs (build writes the registry; only deploy touches production).",
        rationale: "A single service account that builds and deploys is a skeleton key: stealing it from the least protected stage opens the most protected target.",
        references: ["Separation of duties reading: the single service account problem", "OWASP CICD-SEC-2 Inadequate Identity and Access Management"],
        firing: [RuleExample("a key granted admin on the cluster opens the cluster", model: ExampleModel.wrap("""
            resources: {cluster: {type: cluster, criticality: critical}}
            identities: {ci-key: {type: static-key, grants: {resource:cluster: admin}}}
            """), footholds: ["hold identity:ci-key"], expect: "access resource:cluster admin")],
        blocked: [RuleExample("a build key granted only the registry does not open the cluster", model: ExampleModel.wrap("""
            resources: {cluster: {type: cluster, criticality: critical}, registry: {type: registry}}
            identities: {build-key: {type: static-key, grants: {resource:registry: write}}}
            """), footholds: ["hold identity:build-key"], expect: "access resource:cluster admin")]
    )

    func conclusions(from fact: Fact, numbered number: Int, in graph: AttackGraph, known: FactStore) -> [Conclusion] {
        guard fact.node.kind == .identity, let identity = graph.identity(numbered: number) else { return [] }
        // Where what the credential is granted is assumed, the hop says so.
        let granted = graph.assumedGrantCaveats(of: identity)
        let caveats = (identity.lifetime == .shortLived ? [Caveat.timeBounded] : []) + granted
        // Where a resource the grant opens is assumed (a registry the import infers), the hop says so.
        return graph.grants(ofIdentityNumbered: number).compactMap { grant, target in
            let access = Fact(.access, grant.target, Level(grant.level))
            // A repository's other assumptions (no context file) are not about its value.
            let all = caveats + (grant.target.kind == .resource ? graph.assumedCaveats(about: grant.target)
                : grant.target.kind == .repository && grant.level > .read ? graph.valuationCaveats(about: grant.target) : [])
            // The access is known already with no more caveats: the conclusion would change nothing, and its sentence is not written.
            let held = target.map { known.keeps(.access, numbered: $0, access.level, withCaveatsAtMost: all.count) }
                ?? known.keeps(access, withCaveatsAtMost: all.count)
            guard !held else { return nil }
            return conclude(access, numbered: target, from: [fact], "'\(identity.name)' is granted \(grant.level.rawValue) on \(grant.target)",
                            at: grant.location, caveats: all)
        }
    }
}

extension IdentityGrantsRule {
    func controls(for hop: Hop, in model: PipelineModel) -> [ModelChange] {
        guard let identity = hop.from, identity.kind == .identity else { return [] }
        // A job's automatic token is granted by the job's permissions: it becomes read-only. A
        // GitLab job's token has the same rights in every job (and the `pages` job publishes
        // the site by its name): no job's setting takes a grant away.
        if let job = model.jobs.values.first(where: { $0.tokenIdentityName == identity.name }) {
            guard model.platform(of: job) != .gitlab else { return [] }
            // What its OIDC token is granted a read-only token keeps (trusted publishing, a signing identity).
            let cut = job.token?.contains { $0.target == hop.to && $0.level > .read && !model.isGrantedToOIDCToken($0, of: job) } ?? false
            return cut ? [ModelChange(.readOnlyToken, job.id)] : []
        }
        return [ModelChange(.dropGrant, identity, hop.to)]
    }
}
