import FirebreakEngine
import Testing

/// Short descriptions, so that a failed expectation does not print a whole derivation.
extension BlastRadius: CustomTestStringConvertible {
    public var testDescription: String {
        "BlastRadius(\(scenario.id), score \(score), \(reached.count) reached, footholds \(footholds.map(\.description)))"
    }
}
