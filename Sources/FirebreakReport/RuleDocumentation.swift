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

extension RuleDocumentation {
    /// The whole catalogue as Markdown: the generated `docs/rules.md`.
    public static func markdown(_ rules: [RuleDescription]) -> String {
        var lines = ["# Rules", "",
                     "Generated from the rule descriptions by `firebreak explain --markdown`; do not edit by hand.", "",
                     "Each rule turns facts about the attacker (capabilities such as `exec(J)` or `hold(I)`) and facts of",
                     "the model into a new capability. Every hop of a printed attack path names one of these rules.", "",
                     "| rule | concludes |", "| --- | --- |"]
        lines += rules.map { "| [`\($0.id)`](#\($0.id)) | \($0.summary) |" }
        for rule in rules {
            lines += ["", "## \(rule.id)", "", "**\(rule.name).** \(rule.summary)", "",
                      "- **If:** \(rule.premises)", "- **Then:** \(rule.conclusion)", "- **Control:** \(rule.control)", "",
                      rule.rationale, "", "References: " + rule.references.joined(separator: "; ") + "."]
            for (title, examples) in [("Fires", rule.firing), ("Blocked", rule.blocked)] {
                for example in examples {
                    lines += ["", "*\(title):* \(example.note). The attacker starts with `\(example.footholds.joined(separator: "`, `"))`; "
                        + "`\(example.expect)` \(title == "Fires" ? "follows" : "does not follow").", "", "```yaml", example.model, "```"]
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
