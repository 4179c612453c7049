import FirebreakEngine

/// A scenario as text for workshops: the story, the attacker, where they start.
public enum ScenarioDocumentation {
    public static func text(_ scenario: Scenario) -> String {
        var lines = ["\(scenario.id): \(scenario.title)", "", scenario.narrative, "", "Attacker: \(scenario.attacker)", "", "Starts from:"]
        for selector in scenario.footholds {
            let conditions = selector.conditions.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.joined(separator: "|"))" }
            var line = "  - \(selector.target.rawValue)"
            if !conditions.isEmpty { line += " where \(conditions.joined(separator: ", "))" }
            if selector.pick != .all { line += " (\(selector.pick.rawValue))" }
            lines.append(line + ": \(selector.why)")
        }
        lines += ["", "References:"] + scenario.references.map { "  - \($0)" }
        lines.append("Defined at \(scenario.location)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// One line per scenario.
    public static func index(_ scenarios: [Scenario]) -> String {
        let width = scenarios.map(\.id.count).max() ?? 0
        return scenarios.map { $0.id.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.title }
            .joined(separator: "\n") + "\n"
    }
}
