import FirebreakEngine

/// Several models' results side by side: one row per scenario, score and crown jewels per model.
public struct ComparisonTable {
    let columns: [(name: String, results: [BlastRadius])]

    public init(columns: [(name: String, results: [BlastRadius])]) {
        self.columns = columns
    }

    public var text: String {
        let ids = Array(Set(columns.flatMap { $0.results.map(\.scenario.id) })).sorted()
        let idWidth = max(8, ids.map(\.count).max() ?? 0)
        func cell(_ result: BlastRadius?) -> String {
            guard let result else { return "-" }
            return "\(result.score) / \(result.crownJewels.count)"
        }
        let widths = columns.map { column in
            max(column.name.count, column.results.map { cell($0).count }.max() ?? 0)
        }
        func row(_ first: String, _ cells: [String]) -> String {
            ([first.padding(toLength: idWidth, withPad: " ", startingAt: 0)]
                + zip(cells, widths).map { String(repeating: " ", count: $1 - $0.count) + $0 }).joined(separator: "  ")
        }
        var lines = [row("scenario", columns.map(\.name)),
                     row(String(repeating: "-", count: idWidth), widths.map { String(repeating: "-", count: $0) })]
        for id in ids {
            lines.append(row(id, columns.map { column in cell(column.results.first { $0.scenario.id == id }) }))
        }
        lines.append("")
        lines.append("each cell: blast-radius score / crown jewels reached")
        return lines.joined(separator: "\n") + "\n"
    }
}
