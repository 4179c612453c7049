import FirebreakModel

/// A credential that may start a workflow by hand, and push the code it runs, starts it at once.
struct DispatchRule: Rule {
    static let firedBy: Set<Capability> = [.access, .push]

    static let description = RuleDescription(
        id: "dispatch",
        name: "A token that may dispatch a workflow runs it on code it pushed",
        summary: "A credential that may start a workflow by hand (GitHub: `workflow_dispatch` with `actions: write`, `repository_dispatch` with `contents: write`) starts it on a branch where it pushed the scripts the workflow runs. Unlike its pushes, a job token's dispatch starts a run at once.",
        premises: "access(T, write) for a trigger T started by hand; push(B) at any level; job J runs repository code on T and its runner and environment admit B",
        conclusion: "start(J), on the pushed branch (unprotected when it is a side branch)",
        control: "Grant `actions: write` and `contents: write` only to jobs that need them, and restrict privileged environments and runners to protected branches.",
        rationale: "GitHub starts no run for the events a GITHUB_TOKEN causes, with the exception of workflow_dispatch and repository_dispatch; a token that can push a side branch and dispatch a workflow on it runs its own build scripts there.",
        references: ["GitHub Docs: Triggering a workflow from a workflow", "OWASP CICD-SEC-4 Poisoned Pipeline Execution (indirect)"],
        firing: [RuleExample("a token that pushes a side branch and may dispatch the release workflow runs it there", model: ExampleModel.wrap("""
            triggers: {dispatch: {event: manual}}
            runners: {hosted: {hosting: hosted}}
            jobs: {release: {triggers: [dispatch], runsOn: hosted}}
            """), footholds: ["access trigger:dispatch write", "push branch:* write"], expect: "start job:release unprotected")],
        blocked: [RuleExample("a repository dispatch runs the default branch, which the token cannot push", model: ExampleModel.wrap("""
            triggers: {dispatch: {event: manual, branches: [main]}}
            runners: {hosted: {hosting: hosted}}
            branches: {main: {requiredReviews: 1}}
            jobs: {release: {triggers: [dispatch], runsOn: hosted}}
            """), footholds: ["access trigger:dispatch write", "push branch:* write"], expect: "start job:release unprotected"),
                  RuleExample("the release environment admits only main, which the token cannot push", model: ExampleModel.wrap("""
            triggers: {dispatch: {event: manual}}
            runners: {hosted: {hosting: hosted}}
            environments: {release: {allowedBranches: [main]}}
            branches: {main: {requiredReviews: 1}}
            jobs: {release: {triggers: [dispatch], runsOn: hosted, environment: release}}
            """), footholds: ["access trigger:dispatch write", "push branch:* write"], expect: "start job:release unprotected"),
                  RuleExample("without a branch to push, a dispatch runs only the code already there", model: ExampleModel.wrap("""
            triggers: {dispatch: {event: manual}}
            runners: {hosted: {hosting: hosted}}
            jobs: {release: {triggers: [dispatch], runsOn: hosted}}
            """), footholds: ["access trigger:dispatch write"], expect: "start job:release unprotected")]
    )

    func conclusions(from fact: Fact, numbered number: Int, in graph: AttackGraph, known: FactStore) -> [Conclusion] {
        switch (fact.capability, fact.node.kind) {
        case (.access, .trigger) where fact.level >= .write:
            return known.facts(.push).sorted().flatMap { starts(dispatching: fact, onto: $0, in: graph) }
        case (.push, .branch):
            return known.facts(.access).filter { $0.node.kind == .trigger && $0.level >= .write }.sorted()
                .flatMap { starts(dispatching: $0, onto: fact, in: graph) }
        default:
            return []
        }
    }

    private func starts(dispatching access: Fact, onto push: Fact, in graph: AttackGraph) -> [Conclusion] {
        guard let trigger = graph.model.triggers[access.node.name] else { return [] }
        let branch = push.node.name
        // A dispatch names the ref to run (`workflow_dispatch`) or runs the default branch
        // (`repository_dispatch`): the trigger's branches say which.
        guard trigger.fires(onBranch: branch) else { return [] }
        // A run dispatched on a side branch is kept apart from protected runs, as a pushed one is.
        let level = graph.runLevel(onBranch: branch)
        return graph.jobs(triggeredBy: trigger.name).compactMap { triggered in
            let job = triggered.job
            guard job.runsRepositoryCode, graph.admits(job, onBranch: branch) else { return nil }
            return conclude(Fact(.start, job.id, level), numbered: triggered.number, from: [access, push],
                            "the attacker may start \(trigger.platformEvent) '\(trigger.name)' on '\(branch)', where they pushed the code job '\(job.name)' runs; a dispatched run starts at once",
                            at: graph.location(of: trigger, in: job), caveats: graph.assumedCaveats(about: job.id))
        }
    }
}
