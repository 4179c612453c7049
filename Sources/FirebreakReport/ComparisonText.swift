/// `firebreak compare` and `firebreak gate` as text, readable in 80 columns.
public struct ComparisonText {
    let comparison: ReportComparison
    let style: TerminalStyle

    public init(_ comparison: ReportComparison, style: TerminalStyle = .plain) {
        self.comparison = comparison
        self.style = style
    }

    public var text: String {
        var lines = ["before: \(comparison.before)", "after:  \(comparison.after)", ""]
        for scenario in comparison.scenarios {
            let score = "score \(scenario.scoreBefore.map(String.init) ?? "-") -> \(scenario.scoreAfter.map(String.init) ?? "-")"
            let jewels = "crown jewels \(scenario.crownJewelsBefore.count) -> \(scenario.crownJewelsAfter.count)"
            lines.append(style.bold(scenario.id))
            lines.append("  \(score), \(jewels)")
            let verdict = scenario.grew ? style.red(scenario.verdict) : scenario.verdict == "unchanged" ? scenario.verdict : style.green(scenario.verdict)
            lines.append("  \(verdict)")
            for change in scenario.added {
                lines.append("  + \(change.id) (\(change.criticality), \(change.after ?? "")) newly reached")
                lines += Self.path(change.path ?? [])
            }
            for change in scenario.raised {
                lines.append("  ^ \(change.id) now \(change.after ?? ""), was \(change.before ?? "")")
                lines += Self.path(change.path ?? [])
            }
            for change in scenario.removed {
                lines.append("  - \(change.id) (\(change.criticality)) no longer reached")
                lines += Self.cut(change.cut, changedBy: change.changedBy)
            }
            for change in scenario.lowered {
                lines.append("  v \(change.id) now \(change.after ?? ""), was \(change.before ?? "")")
                lines += Self.cut(change.cut, changedBy: change.changedBy)
            }
            lines.append("")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A path, one hop per line, with its reason and location on the next line.
    static func path(_ hops: [SimulationReport.HopEntry]) -> [String] {
        hops.enumerated().flatMap { index, hop in
            ["      \(index). [\(hop.rule)] \(hop.from) -> \(hop.to)", "         \(hop.why) (\(hop.location))"]
        }
    }

    /// The hop of the old path that no longer holds.
    static func cut(_ hop: SimulationReport.HopEntry?, changedBy: [String]?) -> [String] {
        guard let hop else { return [] }
        return ["      cut at [\(hop.rule)] \(hop.from) -> \(hop.to)", "         (\(hop.location))"]
            + (changedBy ?? []).prefix(4).map { "         by: \($0)" }
    }
}
