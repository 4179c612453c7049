import FirebreakModel

/// A credential written in the repository's files is read by whoever reads the repository.
struct CommittedCredentialRule: Rule {
    static let firedBy: Set<Capability> = [.act]

    static let description = RuleDescription(
        id: "committed-credential",
        name: "A credential written in the repository is public to its readers",
        summary: "A password or token written into a workflow (a container's `credentials:`, a token literal) is read by everyone who can read the repository: on a public repository, anyone, without running anything.",
        premises: "act(A) for a person who can read the repository (anyone, when it is public); secret S is committed to the repository's files",
        conclusion: "read(S)",
        control: "Store the value as an encrypted secret and reference it (`${{ secrets.NAME }}`); rotate the committed value, since git history keeps it.",
        rationale: "Secret scanning finds committed credentials within minutes of a push to a public repository; the history keeps them after the line is deleted.",
        references: ["OWASP CICD-SEC-6 Insufficient Credential Hygiene", "GitHub Docs: Using secrets in GitHub Actions"],
        firing: [RuleExample("a registry password written in a public repository's workflow", model: ExampleModel.wrap("""
            actors: {stranger: {role: external}}
            secrets: {registry-password: {committed: true}}
            """), footholds: ["act actor:stranger"], expect: "read secret:registry-password")],
        blocked: [RuleExample("the same value stored as an encrypted secret", model: ExampleModel.wrap("""
            actors: {stranger: {role: external}}
            secrets: {REGISTRY_PASSWORD: {}}
            """), footholds: ["act actor:stranger"], expect: "read secret:REGISTRY_PASSWORD"),
                  RuleExample("a private repository's outsider cannot read its files", model: ExampleModel.wrap("""
            actors: {stranger: {role: external}}
            secrets: {registry-password: {committed: true}}
            """, repository: "{name: acme/app, visibility: private}"), footholds: ["act actor:stranger"], expect: "read secret:registry-password")]
    )

    func conclusions(from fact: Fact, numbered number: Int, in graph: AttackGraph, known: FactStore) -> [Conclusion] {
        guard fact.node.kind == .actor, let actor = graph.model.actors[fact.node.name] else { return [] }
        if actor.role == .external, graph.model.repository.visibility != .public { return [] }
        return graph.committedSecrets.map { secret in
            conclude(Fact(.read, secret.id), from: [fact],
                     "secret '\(secret.name)' is written in the repository's files, which \(fact.node) can read", at: secret.location)
        }
    }
}

extension CommittedCredentialRule {
    func controls(for hop: Hop, in model: PipelineModel) -> [ModelChange] {
        [ModelChange(.uncommitSecret, hop.to)]
    }
}
