import FirebreakModel

/// Write access to where artifacts are kept replaces them, unless signatures are checked.
struct StoreTamperRule: Rule {
    static let firedBy: Set<Capability> = [.access]

    static let description = RuleDescription(
        id: "store-tamper",
        name: "Write access to the store replaces what it keeps",
        summary: "Whoever can write to a registry or artifact store swaps the artifacts kept there between build and deploy.",
        premises: "access(store, write or more); artifact A is kept in the store",
        conclusion: "write(A)",
        control: "Sign A before it is stored and verify the signature in every job that consumes it; then a swapped artifact is rejected.",
        rationale: "Codecov's uploader was altered in its storage bucket with a key taken from a public image layer; every CI job that fetched it ran the attacker's version.",
        references: ["Codecov Bash Uploader, 2021", "OWASP CICD-SEC-9 Improper Artifact Integrity Validation"],
        firing: [RuleExample("an unsigned image in a writable registry is replaced", model: ExampleModel.wrap("""
            resources: {registry: {type: registry}}
            artifacts: {image: {store: registry}}
            triggers: {push: {event: push}}
            runners: {hosted: {hosting: hosted}}
            jobs: {deploy: {triggers: [push], runsOn: hosted, consumes: {image: {use: data}}}}
            """), footholds: ["access resource:registry write"], expect: "write artifact:image")],
        blocked: [RuleExample("a signed image that every consumer verifies cannot be swapped", model: ExampleModel.wrap("""
            resources: {registry: {type: registry}}
            artifacts: {image: {store: registry, signed: true}}
            triggers: {push: {event: push}}
            runners: {hosted: {hosting: hosted}}
            jobs: {deploy: {triggers: [push], runsOn: hosted, consumes: {image: {use: data, verifies: true}}}}
            """), footholds: ["access resource:registry write"], expect: "write artifact:image")]
    )

    func conclusions(from fact: Fact, numbered number: Int, in graph: AttackGraph, known: FactStore) -> [Conclusion] {
        guard fact.node.kind == .resource, let access = fact.level.access, access >= .write else { return [] }
        return graph.artifacts(storedInNumbered: number, named: fact.node.name).compactMap { artifact in
            // Each of the store's levels of access leads to the same artifacts: ask whether it is known first.
            guard !known.keeps(Fact(.write, artifact.id), withCaveatsAtMost: 0) else { return nil }
            let consumers = graph.consumers(of: artifact.name)
            let verified = artifact.signed && !consumers.isEmpty && consumers.allSatisfy { $0.use.verifies }
            guard !verified else { return nil }
            let reason = artifact.signed ? "a consumer does not verify its signature" : "it is not signed"
            return conclude(Fact(.write, artifact.id), from: [fact],
                            "artifact '\(artifact.name)' is kept in '\(fact.node.name)' and \(reason)", at: artifact.store!.location)
        }
    }
}

extension StoreTamperRule {
    func controls(for hop: Hop, in model: PipelineModel) -> [ModelChange] {
        [ModelChange(.signArtifact, hop.to)]
    }
}
