import FirebreakEngine
import FirebreakModel

/// Where no scenario reaches a crown jewel, what an all-clear still rests on: the secrets and
/// resources rated high (a secret whose use is unknown counts so) that the worst such scenario
/// reaches, to settle before trusting the verdict. A token of the pipeline's own is counted in
/// the table instead.
struct HighlyRated {
    /// The scenario, and what it reaches rated high, secrets first, each kind by id.
    let scenario: String
    let assets: [NodeID]

    /// The first of `ranked` (worst first) that reaches any, nil when none does.
    init?(_ ranked: [BlastRadius]) {
        let high = { (result: BlastRadius) in
            result.reached.filter { !$0.foothold && $0.criticality >= .high && [.secret, .resource].contains($0.node.kind) }.map(\.node)
        }
        guard let worst = ranked.first(where: { !$0.footholds.isEmpty && !high($0).isEmpty }) else { return nil }
        scenario = worst.scenario.id
        assets = high(worst).sorted { ($0.kind == .secret ? 0 : 1, $0) < ($1.kind == .secret ? 0 : 1, $1) }
    }

    /// "1 secret", "3 secrets and resources".
    var noun: String {
        let kinds = Set(assets.map(\.kind))
        if kinds.count == 2 { return "secrets and resources" }
        return (kinds.contains(.secret) ? "secret" : "resource") + (assets.count == 1 ? "" : "s")
    }

    var settle: String { "settle what \(assets.count == 1 ? "it opens" : "they open")" }
}
