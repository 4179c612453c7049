import FirebreakModel

/// Every fact derived so far, with its first derivation and its depth.
///
/// Facts are filed by the number of their node (`NodeNumbering`): the levels held per node and
/// capability are one array of bit sets, and a fact's entry is found by an integer key, so a
/// node's name is hashed once per question however many tables answer it.
public struct FactStore: Sendable {
    private let numbering: NodeNumbering
    /// Nodes the model does not declare (none should reach here), numbered after its own.
    private var extraNumbers: [NodeID: Int] = [:]
    /// The levels held per node number and capability (`number * cells + ordinal`), one bit per
    /// level (bit `Level.rank`).
    private var levels: [UInt8]
    /// A fact's entry by its key (node number, capability and level in one integer).
    private var slots: [Int: Int32] = [:]
    /// Each fact with its first derivation and depth, in the order derived.
    private var entries: [Entry] = []
    /// Entries per capability ordinal, in the order derived.
    private var byCapability: [[Int32]] = Array(repeating: [], count: Capability.ordered.count)

    struct Entry: Sendable {
        var fact: Fact
        var derivation: Derivation
        var depth: Int
    }

    private static let cells = Capability.ordered.count

    public init() {
        self.init(numbering: NodeNumbering(), reservingCapacity: 0)
    }

    /// A store for the nodes of `numbering`, with room for about `facts` facts, so that a large
    /// scenario does not grow its tables step by step.
    init(numbering: NodeNumbering, reservingCapacity facts: Int) {
        self.numbering = numbering
        levels = Array(repeating: 0, count: numbering.count * Self.cells)
        slots.reserveCapacity(facts)
        entries.reserveCapacity(facts)
    }

    /// Records a fact; false if it was already known (a derivation as short with fewer caveats
    /// then replaces the one kept).
    mutating func insert(_ fact: Fact, _ derivation: Derivation, depth: Int) -> Bool {
        let cell = cellNumbering(fact.capability, fact.node)
        let key = cell &* 8 &+ fact.level.rank
        if let known = slots[key] {
            // Of two derivations as short, keep the one with fewer qualifications: the path
            // shown is the attacker's plainest.
            let entry = entries[Int(known)]
            if derivation.caveats.count < entry.derivation.caveats.count, entry.depth == depth { entries[Int(known)].derivation = derivation }
            return false
        }
        let index = Int32(entries.count)
        entries.append(Entry(fact: fact, derivation: derivation, depth: depth))
        slots[key] = index
        levels[cell] |= 1 << fact.level.rank
        byCapability[fact.capability.ordinal].append(index)
        return true
    }

    /// Whether the attacker has the capability on the node at `level` or above.
    public func has(_ capability: Capability, _ node: NodeID, atLeast level: Level = .untrusted) -> Bool {
        best(capability, node).map { $0 >= level } ?? false
    }

    /// The highest level held for a capability on a node.
    public func best(_ capability: Capability, _ node: NodeID) -> Level? {
        guard let cell = cell(capability, node) else { return nil }
        return Self.highest(levels[cell])
    }

    /// The fact at the highest level held, if any.
    public func bestFact(_ capability: Capability, _ node: NodeID) -> Fact? {
        best(capability, node).map { Fact(capability, node, $0) }
    }

    /// How a fact was first derived.
    public func derivation(of fact: Fact) -> Derivation? { entry(of: fact)?.derivation }

    /// Hops from a foothold along first premises.
    public func depth(of fact: Fact) -> Int? { entry(of: fact)?.depth }

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
    public var facts: [Fact] { entries.map(\.fact).sorted() }

    /// A node the attacker holds by its kind's marking capability, at the highest level held.
    struct Marked {
        var fact: Fact
        /// The node's number in the model; nil for a node it does not declare.
        var number: Int?
        var depth: Int
        var derivation: Derivation
    }

    /// Visits every node the attacker holds by its kind's marking capability (`exec` for a job,
    /// `read` for a secret, ...): the model's nodes in id order, then any other in id order.
    func forEachMarked(_ body: (Marked) -> Void) {
        func visit(_ id: NodeID, _ number: Int, declared: Bool) {
            let capability = Capability.marking(id.kind)
            let cell = number * Self.cells + capability.ordinal
            guard let level = Self.highest(levels[cell]), let index = slots[cell &* 8 &+ level.rank] else { return }
            let entry = entries[Int(index)]
            body(Marked(fact: entry.fact, number: declared ? number : nil, depth: entry.depth, derivation: entry.derivation))
        }
        for (number, id) in numbering.ids.enumerated() where levels[number * Self.cells + Capability.marking(id.kind).ordinal] != 0 {
            visit(id, number, declared: true)
        }
        for (id, number) in extraNumbers.sorted(by: { $0.key < $1.key }) { visit(id, number, declared: false) }
    }

    /// Every node some fact is about.
    public var nodes: Set<NodeID> { Set(entries.lazy.map(\.fact.node)) }

    /// Facts with a capability, in the order they were derived.
    public func facts(_ capability: Capability) -> [Fact] {
        byCapability[capability.ordinal].map { entries[Int($0)].fact }
    }

    /// Whether a fact is known.
    public func contains(_ fact: Fact) -> Bool { entry(of: fact) != nil }

    // MARK: Filing

    private func entry(of fact: Fact) -> Entry? {
        guard let cell = cell(fact.capability, fact.node), let index = slots[cell &* 8 &+ fact.level.rank] else { return nil }
        return entries[Int(index)]
    }

    /// The cell of a capability on a node, nil for a node the store has never seen.
    private func cell(_ capability: Capability, _ node: NodeID) -> Int? {
        guard let number = numbering.number(of: node) ?? extraNumbers[node] else { return nil }
        return number * Self.cells + capability.ordinal
    }

    /// The cell of a capability on a node, numbering a node the model does not declare.
    private mutating func cellNumbering(_ capability: Capability, _ node: NodeID) -> Int {
        if let cell = cell(capability, node) { return cell }
        let number = numbering.count + extraNumbers.count
        extraNumbers[node] = number
        levels.append(contentsOf: repeatElement(0, count: Self.cells))
        return number * Self.cells + capability.ordinal
    }

    /// The highest level in a bit set of levels.
    private static func highest(_ levels: UInt8) -> Level? {
        levels == 0 ? nil : Level.byRank[7 - levels.leadingZeroBitCount]
    }
}
