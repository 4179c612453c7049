import FirebreakModel

/// Every fact derived so far, with its first derivation and its depth.
///
/// Facts are filed by the number of their node (`NodeNumbering`) and capability, in cells: the
/// levels held are one array of bit sets, and a cell leads to its entries through one array of
/// indexes, so a node's name is hashed once per question and nothing else is.
public struct FactStore: Sendable {
    private let numbering: NodeNumbering
    /// Nodes the model does not declare (none should reach here), numbered after its own.
    private var extraNumbers: [NodeID: Int] = [:]
    /// The levels held per node number and capability (`number * cells + ordinal`), one bit per
    /// level (bit `Level.rank`).
    private var levels: [UInt8]
    /// Per cell, the latest entry filed in it (-1: none); an entry links to the one filed in the
    /// same cell before it (one per level held, rarely more than one).
    private var latest: [Int32]
    /// Each fact with its first derivation and depth, in the order derived.
    private var entries: [Entry] = []
    /// Entries per capability ordinal, in the order derived.
    private var byCapability: [[Int32]] = Array(repeating: [], count: Capability.ordered.count)

    struct Entry: Sendable {
        var fact: Fact
        var derivation: Derivation
        var depth: Int
        /// The entry filed in the same cell before this one, -1 for none.
        var previous: Int32
    }

    private static let cells = Capability.ordered.count

    public init() {
        self.init(numbering: NodeNumbering(), reservingCapacity: 0)
    }

    /// A store for the nodes of `numbering`, with room for about `facts` facts, so that a large
    /// scenario does not grow its tables step by step.
    init(numbering: NodeNumbering, reservingCapacity facts: Int) {
        self.numbering = numbering
        // The cells are made with the first fact: a scenario that cannot start keeps none.
        levels = []
        latest = []
        entries.reserveCapacity(facts)
    }

    /// Records a fact; false if it was already known (a derivation as short with fewer caveats
    /// then replaces the one kept).
    @discardableResult
    mutating func insert(_ fact: Fact, _ derivation: Derivation, depth: Int) -> Bool {
        if levels.isEmpty {
            levels = Array(repeating: 0, count: (numbering.count + extraNumbers.count) * Self.cells)
            latest = Array(repeating: -1, count: levels.count)
        }
        let cell = cellNumbering(fact.capability, fact.node)
        if let known = index(in: cell, at: fact.level) {
            // Of two derivations as short, keep the one with fewer qualifications: the path
            // shown is the attacker's plainest.
            if derivation.caveats.count < entries[known].derivation.caveats.count, entries[known].depth == depth {
                entries[known].derivation = derivation
            }
            return false
        }
        let index = Int32(entries.count)
        entries.append(Entry(fact: fact, derivation: derivation, depth: depth, previous: latest[cell]))
        latest[cell] = index
        levels[cell] |= 1 << fact.level.rank
        byCapability[fact.capability.ordinal].append(index)
        return true
    }

    /// How many facts are known.
    var count: Int { entries.count }

    /// The fact derived `place`-th (from 0), with its depth.
    func derived(_ place: Int) -> (fact: Fact, depth: Int) { (entries[place].fact, entries[place].depth) }

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
    public func derivation(of fact: Fact) -> Derivation? { index(of: fact).map { entries[$0].derivation } }

    /// Hops from a foothold along first premises.
    public func depth(of fact: Fact) -> Int? { index(of: fact).map { entries[$0].depth } }

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
        /// Whether the hop into it expires (`Caveat.timeBounded`).
        var timeBounded: Bool
    }

    /// Visits every node the attacker holds by its kind's marking capability (`exec` for a job,
    /// `read` for a secret, ...): the model's nodes in id order, then any other in id order.
    func forEachMarked(_ body: (Marked) -> Void) {
        guard !levels.isEmpty else { return }
        func visit(_ id: NodeID, _ number: Int, declared: Bool) {
            let capability = Capability.marking(id.kind)
            let cell = number * Self.cells + capability.ordinal
            guard let level = Self.highest(levels[cell]), let slot = index(in: cell, at: level) else { return }
            body(Marked(fact: entries[slot].fact, number: declared ? number : nil, depth: entries[slot].depth,
                        timeBounded: entries[slot].derivation.caveats.contains(Caveat.timeBounded)))
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
    public func contains(_ fact: Fact) -> Bool { index(of: fact) != nil }

    // MARK: Filing

    /// Where a fact's entry is; its fields are read in place, not copied out whole.
    private func index(of fact: Fact) -> Int? {
        cell(fact.capability, fact.node).flatMap { index(in: $0, at: fact.level) }
    }

    /// The entry of a cell at a level, following the cell's links.
    private func index(in cell: Int, at level: Level) -> Int? {
        guard levels[cell] & (1 << level.rank) != 0 else { return nil }
        var current = Int(latest[cell])
        while current >= 0 {
            if entries[current].fact.level == level { return current }
            current = Int(entries[current].previous)
        }
        return nil
    }

    /// The cell of a capability on a node, nil for a node the store has never seen (or when it
    /// holds no fact yet).
    private func cell(_ capability: Capability, _ node: NodeID) -> Int? {
        guard !levels.isEmpty, let number = numbering.number(of: node) ?? extraNumbers[node] else { return nil }
        return number * Self.cells + capability.ordinal
    }

    /// The cell of a capability on a node, numbering a node the model does not declare.
    private mutating func cellNumbering(_ capability: Capability, _ node: NodeID) -> Int {
        if let cell = cell(capability, node) { return cell }
        let number = numbering.count + extraNumbers.count
        extraNumbers[node] = number
        levels.append(contentsOf: repeatElement(0, count: Self.cells))
        latest.append(contentsOf: repeatElement(-1, count: Self.cells))
        return number * Self.cells + capability.ordinal
    }

    /// The highest level in a bit set of levels.
    private static func highest(_ levels: UInt8) -> Level? {
        levels == 0 ? nil : Level.byRank[7 - levels.leadingZeroBitCount]
    }
}
