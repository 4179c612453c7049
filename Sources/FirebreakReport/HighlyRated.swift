import FirebreakEngine
import FirebreakModel

/// Where no scenario reaches a crown jewel, what an all-clear still rests on: the secrets and
/// resources rated high (a secret whose use is unknown counts so), and write access to the
/// repository rated high (no release job was found to make it a crown jewel), that the scenario
/// reaching the most of them reaches, to settle before trusting the verdict. A token of the
/// pipeline's own is counted in the table instead.
struct HighlyRated {
    /// The scenario, and what it reaches rated high: secrets, then resources, then the repository, each kind by id.
    let scenario: String
    let assets: [NodeID]
    /// What most of their paths rest on, and how many do, when they rest on assumptions (`SimulationText.chiefAssumption`).
    let chief: (statement: String, count: Int)?

    private static let kinds: [NodeKind] = [.secret, .resource, .repository]

    /// The scenario of `ranked` (worst first) that reaches the most, the earlier of as many; nil
    /// when none reaches any.
    init?(_ ranked: [BlastRadius]) {
        let high = { (result: BlastRadius) in
            result.reached.filter { !$0.foothold && $0.criticality >= .high && Self.kinds.contains($0.node.kind) }.map(\.node)
        }
        let reaching = ranked.filter { !$0.footholds.isEmpty }.map { (result: $0, assets: high($0)) }.filter { !$0.assets.isEmpty }
        guard let first = reaching.first else { return nil }
        let worst = reaching.dropFirst().reduce(first) { $1.assets.count > $0.assets.count ? $1 : $0 }
        scenario = worst.result.scenario.id
        let counted = Set(worst.assets)
        chief = SimulationText.chiefAssumption(worst.result) { counted.contains($0.node) }
        assets = worst.assets.sorted { (Self.kinds.firstIndex(of: $0.kind)!, $0) < (Self.kinds.firstIndex(of: $1.kind)!, $1) }
    }

    /// What is reached, counted by kind: "1 secret", "2 secrets and write access to the repository".
    var phrase: String {
        func count(_ kind: NodeKind, _ noun: String) -> String? {
            let n = assets.filter { $0.kind == kind }.count
            return n == 0 ? nil : "\(n) \(noun)\(n == 1 ? "" : "s")"
        }
        let parts = [count(.secret, "secret"), count(.resource, "resource"),
                     assets.contains { $0.kind == .repository } ? "write access to the repository" : nil].compactMap { $0 }
        return parts.dropLast().joined(separator: ", ") + (parts.count > 1 ? " and " : "") + parts.last!
    }

    /// "X reaches write access to the repository rated high (this-repository): settle whether ...".
    var sentence: String {
        "\(scenario) reaches \(phrase) rated high (\(SimulationText.namedFew(assets.map(\.name))))" + (resting.isEmpty ? ": " : resting + "; ") + settle
    }

    /// ", resting on an assumption: ..." where their paths do; empty where they do not.
    var resting: String {
        chief.map { chief in
            (chief.count == assets.count ? ", resting on an assumption: " : ", \(chief.count) of them resting on: ") + SimulationText.shortened(chief.statement, to: 150)
        } ?? ""
    }

    var settle: String {
        let repository = assets.contains { $0.kind == .repository }
        let others = assets.filter { $0.kind != .repository }.count
        let opens = others == 0 ? nil : "what \(others == 1 ? "it opens" : "they open")"
        let worth = repository ? "whether others install what the repository releases (then write access to it is a crown jewel)" : nil
        return "settle " + [opens, worth].compactMap { $0 }.joined(separator: " and ")
    }
}
