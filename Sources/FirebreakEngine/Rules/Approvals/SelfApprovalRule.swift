import FirebreakModel

/// Reviewers the attacker controls approve the attacker's own deployments.
struct SelfApprovalRule: Rule {
    static let firedBy: Set<Capability> = [.act]

    static let description = RuleDescription(
        id: "self-approval",
        name: "A reviewer the attacker controls approves their own run",
        summary: "An environment's gate opens when the attacker controls enough of its reviewers, counting the author only where self-review is allowed.",
        premises: "act(A) for reviewers of environment E; their number, less one when self-review is prevented (the attacker authors the run), reaches E's required approvals",
        conclusion: "approve(E)",
        control: "Prevent self-review and require approvals from people other than the author; for production, two reviewers.",
        rationale: "Code authors should not approve their own deployments: a gate the author can open is no second pair of eyes.",
        references: ["Separation of duties reading: code authors should not approve their own deployments", "OWASP CICD-SEC-1 Insufficient Flow Control Mechanisms"],
        firing: [RuleExample("a reviewer approves the deployment they started", model: ExampleModel.wrap("""
            actors: {dev: {role: maintainer}}
            environments: {production: {reviewers: [dev], preventSelfReview: false}}
            """), footholds: ["act actor:dev"], expect: "approve environment:production")],
        blocked: [RuleExample("with self-review prevented, a second person must approve", model: ExampleModel.wrap("""
            actors: {dev: {role: maintainer}, lead: {role: reviewer}}
            environments: {production: {reviewers: [dev, lead], preventSelfReview: true}}
            """), footholds: ["act actor:dev"], expect: "approve environment:production")]
    )

    func conclusions(from fact: Fact, numbered number: Int, in graph: AttackGraph, known: FactStore) -> [Conclusion] {
        guard fact.node.kind == .actor else { return [] }
        return graph.environments(reviewedBy: fact.node.name).compactMap { environment in
            let controlled = environment.reviewers.map { NodeID(.actor, $0.name) }.filter { known.has(.act, $0) }
            let usable = environment.preventSelfReview ? controlled.count - 1 : controlled.count
            guard environment.requiredApprovals > 0, usable >= environment.requiredApprovals else { return nil }
            let others = controlled.filter { $0 != fact.node }.map { Fact(.act, $0) }
            let names = controlled.map { "'\($0.name)'" }.joined(separator: ", ")
            let why = environment.preventSelfReview
                ? "reviewers \(names) of '\(environment.name)' are controlled, enough to approve besides the author"
                : "\(names) may approve runs of '\(environment.name)' they started themselves"
            return conclude(Fact(.approve, environment.id), from: [fact] + others, why, at: environment.location)
        }
    }
}

extension SelfApprovalRule {
    func controls(for hop: Hop, in model: PipelineModel) -> [ModelChange] {
        guard let environment = model.environments[hop.to.name], !environment.preventSelfReview else { return [] }
        return [ModelChange(.preventSelfReview, hop.to)]
    }
}
