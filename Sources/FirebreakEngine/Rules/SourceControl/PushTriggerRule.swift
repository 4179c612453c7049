import FirebreakModel

/// A push to a branch starts the jobs that build that branch.
struct PushTriggerRule: Rule {
    static let firedBy: Set<Capability> = [.push]

    static let description = RuleDescription(
        id: "push-trigger",
        name: "A push runs the pushed code",
        summary: "Pushing to a branch starts every job that runs on pushes to it, and those jobs run the pushed code. Commits a job's automatic token pushes start nothing themselves; on the default branch they wait for the next run someone else starts (a push, a schedule, a manual run).",
        premises: "push(B); job J runs repository code on pushes to B; J's runner and environment admit B (for a job token's push: B is the default branch and J runs on its pushes, on a schedule or by hand)",
        conclusion: "start(J), unprotected when B is a side branch (neither the default branch nor protected); on the job's next legitimate run for a job token's push",
        control: "Protect the branches whose jobs hold secrets; restrict runners and environments to protected branches.",
        rationale: "Build scripts, Makefiles, test configuration and package manifests are code the job executes: changing them changes what the job does (indirect poisoned pipeline execution).",
        references: ["OWASP CICD-SEC-4 Poisoned Pipeline Execution (indirect)",
                     "GitHub Docs: Triggering a workflow from a workflow (a GITHUB_TOKEN's events start no new run)"],
        firing: [RuleExample("a push to main starts the build that runs main's Makefile", model: ExampleModel.wrap("""
            triggers: {push: {event: push, branches: [main]}}
            runners: {hosted: {hosting: hosted}}
            jobs: {build: {triggers: [push], runsOn: hosted}}
            """), footholds: ["push branch:main"], expect: "start job:build"),
                 RuleExample("a push to a side branch starts the build in a run kept apart from protected branches", model: ExampleModel.wrap("""
            triggers: {push: {event: push}}
            runners: {hosted: {hosting: hosted}}
            branches: {main: {requiredReviews: 1}, feature: {protected: false}}
            jobs: {build: {triggers: [push], runsOn: hosted}}
            """), footholds: ["push branch:feature"], expect: "start job:build unprotected"),
                 RuleExample("a job token's commits on the default branch run at the next scheduled build", model: ExampleModel.wrap("""
            triggers: {nightly: {event: schedule}}
            runners: {hosted: {hosting: hosted}}
            jobs: {build: {triggers: [nightly], runsOn: hosted}}
            """), footholds: ["push branch:main write"], expect: "start job:build")],
        blocked: [RuleExample("a runner reserved for protected branches does not take a feature branch's build", model: ExampleModel.wrap("""
            triggers: {push: {event: push}}
            runners: {deployers: {hosting: self-hosted, lifecycle: ephemeral, protectedBranchesOnly: true}}
            branches: {main: {requiredReviews: 1}, feature: {protected: false}}
            jobs: {build: {triggers: [push], runsOn: deployers}}
            """), footholds: ["push branch:feature"], expect: "start job:build"),
                  RuleExample("a job token's push to a side branch starts nothing, now or later", model: ExampleModel.wrap("""
            triggers: {push: {event: push}}
            runners: {hosted: {hosting: hosted}}
            branches: {feature: {protected: false}}
            jobs: {build: {triggers: [push], runsOn: hosted}}
            """), footholds: ["push branch:feature write"], expect: "start job:build"),
                  RuleExample("a push to a side branch starts no protected run", model: ExampleModel.wrap("""
            triggers: {push: {event: push}}
            runners: {hosted: {hosting: hosted}}
            branches: {main: {requiredReviews: 1}, feature: {protected: false}}
            jobs: {build: {triggers: [push], runsOn: hosted}}
            """), footholds: ["push branch:feature"], expect: "start job:build")]
    )

    func conclusions(from fact: Fact, numbered number: Int, in graph: AttackGraph, known: FactStore) -> [Conclusion] {
        guard fact.node.kind == .branch else { return [] }
        let branch = fact.node.name
        if fact.level < .full { return laterRuns(of: fact, in: graph) }
        // A side branch's run is kept apart from protected runs: what it may not touch, the
        // unprotected level says.
        let level = graph.runLevel(onBranch: branch)
        return graph.jobs.compactMap { job in
            guard job.runsRepositoryCode, graph.admits(job, onBranch: branch),
                  let trigger = graph.triggers(of: job).first(where: { $0.event == .push && $0.fires(onBranch: branch) })
            else { return nil }
            return conclude(Fact(.start, job.id, level), from: [fact],
                            "a push to '\(branch)' starts job '\(job.name)', which runs the pushed code"
                                + (level == .unprotected ? ", in a run kept apart from protected branches" : ""),
                            at: graph.location(of: trigger, in: job), caveats: graph.assumedCaveats(about: job.id))
        }
    }

    /// A job token's commits on the default branch run when someone else next builds it.
    private func laterRuns(of fact: Fact, in graph: AttackGraph) -> [Conclusion] {
        let branch = fact.node.name
        guard branch == graph.model.repository.defaultBranch else { return [] }
        return graph.jobs.compactMap { job in
            guard job.runsRepositoryCode, graph.admits(job, onBranch: branch),
                  let trigger = graph.triggers(of: job).first(where: { trigger in
                      (trigger.event == .push && trigger.fires(onBranch: branch)) || trigger.event == .schedule || trigger.event == .manual
                  })
            else { return nil }
            return conclude(Fact(.start, job.id), from: [fact],
                            "commits a job token pushed to '\(branch)' start no run themselves, but job '\(job.name)' builds '\(branch)' when \(trigger.platformEvent) next starts it",
                            at: graph.location(of: trigger, in: job), caveats: [Caveat.nextRun] + graph.assumedCaveats(about: job.id))
        }
    }
}
