import FirebreakModel

/// Whoever pushes to the repository creates tags: a new tag on a commit of theirs starts the
/// jobs that run for tags, with that commit's code.
struct TagPushRule: Rule {
    static let firedBy: Set<Capability> = [.hold, .act]

    static let description = RuleDescription(
        id: "tag-push",
        name: "Whoever pushes creates the tag a release runs on",
        summary: "Write access creates tags as well as branches, on any commit the pusher has, whatever protects the branches (branch protection covers refs/heads only), unless the tags are protected (GitLab: protected tags, which only Maintainers create by default; GitHub: a ruleset that restricts creations). A new tag starts every job that runs for tags, with the tagged commit's code: a release job builds and ships what the attacker committed, without touching a workflow file. The run is unprotected: GitLab gives an unprotected tag's pipeline no protected variable and no protected runner, and an environment whose deployment rules name only branches admits no tag.",
        premises: "hold(I) with write or admin on the repository (not a job token), or act(A) for a contributor, maintainer or admin; tag trigger T fires on a tag name no protected pattern covers; job J runs repository code on T; J's runner takes unprotected runs and J's environment admits T's tags",
        conclusion: "start(J) unprotected",
        control: "Protect the release tags (GitLab protected tags; a GitHub tag ruleset restricting creations to maintainers), and keep release secrets in an environment or protected variable the tags must be protected to receive.",
        rationale: "Release pipelines usually run on tags, and creating a tag takes only the write access every contributor has: the tag is how a contributor's commit becomes a release.",
        references: ["OWASP CICD-SEC-1 Insufficient Flow Control Mechanisms",
                     "GitLab Docs: Protected tags (Developers add tags unless a tag is protected; protected variables reach protected branches and tags only)",
                     "GitHub Docs: Available rules for rulesets (Restrict creations: only users with bypass permission create matching tags)",
                     "GitHub Docs: Deployments and environments (deployment branch and tag rules match the run's GITHUB_REF)"],
        firing: [RuleExample("a contributor's tag starts the release on their commit", model: ExampleModel.wrap("""
            triggers: {release-tags: {event: tag, branches: ["v*"]}}
            runners: {hosted: {hosting: hosted}}
            actors: {dev: {role: contributor}}
            branches: {main: {requiredReviews: 1}, "*": {requiredReviews: 1}}
            jobs: {release: {triggers: [release-tags], runsOn: hosted, role: release}}
            """), footholds: ["act actor:dev"], expect: "start job:release unprotected"),
                 RuleExample("an environment whose tag rule the release tags match admits the run", model: ExampleModel.wrap("""
            triggers: {release-tags: {event: tag, branches: ["v*"]}}
            runners: {hosted: {hosting: hosted}}
            actors: {dev: {role: contributor}}
            environments: {pypi: {allowedTags: ["v*"]}}
            jobs: {publish: {triggers: [release-tags], runsOn: hosted, environment: pypi}}
            """), footholds: ["act actor:dev"], expect: "start job:publish unprotected")],
        blocked: [RuleExample("the release tags are protected: only maintainers create them", model: ExampleModel.wrap("""
            triggers: {release-tags: {event: tag, branches: ["v*"]}}
            runners: {hosted: {hosting: hosted}}
            actors: {dev: {role: contributor}}
            jobs: {release: {triggers: [release-tags], runsOn: hosted, role: release}}
            """, repository: "{name: acme/app, visibility: public, forkPullRequests: {approval: none}, protectedTags: [\"v*\"]}"),
                                footholds: ["act actor:dev"], expect: "start job:release unprotected"),
                  RuleExample("an environment whose deployment rules name only branches admits no tag", model: ExampleModel.wrap("""
            triggers: {release-tags: {event: tag}}
            runners: {hosted: {hosting: hosted}}
            actors: {dev: {role: contributor}}
            environments: {production: {allowedBranches: [main]}}
            jobs: {deploy: {triggers: [release-tags], runsOn: hosted, environment: production}}
            """), footholds: ["act actor:dev"], expect: "start job:deploy unprotected"),
                  RuleExample("a job token's tags start no run", model: ExampleModel.wrap("""
            triggers: {release-tags: {event: tag}}
            runners: {hosted: {hosting: hosted}}
            identities: {ci.token: {type: job-token, grants: {repository:acme/app: write}}}
            jobs: {release: {triggers: [release-tags], runsOn: hosted}}
            """), footholds: ["hold identity:ci.token"], expect: "start job:release unprotected")]
    )

    func conclusions(from fact: Fact, numbered number: Int, in graph: AttackGraph, known: FactStore) -> [Conclusion] {
        // A job's automatic token starts no run with what it pushes.
        guard fact.level == .full, let access = graph.repositoryAccess(of: fact.node, numbered: number), access.level >= .write, !access.automation else { return [] }
        let who = fact.node.kind == .actor ? "\(fact.node)" : "\(fact.node), which may write to the repository,"
        // A credential assumed to write the repository says so on the tag it pushes, as on a branch push.
        let granted = graph.assumedGrantCaveats(of: fact.node, numbered: number)
        return graph.tagTriggers.flatMap { trigger -> [Conclusion] in
            let tags = trigger.branches.isEmpty ? "a tag" : "a tag matching \(Self.patterns(trigger.branches))"
            return graph.jobs(triggeredBy: trigger.name).compactMap { triggered in
                let job = triggered.job
                guard job.runsRepositoryCode, graph.admitsAttackersTag(job, firing: trigger) else { return nil }
                return conclude(Fact(.start, job.id, .unprotected), numbered: triggered.number, from: [fact],
                                "\(who) creates \(tags) on a commit of theirs, which starts job '\(job.name)' with that commit's code (a tag's run, kept apart from protected refs)",
                                at: graph.location(of: trigger, in: job), caveats: granted + graph.unprotectedTagCaveats + graph.assumedCaveats(about: job.id))
            }
        }
    }
}

extension TagPushRule {
    /// Tag patterns as GitHub reads them, in words: the ones that match, then those a `!`
    /// leaves out (`'v*' but not 'v2.4*' or 'v2.5*'`).
    static func patterns(_ patterns: [String]) -> String {
        let quoted = { (list: [String]) in list.map { "'\($0)'" }.joined(separator: " or ") }
        let excluded = patterns.filter { $0.hasPrefix("!") }.map { String($0.dropFirst()) }
        let included = patterns.filter { !$0.hasPrefix("!") }
        return quoted(included) + (excluded.isEmpty ? "" : " but not \(quoted(excluded))")
    }

    func controls(for hop: Hop, in model: PipelineModel) -> [ModelChange] {
        guard let job = model.jobs[hop.to.name] else { return [] }
        var changes = job.triggers.compactMap { model.triggers[$0.name] }.filter { $0.event == .tag }.map { ModelChange(.protectTags, $0.id) }
        if let environment = job.environment { changes.append(ModelChange(.restrictEnvironment, NodeID(.environment, environment.name))) }
        return changes
    }
}
