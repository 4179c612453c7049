import FirebreakModel

/// Every fact derived so far, with its first derivation and its depth, indexed by node.
public struct FactStore: Sendable {
    /// Each fact's first derivation and its depth, in one table: one lookup per question.
    private var entries: [Fact: Entry] = [:]
    /// The levels held per capability and node, one bit per level (bit `Level.rank`).
    private var levelsByKey: [Key: UInt8] = [:]
    private var byCapability: [Capability: [Fact]] = [:]

    struct Entry: Sendable {
        var derivation: Derivation
        var depth: Int
    }

    struct Key: Hashable, Sendable {
        var capability: Capability
        var node: NodeID
    }

    public init() {}

    /// A store with room for about `facts` facts, so that a large scenario does not grow its
    /// tables step by step.
    init(reservingCapacity facts: Int) {
        entries.reserveCapacity(facts)
        levelsByKey.reserveCapacity(facts)
    }

    /// Records a fact; false if it was already known (a derivation as short with fewer caveats
    /// then replaces the one kept).
    mutating func insert(_ fact: Fact, _ derivation: Derivation, depth: Int) -> Bool {
        if let known = entries[fact] {
            // Of two derivations as short, keep the one with fewer qualifications: the path
            // shown is the attacker's plainest.
            if derivation.caveats.count < known.derivation.caveats.count, known.depth == depth { entries[fact]?.derivation = derivation }
            return false
        }
        entries[fact] = Entry(derivation: derivation, depth: depth)
        levelsByKey[Key(capability: fact.capability, node: fact.node), default: 0] |= 1 << fact.level.rank
        byCapability[fact.capability, default: []].append(fact)
        return true
    }

    /// Whether the attacker has the capability on the node at `level` or above.
    public func has(_ capability: Capability, _ node: NodeID, atLeast level: Level = .untrusted) -> Bool {
        best(capability, node).map { $0 >= level } ?? false
    }

    /// The highest level held for a capability on a node.
    public func best(_ capability: Capability, _ node: NodeID) -> Level? {
        guard let levels = levelsByKey[Key(capability: capability, node: node)], levels != 0 else { return nil }
        let highest = 7 - levels.leadingZeroBitCount
        return Level.byRank[highest]
    }

    /// The fact at the highest level held, if any.
    public func bestFact(_ capability: Capability, _ node: NodeID) -> Fact? {
        best(capability, node).map { Fact(capability, node, $0) }
    }

    /// How a fact was first derived.
    public func derivation(of fact: Fact) -> Derivation? { entries[fact]?.derivation }

    /// Hops from a foothold along first premises.
    public func depth(of fact: Fact) -> Int? { entries[fact]?.depth }

    /// The facts from a foothold to `fact` along first premises, the foothold first: the
    /// fewest-hop path into it.
    public func witness(of fact: Fact) -> [Fact] {
        var steps: [Fact] = []
        var current: Fact? = fact
        // Depths strictly fall along first premises; the bound only guards against a broken store.
        var remaining = (depth(of: fact) ?? 0) + 1
        while let step = current, let derivation = derivation(of: step), remaining > 0 {
            remaining -= 1
            steps.append(step)
            current = derivation.origin
        }
        return steps.reversed()
    }

    /// Every fact, sorted.
    public var facts: [Fact] { entries.keys.sorted() }

    /// Visits every node the attacker holds by its kind's marking capability (`exec` for a job,
    /// `read` for a secret, ...), with the highest level held, in no particular order.
    func forEachMarked(_ body: (NodeID, Level) -> Void) {
        for (key, levels) in levelsByKey where levels != 0 && key.capability == Capability.marking(key.node.kind) {
            body(key.node, Level.byRank[7 - levels.leadingZeroBitCount])
        }
    }

    /// Every node some fact is about.
    public var nodes: Set<NodeID> { Set(entries.keys.lazy.map(\.node)) }

    /// Facts with a capability, in the order they were derived.
    public func facts(_ capability: Capability) -> [Fact] {
        byCapability[capability] ?? []
    }

    /// Whether a fact is known.
    public func contains(_ fact: Fact) -> Bool { entries[fact] != nil }
}
