import FirebreakModel

/// Anyone can open a pull request from a fork of a public repository and run its checks.
struct ForkPullRequestRule: Rule {
    static let firedBy: Set<Capability> = [.act]

    static let description = RuleDescription(
        id: "fork-pull-request",
        name: "A fork pull request runs a stranger's code",
        summary: "An outsider opens a pull request from a fork and the jobs that build pull requests run the outsider's code, without secrets and with a read-only token unless the repository sends them; since the pull request also carries its own copy of the workflow files, the outsider can send a job to any runner the repository offers. On GitLab this holds only where the parent project runs fork pipelines itself (by default they run in the fork), and such a merge request pipeline receives the unprotected CI/CD variables, never the protected ones.",
        premises: "act(A) for an external actor; the repository is public; job J runs repository code on pull requests from forks, its condition does not exclude forks and it is not a manual job (for the runners: some job runs on pull requests at all)",
        conclusion: "start(J) in the pull request's own context (untrusted), or with full privileges when fork runs receive secrets; on GitLab, start(J) untrusted and read(S) for each unprotected variable S that reaches J; own(P) and reach(Z) through every runner P of J's platform not reserved for protected branches",
        control: "Require a maintainer's approval for every outside contributor's run (`approval: all`); approval of first-time contributors only delays a patient attacker by one harmless contribution. Keep fork runs on ephemeral hosted runners with no route inward.",
        rationale: "GitHub gives no secrets and no write token to pull_request runs from forks, but the code still runs on the runner: on a shared self-hosted runner that is enough (Public PPE).",
        references: ["OWASP CICD-SEC-4 Poisoned Pipeline Execution (public PPE)", "prt-scan campaign, 2026", "PyTorch self-hosted runner research, 2024",
                     "GitLab Docs: Merge request pipelines, use with forked projects"],
        firing: [RuleExample("an outsider's pull request runs the test job", model: ExampleModel.wrap("""
            actors: {stranger: {role: external}}
            triggers: {pr: {event: pull_request}}
            runners: {hosted: {hosting: hosted}}
            jobs: {test: {triggers: [pr], runsOn: hosted}}
            """), footholds: ["act actor:stranger"], expect: "start job:test untrusted"),
                 RuleExample("the pull request rewrites its workflow to run on the persistent self-hosted pool", model: ExampleModel.wrap("""
            actors: {stranger: {role: external}}
            triggers: {pr: {event: pull_request}, push: {event: push, branches: [main]}}
            runners: {hosted: {hosting: hosted}, pool: {hosting: self-hosted, lifecycle: persistent}}
            jobs: {test: {triggers: [pr], runsOn: hosted}, deploy: {triggers: [push], runsOn: pool}}
            """), footholds: ["act actor:stranger"], expect: "own runner:pool"),
                 RuleExample("a GitLab project that runs fork pipelines itself hands them its unprotected variables", model: ExampleModel.wrap("""
            actors: {stranger: {role: external}}
            triggers: {mr: {event: merge_request}}
            runners: {shared: {hosting: hosted}}
            secrets: {LINT_TOKEN: {}}
            jobs: {test: {triggers: [mr], runsOn: shared}}
            """, repository: "{name: acme/app, visibility: public, forkPullRequests: {secrets: true}}", platform: "gitlab"),
            footholds: ["act actor:stranger"], expect: "read secret:LINT_TOKEN")],
        blocked: [RuleExample("every outside contributor's run waits for a maintainer", model: ExampleModel.wrap("""
            actors: {stranger: {role: external}}
            triggers: {pr: {event: pull_request}}
            runners: {hosted: {hosting: hosted}}
            jobs: {test: {triggers: [pr], runsOn: hosted}}
            """, repository: "{name: acme/app, visibility: public, forkPullRequests: {approval: all}}"),
            footholds: ["act actor:stranger"], expect: "start job:test untrusted"),
                  RuleExample("GitLab runs a fork's merge request in the fork project, not the parent", model: ExampleModel.wrap("""
            actors: {stranger: {role: external}}
            triggers: {mr: {event: merge_request}}
            runners: {shared: {hosting: self-hosted, lifecycle: persistent}}
            jobs: {test: {triggers: [mr], runsOn: shared}}
            """, platform: "gitlab"), footholds: ["act actor:stranger"], expect: "start job:test untrusted"),
                  RuleExample("a manual job waits for a member to start it", model: ExampleModel.wrap("""
            actors: {stranger: {role: external}}
            triggers: {mr: {event: merge_request}}
            runners: {shared: {hosting: hosted}}
            jobs: {test: {triggers: [mr], runsOn: shared, manual: true}}
            """, repository: "{name: acme/app, visibility: public, forkPullRequests: {secrets: true}}", platform: "gitlab"),
            footholds: ["act actor:stranger"], expect: "start job:test untrusted"),
                  RuleExample("a merge request pipeline never receives a protected variable", model: ExampleModel.wrap("""
            actors: {stranger: {role: external}}
            triggers: {mr: {event: merge_request}, main: {event: push, branches: [main]}}
            branches: {main: {protected: true}}
            runners: {shared: {hosting: hosted}}
            secrets: {DEPLOY_KEY: {protectedBranchesOnly: true}}
            jobs: {test: {triggers: [mr, main], runsOn: shared}}
            """, repository: "{name: acme/app, visibility: public, forkPullRequests: {secrets: true}}", platform: "gitlab"),
            footholds: ["act actor:stranger"], expect: "read secret:DEPLOY_KEY"),
                  RuleExample("a job whose condition excludes forks does not run the stranger's code", model: ExampleModel.wrap("""
            actors: {stranger: {role: external}}
            triggers: {pr: {event: pull_request}}
            runners: {hosted: {hosting: hosted}}
            jobs: {test: {triggers: [pr], runsOn: hosted, guard: sound}}
            """), footholds: ["act actor:stranger"], expect: "start job:test untrusted"),
                  RuleExample("a pool reserved for protected branches takes no pull request's job", model: ExampleModel.wrap("""
            actors: {stranger: {role: external}}
            triggers: {pr: {event: pull_request}, push: {event: push, branches: [main]}}
            runners: {hosted: {hosting: hosted}, pool: {hosting: self-hosted, lifecycle: persistent, protectedBranchesOnly: true}}
            jobs: {test: {triggers: [pr], runsOn: hosted}, deploy: {triggers: [push], runsOn: pool}}
            """), footholds: ["act actor:stranger"], expect: "own runner:pool")]
    )

