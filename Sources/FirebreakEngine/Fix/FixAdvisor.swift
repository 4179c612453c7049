import Dispatch
import FirebreakModel

/// Finds the controls that keep crown jewels out of reach, by re-simulation.
///
/// Candidates come from the rules of the hops on the paths that reach a crown jewel (each rule
/// names the model changes that block it). The smallest set is an implicit hitting set: find
/// the smallest set of controls that meets every path seen so far, apply it, simulate again,
/// and add the paths that still reach a crown jewel, until none does. Every control only
/// restricts, so a path seen in a changed model is a path of the original one and the set
/// found is the smallest among the candidates when the search is exact.
public struct FixAdvisor: Sendable {
    public let model: PipelineModel
    public let scenarios: [Scenario]
    public let keeps: [KeepConstraint]
    /// Whether a patch of the input can make a change; the set uses only those.
    private let writable: @Sendable (ModelChange) -> Bool
    private let rules: [String: any Rule]
    private let simulationRules: [any Rule]

    public init(model: PipelineModel, scenarios: [Scenario], keeps: [KeepConstraint] = [],
                writable: @escaping @Sendable (ModelChange) -> Bool = { _ in true }, rules: [any Rule] = RuleCatalogue.all) {
        self.model = model
        self.writable = writable
        self.scenarios = scenarios
        self.keeps = keeps
        simulationRules = rules
        self.rules = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Runs every selected scenario on the model with `changes` applied.
    public func simulate(_ changes: [ModelChange]) -> [BlastRadius] {
        let simulation = Simulation(model: model.applying(changes), rules: simulationRules)
        return scenarios.map(simulation.run)
    }

    public func advise() -> FixAdvice {
        let base = simulate([])
        var found: [ModelChange: (rules: Set<String>, location: SourceLocation)] = [:]
        var paths: [Set<ModelChange>] = []
        var chosen: [ModelChange] = []
        var settled: [String: FixAdvice.Remaining] = [:]
        var exhaustive = true
        var pruned = false
        var results = base
        for _ in 0..<500 {
            var added = false
            let current = model.applying(chosen)
            for result in results {
                for jewel in result.crownJewels {
                    let key = "\(result.scenario.id) \(jewel)"
                    guard settled[key] == nil, let asset = result.asset(jewel) else { continue }
                    var cutters = Set<ModelChange>()
                    for hop in asset.path {
                        for change in controls(for: hop, in: current) {
                            cutters.insert(change)
                            found[change, default: ([], hop.location)].rules.insert(hop.rule)
                        }
                    }
                    // A chosen control that is in place while the path still exists does not cut it.
                    cutters.subtract(chosen)
                    let allowed = cutters.filter { forbidding($0).isEmpty && writable($0) }
                    if allowed.isEmpty {
                        let blockers = Set(cutters.flatMap(forbidding)).sorted()
                        let byHand = cutters.filter { forbidding($0).isEmpty && !writable($0) }.sorted()
                        settled[key] = FixAdvice.Remaining(scenario: result.scenario.id, crownJewel: jewel, path: asset.path,
                                                           blockedBy: blockers, byHand: byHand)
                    } else {
                        paths.append(allowed)
                        added = true
                    }
                }
            }
            if !added { break }
            let universe = Set(paths.flatMap { $0 }).sorted { ($0.narrowsFunction ? 1 : 0, $0) < ($1.narrowsFunction ? 1 : 0, $1) }
            let index = Dictionary(uniqueKeysWithValues: universe.enumerated().map { ($1, $0) })
            let solution = HittingSet(sets: paths.map { Set($0.map { index[$0]! }) }).solve()
            exhaustive = exhaustive && solution.exact
            chosen = solution.elements.map { universe[$0] }
            results = simulate(chosen)
        }
        let candidates = rank(found, base: base)
        // A change can also take a crown jewel away by lowering what it is worth (a secret is
        // critical for what its key opens): drop every change the others make unnecessary,
        // least effective first.
        let order = candidates.map(\.change)
        let goal = Set(reachedJewels(results))
        for change in order.reversed() where chosen.contains(change) {
            let trial = chosen.filter { $0 != change }
            let trialResults = simulate(trial)
            if Set(reachedJewels(trialResults)).isSubset(of: goal) {
                chosen = trial
                results = trialResults
                pruned = true
            }
        }
        let remaining = results.flatMap { result in
            result.crownJewels.compactMap { settled["\(result.scenario.id) \($0)"] }
        }
        return FixAdvice(before: base.map(outcome), after: results.map(outcome), candidates: candidates,
                         minimalSet: candidates.filter { chosen.contains($0.change) },
                         search: !exhaustive ? .greedy : pruned ? .pruned : .exact, remaining: remaining)
    }

    private func reachedJewels(_ results: [BlastRadius]) -> [String] {
        results.flatMap { result in result.crownJewels.map { "\(result.scenario.id) \($0)" } }
    }

    /// The controls that would block a hop: its rule's, or the foothold's.
    func controls(for hop: Hop, in model: PipelineModel) -> [ModelChange] {
        if hop.rule == "foothold" { return FootholdControls.controls(for: hop, in: model) }
        return rules[hop.rule]?.controls(for: hop, in: model) ?? []
    }

    /// The `--keep` constraints a change alone would break.
    func forbidding(_ change: ModelChange) -> [String] {
        guard !keeps.isEmpty else { return [] }
        let changed = model.applying([change])
        return keeps.filter { !$0.holds(in: changed, changes: [change], original: model) }.map(\.description)
    }

    /// Each candidate alone, simulated in parallel, ranked by crown jewels then score removed.
    private func rank(_ found: [ModelChange: (rules: Set<String>, location: SourceLocation)], base: [BlastRadius]) -> [FixCandidate] {
        let changes = found.keys.sorted()
        let before = FixAdvice.total(base.map(outcome))
        let totals = ParallelMap.map(changes) { change in FixAdvice.total(simulate([change]).map(outcome)) }
        return zip(changes, totals).map { change, after in
            FixCandidate(change: change, rules: found[change]!.rules.sorted(), location: found[change]!.location,
                         crownJewelsRemoved: before.crownJewels - after.crownJewels, scoreRemoved: before.score - after.score,
                         forbiddenBy: forbidding(change), writable: writable(change))
        }.sorted {
            ($1.crownJewelsRemoved, $1.scoreRemoved, $0.change.narrowsFunction ? 1 : 0, $0.change)
                < ($0.crownJewelsRemoved, $0.scoreRemoved, $1.change.narrowsFunction ? 1 : 0, $1.change)
        }
    }

    private func outcome(_ result: BlastRadius) -> FixAdvice.Outcome { FixAdvice.Outcome(result) }
}
