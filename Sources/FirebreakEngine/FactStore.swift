import FirebreakModel

/// Every fact derived so far, with its first derivation and its depth, indexed by node.
public struct FactStore: Sendable {
    private(set) var derivations: [Fact: Derivation] = [:]
    private(set) var depths: [Fact: Int] = [:]
    private var levelsByKey: [Key: [Level]] = [:]
    private var byCapability: [Capability: [Fact]] = [:]

    struct Key: Hashable, Sendable {
        var capability: Capability
        var node: NodeID
    }

    public init() {}

    /// Records a fact; false if it was already known (a derivation as short with fewer caveats
    /// then replaces the one kept).
    mutating func insert(_ fact: Fact, _ derivation: Derivation, depth: Int) -> Bool {
        if let known = derivations[fact] {
            // Of two derivations as short, keep the one with fewer qualifications: the path
            // shown is the attacker's plainest.
            if derivation.caveats.count < known.caveats.count, depths[fact] == depth { derivations[fact] = derivation }
            return false
        }
        derivations[fact] = derivation
        depths[fact] = depth
        levelsByKey[Key(capability: fact.capability, node: fact.node), default: []].append(fact.level)
        byCapability[fact.capability, default: []].append(fact)
        return true
    }

    /// Whether the attacker has the capability on the node at `level` or above.
    public func has(_ capability: Capability, _ node: NodeID, atLeast level: Level = .untrusted) -> Bool {
        best(capability, node).map { $0 >= level } ?? false
    }

    /// The highest level held for a capability on a node.
    public func best(_ capability: Capability, _ node: NodeID) -> Level? {
        levelsByKey[Key(capability: capability, node: node)]?.max()
    }

    /// The fact at the highest level held, if any.
    public func bestFact(_ capability: Capability, _ node: NodeID) -> Fact? {
        best(capability, node).map { Fact(capability, node, $0) }
    }

    /// How a fact was first derived.
    public func derivation(of fact: Fact) -> Derivation? { derivations[fact] }

    /// Hops from a foothold along first premises.
    public func depth(of fact: Fact) -> Int? { depths[fact] }

    /// Every fact, sorted.
    public var facts: [Fact] { derivations.keys.sorted() }

    /// Facts with a capability, in the order they were derived.
    public func facts(_ capability: Capability) -> [Fact] {
        byCapability[capability] ?? []
    }

    /// Whether a fact is known.
    public func contains(_ fact: Fact) -> Bool { derivations[fact] != nil }
}
