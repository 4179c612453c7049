import FirebreakEngine

/// The order scenarios are shown in, worst first: the most crown jewels; of two reaching as
/// many, the one that reaches more of them by its own means (a scenario about a hop, such as a
/// poisoned cache, whose foothold reaches its crown jewels without that hop tells less than one
/// whose story is what happens); then the higher score; then by id.
enum ScenarioRanking {
    /// The results worst first; `jewels` counts a result's crown jewels (the report's own count
    /// unless a caller leaves some out).
    static func worstFirst(_ results: [BlastRadius], jewels: (BlastRadius) -> Int = { $0.crownJewels.count }) -> [BlastRadius] {
        // Each key worked out once: counting a scenario's own crown jewels reads their paths.
        let keyed = results.map { result in
            let count = jewels(result)
            return (result: result, jewels: count, own: min(count, result.crownJewelsThroughMechanism ?? count))
        }
        return keyed.sorted { a, b in
            (a.jewels, a.own, a.result.score, b.result.scenario.id) > (b.jewels, b.own, b.result.score, a.result.scenario.id)
        }.map(\.result)
    }

    /// The worst of `ranked` (worst first) that reaches a crown jewel, as a verdict names it: the
    /// first whose story reaches one, passing over a scenario about a hop none of whose crown
    /// jewels it reaches through that hop (its foothold holds them already: another scenario tells
    /// that story); that one when no other reaches any. Nil when none reaches a crown jewel.
    static func worstReaching(_ ranked: [BlastRadius]) -> BlastRadius? {
        let reaching = ranked.filter { !$0.crownJewels.isEmpty }
        return reaching.first { $0.scenario.through == nil || ($0.crownJewelsThroughMechanism ?? 1) > 0 } ?? reaching.first
    }
}
