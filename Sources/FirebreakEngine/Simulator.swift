import FirebreakModel

/// The monotone fixpoint: from the footholds, apply the rules until nothing new follows.
///
/// Facts are processed first in, first out, and each new fact is handed only to the rules
/// that listen to its capability; a rule joins it against the facts already known. Facts
/// only accumulate, so the run ends once every fact has been handed on once; the first
/// derivation of each fact is kept, which makes the witness path along first premises a
/// breadth-first (fewest-hop) path.
public struct Simulator: Sendable {
    /// The rules each capability's new facts fire, by capability ordinal.
    private let rulesByCapability: [[any Rule]]

    /// A simulator with the given rules (by default, the whole catalogue).
    public init(rules: [any Rule] = RuleCatalogue.all) {
        var index = Array(repeating: [any Rule](), count: Capability.ordered.count)
        for rule in rules {
            for capability in type(of: rule).firedBy.sorted() { index[capability.ordinal].append(rule) }
        }
        rulesByCapability = index
    }

    /// Runs the fixpoint from the footholds and returns every fact derived.
    public func run(_ graph: AttackGraph, footholds: [Conclusion]) -> FactStore {
        // A scenario that starts on a large model reaches a good share of it: room for a fact
        // per node (the largest synthetic scenario derives one for every other node, and a
        // table that outgrows its room copies it all). One that cannot start needs none.
        var store = FactStore(numbering: graph.numbering, reservingCapacity: footholds.isEmpty ? 0 : graph.numbering.count)
        for foothold in footholds { store.insert(foothold.fact, foothold.derivation, depth: 0) }
        // The store keeps facts in the order first derived: it is the queue, first in, first out.
        var head = 0
        while head < store.count {
            let (fact, depth, number) = store.derived(head)
            head += 1
            for rule in rulesByCapability[fact.capability.ordinal] {
                for conclusion in rule.conclusions(from: fact, numbered: Int(number), in: graph, known: store) {
                    // Most hops start from the fact that fired the rule, whose depth and node number are known.
                    let nodeNumber = conclusion.number.map(Int32.init)
                    if let origin = conclusion.derivation.origin, origin == fact {
                        store.insert(conclusion.fact, conclusion.derivation, depth: depth + 1, originNumber: number, nodeNumber: nodeNumber)
                    } else {
                        let origin = conclusion.derivation.origin.flatMap { store.depth(of: $0) } ?? 0
                        store.insert(conclusion.fact, conclusion.derivation, depth: origin + 1, nodeNumber: nodeNumber)
                    }
                }
            }
        }
        return store
    }
}
