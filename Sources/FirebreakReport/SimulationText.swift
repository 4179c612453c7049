import FirebreakEngine
import FirebreakModel

/// The text report of `firebreak simulate`: per scenario a summary line, then each crown
/// jewel's path, one hop per line with its rule, reason and source location.
public struct SimulationText {
    let model: PipelineModel
    let results: [BlastRadius]
    let assumptions: [Assumption]
    let style: TerminalStyle

    public init(model: PipelineModel, results: [BlastRadius], assumptions: [Assumption], style: TerminalStyle = .plain) {
        self.model = model
        self.results = results
        self.assumptions = assumptions
        self.style = style
    }

    public var text: String {
        var lines = [style.bold("\(model.name) (\(model.file)): \(results.count) scenario\(results.count == 1 ? "" : "s")"), ""]
        for result in results {
            lines += scenarioLines(result)
            lines.append("")
        }
        if !assumptions.isEmpty {
            lines.append(style.bold("assumptions (settle them in the model to sharpen the result):"))
            for assumption in assumptions {
                lines.append("  \(assumption.location): \(assumption.statement)")
                lines.append("    settle: \(assumption.settle)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func scenarioLines(_ result: BlastRadius) -> [String] {
        let jewels = result.crownJewels.count
        let verdict = jewels > 0 ? style.red("\(jewels) crown jewel\(jewels == 1 ? "" : "s") reached") : style.green("no crown jewel reached")
        var lines = ["\(style.bold(result.scenario.id)) — \(result.scenario.title)",
                     "  score \(result.score), \(verdict); reached \(Self.counts(result))"]
        if result.footholds.isEmpty {
            lines.append("  no foothold: nothing in this model matches the scenario's starting point")
            return lines
        }
        var shown = result.reached.filter(\.crownJewel)
        if shown.isEmpty {
            // No crown jewel: show the paths to the most critical things reached instead.
            shown = Array(result.reached.filter { !$0.foothold }.prefix(3))
            if !shown.isEmpty { lines.append("  most critical reached:") }
        }
        for asset in shown {
            var header = "  \(style.bold(asset.node.description)) (\(asset.criticality.rawValue), \(asset.level.rawValue)"
            header += asset.timeBounded ? ", time-bounded" : ", durable"
            header += ") in \(asset.hops) hop\(asset.hops == 1 ? "" : "s")"
            lines.append(header)
            for caveat in asset.caveats where caveat != Caveat.timeBounded {
                lines.append("    note: \(caveat)")
            }
            for (index, hop) in asset.path.enumerated() {
                let from = hop.from?.description ?? "attacker"
                let level = hop.level == .full ? "" : " (\(hop.level.rawValue))"
                lines.append("    \(index). [\(hop.rule)] \(from) -> \(hop.capability.rawValue) \(hop.to)\(level): \(hop.why)  (\(hop.location))")
            }
        }
        return lines
    }

    /// "3 secrets, 2 identities, ..." in a fixed kind order.
    static func counts(_ result: BlastRadius) -> String {
        let counts = result.countsByKind
        let parts = NodeKind.allCases.compactMap { kind -> String? in
            guard let count = counts[kind], count > 0 else { return nil }
            return "\(count) \(plural(kind, count))"
        }
        return parts.isEmpty ? "nothing" : parts.joined(separator: ", ")
    }

    static func plural(_ kind: NodeKind, _ count: Int) -> String {
        let name = kind.rawValue
        guard count != 1 else { return name }
        if name.hasSuffix("y") { return name.dropLast() + "ies" }
        return name.hasSuffix("ch") ? name + "es" : name + "s"
    }
}
