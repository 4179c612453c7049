import FirebreakModel

/// One inference step of the simulator: from a newly derived fact and the facts already
/// known, conclude new facts. A rule names the capabilities whose facts can fire it, so the
/// fixpoint hands it only those (semi-naive evaluation: each new fact is joined once against
/// what is already known).
public protocol Rule: Sendable {
    /// The rule's documentation and examples: its single source of truth.
    static var description: RuleDescription { get }
    /// Capabilities whose new facts can fire the rule.
    static var firedBy: Set<Capability> { get }
    /// What follows from `fact`, given the graph and the facts known so far. `number` is the
    /// fact's node's number in the graph's numbering, by which the rule finds the node's model
    /// object and indexes (`AttackGraph.job(numbered:)`, ...) without looking its name up.
    func conclusions(from fact: Fact, numbered number: Int, in graph: AttackGraph, known: FactStore) -> [Conclusion]
    /// The changes to the model that would each stop this rule from taking `hop`: the
    /// rule's control, made concrete. Empty when nothing in the model blocks the hop.
    func controls(for hop: Hop, in model: PipelineModel) -> [ModelChange]
}

extension Rule {
    public func controls(for hop: Hop, in model: PipelineModel) -> [ModelChange] { [] }

    /// The rule's id.
    public var id: String { Self.description.id }

    /// A conclusion of this rule; `numbered`, the fact's node's number when the rule knows it.
    func conclude(_ fact: Fact, numbered number: Int? = nil, from premises: [Fact], _ why: String, at location: SourceLocation,
                  caveats: [String] = []) -> Conclusion {
        var conclusion = Conclusion(fact, rule: Self.description.id, premises: premises, why: why, at: location, caveats: caveats)
        conclusion.number = number
        return conclusion
    }
}
