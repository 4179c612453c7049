import FirebreakModel

/// Anyone can open a pull request from a fork of a public repository and run its checks.
struct ForkPullRequestRule: Rule {
    static let firedBy: Set<Capability> = [.act]

    static let description = RuleDescription(
        id: "fork-pull-request",
        name: "A fork pull request runs a stranger's code",
        summary: "An outsider opens a pull request from a fork and the jobs that build pull requests run the outsider's code, without secrets and with a read-only token unless the repository sends them.",
        premises: "act(A) for an external actor; the repository is public; job J runs repository code on pull requests from forks",
        conclusion: "start(J) in the pull request's own context (untrusted), or with full privileges when fork runs receive secrets",
        control: "Require a maintainer's approval for every outside contributor's run (`approval: all`); approval of first-time contributors only delays a patient attacker by one harmless contribution. Keep fork runs on ephemeral hosted runners with no route inward.",
        rationale: "GitHub gives no secrets and no write token to pull_request runs from forks, but the code still runs on the runner: on a shared self-hosted runner that is enough (Public PPE).",
        references: ["OWASP CICD-SEC-4 Poisoned Pipeline Execution (public PPE)", "prt-scan campaign, 2026", "PyTorch self-hosted runner research, 2024"],
        firing: [RuleExample("an outsider's pull request runs the test job", model: ExampleModel.wrap("""
            actors: {stranger: {role: external}}
            triggers: {pr: {event: pull_request}}
            runners: {hosted: {hosting: hosted}}
            jobs: {test: {triggers: [pr], runsOn: hosted}}
            """), footholds: ["act actor:stranger"], expect: "start job:test untrusted")],
        blocked: [RuleExample("every outside contributor's run waits for a maintainer", model: ExampleModel.wrap("""
            actors: {stranger: {role: external}}
            triggers: {pr: {event: pull_request}}
            runners: {hosted: {hosting: hosted}}
            jobs: {test: {triggers: [pr], runsOn: hosted}}
            """, repository: "{name: acme/app, visibility: public, forkPullRequests: {approval: all}}"),
            footholds: ["act actor:stranger"], expect: "start job:test untrusted")]
    )

    func conclusions(from fact: Fact, in graph: AttackGraph, known: FactStore) -> [Conclusion] {
        let repository = graph.model.repository
        guard fact.node.kind == .actor, graph.model.actors[fact.node.name]?.role == .external,
              repository.visibility == .public, repository.forkApproval != .all else { return [] }
        let level: Level = repository.forkPullRequestsGetSecrets ? .full : .untrusted
        let caveats = repository.forkApproval == .firstTime ? [Caveat.afterFirstContribution] : []
        return graph.jobs.compactMap { job in
            guard job.runsRepositoryCode, graph.admits(job, onBranch: "refs/pull/*"),
                  let trigger = graph.triggers(of: job).first(where: { $0.event.isRequestEvent && $0.fromForks }) else { return nil }
            let context = level == .full ? "with the repository's secrets" : "without secrets, in the pull request's own context"
            return conclude(Fact(.start, job.id, level), from: [fact],
                            "a pull request from a fork runs job '\(job.name)' on its own code, \(context)",
                            at: graph.location(of: trigger, in: job), caveats: caveats)
        }
    }
}
