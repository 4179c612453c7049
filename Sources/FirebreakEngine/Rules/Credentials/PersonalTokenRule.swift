import FirebreakModel

/// A personal token acts as its owner.
struct PersonalTokenRule: Rule {
    static let firedBy: Set<Capability> = [.hold]

    static let description = RuleDescription(
        id: "personal-token",
        name: "A personal token is its owner",
        summary: "Whoever holds a person's token acts as that person: comments, pushes, and approves deployments through the API.",
        premises: "hold(I); I is a personal token owned by actor A",
        conclusion: "act(A)",
        control: "Give automation its own machine identity (an app or a bot account without review rights) instead of a person's token.",
        rationale: "Deployment reviews can be submitted through the API with a token, so a leaked reviewer's token both starts and approves a deployment.",
        references: ["Separation of duties reading: god tokens", "OWASP CICD-SEC-2 Inadequate Identity and Access Management"],
        firing: [RuleExample("the lead's token lets the holder act as the lead", model: ExampleModel.wrap("""
            actors: {lead: {role: maintainer}}
            identities: {lead-pat: {type: personal-token, owner: lead}}
            """), footholds: ["hold identity:lead-pat"], expect: "act actor:lead")],
        blocked: [RuleExample("a bot's deploy key belongs to nobody who reviews", model: ExampleModel.wrap("""
            actors: {lead: {role: maintainer}}
            identities: {bot-key: {type: deploy-key}}
            """), footholds: ["hold identity:bot-key"], expect: "act actor:lead")]
    )

    func conclusions(from fact: Fact, numbered number: Int, in graph: AttackGraph, known: FactStore) -> [Conclusion] {
        guard fact.node.kind == .identity, let identity = graph.identity(numbered: number),
              identity.kind == .personalToken, let owner = identity.owner,
              let actor = graph.model.actors[owner.name] else { return [] }
        return [conclude(Fact(.act, actor.id), from: [fact], "personal token '\(identity.name)' belongs to '\(actor.name)'",
                         at: owner.location)]
    }
}

extension PersonalTokenRule {
    func controls(for hop: Hop, in model: PipelineModel) -> [ModelChange] {
        guard let identity = hop.from else { return [] }
        return [ModelChange(.machineIdentity, identity)]
    }
}
