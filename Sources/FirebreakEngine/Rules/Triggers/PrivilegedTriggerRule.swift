import FirebreakModel

/// pull_request_target and kin run in the base repository, with its secrets, on outsiders' events.
struct PrivilegedTriggerRule: Rule {
    static let firedBy: Set<Capability> = [.act]

    static let description = RuleDescription(
        id: "privileged-pr-trigger",
        name: "A privileged trigger runs a stranger's input with the repository's secrets",
        summary: "A job started by pull_request_target, issue_comment, issues or workflow_run runs in the base repository with its secrets and token; if it checks out and builds the pull request's code, or pastes attacker-written text into a script, the outsider runs code there.",
        premises: "act(A) for an external actor; the repository is public; job J is started by such an event, takes untrusted input (checkout of the head, or interpolation), has no sound guard and does not wait for a person to start it (manual)",
        conclusion: "start(J) with full privileges",
        control: "Do not check out or interpolate untrusted input in privileged jobs; pass text through environment variables; guard with a sound check (author association of a member, head repository equal to the base). A label gate leaves a window between the check and the checkout.",
        rationale: "Ultralytics (2024), Nx (2025), the Trivy and prt-scan campaigns (2026) all began with a pull_request_target job that ran a branch name or the pull request's code in the base repository's context.",
        references: ["OWASP CICD-SEC-4 Poisoned Pipeline Execution", "Ultralytics, December 2024", "Nx s1ngularity, August 2025", "Trivy, February 2026"],
        firing: [RuleExample("a pull_request_target job that builds the head runs the outsider's code with secrets", model: ExampleModel.wrap("""
            actors: {stranger: {role: external}}
            triggers: {prt: {event: pull_request_target}}
            runners: {hosted: {hosting: hosted}}
            jobs: {preview: {triggers: [prt], runsOn: hosted, untrustedInput: checkout}}
            """), footholds: ["act actor:stranger"], expect: "start job:preview")],
        blocked: [RuleExample("the same job behind a check that the author is a member does not", model: ExampleModel.wrap("""
            actors: {stranger: {role: external}}
            triggers: {prt: {event: pull_request_target}}
            runners: {hosted: {hosting: hosted}}
            jobs: {preview: {triggers: [prt], runsOn: hosted, untrustedInput: checkout, guard: sound}}
            """), footholds: ["act actor:stranger"], expect: "start job:preview")]
    )

    func conclusions(from fact: Fact, numbered number: Int, in graph: AttackGraph, known: FactStore) -> [Conclusion] {
        let repository = graph.model.repository
        guard fact.node.kind == .actor, graph.model.actors[fact.node.name]?.role == .external,
              repository.visibility == .public else { return [] }
        return graph.jobs.compactMap { job in
            guard job.untrustedInput != .none, job.guardCondition != .sound, !job.manual,
                  graph.admits(job, onBranch: repository.defaultBranch),
                  let trigger = graph.triggers(of: job).first(where: { $0.event.isPrivilegedOutsiderEvent }) else { return nil }
            let how = job.untrustedInput == .checkout ? "checks out and runs the pull request's code"
                : "pastes attacker-written text into a script"
            var caveats: [String] = []
            if job.guardCondition == .label { caveats.append(Caveat.labelWindow) }
            if job.guardCondition == .spoofable { caveats.append("its guard checks a value the outsider can choose") }
            return conclude(Fact(.start, job.id), from: [fact],
                            "job '\(job.name)' runs on \(trigger.platformEvent) in the base repository and \(how)",
                            at: graph.location(of: trigger, in: job), caveats: caveats)
        }
    }
}

extension PrivilegedTriggerRule {
    func controls(for hop: Hop, in model: PipelineModel) -> [ModelChange] {
        hop.to.kind == .job ? [ModelChange(.dropUntrustedInput, hop.to)] : []
    }
}