    func conclusions(from fact: Fact, numbered number: Int, in graph: AttackGraph, known: FactStore) -> [Conclusion] {
        let repository = graph.model.repository
        guard fact.node.kind == .actor, graph.model.actors[fact.node.name]?.role == .external,
              repository.visibility == .public, repository.forkApproval != .all else { return [] }
        let caveats = repository.forkApproval == .firstTime ? [Caveat.afterFirstContribution] : []
        // Platforms on which a fork's request starts jobs in this repository.
        var entered: Set<Platform> = []
        var result: [Conclusion] = []
        for (place, job) in graph.jobs.enumerated() {
            let jobNumber = graph.numbering.number(ofPlace: place, among: .job)
            let platform = graph.model.platform(of: job)
            // GitLab runs a fork's merge request pipeline in the fork project, with the fork's
            // runners and variables, unless the parent project runs fork pipelines itself.
            if platform == .gitlab, !repository.forkPullRequestsGetSecrets { continue }
            guard let trigger = graph.triggers(of: job).first(where: { $0.event.isRequestEvent && $0.fromForks }) else { continue }
            entered.insert(platform)
            // A manual job waits for a member to start it: the stranger cannot.
            guard job.runsRepositoryCode, job.guardCondition != .sound, !job.manual, graph.admits(job, onBranch: "refs/pull/*") else { continue }
            let location = graph.location(of: trigger, in: job)
            guard platform == .gitlab else {
                let level: Level = repository.forkPullRequestsGetSecrets ? .full : .untrusted
                let context = level == .full ? "with the repository's secrets" : "without secrets, in the pull request's own context"
                result.append(conclude(Fact(.start, job.id, level), numbered: jobNumber, from: [fact],
                                       "a pull request from a fork runs job '\(job.name)' on its own code, \(context)",
                                       at: location, caveats: caveats))
                continue
            }
            // A merge request pipeline in the parent project: its unprotected variables, never
            // the protected ones.
            result.append(conclude(Fact(.start, job.id, .untrusted), numbered: jobNumber, from: [fact],
                                   "a merge request from a fork runs job '\(job.name)' on its own code in this project's pipeline",
                                   at: location, caveats: caveats))
            for exposed in graph.secrets(exposedToJobNumbered: jobNumber) where !exposed.secret.protectedBranchesOnly {
                result.append(conclude(Fact(.read, exposed.secret.id), numbered: exposed.number, from: [fact],
                                       "a merge request pipeline of job '\(job.name)' receives unprotected variable '\(exposed.secret.name)'",
                                       at: exposed.location, caveats: caveats))
            }
        }
        // The pull request brings its own workflow files: its job may ask for any runner the
        // repository offers to its platform (not those kept for protected branches).
        for runner in graph.runners where runner.hosting == .selfHosted && !runner.protectedBranchesOnly {
            guard runner.platform.map(entered.contains) ?? !entered.isEmpty else { continue }
            if runner.lifecycle == .persistent {
                result.append(conclude(Fact(.own, runner.id), from: [fact],
                                       "a pull request's own workflow can send a job to persistent runner '\(runner.name)'", at: runner.location,
                                       caveats: caveats + graph.persistenceCaveats(of: runner)))
            }
            for zone in runner.reaches.sorted() {
                result.append(conclude(Fact(.reach, NodeID(.zone, zone.name)), from: [fact],
                                       "a pull request's own workflow can send a job to runner '\(runner.name)', which reaches '\(zone.name)'",
                                       at: zone.location, caveats: caveats))
            }
        }
        return result
    }
}

extension ForkPullRequestRule {
    func controls(for hop: Hop, in model: PipelineModel) -> [ModelChange] {
        var changes = [ModelChange(.requireForkApproval, model.repository.id)]
        switch hop.to.kind {
        case .runner: changes.append(ModelChange(.protectRunner, hop.to))
        case .secret: changes.append(ModelChange(.protectSecret, hop.to))
        default: break
        }
        return changes
    }
}
