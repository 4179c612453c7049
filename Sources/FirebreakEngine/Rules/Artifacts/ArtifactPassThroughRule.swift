import FirebreakModel

/// A job that reads an artifact as data and produces another may pass what it read on: the
/// documentation a job copies out of the build's output is what the next job publishes.
struct ArtifactPassThroughRule: Rule {
    static let firedBy: Set<Capability> = [.write]

    static let description = RuleDescription(
        id: "artifact-pass-through",
        name: "What a job copies out of an artifact is in what it produces",
        summary: "A job that takes in an artifact the attacker wrote, as data, and produces artifacts of its own may copy the attacker's bytes into them; the pipeline files do not say what it copies, so it is taken to.",
        premises: "write(A); job J takes A in as data (not run, not deployed) and produces artifact B, which J does not deploy itself (A's pick-up rules apply: a fork pull request's artifact only reaches a J started by workflow_run)",
        conclusion: "write(B) at the level J picks A up, resting on the assumption that J passes A's content on",
        control: "Build what is published from the repository in the publishing job's own run, or check what the job copies against an independent build; a job that produces nothing passes nothing on.",
        rationale: "A pages job publishes the documentation another job copied out of the build's artifact: whoever wrote the build's output wrote the site, two jobs away from the build.",
        references: ["OWASP CICD-SEC-9 Improper Artifact Integrity Validation", "OWASP CICD-SEC-4 Poisoned Pipeline Execution"],
        firing: [RuleExample("the docs job copies the build's output into the site it produces", model: ExampleModel.wrap("""
            artifacts: {build: {}, site: {}}
            triggers: {push: {event: push}}
            runners: {hosted: {hosting: hosted}}
            jobs: {docs: {triggers: [push], runsOn: hosted, consumes: {build: {use: data}}, produces: [site]}}
            """), footholds: ["write artifact:build"], expect: "write artifact:site")],
        blocked: [RuleExample("a job that deploys the build, not reads it, passes nothing into what it produces", model: ExampleModel.wrap("""
            resources: {cluster: {type: cluster}}
            artifacts: {build: {}, site: {}}
            triggers: {push: {event: push}}
            runners: {hosted: {hosting: hosted}}
            jobs: {deploy: {triggers: [push], runsOn: hosted, consumes: {build: {use: deploy, deploysTo: cluster}}, produces: [site]}}
            """), footholds: ["write artifact:build"], expect: "write artifact:site"),
                  RuleExample("a fork pull request's artifact never reaches a push run's docs job", model: ExampleModel.wrap("""
            artifacts: {build: {}, site: {}}
            triggers: {push: {event: push}}
            runners: {hosted: {hosting: hosted}}
            jobs: {docs: {triggers: [push], runsOn: hosted, consumes: {build: {use: data}}, produces: [site]}}
            """), footholds: ["write artifact:build untrusted"], expect: "write artifact:site")]
    )

    func conclusions(from fact: Fact, numbered number: Int, in graph: AttackGraph, known: FactStore) -> [Conclusion] {
        guard fact.node.kind == .artifact else { return [] }
        var conclusions: [Conclusion] = []
        for consumer in graph.consumers(ofNumbered: number, named: fact.node.name) where consumer.use.use == .data {
            guard let level = graph.pickUp(fact.node.name, writtenAt: fact.level, by: consumer.job) else { continue }
            let caveats = ["assumed: job '\(consumer.job.name)' passes what it takes from '\(fact.node.name)' on into what it produces (the files do not say it leaves it out)"]
                + graph.pickUpCaveats(fact.node.name, writtenAt: fact.level, by: consumer.job)
                + Caveat.assumedDownload(consumer.use, by: consumer.job.name)
            // What a job deploys of its own making (GitLab's pages job, its `public` folder) is
            // what its deploy hops say it takes in by name, not everything handed to it.
            let consumes = consumer.job.consumes
            for (artifact, artifactNumber) in graph.artifacts(producedByJobNumbered: consumer.number)
            where artifact.name != fact.node.name && !consumes.contains(where: { $0.use == .deploy && $0.artifact.name == artifact.name }) {
                conclusions.append(conclude(Fact(.write, NodeID(.artifact, artifact.name), level), numbered: artifactNumber, from: [fact],
                                            "job '\(consumer.job.name)' takes in artifact '\(fact.node.name)' and produces '\(artifact.name)'",
                                            at: consumer.use.location, caveats: caveats))
            }
        }
        return conclusions
    }
}
