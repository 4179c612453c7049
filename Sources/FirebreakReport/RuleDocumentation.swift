import FirebreakEngine

/// A rule's documentation as text, from its description alone.
public enum RuleDocumentation {
    /// The full explanation of one rule, with its examples.
    public static func text(_ rule: RuleDescription) -> String {
        var lines = ["\(rule.id): \(rule.name)", "", rule.summary, "",
                     "  if:      \(rule.premises)",
                     "  then:    \(rule.conclusion)",
                     "  control: \(rule.control)", "",
                     "Why: \(rule.rationale)", "", "References:"]
        lines += rule.references.map { "  - \($0)" }
        for (title, examples) in [("Fires", rule.firing), ("Blocked", rule.blocked)] {
            for example in examples {
                lines += ["", "\(title): \(example.note)",
                          "  attacker starts with: \(example.footholds.joined(separator: ", "))",
                          "  \(title == "Fires" ? "derives" : "does not derive"): \(example.expect)",
                          "  model:"]
                lines += example.model.split(separator: "\n", omittingEmptySubsequences: false).map { "    \($0)" }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One line per rule: id and summary.
    public static func index(_ rules: [RuleDescription]) -> String {
        let width = rules.map(\.id.count).max() ?? 0
        return rules.map { $0.id.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.summary }
            .joined(separator: "\n") + "\n"
    }
}
