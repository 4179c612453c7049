import FirebreakModel

/// A runner the attacker owns runs the next jobs scheduled on it.
struct RunnerHijackRule: Rule {
    static let firedBy: Set<Capability> = [.own]

    static let description = RuleDescription(
        id: "runner-hijack",
        name: "An owned runner hijacks the jobs that follow",
        summary: "An attacker who controls a persistent runner runs code inside every later job scheduled on it, with that job's secrets and token.",
        premises: "own(P); P is persistent; job J runs on P",
        conclusion: "exec(J) with full privileges, on J's next legitimate run",
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
            """), footholds: ["own runner:pool"], expect: "exec job:deploy")]
    )

    func conclusions(from fact: Fact, in graph: AttackGraph, known: FactStore) -> [Conclusion] {
        guard fact.node.kind == .runner, let runner = graph.model.runners[fact.node.name],
              runner.lifecycle == .persistent else { return [] }
        return graph.jobs(on: runner.name).map { job in
            conclude(Fact(.exec, job.id), from: [fact], "job '\(job.name)' is scheduled on owned runner '\(runner.name)'",
                     at: job.runsOn!.location, caveats: [Caveat.nextRun])
        }
    }
}

extension RunnerHijackRule {
    func controls(for hop: Hop, in model: PipelineModel) -> [ModelChange] {
        guard let runner = hop.from else { return [] }
        return [ModelChange(.ephemeralRunner, runner)]
    }
}
