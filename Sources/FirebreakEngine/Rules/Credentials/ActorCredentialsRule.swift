import FirebreakModel

/// Controlling a person's account gives the credentials they hold.
struct ActorCredentialsRule: Rule {
    static let firedBy: Set<Capability> = [.act]

    static let description = RuleDescription(
        id: "actor-credentials",
        name: "A person's credentials go with their account",
        summary: "Whoever controls a person's account or machine holds the tokens and keys that person holds.",
        premises: "act(A); A holds identity I",
        conclusion: "hold(I)",
        control: "People hold no standing credentials to pipeline targets; access goes through reviewed pipelines and short-lived, audited break-glass.",
        rationale: "An engineer's laptop or session is a pipeline credential store when they keep personal tokens with admin scope, as the CircleCI incident showed.",
        references: ["CircleCI incident, January 2023", "Separation of duties reading: god tokens outlive the people who made them"],
        firing: [RuleExample("the maintainer's admin token goes with the maintainer's account", model: ExampleModel.wrap("""
            actors: {lead: {role: maintainer, holds: [lead-pat]}}
            identities: {lead-pat: {type: personal-token, owner: lead}}
            """), footholds: ["act actor:lead"], expect: "hold identity:lead-pat")],
        blocked: [RuleExample("a maintainer who holds no token hands over none", model: ExampleModel.wrap("""
            actors: {lead: {role: maintainer}}
            identities: {bot-key: {type: deploy-key}}
            """), footholds: ["act actor:lead"], expect: "hold identity:bot-key")]
    )

    func conclusions(from fact: Fact, numbered number: Int, in graph: AttackGraph, known: FactStore) -> [Conclusion] {
        guard fact.node.kind == .actor, let actor = graph.model.actors[fact.node.name] else { return [] }
        return actor.holds.sorted().map { held in
            conclude(Fact(.hold, NodeID(.identity, held.name)), from: [fact], "'\(actor.name)' holds '\(held.name)'", at: held.location)
        }
    }
}

extension ActorCredentialsRule {
    func controls(for hop: Hop, in model: PipelineModel) -> [ModelChange] {
        model.identities[hop.to.name]?.kind == .personalToken ? [ModelChange(.machineIdentity, hop.to)] : []
    }
}
