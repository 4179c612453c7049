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
    /// The model the input's files give once a set is written into them (nil: the changes
    /// applied to the model). For a repository, the set is judged on what its patched files
    /// import as, so that the patch gives exactly what is predicted.
    private let written: (@Sendable ([ModelChange]) -> PipelineModel?)?
    private let rules: [String: any Rule]
    private let simulationRules: [any Rule]

    public init(model: PipelineModel, scenarios: [Scenario], keeps: [KeepConstraint] = [],
                writable: @escaping @Sendable (ModelChange) -> Bool = { _ in true },
                written: (@Sendable ([ModelChange]) -> PipelineModel?)? = nil, rules: [any Rule] = RuleCatalogue.all) {
        self.model = model
        self.writable = writable
        self.written = written
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

    /// The model a set gives as written into the input, and every scenario played on it.
    func judge(_ changes: [ModelChange]) -> (model: PipelineModel, results: [BlastRadius]) {
        let changed = changes.isEmpty ? model : (written?(changes) ?? model.applying(changes))
        let simulation = Simulation(model: changed, rules: simulationRules)
        return (changed, scenarios.map(simulation.run))
    }

    /// What the scenarios reach with `changes` applied, re-running only the scenarios whose
    /// facts the changes can alter: a rule reads a node's attributes only while handling a
    /// fact about that node or one of its neighbours, so a scenario whose facts touch neither
    /// the changed nodes nor their neighbours runs exactly as before. A changed repository
    /// (which every outsider rule reads) or new reviewers (whom the insider scenarios may now
    /// start from) re-run everything.
    public func outcomes(_ changes: [ModelChange], base: Baseline) -> [FixAdvice.Outcome] {
        let changed = model.applying(changes)
        let nodes = changed.nodesChanged(from: model)
        if nodes.isEmpty { return base.outcomes }
        // A relation a change adds lives in a node it changed: the changed nodes cover it.
        var affected = nodes
        for node in nodes { affected.formUnion(base.neighbours[node] ?? []) }
        let everything = nodes.contains(model.repository.id) || changes.contains { $0.kind == .requireReviewers }
        var simulation: Simulation?
        return scenarios.indices.map { index in
            guard everything || !base.touched[index].isDisjoint(with: affected) else { return base.outcomes[index] }
            if simulation == nil { simulation = Simulation(model: changed, rules: simulationRules) }
            let result = simulation!.outcome(scenarios[index])
            return FixAdvice.Outcome(scenario: scenarios[index].id, crownJewels: result.crownJewels, score: result.score)
        }
    }

    /// The unchanged model's results, kept to answer what-ifs: each scenario's outcome and the
    /// nodes its facts are about, and the model's neighbours.
    public struct Baseline: Sendable {
        public var outcomes: [FixAdvice.Outcome]
        var touched: [Set<NodeID>]
        var neighbours: [NodeID: Set<NodeID>]
    }

    public func baseline(_ results: [BlastRadius]) -> Baseline {
        Baseline(outcomes: results.map(FixAdvice.Outcome.init),
                 touched: results.map(\.facts.nodes), neighbours: model.neighbours)
    }

    /// What a change costs in the search: one that takes access away from a legitimate run
    /// counts as four, so that up to four changes that take nothing away are preferred to it.
    static func weight(_ change: ModelChange) -> Int { change.narrowsFunction ? 4 : 1 }

    /// Rounds of exhaustive search before the set only grows.
    static let exhaustiveIterations = 12
    static let iterations = 500

    public func advise() -> FixAdvice {
        let base = simulate([])
        var found: [ModelChange: (rules: Set<String>, location: SourceLocation)] = [:]
        var paths: [Set<ModelChange>] = []
        var chosen: [ModelChange] = []
        var settled: [String: FixAdvice.Remaining] = [:]
        var exhaustive = true
        var pruned = false
        var results = base
        var current = model
        var verdicts: [ModelChange: Verdict] = [:]
        func verdict(_ change: ModelChange) -> Verdict {
            if let known = verdicts[change] { return known }
            let answer = Verdict(forbiddenBy: forbidding(change), neededBy: needs(change), writable: writable(change))
            verdicts[change] = answer
            return answer
        }
        for iteration in 0..<Self.iterations {
            var added = false
            var fresh: [Set<ModelChange>] = []
            for result in results {
                for jewel in result.crownJewels {
                    let key = "\(result.scenario.id) \(jewel)"
                    guard settled[key] == nil, let asset = result.asset(jewel) else { continue }
                    var cutters = Set<ModelChange>()
                    for hop in asset.path {
                        for change in controls(for: hop, in: current) {
                            cutters.insert(change)
                            found[change, default: ([], Self.place(of: change, hop: hop, in: current))].rules.insert(hop.rule)
                        }
                    }
                    // A chosen control that is in place while the path still exists does not cut it.
                    cutters.subtract(chosen)
                    let allowed = cutters.filter { verdict($0).allowed }
                    if allowed.isEmpty {
                        let blockers = Set(cutters.flatMap { verdict($0).forbiddenBy }).sorted()
                        let byHand = cutters.filter { verdict($0).forbiddenBy.isEmpty && verdict($0).neededBy.isEmpty && !verdict($0).writable }.sorted()
                        let needed = cutters.filter { verdict($0).forbiddenBy.isEmpty && !verdict($0).neededBy.isEmpty }.sorted()
                        settled[key] = FixAdvice.Remaining(scenario: result.scenario.id, crownJewel: jewel, path: asset.path,
                                                           blockedBy: blockers, byHand: byHand, needed: needed,
                                                           neededBy: Array(Set(needed.flatMap { verdict($0).neededBy })).sorted())
                    } else {
                        paths.append(allowed)
                        fresh.append(allowed)
                        added = true
                    }
                }
            }
            if !added { break }
            if iteration >= Self.exhaustiveIterations {
                // Many rounds without settling: keep what is chosen and cover the new paths greedily.
                exhaustive = false
                chosen += Self.lightestSet(meeting: fresh, preferring: Set(fresh.flatMap { $0 }).sorted(), budget: 0).changes
            } else {
                // Changes that take no access away first; among them earlier choices, so that the
                // search keeps them when it can and the rounds settle.
                let order = Set(paths.flatMap { $0 }).sorted {
                    ($0.narrowsFunction ? 1 : 0, chosen.contains($0) ? 0 : 1, $0) < ($1.narrowsFunction ? 1 : 0, chosen.contains($1) ? 0 : 1, $1)
                }
                let solution = Self.lightestSet(meeting: paths, preferring: order)
                exhaustive = exhaustive && solution.exact
                chosen = solution.changes
            }
            (current, results) = judge(chosen)
        }
        let baseline = baseline(base)
        let candidates = rank(found, base: baseline, verdict: verdict)
        // A change can also take a crown jewel away by lowering what it is worth (a secret is
        // critical for what its key opens): drop every change the others make unnecessary,
        // least effective first.
        let goal = Set(reachedJewels(results.map(FixAdvice.Outcome.init)))
        @Sendable func needless(_ change: ModelChange, from set: [ModelChange]) -> Bool {
            Set(reachedJewels(outcomes(set.filter { $0 != change }, base: baseline))).isSubset(of: goal)
        }
        // Which changes could go, each tried in parallel; then drop them one by one, least
        // effective first, checking each time (two may be needless only one at a time).
        let unpruned = chosen
        let droppable = Set(zip(unpruned, ParallelMap.map(unpruned) { needless($0, from: unpruned) }).filter(\.1).map(\.0))
        for change in candidates.map(\.change).reversed() where droppable.contains(change) && needless(change, from: chosen) {
            chosen.removeAll { $0 == change }
            pruned = true
        }
        if pruned {
            let judged = judge(chosen).results
            // Judged as written, the smaller set may reach more than the model predicted: keep the larger one.
            if Set(reachedJewels(judged.map(FixAdvice.Outcome.init))).isSubset(of: goal) {
                results = judged
            } else {
                chosen = unpruned
                pruned = false
            }
        }
        let remaining = results.flatMap { result in
            result.crownJewels.compactMap { settled["\(result.scenario.id) \($0)"] }
        }
        return FixAdvice(before: base.map(FixAdvice.Outcome.init), played: base, after: results.map(FixAdvice.Outcome.init), candidates: candidates,
                         minimalSet: candidates.filter { chosen.contains($0.change) },
                         search: !exhaustive ? .greedy : pruned ? .pruned : .exact, remaining: remaining)
    }

    /// The lightest set of changes meeting every set, ties broken by `order` (earlier first).
    private static func lightestSet(meeting sets: [Set<ModelChange>], preferring order: [ModelChange],
                                    budget: Int = HittingSet.defaultBudget) -> (changes: [ModelChange], exact: Bool) {
        let index = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        let weights = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($0.offset, weight($0.element)) })
        let solution = HittingSet(sets: sets.map { Set($0.map { index[$0]! }) }, weights: weights, budget: budget).solve()
        return (solution.elements.map { order[$0] }, solution.exact)
    }

    private func reachedJewels(_ outcomes: [FixAdvice.Outcome]) -> [String] {
        outcomes.flatMap { outcome in outcome.crownJewels.map { "\(outcome.scenario) \($0)" } }
    }

    /// The controls that would block a hop: its rule's, or the foothold's.
    func controls(for hop: Hop, in model: PipelineModel) -> [ModelChange] {
        if hop.rule == "foothold" { return FootholdControls.controls(for: hop, in: model) }
        return rules[hop.rule]?.controls(for: hop, in: model) ?? []
    }

    /// What the search knows of a change: the `--keep` constraints it breaks, what a job's own
    /// steps do with the access it takes away, and whether a patch can write it.
    struct Verdict {
        var forbiddenBy: [String]
        var neededBy: [String]
        var writable: Bool

        /// Whether the set may hold it.
        var allowed: Bool { forbiddenBy.isEmpty && neededBy.isEmpty && writable }
    }

    /// What a job's own steps do with the access a change would take away, as the input shows
    /// it: a read-only token for a job that pushes or publishes with it breaks the job.
    func needs(_ change: ModelChange) -> [String] {
        guard change.kind == .readOnlyToken, let job = model.jobs[change.subject.name] else { return [] }
        // A called workflow's job is one per caller, and the patch edits the one they share: what
        // any of them writes is needed.
        let sharing = model.jobs.values.filter { $0.location == job.location }
        return Array(Set(sharing.flatMap { sharer in
            sharer.tokenUses.map { "job '\(sharer.name)' writes \($0.scope) with its token: \($0.what) (\($0.location))" }
        })).sorted()
    }

    /// The `--keep` constraints a change alone would break.
    func forbidding(_ change: ModelChange) -> [String] {
        guard !keeps.isEmpty else { return [] }
        let changed = model.applying([change])
        return keeps.filter { !$0.holds(in: changed, changes: [change], original: model) }.map(\.description)
    }

    /// Each candidate alone, simulated in parallel, ranked by crown jewels then score removed.
    /// Where a change is made: a setting of a branch, a runner pool, an environment or the fork
    /// policy at that node's declaration (the hop's own line may be an actor's); anything else
    /// where the hop that the change cuts was stated.
    static func place(of change: ModelChange, hop: Hop, in model: PipelineModel) -> SourceLocation {
        switch change.kind {
        case .protectBranch: model.branches[change.subject.name]?.location ?? hop.location
        case .ephemeralRunner, .protectRunner: model.runners[change.subject.name]?.location ?? hop.location
        case .requireReviewers, .preventSelfReview, .restrictEnvironment: model.environments[change.subject.name]?.location ?? hop.location
        case .requireForkApproval, .protectTags: model.repository.location
        default: hop.location
        }
    }

    private func rank(_ found: [ModelChange: (rules: Set<String>, location: SourceLocation)], base: Baseline,
                      verdict: (ModelChange) -> Verdict) -> [FixCandidate] {
        let changes = found.keys.sorted()
        let before = FixAdvice.total(base.outcomes)
        let totals = ParallelMap.map(changes) { change in FixAdvice.total(outcomes([change], base: base)) }
        return zip(changes, totals).map { change, after in
            FixCandidate(change: change, rules: found[change]!.rules.sorted(), location: found[change]!.location,
                         crownJewelsRemoved: before.crownJewels - after.crownJewels, scoreRemoved: before.score - after.score,
                         forbiddenBy: verdict(change).forbiddenBy, neededBy: verdict(change).neededBy, writable: verdict(change).writable)
        }.sorted {
            ($1.crownJewelsRemoved, $1.scoreRemoved, $0.change.narrowsFunction ? 1 : 0, $0.change)
                < ($0.crownJewelsRemoved, $0.scoreRemoved, $1.change.narrowsFunction ? 1 : 0, $1.change)
        }
    }
}
