import Foundation
import FirebreakEngine
import FirebreakModel

/// The text report of `firebreak simulate`, verdict first: a table of every scenario ranked by
/// crown jewels then score, then per scenario the secrets it reaches and each crown jewel's
/// path, one hop per line with its rule, reason and source location (relative to the input
/// folder), and last the assumptions.
public struct SimulationText {
    let model: PipelineModel
    let results: [BlastRadius]
    let assumptions: [Assumption]
    let style: TerminalStyle
    /// How many assumptions to list (all when nil); the rest are counted.
    let assumptionLimit: Int?

    public init(model: PipelineModel, results: [BlastRadius], assumptions: [Assumption], style: TerminalStyle = .plain,
                assumptionLimit: Int? = nil) {
        self.model = model
        self.results = results
        self.assumptions = assumptions
        self.style = style
        self.assumptionLimit = assumptionLimit
    }

    public var text: String {
        var lines = [style.bold("\(model.name) (\(model.file)): \(results.count) scenario\(results.count == 1 ? "" : "s")"), ""]
        if results.count > 1 { lines += verdictTable() + [""] }
        for result in results {
            lines += scenarioLines(result)
            lines.append("")
        }
        if !assumptions.isEmpty {
            let listed = assumptionLimit.map { Array(assumptions.prefix($0)) } ?? assumptions
            lines.append(style.bold("\(assumptions.count) assumption\(assumptions.count == 1 ? "" : "s") (settle them in the model to sharpen the result):"))
            for assumption in listed {
                lines.append("  \(relative(assumption.location)): \(assumption.statement)")
                lines.append("    settle: \(assumption.settle)")
            }
            if listed.count < assumptions.count {
                lines.append("  ... and \(assumptions.count - listed.count) more (--assumptions lists them all)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One line per scenario, the worst first: crown jewels, score, secrets and identities reached.
    func verdictTable() -> [String] {
        let ranked = results.sorted { ($0.crownJewels.count, $0.score, $1.scenario.id) > ($1.crownJewels.count, $1.score, $0.scenario.id) }
        let width = max(8, ranked.map(\.scenario.id.count).max() ?? 0)
        var lines = [style.bold("scenario".padding(toLength: width, withPad: " ", startingAt: 0) + "  crown jewels  score  secrets  identities")]
        for result in ranked {
            let counts = result.countsByKind
            let jewels = result.footholds.isEmpty ? "n/a" : "\(result.crownJewels.count)"
            let row = result.scenario.id.padding(toLength: width, withPad: " ", startingAt: 0)
                + "  " + jewels.padding(toLength: 12, withPad: " ", startingAt: 0)
                + "  " + String(result.score).padding(toLength: 5, withPad: " ", startingAt: 0)
                + "  " + String(counts[.secret] ?? 0).padding(toLength: 7, withPad: " ", startingAt: 0)
                + "  " + String(counts[.identity] ?? 0)
            lines.append(result.crownJewels.isEmpty ? row : style.red(row))
        }
        return lines
    }

    /// A location as the reader finds it: relative to the input folder.
    func relative(_ location: SourceLocation) -> String {
        let text = location.description
        let prefix = model.file.hasSuffix("/") ? model.file : model.file + "/"
        return text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text
    }

    func scenarioLines(_ result: BlastRadius) -> [String] {
        let jewels = result.crownJewels.count
        let verdict = jewels > 0 ? style.red("\(jewels) crown jewel\(jewels == 1 ? "" : "s") reached") : style.green("no crown jewel reached")
        var lines = ["\(style.bold(result.scenario.id)) — \(result.scenario.title)",
                     "  score \(result.score), \(verdict); reached \(Self.counts(result))"]
        if result.footholds.isEmpty {
            let wanted = result.scenario.footholds.map(\.summary).joined(separator: "; or ")
            lines.append("  not applicable: this model has no \(wanted)")
            return lines
        }
        let secrets = result.reached.filter { $0.node.kind == .secret }.map(\.node.name)
        if !secrets.isEmpty {
            let listed = secrets.prefix(12).joined(separator: ", ")
            lines.append("  secrets reached: \(listed)\(secrets.count > 12 ? " and \(secrets.count - 12) more" : "")")
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
                lines.append("    \(index). [\(hop.rule)] \(from) -> \(hop.capability.rawValue) \(hop.to)\(level): \(hop.why)  (\(relative(hop.location)))")
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
