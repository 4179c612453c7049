import FirebreakReport

/// A growth a team accepted, with the reason printed on every run.
struct Allowance: Equatable {
    var scenario: String?
    var asset: String
    var reason: String

    /// Parses `ID=REASON` or `SCENARIO/ID=REASON`.
    init?(parsing text: String) {
        guard let equals = text.firstIndex(of: "=") else { return nil }
        let target = String(text[..<equals]), reason = String(text[text.index(after: equals)...])
        guard !target.isEmpty, !reason.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        if let slash = target.firstIndex(of: "/"), !target[..<slash].contains(":") {
            scenario = String(target[..<slash])
            asset = String(target[target.index(after: slash)...])
        } else {
            scenario = nil
            asset = target
        }
        self.reason = reason
    }

    func matches(scenario id: String, asset: String) -> Bool {
        (scenario == nil || scenario == id) && self.asset == asset
    }

    /// Removes accepted growth from the comparison; returns a line per acceptance and per unused allowance.
    static func apply(_ allowances: [Allowance], to comparison: inout ReportComparison) -> (notes: [String], unused: [Allowance]) {
        var notes: [String] = []
        var used = Set<Int>()
        for index in comparison.scenarios.indices {
            let id = comparison.scenarios[index].id
            func keep(_ change: ScenarioComparison.Change) -> Bool {
                guard let match = allowances.firstIndex(where: { $0.matches(scenario: id, asset: change.id) }) else { return true }
                used.insert(match)
                notes.append("allowed: \(id) reaches \(change.id) (\(change.after ?? "")): \(allowances[match].reason)")
                return false
            }
            comparison.scenarios[index].added = comparison.scenarios[index].added.filter(keep)
            comparison.scenarios[index].raised = comparison.scenarios[index].raised.filter(keep)
        }
        let unused = allowances.indices.filter { !used.contains($0) }.map { allowances[$0] }
        notes += unused.map { "warning: --allow '\($0.scenario.map { "\($0)/" } ?? "")\($0.asset)' matched no growth; remove it" }
        return (notes, unused)
    }
}
