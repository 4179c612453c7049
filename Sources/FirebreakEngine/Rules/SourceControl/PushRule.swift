import FirebreakModel

/// Write access to the repository pushes to every branch whose protection does not stop it.
struct PushRule: Rule {
    static let firedBy: Set<Capability> = [.hold, .act]

    static let description = RuleDescription(
        id: "push",
        name: "Write access pushes to every unprotected branch",
        summary: "An identity or person with write access pushes commits to every branch whose protection does not stop them; an administrator can lift protection. A job's automatic token pushes too, but its commits start no pipeline run and cannot touch workflow files (the push is at level `write`, not `full`).",
        premises: "hold(I) with write or admin on the repository, or act(A) for a contributor, maintainer or admin",
        conclusion: "push(B) for each branch B that does not require reviews of them (admins: every branch); push(B) at level write for a job token",
        control: "Branch protection that requires reviewed pull requests, enforced for administrators too, with no bypass for automation tokens.",
        rationale: "Whoever pushes to a branch decides what the pipeline builds and, for pipelines defined in the repository, what the pipeline is.",
        references: ["Separation of duties reading: branch protection on pipeline config", "OWASP CICD-SEC-1 Insufficient Flow Control Mechanisms",
                     "GitHub Docs: Automatic token authentication (events a GITHUB_TOKEN causes start no new workflow run, except workflow_dispatch and repository_dispatch)"],
        firing: [RuleExample("a token with write access pushes to an unprotected main", model: ExampleModel.wrap("""
            branches: {main: {protected: false}}
            identities: {bot: {type: personal-token, grants: {repository:acme/app: write}}}
            """), footholds: ["hold identity:bot"], expect: "push branch:main"),
                 RuleExample("a job's own token writes commits to main, which start no run by themselves", model: ExampleModel.wrap("""
            branches: {main: {protected: false}}
            identities: {ci.token: {type: job-token, grants: {repository:acme/app: write}}}
            """), footholds: ["hold identity:ci.token"], expect: "push branch:main write")],
        blocked: [RuleExample("main requires a reviewed pull request, so the token cannot push to it", model: ExampleModel.wrap("""
            branches: {main: {requiredReviews: 1, enforceAdmins: true}}
            identities: {bot: {type: personal-token, grants: {repository:acme/app: write}}}
            """), footholds: ["hold identity:bot"], expect: "push branch:main"),
                  RuleExample("a job's own token cannot push commits that start runs", model: ExampleModel.wrap("""
            branches: {main: {protected: false}}
            identities: {ci.token: {type: job-token, grants: {repository:acme/app: write}}}
            """), footholds: ["hold identity:ci.token"], expect: "push branch:main")]
    )

    func conclusions(from fact: Fact, numbered number: Int, in graph: AttackGraph, known: FactStore) -> [Conclusion] {
        let who = fact.node
        guard let (level, location, automation) = graph.repositoryAccess(of: who, numbered: number), level >= .write else { return [] }
        // Commits pushed with a job's automatic token start no workflow run and cannot change
        // workflow files: the push writes the branch, nothing more.
        let pushed: Level = automation ? .write : .full
        let note = automation ? "; a job token's commits start no run by themselves" : ""
        // A credential assumed to write the repository (a token seen only where steps take it) says so on each push.
        let granted = graph.assumedGrantCaveats(of: who, numbered: number)
        return graph.branches.compactMap { branch in
            guard let protection = branch.protection else {
                return conclude(Fact(.push, branch.id, pushed), from: [fact],
                                "\(who) may push to '\(branch.name)', which is unprotected\(note)", at: location,
                                caveats: granted + graph.assumedCaveats(about: branch.id))
            }
            let whoText = who.description
            let listed = { (list: [Reference]) in list.contains { $0.name == whoText } }
            let mayPush = protection.pushers.map(listed) ?? true
            let skipsReview = protection.requiredReviews == 0 || listed(protection.bypass)
            if mayPush, skipsReview {
                return conclude(Fact(.push, branch.id, pushed), from: [fact],
                                "\(who) may push to '\(branch.name)' without review\(note)", at: branch.location, caveats: granted)
            }
            if level == .admin {
                let caveats = granted + (protection.enforceAdmins ? [Caveat.liftsProtection] : [])
                return conclude(Fact(.push, branch.id, pushed), from: [fact],
                                "\(who) administers the repository and can push past the protection of '\(branch.name)'",
                                at: location, caveats: caveats)
            }
            return nil
        }
    }
}

extension PushRule {
    func controls(for hop: Hop, in model: PipelineModel) -> [ModelChange] {
        var changes: [ModelChange] = []
        if hop.to.name != Branch.anyOther, model.branches[hop.to.name] != nil { changes.append(ModelChange(.protectBranch, hop.to)) }
        if let who = hop.from, who.kind == .identity, model.identities[who.name]?.kind != .jobToken {
            changes.append(ModelChange(.dropGrant, who, model.repository.id))
        }
        return changes
    }
}
