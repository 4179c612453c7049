import FirebreakModel

/// A started run passes its environment's gate when the environment's required reviewers
/// approve it with approvals the attacker controls (`UngatedRunRule` lets through the runs that
/// no reviewer holds back).
struct EnvironmentGateRule: Rule {
    static let firedBy: Set<Capability> = [.start, .approve]

    /// A deploy behind an environment whose reviewer is not the author: the examples of the
    /// gate and of the runs nobody reviews.
    static let reviewedDeploy = ExampleModel.wrap("""
        actors: {lead: {role: reviewer}}
        triggers: {push: {event: push}}
        runners: {hosted: {hosting: hosted}}
        environments: {production: {reviewers: [lead], preventSelfReview: true}}
        jobs: {deploy: {triggers: [push], runsOn: hosted, environment: production}}
        """)

    static let description = RuleDescription(
        id: "environment-gate",
        name: "A started run passes its gate",
        summary: "A run the attacker started executes once its environment's required approvals are given by someone the attacker controls.",
        premises: "start(J); J is gated by E, which has required reviewers; approve(E)",
        conclusion: "exec(J) at the level it was started with",
        control: "Required reviewers who are not the author (prevent self-review) on environments that hold production secrets and roles; the gate applies to runs the attacker starts, not to legitimate runs the attacker hijacks (runners, caches, artifacts).",
        rationale: "A protected environment pauses the job until an authorised reviewer approves it; a reviewer who sees an unexpected deployment can refuse.",
        references: ["Separation of duties reading: required reviewers and manual approvals"],
        firing: [RuleExample("a started deploy passes when the attacker holds the approval", model: reviewedDeploy,
                             footholds: ["start job:deploy", "approve environment:production"], expect: "exec job:deploy")],
        blocked: [RuleExample("a started deploy behind a reviewer waits for an approval the attacker lacks", model: reviewedDeploy,
                              footholds: ["start job:deploy"], expect: "exec job:deploy")]
    )

    func conclusions(from fact: Fact, numbered number: Int, in graph: AttackGraph, known: FactStore) -> [Conclusion] {
        switch fact.node.kind {
        case .job:
            guard let job = graph.job(numbered: number), let environment = graph.environment(of: job), environment.requiredApprovals > 0,
                  case let approval = Fact(.approve, environment.id), known.contains(approval) else { return [] }
            return [pass(fact, approval, job, environment, numbered: number)]
        case .environment:
            return graph.jobs(gatedBy: fact.node.name).flatMap { gated -> [Conclusion] in
                guard let environment = graph.environment(of: gated.job), environment.requiredApprovals > 0 else { return [] }
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
