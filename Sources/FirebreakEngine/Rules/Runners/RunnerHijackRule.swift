import FirebreakModel

/// A runner the attacker owns runs the next jobs scheduled on it.
struct RunnerHijackRule: Rule {
    static let firedBy: Set<Capability> = [.own]

    static let description = RuleDescription(
        id: "runner-hijack",
        name: "An owned runner hijacks the jobs that follow",
        summary: "An attacker who controls a persistent runner runs code inside every later job scheduled on it, with that job's secrets and token.",
        premises: "own(P); P is persistent; job J runs on P",
        conclusion: "exec(J) on J's next legitimate run, with what that run holds: full privileges, or unprotected when J runs only for side branches and pull or merge requests",
        control: "Ephemeral runners, and separate runner pools for untrusted work and for jobs that hold production credentials. An approval gate does not help: the hijacked run is the approved one.",
        rationale: "The planted process waits for the deploy job's legitimate, approved run and reads its secrets from the runner's memory and files.",
        references: ["Chia Network post-mortem, August 2023", "Separation of duties reading: shared runners between production and PR workloads"],
        firing: [RuleExample("the deploy job sharing the owned pool is hijacked", model: ExampleModel.wrap("""
            triggers: {push: {event: push, branches: [main]}}
            runners: {pool: {hosting: self-hosted, lifecycle: persistent}}
            jobs: {deploy: {triggers: [push], runsOn: pool}}
            """), footholds: ["own runner:pool"], expect: "exec job:deploy")],
        blocked: [RuleExample("the deploy job on its own pool is out of reach", model: ExampleModel.wrap("""
            triggers: {push: {event: push, branches: [main]}}
            runners: {pool: {hosting: self-hosted, lifecycle: persistent}, deploy-pool: {hosting: self-hosted, lifecycle: ephemeral}}
            jobs: {deploy: {triggers: [push], runsOn: deploy-pool}}
            """), footholds: ["own runner:pool"], expect: "exec job:deploy"),
                  RuleExample("a job that runs only for a side branch holds no more than that branch's run", model: ExampleModel.wrap("""
            triggers: {push: {event: push, branches: [windows]}}
            runners: {pool: {hosting: self-hosted, lifecycle: persistent}}
            branches: {main: {requiredReviews: 1}, windows: {protected: false}}
            secrets: {DEPLOY_TOKEN: {protectedBranchesOnly: true}}
            jobs: {package: {triggers: [push], runsOn: pool, secrets: [DEPLOY_TOKEN]}}
            """), footholds: ["own runner:pool"], expect: "exec job:package")]
    )

    func conclusions(from fact: Fact, numbered number: Int, in graph: AttackGraph, known: FactStore) -> [Conclusion] {
        guard fact.node.kind == .runner, let runner = graph.runner(numbered: number),
              runner.lifecycle == .persistent else { return [] }
        return graph.jobs(onRunnerNumbered: number).map { scheduled in
            let job = scheduled.job
            // The job's next run holds what its refs give it, no more.
            return conclude(Fact(.exec, job.id, graph.legitimateLevel(of: scheduled)), numbered: scheduled.number, from: [fact],
                            "job '\(job.name)' is scheduled on owned runner '\(runner.name)'", at: job.runsOn!.location, caveats: [Caveat.nextRun])
        }
    }
}

extension RunnerHijackRule {
    func controls(for hop: Hop, in model: PipelineModel) -> [ModelChange] {
        guard let runner = hop.from else { return [] }
        return [ModelChange(.ephemeralRunner, runner)]
    }
}
