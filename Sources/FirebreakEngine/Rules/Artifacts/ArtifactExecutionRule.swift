import FirebreakModel

/// A job that runs a downloaded artifact runs the attacker's code.
struct ArtifactExecutionRule: Rule {
    static let firedBy: Set<Capability> = [.write]

    static let description = RuleDescription(
        id: "artifact-execution",
        name: "Running a downloaded artifact runs its author's code",
        summary: "A job that executes an artifact the attacker wrote runs the attacker's code with the job's own privileges.",
        premises: "write(A); job J runs A (for a fork pull request's artifact, only a J started by workflow_run picks it up; for an unprotected run's, that or a J that runs in an unprotected run with a job that writes A: artifacts belong to one run)",
        conclusion: "exec(J) with full privileges, or unprotected when J picks A up in an unprotected run",
        control: "Treat downloaded artifacts as data: parse them, never execute or source them, in a privileged job; or verify they came from a trusted producer.",
        rationale: "A workflow_run job that downloads a pull request's build output and runs a script from it hands the fork's author the base repository's secrets.",
        references: ["OWASP CICD-SEC-4 Poisoned Pipeline Execution", "GitHub Security Lab: workflow_run artifact poisoning"],
        firing: [RuleExample("a workflow_run job that runs the pull request's report script is taken", model: ExampleModel.wrap("""
            artifacts: {report: {}}
            triggers: {after-ci: {event: workflow_run}}
            runners: {hosted: {hosting: hosted}}
            jobs: {publish: {triggers: [after-ci], runsOn: hosted, consumes: {report: {use: run}}}}
            """), footholds: ["write artifact:report untrusted"], expect: "exec job:publish"),
                 RuleExample("a side branch's artifact runs in the next job of its own run, unprotected", model: ExampleModel.wrap("""
            artifacts: {tool: {}}
            triggers: {push: {event: push}}
            runners: {hosted: {hosting: hosted}}
            branches: {main: {requiredReviews: 1}}
            jobs:
              build: {triggers: [push], runsOn: hosted, produces: [tool]}
              lint: {triggers: [push], runsOn: hosted, consumes: {tool: {use: run}}}
            """), footholds: ["write artifact:tool unprotected"], expect: "exec job:lint unprotected")],
        blocked: [RuleExample("the same job reading the report as data is not", model: ExampleModel.wrap("""
            artifacts: {report: {}}
            triggers: {after-ci: {event: workflow_run}}
            runners: {hosted: {hosting: hosted}}
            jobs: {publish: {triggers: [after-ci], runsOn: hosted, consumes: {report: {use: data}}}}
            """), footholds: ["write artifact:report untrusted"], expect: "exec job:publish"),
                  RuleExample("a side branch's artifact is not in the nightly run that executes the tool", model: ExampleModel.wrap("""
            artifacts: {tool: {}}
            triggers: {push: {event: push}, nightly: {event: schedule}}
            runners: {hosted: {hosting: hosted}}
            branches: {main: {requiredReviews: 1}}
            jobs:
              build: {triggers: [push, nightly], runsOn: hosted, produces: [tool]}
              lint: {triggers: [nightly], runsOn: hosted, consumes: {tool: {use: run}}}
            """), footholds: ["write artifact:tool unprotected"], expect: "exec job:lint unprotected")]
    )

    func conclusions(from fact: Fact, numbered number: Int, in graph: AttackGraph, known: FactStore) -> [Conclusion] {
        guard fact.node.kind == .artifact else { return [] }
        return graph.consumers(ofNumbered: number, named: fact.node.name).compactMap { consumer in
            guard consumer.use.use == .run, let level = graph.pickUp(fact.node.name, writtenAt: fact.level, by: consumer.job) else { return nil }
            return conclude(Fact(.exec, consumer.job.id, level), numbered: consumer.number, from: [fact],
                            "job '\(consumer.job.name)' executes artifact '\(fact.node.name)'" + (consumer.use.how.map { ": \($0)" } ?? ""), at: consumer.use.location,
                            caveats: [Caveat.nextRun] + graph.pickUpCaveats(fact.node.name, writtenAt: fact.level, by: consumer.job)
                                + Caveat.assumedDownload(consumer.use, by: consumer.job.name))
        }
    }
}

extension ArtifactExecutionRule {
    func controls(for hop: Hop, in model: PipelineModel) -> [ModelChange] {
        guard let artifact = hop.from else { return [] }
        return [ModelChange(.dataOnly, hop.to, artifact)]
    }
}
