import FirebreakModel

/// A service that trusts its network serves whoever is inside it.
struct NetworkTrustRule: Rule {
    static let firedBy: Set<Capability> = [.reach]

    static let description = RuleDescription(
        id: "network-trust",
        name: "A service that trusts its network serves the attacker",
        summary: "Anything inside a zone uses the resources there that accept unauthenticated traffic from the zone.",
        premises: "reach(Z); resource X sits in Z and grants level L to its network",
        conclusion: "access(X, L)",
        control: "Services that authenticate every caller (`networkAccess: none`), whatever network the caller is in.",
        rationale: "Internal databases, metadata endpoints and admin consoles often skip authentication for callers on the private network; a runner placed there inherits that trust.",
        references: ["OWASP CICD-SEC-5 Insufficient PBAC", "Separation of duties reading: a malicious pull request can pivot to production infrastructure"],
        firing: [RuleExample("a database that trusts the production network opens to anyone in it", model: ExampleModel.wrap("""
            zones: {prod-net: {}}
            resources: {db: {type: database, zone: prod-net, criticality: critical, networkAccess: write}}
            """), footholds: ["reach zone:prod-net"], expect: "access resource:db write")],
        blocked: [RuleExample("a database that asks every caller for credentials does not", model: ExampleModel.wrap("""
            zones: {prod-net: {}}
            resources: {db: {type: database, zone: prod-net, criticality: critical, networkAccess: none}}
            """), footholds: ["reach zone:prod-net"], expect: "access resource:db write")]
    )

    func conclusions(from fact: Fact, numbered number: Int, in graph: AttackGraph, known: FactStore) -> [Conclusion] {
        guard fact.node.kind == .zone else { return [] }
        return graph.resources(in: fact.node.name).compactMap { resource in
            guard let level = resource.networkAccess else { return nil }
            return conclude(Fact(.access, resource.id, Level(level)), from: [fact],
                            "'\(resource.name)' lets anything in zone '\(fact.node.name)' \(level.rawValue) without credentials",
                            at: resource.location)
        }
    }
}

extension NetworkTrustRule {
    func controls(for hop: Hop, in model: PipelineModel) -> [ModelChange] {
        [ModelChange(.authenticateCallers, hop.to)]
    }
}
