import FirebreakModel

/// Code running on a persistent runner can leave something behind on it.
struct PersistentRunnerRule: Rule {
    static let firedBy: Set<Capability> = [.exec]

    static let description = RuleDescription(
        id: "persistent-runner",
        name: "A persistent runner keeps what a job leaves",
        summary: "Code running in any job on a persistent runner, even a fork pull request's, can plant a process or file that outlives the job.",
        premises: "exec(J) at any privilege; J runs on runner P; P is persistent",
        conclusion: "own(P)",
        control: "Ephemeral runners: a fresh machine for every job, destroyed after it.",
        rationale: "Self-hosted runners that are not wiped between jobs let a contributor's pull request install a backdoor that later runs inside privileged jobs, as in the Chia Network (2023) and PyTorch (2024) runner compromises.",
        references: ["Chia Network post-mortem, August 2023: compromised self-hosted runners", "PyTorch self-hosted runner research, 2024", "OWASP CICD-SEC-7 Insecure System Configuration"],
        firing: [RuleExample("a fork pull request's test job on a persistent runner takes the runner", model: ExampleModel.wrap("""
            triggers: {pr: {event: pull_request}}
            runners: {pool: {hosting: self-hosted, lifecycle: persistent}}
            jobs: {test: {triggers: [pr], runsOn: pool}}
            """), footholds: ["exec job:test untrusted"], expect: "own runner:pool")],
        blocked: [RuleExample("on an ephemeral runner the machine goes away with the job", model: ExampleModel.wrap("""
            triggers: {pr: {event: pull_request}}
            runners: {pool: {hosting: self-hosted, lifecycle: ephemeral}}
            jobs: {test: {triggers: [pr], runsOn: pool}}
            """), footholds: ["exec job:test untrusted"], expect: "own runner:pool"),
                  RuleExample("a pool kept for protected branches takes no side branch's run", model: ExampleModel.wrap("""
            triggers: {push: {event: push}}
            runners: {pool: {hosting: self-hosted, lifecycle: persistent, protectedBranchesOnly: true}}
            jobs: {build: {triggers: [push], runsOn: pool}}
            """), footholds: ["exec job:build unprotected"], expect: "own runner:pool")]
    )

    func conclusions(from fact: Fact, numbered number: Int, in graph: AttackGraph, known: FactStore) -> [Conclusion] {
        guard fact.node.kind == .job, let job = graph.job(numbered: number), let (runner, runnerNumber) = graph.runner(ofJobNumbered: number),
              runner.lifecycle == .persistent, graph.takes(runner, runAt: fact.level) else { return [] }
        // Every job on the runner takes it: most of these are known already.
        let caveats = graph.persistenceCaveats(of: runner)
        guard !known.keeps(.own, numbered: runnerNumber, .full, withCaveatsAtMost: caveats.count) else { return [] }
        return [conclude(Fact(.own, runner.id), from: [fact],
                         "job '\(job.name)' runs on persistent runner '\(runner.name)', which keeps what the job leaves behind",
                         at: job.runsOn!.location, caveats: caveats)]
    }
}

extension PersistentRunnerRule {
    func controls(for hop: Hop, in model: PipelineModel) -> [ModelChange] {
        [ModelChange(.ephemeralRunner, hop.to)]
    }
}
