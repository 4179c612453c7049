import FirebreakModel

/// A started run passes its environment's gate when it has no reviewers or is approved.
struct EnvironmentGateRule: Rule {
    static let firedBy: Set<Capability> = [.start, .approve]

    static let description = RuleDescription(
        id: "environment-gate",
        name: "A started run passes its gate",
        summary: "A run the attacker started executes once its environment's required approvals are given, or at once when nobody reviews it.",
        premises: "start(J); J is gated by no environment, by one without reviewers, or by E with approve(E)",
        conclusion: "exec(J) at the level it was started with",
        control: "Required reviewers on environments that hold production secrets and roles; the gate applies to runs the attacker starts, not to legitimate runs the attacker hijacks (runners, caches, artifacts).",
        rationale: "A protected environment pauses the job until an authorised reviewer approves it; a reviewer who sees an unexpected deployment can refuse.",
        references: ["Separation of duties reading: required reviewers and manual approvals"],
        firing: [RuleExample("a started deploy without reviewers runs at once", model: ExampleModel.wrap("""
            triggers: {push: {event: push}}
            runners: {hosted: {hosting: hosted}}
            environments: {production: {}}
            jobs: {deploy: {triggers: [push], runsOn: hosted, environment: production}}
            """), footholds: ["start job:deploy"], expect: "exec job:deploy")],
        blocked: [RuleExample("a started deploy behind a reviewer waits for an approval the attacker lacks", model: ExampleModel.wrap("""
            actors: {lead: {role: reviewer}}
            triggers: {push: {event: push}}
            runners: {hosted: {hosting: hosted}}
            environments: {production: {reviewers: [lead], preventSelfReview: true}}
            jobs: {deploy: {triggers: [push], runsOn: hosted, environment: production}}
            """), footholds: ["start job:deploy"], expect: "exec job:deploy")]
    )

    func conclusions(from fact: Fact, numbered number: Int, in graph: AttackGraph, known: FactStore) -> [Conclusion] {
        switch fact.node.kind {
        case .job:
            guard let job = graph.job(numbered: number) else { return [] }
            guard let environment = graph.environment(of: job), environment.requiredApprovals > 0 else {
                let why = graph.environment(of: job).map { "environment '\($0.name)' has no reviewers, so nothing holds job '\(job.name)' back" }
                    ?? "job '\(job.name)' has no approval gate to hold it back"
                let assumed = graph.environment(of: job).map { Array(graph.assumedCaveats(about: $0.id).prefix(1)) } ?? []
                return [conclude(Fact(.exec, job.id, fact.level), numbered: number, from: [fact], why, at: job.environment?.location ?? job.location,
                                 caveats: assumed)]
            }
            let approval = Fact(.approve, environment.id)
            guard known.contains(approval) else { return [] }
            return [pass(fact, approval, job, environment, numbered: number)]
        case .environment:
            return graph.jobs(gatedBy: fact.node.name).flatMap { gated -> [Conclusion] in
                guard let environment = graph.environment(of: gated.job) else { return [] }
                return [Level.untrusted, .unprotected, .full].compactMap { level in
                    let start = Fact(.start, gated.job.id, level)
                    return known.contains(start) ? pass(start, fact, gated.job, environment, numbered: gated.number) : nil
                }
            }
        default:
            return []
        }
    }

    private func pass(_ start: Fact, _ approval: Fact, _ job: Job, _ environment: Environment, numbered number: Int) -> Conclusion {
        conclude(Fact(.exec, job.id, start.level), numbered: number, from: [start, approval],
                 "job '\(job.name)' passes the gate of '\(environment.name)' with approvals the attacker controls",
                 at: job.environment!.location)
    }
}

extension EnvironmentGateRule {
    func controls(for hop: Hop, in model: PipelineModel) -> [ModelChange] {
        guard let name = model.jobs[hop.to.name]?.environment?.name, let environment = model.environments[name],
              environment.requiredApprovals == 0 else { return [] }
        return [ModelChange(.requireReviewers, environment.id)]
    }
}
