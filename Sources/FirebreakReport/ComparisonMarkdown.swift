/// A comparison as Markdown, for a pull-request comment or `$GITHUB_STEP_SUMMARY`.
public enum ComparisonMarkdown {
    public static func render(_ comparison: ReportComparison, title: String = "Firebreak blast radius") -> String {
        var lines = ["## \(title)", "", "\(code(comparison.before)) → \(code(comparison.after))", "",
                     "| scenario | score | crown jewels | verdict |", "| --- | ---: | ---: | --- |"]
        for scenario in comparison.scenarios {
            let score = "\(scenario.scoreBefore.map(String.init) ?? "–") → \(scenario.scoreAfter.map(String.init) ?? "–")"
            let jewels = "\(scenario.crownJewelsBefore.count) → \(scenario.crownJewelsAfter.count)"
            let mark = scenario.grew ? "🔴 " : scenario.verdict == "unchanged" ? "" : "🟢 "
            lines.append("| \(cell(scenario.id)) | \(score) | \(jewels) | \(mark)\(escape(scenario.verdict)) |")
        }
        let growing = comparison.scenarios.filter(\.grew)
        if !growing.isEmpty {
            lines += ["", "### Growth", ""]
            for scenario in growing {
                for change in scenario.added + scenario.raised {
                    let what = change.before == nil ? "newly reaches" : "now reaches at \(change.after ?? "") (was \(change.before ?? ""))"
                    lines.append("- \(code(scenario.id)) \(what) \(code(change.id)) (\(change.criticality))")
                    for hop in change.path ?? [] {
                        lines.append("  - \(code(hop.rule)) \(code(hop.from)) → \(code(hop.to)): \(code(hop.why)) (\(code(hop.location)))")
                    }
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Text as an inline code span that no backtick inside can close.
    public static func code(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
        var longest = 0, run = 0
        for character in flat { run = character == "`" ? run + 1 : 0; longest = max(longest, run) }
        let fence = String(repeating: "`", count: longest + 1)
        let pad = flat.hasPrefix("`") || flat.hasSuffix("`") ? " " : ""
        return fence + pad + flat + pad + fence
    }

    /// A code span for a table cell, where a `|` would end the cell even inside the span.
    static func cell(_ text: String) -> String { code(text.replacingOccurrences(of: "|", with: "¦")) }

    /// Keeps user-given names from breaking the table or the markup.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "|": result += "\\|"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "`": result += "'"
            case "\n", "\r": result += " "
            default: result.append(character)
            }
        }
        return result
    }
}
