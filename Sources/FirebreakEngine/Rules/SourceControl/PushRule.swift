import FirebreakModel

/// Write access to the repository pushes to every branch whose protection does not stop it.
struct PushRule: Rule {
    static let firedBy: Set<Capability> = [.hold, .act]

    static let description = RuleDescription(
        id: "push",
        name: "Write access pushes to every unprotected branch",
        summary: "An identity or person with write access pushes commits to every branch whose protection does not stop them; an administrator can lift protection.",
        premises: "hold(I) with write or admin on the repository, or act(A) for a contributor, maintainer or admin",
        conclusion: "push(B) for each branch B that does not require reviews of them (admins: every branch)",
        control: "Branch protection that requires reviewed pull requests, enforced for administrators too, with no bypass for automation tokens.",
        rationale: "Whoever pushes to a branch decides what the pipeline builds and, for pipelines defined in the repository, what the pipeline is.",
        references: ["Separation of duties reading: branch protection on pipeline config", "OWASP CICD-SEC-1 Insufficient Flow Control Mechanisms"],
        firing: [RuleExample("a token with write access pushes to an unprotected main", model: ExampleModel.wrap("""
            branches: {main: {protected: false}}
            identities: {bot: {type: personal-token, grants: {repository:acme/app: write}}}
            """), footholds: ["hold identity:bot"], expect: "push branch:main")],
        blocked: [RuleExample("main requires a reviewed pull request, so the token cannot push to it", model: ExampleModel.wrap("""
            branches: {main: {requiredReviews: 1, enforceAdmins: true}}
            identities: {bot: {type: personal-token, grants: {repository:acme/app: write}}}
            """), footholds: ["hold identity:bot"], expect: "push branch:main")]
    )

    func conclusions(from fact: Fact, in graph: AttackGraph, known: FactStore) -> [Conclusion] {
        let who = fact.node
        let level: AccessLevel?
        let location: SourceLocation
        switch who.kind {
        case .identity:
            guard let identity = graph.model.identities[who.name] else { return [] }
            let grant = identity.grants.filter { $0.target == graph.model.repository.id }.max { $0.level < $1.level }
            level = grant?.level
            location = grant?.location ?? identity.location
        case .actor:
            guard let actor = graph.model.actors[who.name] else { return [] }
            level = actor.role == .admin ? .admin : actor.role.canPush ? .write : nil
            location = actor.location
        default:
            return []
        }
        guard let level, level >= .write else { return [] }
        return graph.branches.compactMap { branch in
            guard let protection = branch.protection else {
                return conclude(Fact(.push, branch.id), from: [fact],
                                "\(who) may push to '\(branch.name)', which is unprotected", at: location)
            }
            let whoText = who.description
            let listed = { (list: [Reference]) in list.contains { $0.name == whoText } }
            let mayPush = protection.pushers.map(listed) ?? true
            let skipsReview = protection.requiredReviews == 0 || listed(protection.bypass)
            if mayPush, skipsReview {
                return conclude(Fact(.push, branch.id), from: [fact],
                                "\(who) may push to '\(branch.name)' without review", at: branch.location)
            }
            if level == .admin {
                let caveats = protection.enforceAdmins ? [Caveat.liftsProtection] : []
                return conclude(Fact(.push, branch.id), from: [fact],
                                "\(who) administers the repository and can push past the protection of '\(branch.name)'",
                                at: location, caveats: caveats)
            }
            return nil
        }
    }
}
