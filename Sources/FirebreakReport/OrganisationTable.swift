/// Many repositories' verdicts as one ranked table, worst first: the first lines say how many
/// reach a crown jewel and which could not be read completely.
public struct OrganisationTable {
    let folder: String
    let verdicts: [RepositoryVerdict]
    let style: TerminalStyle

    public init(folder: String, verdicts: [RepositoryVerdict], style: TerminalStyle = .plain) {
        self.folder = folder
        self.verdicts = RepositoryVerdict.ranked(verdicts)
        self.style = style
    }

    public var text: String {
        let reaching = verdicts.filter { !$0.crownJewels.isEmpty }.count
        let incomplete = verdicts.filter { $0.failure != nil || !$0.problems.isEmpty }.count
        let summary = "\(verdicts.count) repositor\(verdicts.count == 1 ? "y" : "ies") under \(folder): "
            + "\(reaching) reach\(reaching == 1 ? "es" : "") a crown jewel in some scenario"
        var lines = [style.bold(summary)]
        if incomplete > 0 { lines.append("\(incomplete) could not be read completely: marked !, their errors are above") }
        lines.append("")
        let rank = String(verdicts.count).count
        let nameWidth = max(10, verdicts.map { label($0).count }.max() ?? 0)
        let scenarioWidth = max(14, verdicts.compactMap { $0.worst?.scenario.count }.max() ?? 0)
        func pad(_ text: String, _ width: Int) -> String { text.padding(toLength: width, withPad: " ", startingAt: 0) }
        func right(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - text.count)) + text }
        lines.append(style.bold(right("#", rank) + "  " + pad("repository", nameWidth) + "  crown jewels  " + pad("worst scenario", scenarioWidth)
            + "  its score  secrets"))
        for (index, verdict) in verdicts.enumerated() {
            var row = right(String(index + 1), rank) + "  " + pad(label(verdict), nameWidth) + "  "
            if let failure = verdict.failure {
                row += "not analysed: " + failure.split(separator: "\n").first.map(String.init)!
            } else {
                row += right(String(verdict.crownJewels.count), 12) + "  " + pad(verdict.worst?.scenario ?? "-", scenarioWidth)
                    + "  " + right(String(verdict.worst?.score ?? 0), 9) + "  " + right(String(verdict.secrets), 7)
            }
            lines.append(verdict.crownJewels.isEmpty ? row : style.red(row))
        }
        lines.append("")
        lines.append("crown jewels: those any scenario reaches, once each (a job's own token counts as the repository it writes,")
        lines.append("a secret as the credential it stores); worst scenario: the one reaching the most, its score beside it;")
        lines.append("secrets: those any scenario reads.")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The repository's name, its folder when that says something else, and ! when incomplete.
    func label(_ verdict: RepositoryVerdict) -> String {
        let folderName = verdict.path.split(separator: "/").last.map(String.init) ?? verdict.path
        var text = verdict.name == verdict.path || verdict.name == folderName ? verdict.path : "\(verdict.name) (\(verdict.path))"
        if verdict.failure != nil || !verdict.problems.isEmpty { text += " !" }
        return text
    }
}
