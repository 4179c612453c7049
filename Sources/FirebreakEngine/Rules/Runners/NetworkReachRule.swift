import FirebreakModel

/// Code on a runner sends traffic to every zone the runner reaches.
struct NetworkReachRule: Rule {
    static let firedBy: Set<Capability> = [.exec, .own]

    static let description = RuleDescription(
        id: "network-reach",
        name: "A runner's network is its jobs' network",
        summary: "Code running in a job, or owning a runner, reaches every network zone the runner can route to.",
        premises: "exec(J) at any privilege on runner P, or own(P); P reaches zone Z",
        conclusion: "reach(Z)",
        control: "Runner pools for untrusted and build work with no route into production networks; only deploy runners, restricted to protected branches, sit next to production.",
        rationale: "A malicious pull request run on a runner inside the production network can probe internal services without needing a single credential.",
        references: ["Separation of duties reading: shared runners between production and PR workloads", "OWASP CICD-SEC-5 Insufficient PBAC"],
        firing: [RuleExample("a test job on a runner in the production network reaches it", model: ExampleModel.wrap("""
            zones: {prod-net: {}}
            triggers: {pr: {event: pull_request}}
            runners: {pool: {hosting: self-hosted, lifecycle: ephemeral, reaches: [prod-net]}}
            jobs: {test: {triggers: [pr], runsOn: pool}}
            """), footholds: ["exec job:test untrusted"], expect: "reach zone:prod-net")],
        blocked: [RuleExample("a test job on hosted runners has no route in", model: ExampleModel.wrap("""
            zones: {prod-net: {}}
            triggers: {pr: {event: pull_request}}
            runners: {hosted: {hosting: hosted}, deploy-pool: {hosting: self-hosted, lifecycle: ephemeral, reaches: [prod-net]}}
            jobs: {test: {triggers: [pr], runsOn: hosted}}
            """), footholds: ["exec job:test untrusted"], expect: "reach zone:prod-net")]
    )

    func conclusions(from fact: Fact, numbered number: Int, in graph: AttackGraph, known: FactStore) -> [Conclusion] {
        let runner: Runner?
        switch fact.node.kind {
        case .job: runner = graph.runner(ofJobNumbered: number)?.runner
        case .runner: runner = graph.runner(numbered: number)
        default: runner = nil
        }
        guard let runner, fact.node.kind != .job || graph.takes(runner, runAt: fact.level) else { return [] }
        // Every job on the runner leads to the same zones: most of these are known already.
        return runner.reaches.sorted().filter { !known.keeps(Fact(.reach, NodeID(.zone, $0.name)), withCaveatsAtMost: 0) }.map { zone in
            conclude(Fact(.reach, NodeID(.zone, zone.name)), from: [fact], "runner '\(runner.name)' has a route into zone '\(zone.name)'",
                     at: zone.location)
        }
    }
}

extension NetworkReachRule {
    func controls(for hop: Hop, in model: PipelineModel) -> [ModelChange] {
        guard let from = hop.from else { return [] }
        let runner = from.kind == .runner ? from.name : model.jobs[from.name]?.runsOn?.name
        return runner.map { [ModelChange(.dropRoute, NodeID(.runner, $0), hop.to)] } ?? []
    }
}
