import FirebreakEngine
import Foundation

/// A scenario as text for workshops: the story, the attacker, where they start.
public enum ScenarioDocumentation {
    public static func text(_ scenario: Scenario) -> String {
        var lines = ["\(scenario.id): \(scenario.title)", "", scenario.narrative, "", "Attacker: \(scenario.attacker)", "", "Starts from:"]
        lines += scenario.footholds.map { "  - " + start($0) }
        if let through = scenario.through { lines += ["", "Reports count the crown jewels reached through \(through.says) (a `\(through.capability.rawValue)` hop)."] }
        lines += ["", "References:"] + scenario.references.map { "  - \($0)" }
        lines.append("Defined at \(scenario.location)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Where a selector puts the attacker, in one line: "actors where role external: why".
    static func start(_ selector: FootholdSelector) -> String {
        let conditions = selector.conditions.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.joined(separator: "|"))" }
        var line = selector.target.rawValue
        if !conditions.isEmpty { line += " where \(conditions.joined(separator: ", "))" }
        if selector.pick != .all { line += " (\(selector.pick.rawValue))" }
        return line + ": \(selector.why)"
    }

    /// The library as a Markdown handout: each scenario's story, attacker, start and sources.
    public static func markdown(_ scenarios: [Scenario]) -> String {
        var out = "# Attack scenarios\n\nEach scenario puts an attacker somewhere in a pipeline; `firebreak simulate` plays it and shows what they reach.\n\n"
        out += "| id | what happens |\n|---|---|\n" + scenarios.map { "| [`\($0.id)`](#\($0.id)) | \($0.title) |\n" }.joined()
        for scenario in scenarios {
            out += "\n## \(scenario.id)\n\n**\(scenario.title)**\n\n\(scenario.narrative.trimmingCharacters(in: .whitespacesAndNewlines))\n\n"
            out += "**Attacker.** \(scenario.attacker.trimmingCharacters(in: .whitespacesAndNewlines))\n\n**Starts from:**\n\n"
            out += scenario.footholds.map { "- \(start($0))\n" }.joined()
            if let through = scenario.through { out += "\nReports count the crown jewels reached through \(through.says) (a `\(through.capability.rawValue)` hop).\n" }
            if !scenario.references.isEmpty { out += "\n**Sources:** " + scenario.references.joined(separator: "; ") + "\n" }
        }
        return out
    }

    /// One line per scenario.
    public static func index(_ scenarios: [Scenario]) -> String {
        let width = scenarios.map(\.id.count).max() ?? 0
        return scenarios.map { $0.id.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.title }
            .joined(separator: "\n") + "\n"
    }
}
