import FirebreakModel

/// Reading a secret that stores a credential gives the credential.
struct SecretCredentialRule: Rule {
    static let firedBy: Set<Capability> = [.read]

    static let description = RuleDescription(
        id: "secret-credential",
        name: "A secret that stores a credential hands over the identity",
        summary: "Whoever reads a secret holding a key or token can authenticate as its identity.",
        premises: "read(S); S carries identity I",
        conclusion: "hold(I); time-bounded when I is short-lived",
        control: "Store no long-lived credentials: let the job obtain a short-lived one through OIDC. A static credential stays usable until someone revokes it.",
        rationale: "A stolen static key works from anywhere, long after the job that leaked it, which is why static cloud keys and personal tokens in pipeline secrets are the usual pivot in pipeline compromises.",
        references: ["OWASP CICD-SEC-6 Insufficient Credential Hygiene", "CircleCI incident, January 2023: every customer secret had to be rotated"],
        firing: [RuleExample("a secret holding a static cloud key hands over the key", model: ExampleModel.wrap("""
            identities: {cloud-key: {type: static-key}}
            secrets: {AWS_KEY: {carries: cloud-key}}
            """), footholds: ["read secret:AWS_KEY"], expect: "hold identity:cloud-key")],
        blocked: [RuleExample("a secret that is plain data (a feature flag) carries no identity", model: ExampleModel.wrap("""
            identities: {cloud-key: {type: static-key}}
            secrets: {FEATURE_FLAGS: {}}
            """), footholds: ["read secret:FEATURE_FLAGS"], expect: "hold identity:cloud-key")]
    )

    func conclusions(from fact: Fact, numbered number: Int, in graph: AttackGraph, known: FactStore) -> [Conclusion] {
        guard fact.node.kind == .secret, let secret = graph.secret(numbered: number), let carried = secret.carries,
              let (identity, identityNumber) = graph.identity(carriedBySecretNumbered: number) else { return [] }
        let shortLived = identity.lifetime == .shortLived
        return [conclude(Fact(.hold, identity.id), numbered: identityNumber, from: [fact],
                         "secret '\(secret.name)' stores the \(shortLived ? "short-lived" : "static") credential of '\(identity.name)'",
                         at: carried.location, caveats: shortLived ? [Caveat.timeBounded] : [])]
    }
}

extension SecretCredentialRule {
    func controls(for hop: Hop, in model: PipelineModel) -> [ModelChange] {
        guard let identity = model.identities[hop.to.name], identity.lifetime == .static,
              identity.kind != .personalToken else { return [] }
        return [ModelChange(.shortLivedCredential, hop.to)]
    }
}
