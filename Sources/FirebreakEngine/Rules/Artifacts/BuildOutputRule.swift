import FirebreakModel

/// Code running in the job that produces an artifact decides what the artifact is.
struct BuildOutputRule: Rule {
    static let firedBy: Set<Capability> = [.exec]

    static let description = RuleDescription(
        id: "build-output",
        name: "Whoever runs the build writes its output",
        summary: "Code running in the job that produces an artifact decides the artifact's content; signing it afterwards only attests the tampered bytes.",
        premises: "exec(J) at level L; J produces artifact A",
        conclusion: "write(A) at level L (a fork pull request's artifacts stay in that pull request's own run)",
        control: "Keep untrusted code out of the producing job: build in a job that runs no third-party or pull-request code, on a clean runner. Signing does not block this hop; an independent rebuild that must match does.",
        rationale: "SolarWinds' SUNSPOT implant changed source files during the build; the signed, legitimate-looking update shipped to thousands of customers.",
        references: ["SolarWinds SUNSPOT, 2020", "OWASP CICD-SEC-9 Improper Artifact Integrity Validation", "Separation of duties reading: a compromised build step can produce a malicious artifact"],
        firing: [RuleExample("a compromised build job writes the image it produces", model: ExampleModel.wrap("""
            artifacts: {image: {}}
            triggers: {push: {event: push}}
            runners: {hosted: {hosting: hosted}}
            jobs: {build: {triggers: [push], runsOn: hosted, produces: [image]}}
            """), footholds: ["exec job:build"], expect: "write artifact:image")],
        blocked: [RuleExample("a compromised lint job, which produces nothing, does not", model: ExampleModel.wrap("""
            artifacts: {image: {}}
            triggers: {push: {event: push}}
            runners: {hosted: {hosting: hosted}}
            jobs:
              build: {triggers: [push], runsOn: hosted, produces: [image]}
              lint: {triggers: [push], runsOn: hosted}
            """), footholds: ["exec job:lint"], expect: "write artifact:image")]
    )

    func conclusions(from fact: Fact, numbered number: Int, in graph: AttackGraph, known: FactStore) -> [Conclusion] {
        guard fact.node.kind == .job, let job = graph.job(numbered: number) else { return [] }
        return graph.artifacts(producedByJobNumbered: number).map { artifact, artifactNumber in
            // What is assumed of the artifact (a job no file read defines, taken to build it) is said where it is written.
            conclude(Fact(.write, NodeID(.artifact, artifact.name), fact.level), numbered: artifactNumber, from: [fact],
                     "job '\(job.name)' produces artifact '\(artifact.name)'", at: artifact.location,
                     caveats: graph.assumesOfArtifacts ? graph.assumedCaveats(about: NodeID(.artifact, artifact.name)) : [])
        }
    }
}
