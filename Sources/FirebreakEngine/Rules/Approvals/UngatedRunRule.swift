import FirebreakModel

/// A started run that nothing holds back executes at once: its job names no environment, or
/// one with no required reviewers.
struct UngatedRunRule: Rule {
    static let firedBy: Set<Capability> = [.start]

    static let description = RuleDescription(
        id: "ungated-run",
        name: "A started run nobody reviews executes",
        summary: "A run the attacker started executes at once when its job names no environment, or one without required reviewers.",
        premises: "start(J); J is gated by no environment, or by one without reviewers",
        conclusion: "exec(J) at the level it was started with",
        control: "Put the jobs that hold production secrets and roles behind an environment with required reviewers; it holds back the runs the attacker starts, not the legitimate runs the attacker hijacks (runners, caches, artifacts).",
        rationale: "Nothing stands between starting a run and its execution unless an environment makes it wait for an authorised reviewer.",
        references: ["Separation of duties reading: required reviewers and manual approvals"],
        firing: [
            RuleExample("a started deploy without reviewers runs at once", model: ExampleModel.wrap("""
                triggers: {push: {event: push}}
                runners: {hosted: {hosting: hosted}}
                environments: {production: {}}
                jobs: {deploy: {triggers: [push], runsOn: hosted, environment: production}}
                """), footholds: ["start job:deploy"], expect: "exec job:deploy"),
            RuleExample("a started job with no environment runs at once", model: ExampleModel.wrap("""
                triggers: {push: {event: push}}
                runners: {hosted: {hosting: hosted}}
                jobs: {build: {triggers: [push], runsOn: hosted}}
                """), footholds: ["start job:build"], expect: "exec job:build"),
        ],
        blocked: [RuleExample("a started deploy behind a reviewer is not let through unreviewed", model: EnvironmentGateRule.reviewedDeploy,
                              footholds: ["start job:deploy"], expect: "exec job:deploy")]
    )

    func conclusions(from fact: Fact, numbered number: Int, in graph: AttackGraph, known: FactStore) -> [Conclusion] {
        guard fact.node.kind == .job, let job = graph.job(numbered: number) else { return [] }
        let environment = graph.environment(of: job)
        guard (environment?.requiredApprovals ?? 0) == 0 else { return [] }
        let why = environment.map { "environment '\($0.name)' has no reviewers, so nothing holds job '\(job.name)' back" }
            ?? "job '\(job.name)' names no environment, so no reviewer holds it back"
        let assumed = environment.map { Array(graph.assumedCaveats(about: $0.id).prefix(1)) } ?? []
        return [conclude(Fact(.exec, job.id, fact.level), numbered: number, from: [fact], why, at: job.environment?.location ?? job.location,
                         caveats: assumed)]
    }
}

extension UngatedRunRule {
    /// Reviewers on the environment the job names (a job that names none has no gate to tighten).
    func controls(for hop: Hop, in model: PipelineModel) -> [ModelChange] {
        guard let name = model.jobs[hop.to.name]?.environment?.name, let environment = model.environments[name],
              environment.requiredApprovals == 0 else { return [] }
        return [ModelChange(.requireReviewers, environment.id)]
    }
}
