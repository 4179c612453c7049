import FirebreakModel

/// Plays scenarios against one model.
public struct Simulation: Sendable {
    public let graph: AttackGraph
    private let simulator: Simulator

    /// Prepares a model: indexes it once for every scenario.
    public init(model: PipelineModel, rules: [any Rule] = RuleCatalogue.all) {
        graph = AttackGraph(model)
        simulator = Simulator(rules: rules)
    }

    /// The model's assumptions and those the simulation adds, sorted.
    public var assumptions: [Assumption] { (graph.model.assumptions + graph.assumptions).sorted() }

    /// Runs several scenarios at once, on every core; the results keep the scenarios' order.
    public func run(_ scenarios: [Scenario]) -> [BlastRadius] {
        ParallelMap.map(scenarios) { run($0) }
    }

    /// Runs one scenario and measures its blast radius.
    public func run(_ scenario: Scenario) -> BlastRadius {
        let (footholds, store) = play(scenario)
        var reached: [ReachedAsset] = []
        for (node, best, summary) in bestFacts(in: store) {
            let depth = store.depth(of: best) ?? 0
            let weighed = weigh(node, at: best.level, summary)
            reached.append(ReachedAsset(
                node: node, capability: best.capability, level: best.level, criticality: weighed.criticality,
                crownJewel: weighed.crownJewel, foothold: depth == 0,
                timeBounded: store.derivation(of: best)?.caveats.contains(Caveat.timeBounded) ?? false, hops: depth,
                trail: WitnessTrail(to: best, in: store)))
        }
        // Most critical first, then by id: the nodes come sorted by id, so grouping them by
        // criticality keeps that order within each group without comparing names again.
        reached = Criticality.allCases.sorted(by: >).flatMap { level in reached.filter { $0.criticality == level } }
        return BlastRadius(scenario: scenario, footholds: footholds.map(\.fact).sorted(), reached: reached,
                           score: reached.reduce(0) { $0 + $1.criticality.weight },
                           crownJewels: reached.filter { $0.crownJewel && !$0.foothold }.map(\.node).sorted(), facts: store)
    }

    /// A scenario's crown jewels (footholds left out) and score, without the paths: what a
    /// what-if needs, at a fraction of the cost.
    public func outcome(_ scenario: Scenario) -> (crownJewels: [NodeID], score: Int) {
        let (footholds, store) = play(scenario)
        let starts = Set(footholds.map(\.fact))
        var score = 0
        var jewels: [NodeID] = []
        for (node, best, summary) in bestFacts(in: store) {
            let weighed = weigh(node, at: best.level, summary)
            score += weighed.criticality.weight
            if weighed.crownJewel, !starts.contains(best) { jewels.append(node) }
        }
        return (jewels, score)
    }

    /// The scenario's footholds and every fact that follows from them.
    private func play(_ scenario: Scenario) -> (footholds: [Conclusion], store: FactStore) {
        let footholds = FootholdResolver(graph: graph).footholds(for: scenario)
        return (footholds, simulator.run(graph, footholds: footholds))
    }

    /// What reaching a node at a level is worth. Reading a repository is not what makes it
    /// critical (writing it is): anyone reads a public repository, and reading a private one
    /// leaks its code, which counts as medium.
    private func weigh(_ node: NodeID, at level: Level, _ summary: NodeNumbering.Summary) -> (criticality: Criticality, crownJewel: Bool) {
        guard node.kind == .repository, level <= .read else { return (summary.criticality, summary.crownJewel) }
        return (graph.model.repository.visibility == .public ? .low : .medium, false)
    }

    /// Each node reached (by its kind's marking capability; a start alone is not), in id order,
    /// with the fact that marks it at its highest level and what the graph knows of it.
    private func bestFacts(in store: FactStore) -> [(node: NodeID, best: Fact, summary: NodeNumbering.Summary)] {
        var marked: [(node: NodeID, best: Fact, summary: NodeNumbering.Summary)] = []
        store.forEachMarked { node, level, number in
            marked.append((node, Fact(Capability.marking(node.kind), node, level), graph.summary(of: node, number: number)))
        }
        return marked
    }
}
