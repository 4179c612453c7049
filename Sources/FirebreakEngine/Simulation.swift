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
        // Most critical first, then by id. The nodes come sorted by id: a first pass counts
        // each criticality's nodes, and the second files each asset straight into its place
        // in its group. (Growing a list per criticality and joining them copied every asset
        // twice, which on a model larger than the processor's cache missed it for every byte.)
        var counts = Array(repeating: 0, count: Criticality.allCases.count)
        var carried = Set<Int32>()
        let held = heldFromTheStart(footholds)
        store.forEachMarked { marked in
            let weighed = weigh(marked, in: store)
            counts[weighed.criticality.rank] += 1
            if let identity = carriedCrownJewel(marked, weighed) { carried.insert(identity) }
        }
        var next = counts
        var total = 0
        for rank in counts.indices.reversed() {
            next[rank] = total
            total += counts[rank]
        }
        let starts = next
        var score = 0
        let trails = WitnessTrails(in: store)
        let reached = [ReachedAsset](unsafeUninitializedCapacity: total) { buffer, initialized in
            store.forEachMarked { marked in
                let weighed = weigh(marked, in: store)
                let rank = weighed.criticality.rank
                // A credential's secret and the identity it stores are one crown jewel: the secret's,
                // unless the attacker held the credential from the start.
                let jewel = weighed.crownJewel && !(marked.kind == .identity && carried.contains(marked.storeNumber))
                    && !storesACredentialHeld(marked, held)
                // Both passes visit the same nodes, so a group never outgrows its count.
                precondition(next[rank] < starts[rank] + counts[rank], "more reached assets than counted")
                score += weighed.criticality.weight
                buffer.initializeElement(at: next[rank], to: ReachedAsset(
                    numbered: marked.storeNumber, capability: marked.capability, level: marked.level, criticality: weighed.criticality,
                    crownJewel: jewel, foothold: marked.depth == 0,
                    timeBounded: marked.timeBounded, hops: marked.depth,
                    trails: trails))
                next[rank] += 1
            }
            // ... and each group is filled to its end.
            precondition(zip(next, zip(starts, counts)).allSatisfy { $0 == $1.0 + $1.1 }, "a group of reached assets left unfilled")
            initialized = total
        }
        var places: [Fact: [SourceLocation]] = [:]
        places.reserveCapacity(footholds.count)
        for foothold in footholds { places[foothold.fact, default: []].append(foothold.derivation.location) }
        return BlastRadius(scenario: scenario, footholds: Self.sortedOnce(footholds.map(\.fact)), footholdPlaces: places, reached: reached, score: score,
                           crownJewels: reached.filter { $0.crownJewel && !$0.foothold }.map(\.node).sorted(), facts: store)
    }

    /// A scenario's crown jewels (footholds left out) and score, without the paths: what a
    /// what-if needs, at a fraction of the cost.
    public func outcome(_ scenario: Scenario) -> (crownJewels: [NodeID], score: Int) {
        let (footholds, store) = play(scenario)
        let starts = Set(footholds.map(\.fact))
        let held = heldFromTheStart(footholds)
        var score = 0
        var jewels: [(node: NodeID, identity: Int32?)] = []
        var carried = Set<Int32>()
        store.forEachMarked { marked in
            let weighed = weigh(marked, in: store)
            score += weighed.criticality.weight
            if let identity = carriedCrownJewel(marked, weighed) { carried.insert(identity) }
            guard weighed.crownJewel, !storesACredentialHeld(marked, held) else { return }
            let fact = store.fact(of: marked)
            if !starts.contains(fact) { jewels.append((fact.node, marked.kind == .identity ? marked.storeNumber : nil)) }
        }
        // Identities come before secrets in id order: the ones a reached secret stores are left out at the end.
        return (jewels.filter { $0.identity.map { !carried.contains($0) } ?? true }.map(\.node), score)
    }

    /// The facts, each once, sorted. A scenario's footholds mostly come so (one selector's
    /// matches, in order of name): checked in one pass, where sorting tens of thousands again
    /// compared names scattered over a large model's memory.
    static func sortedOnce(_ facts: [Fact]) -> [Fact] {
        zip(facts, facts.dropFirst()).allSatisfy { $0 < $1 } ? facts : Set(facts).sorted()
    }

    /// For a crown-jewel secret reached beyond the footholds, the number of the identity whose
    /// credential it stores: reaching the secret is holding the identity, one crown jewel.
    private func carriedCrownJewel(_ marked: FactStore.Marked, _ weighed: (criticality: Criticality, crownJewel: Bool)) -> Int32? {
        guard marked.kind == .secret, weighed.crownJewel, marked.depth > 0, let number = marked.number,
              let carried = graph.identity(carriedBySecretNumbered: number) else { return nil }
        return Int32(carried.number)
    }

    /// The numbers of the identities the scenario starts holding (a leaked token).
    private func heldFromTheStart(_ footholds: [Conclusion]) -> Set<Int32> {
        Set(footholds.compactMap { foothold in
            foothold.fact.capability == .hold ? graph.numbering.number(of: foothold.fact.node).map(Int32.init) : nil
        })
    }

    /// Whether a marked secret stores the credential of an identity the attacker held from the
    /// start: reading it again is no new crown jewel (the leaked token found where it is kept).
    private func storesACredentialHeld(_ marked: FactStore.Marked, _ held: Set<Int32>) -> Bool {
        guard !held.isEmpty, marked.kind == .secret, let number = marked.number,
              let carried = graph.identity(carriedBySecretNumbered: number) else { return false }
        return held.contains(Int32(carried.number))
    }

    /// The scenario's footholds and every fact that follows from them.
    private func play(_ scenario: Scenario) -> (footholds: [Conclusion], store: FactStore) {
        let footholds = FootholdResolver(graph: graph).footholds(for: scenario)
        return (footholds, simulator.run(graph, footholds: footholds))
    }

    /// What reaching a marked node is worth.
    /// Reading a repository is not what makes it critical (writing it is): anyone reads a
    /// public repository, and reading a private one leaks its code, which counts as medium.
    private func weigh(_ marked: FactStore.Marked, in store: FactStore) -> (criticality: Criticality, crownJewel: Bool) {
        if marked.kind == .repository, marked.level <= .read { return (graph.model.repository.visibility == .public ? .low : .medium, false) }
        let summary = graph.summary(of: store.node(numbered: marked.storeNumber), number: marked.number)
        return (summary.criticality, summary.crownJewel)
    }
}
