import FirebreakEngine
import Testing

/// Short descriptions, so that a failed expectation does not print a whole derivation.
extension BlastRadius: CustomTestStringConvertible {
    public var testDescription: String {
        "BlastRadius(\(scenario.id), score \(score), \(reached.count) reached, footholds \(footholds.map(\.description)))"
    }
}

extension BlastRadius {
    /// Whether the attacker holds `fact` (written `capability kind:name [level]`) or more.
    public func reaches(_ fact: String) -> Bool {
        guard let fact = Fact(parsing: fact) else { return false }
        return facts.has(fact.capability, fact.node, atLeast: fact.level)
    }
}
