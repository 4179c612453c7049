import FirebreakModel

/// Every fact derived so far, with its first derivation and its depth.
///
/// Facts are filed by the number of their node (`NodeNumbering`) and capability. A node some
/// fact is about gets one block of cells, one per capability: the levels held as a bit set,
/// and the latest entry filed there, which links to the one filed before it. Entries are kept
/// compact (a large model's scenario derives hundreds of thousands of facts): a fact by node
/// number, its premises in one shared pool, its sentence as UTF-8 in another, its caveats by
/// number in a third.
public struct FactStore: Sendable {
    private let numbering: NodeNumbering
    /// Nodes the model does not declare (none should reach here), numbered after its own: by
    /// number (less the model's count) and by id.
    private var extraIDs: [NodeID] = []
    private var extraNumbers: [NodeID: Int32] = [:]
    /// Per node number, its block of cells (-1: none yet). Empty until the first fact.
    private var blocks: [Int32] = []
    /// The levels held per cell (`block * cells + ordinal`), one bit per level (bit `Level.rank`).
    private var levels: [UInt8] = []
    /// Per cell, the latest entry filed in it (-1: none).
    private var latest: [Int32] = []
    /// Each fact with its first derivation and depth, in the order derived.
    private var entries: [StoredFact] = []
    /// The premises of every entry, each entry's in one run.
    private var premises: [StoredFact.Premise] = []
    /// The sentences of every entry, UTF-8, each entry's in one run.
    private var sentences: [UInt8] = []
    /// The caveats of every entry, by number in `caveatTexts`, each entry's in one run.
    private var caveatPool: [Int32] = []
    /// Entries per capability ordinal, in the order derived.
    private var byCapability: [[Int32]] = Array(repeating: [], count: Capability.ordered.count)
    /// The rules and the files the entries name, each once, by number.
    private var rules = NameList<UInt16>()
    private var files = NameList<Int32>()
    /// The caveats' texts, numbered as first met.
    private var caveatTexts = NameList<Int32>()
    /// The number of `Caveat.timeBounded`, numbered when the store is made, so that whether a
    /// hop expires is a comparison of numbers.
    private let timeBoundedNumber: Int32

    private static let cells = Capability.ordered.count
    /// Room kept per fact for its sentence, in UTF-8 bytes: most take 40 to 100.
    private static let sentenceBytes = 64

    public init() {
        self.init(numbering: NodeNumbering(), reservingCapacity: 0)
    }

    /// A store for the nodes of `numbering`, with room for about `facts` facts, so that a large
    /// scenario does not grow its tables step by step: a table that grows copies all it holds,
    /// which on a model larger than the processor's cache missed the cache for every byte. The
    /// room is kept as long as the store (a blast radius keeps its store); the system gives it
    /// memory only where it is written, so it counts against an address-space limit
    /// (`ulimit -v`) but not in the resident memory.
    init(numbering: NodeNumbering, reservingCapacity facts: Int) {
        self.numbering = numbering
        timeBoundedNumber = caveatTexts.number(of: Caveat.timeBounded)
        // The cells' index is made with the first fact.
        entries.reserveCapacity(facts)
        premises.reserveCapacity(facts)
        sentences.reserveCapacity(facts * Self.sentenceBytes)
        // A node's block of cells comes with its first fact: at most a block per fact.
        levels.reserveCapacity(facts * Self.cells)
        latest.reserveCapacity(facts * Self.cells)
    }

    /// Records a fact; false if it was already known (a derivation as short with fewer caveats
    /// then replaces the one kept). `originNumber`, when given, is the node number of the first
    /// premise, which the caller already knows.
    @discardableResult
    mutating func insert(_ fact: Fact, _ derivation: Derivation, depth: Int, originNumber: Int32? = nil) -> Bool {
        // Extra nodes are numbered only once the blocks exist, so there are none yet here.
        if blocks.isEmpty { blocks = Array(repeating: -1, count: numbering.count) }
        let number = number(for: fact.node)
        let cell = cellMaking(number, fact.capability)
        if let known = index(in: cell, at: fact.level) {
            // Of two derivations as short, keep the one with fewer qualifications: the path
            // shown is the attacker's plainest.
            if derivation.caveats.count < Int(entries[known].caveatCount), entries[known].depth == depth {
                let node = entries[known].node, previous = entries[known].previous
                entries[known] = stored(fact, node, derivation, depth: depth, previous: previous, originNumber: originNumber)
            }
            return false
        }
        let index = Int32(entries.count)
        entries.append(stored(fact, number, derivation, depth: depth, previous: latest[cell], originNumber: originNumber))
        latest[cell] = index
        levels[cell] |= 1 << fact.level.rank
        byCapability[fact.capability.ordinal].append(index)
        return true
    }

    /// How many facts are known.
    var count: Int { entries.count }

    /// The fact derived `place`-th (from 0), with its depth and its node's number.
    func derived(_ place: Int) -> (fact: Fact, depth: Int, number: Int32) {
        // Field by field, on the fixpoint's hot path: only what the queue needs is read.
        let node = entries[place].node
        return (Fact(entries[place].capability, id(node), entries[place].level), Int(entries[place].depth), node)
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
    public func derivation(of fact: Fact) -> Derivation? { index(of: fact).map(derivation(at:)) }

    /// Hops from a foothold along first premises.
    public func depth(of fact: Fact) -> Int? { index(of: fact).map { Int(entries[$0].depth) } }

    /// The facts from a foothold to `fact` along first premises, the foothold first: the
    /// fewest-hop path into it.
    public func witness(of fact: Fact) -> [Fact] {
        var steps: [Fact] = []
        var current: Fact? = fact
        // Depths strictly fall along first premises; the bound only guards against a broken store.
        var remaining = (depth(of: fact) ?? 0) + 1
        while let step = current, let place = index(of: step), remaining > 0 {
            remaining -= 1
            steps.append(step)
            current = entries[place].premiseCount > 0 ? self.fact(premises[Int(entries[place].premiseStart)]) : nil
        }
        return steps.reversed()
    }

    /// Every fact, sorted.
    public var facts: [Fact] { entries.map { Fact($0.capability, id($0.node), $0.level) }.sorted() }

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
        guard !blocks.isEmpty else { return }
        func visit(_ id: NodeID, _ number: Int, declared: Bool) {
            let block = Int(blocks[number])
            guard block >= 0 else { return }
            let cell = block * Self.cells + Capability.marking(id.kind).ordinal
            guard let level = Self.highest(levels[cell]), let slot = index(in: cell, at: level) else { return }
            body(Marked(fact: Fact(entries[slot].capability, id, level), number: declared ? number : nil,
                        depth: Int(entries[slot].depth), timeBounded: caveatNumbers(of: slot).contains(timeBoundedNumber)))
        }
        for (number, id) in numbering.ids.enumerated() where blocks[number] >= 0 { visit(id, number, declared: true) }
        for id in extraIDs.sorted() { visit(id, Int(extraNumbers[id]!), declared: false) }
    }

    /// Every node some fact is about.
    public var nodes: Set<NodeID> { Set(entries.lazy.map { id($0.node) }) }

    /// Facts with a capability, in the order they were derived.
    public func facts(_ capability: Capability) -> [Fact] {
        byCapability[capability.ordinal].map { Fact(capability, id(entries[Int($0)].node), entries[Int($0)].level) }
    }

    /// Whether a fact is known.
    public func contains(_ fact: Fact) -> Bool { index(of: fact) != nil }

    // MARK: Entries

    /// A derivation in its compact form, its premises and sentence added to the pools.
    private mutating func stored(_ fact: Fact, _ number: Int32, _ derivation: Derivation, depth: Int, previous: Int32,
                                 originNumber: Int32?) -> StoredFact {
        assert(originNumber.map { id($0) == derivation.premises.first?.node } ?? true, "the origin's number is its own")
        let premiseStart = Int32(premises.count)
        for (place, premise) in derivation.premises.enumerated() {
            let node = place == 0 ? originNumber ?? self.number(for: premise.node) : self.number(for: premise.node)
            premises.append(StoredFact.Premise(node: node, capability: premise.capability, level: premise.level))
        }
        let sentenceStart = sentences.count
        sentences.append(contentsOf: derivation.why.utf8)
        let caveatStart = Int32(caveatPool.count)
        for caveat in derivation.caveats { caveatPool.append(caveatTexts.number(of: caveat)) }
        let location = derivation.location
        return StoredFact(node: number, capability: fact.capability, level: fact.level, rule: rules.number(of: derivation.rule),
                          depth: Int32(depth), previous: previous,
                          premiseStart: premiseStart, premiseCount: Int32(derivation.premises.count),
                          file: files.number(of: location.file), line: Int32(clamping: location.line), column: Int32(clamping: location.column),
                          sentenceLength: Int32(sentences.count - sentenceStart), sentenceStart: sentenceStart,
                          caveatStart: caveatStart, caveatCount: Int32(derivation.caveats.count))
    }

    /// An entry's derivation, in full.
    private func derivation(at place: Int) -> Derivation {
        let entry = entries[place]
        let start = Int(entry.premiseStart)
        let sentence = sentences[entry.sentenceStart..<entry.sentenceStart + Int(entry.sentenceLength)]
        let location = SourceLocation(file: files.name(entry.file), line: Int(entry.line), column: Int(entry.column))
        return Derivation(rule: rules.name(entry.rule), premises: premises[start..<start + Int(entry.premiseCount)].map(fact),
                          why: String(decoding: sentence, as: UTF8.self), location: location,
                          caveats: caveatNumbers(of: place).map(caveatTexts.name))
    }

    /// An entry's caveats, by number.
    private func caveatNumbers(of place: Int) -> ArraySlice<Int32> {
        let start = Int(entries[place].caveatStart)
        return caveatPool[start..<start + Int(entries[place].caveatCount)]
    }

    private func fact(_ premise: StoredFact.Premise) -> Fact { Fact(premise.capability, id(premise.node), premise.level) }

    // MARK: Filing

    /// The node of a number.
    private func id(_ number: Int32) -> NodeID {
        let number = Int(number)
        return number < numbering.count ? numbering.ids[number] : extraIDs[number - numbering.count]
    }

    /// Where a fact's entry is; its fields are read in place, not copied out whole.
    private func index(of fact: Fact) -> Int? {
        cell(fact.capability, fact.node).flatMap { index(in: $0, at: fact.level) }
    }

    /// The entry of a cell at a level, following the cell's links.
    private func index(in cell: Int, at level: Level) -> Int? {
        guard levels[cell] & (1 << level.rank) != 0 else { return nil }
        var current = Int(latest[cell])
        while current >= 0 {
            if entries[current].level == level { return current }
            current = Int(entries[current].previous)
        }
        return nil
    }

    /// The cell of a capability on a node, nil when no fact about the node is known.
    private func cell(_ capability: Capability, _ node: NodeID) -> Int? {
        guard !blocks.isEmpty, let number = numbering.number(of: node).map(Int32.init) ?? extraNumbers[node] else { return nil }
        let block = blocks[Int(number)]
        return block < 0 ? nil : Int(block) * Self.cells + capability.ordinal
    }

    /// A node's number, numbering a node the model does not declare.
    private mutating func number(for node: NodeID) -> Int32 {
        if let number = numbering.number(of: node) { return Int32(number) }
        if let number = extraNumbers[node] { return number }
        let number = Int32(numbering.count + extraIDs.count)
        extraIDs.append(node)
        extraNumbers[node] = number
        blocks.append(-1)
        return number
    }

    /// The cell of a capability on a numbered node, giving the node its block of cells first.
    private mutating func cellMaking(_ number: Int32, _ capability: Capability) -> Int {
        var block = blocks[Int(number)]
        if block < 0 {
            block = Int32(levels.count / Self.cells)
            blocks[Int(number)] = block
            levels.append(contentsOf: repeatElement(0, count: Self.cells))
            latest.append(contentsOf: repeatElement(-1, count: Self.cells))
        }
        return Int(block) * Self.cells + capability.ordinal
    }

    /// The highest level in a bit set of levels.
    private static func highest(_ levels: UInt8) -> Level? {
        levels == 0 ? nil : Level.byRank[7 - levels.leadingZeroBitCount]
    }
}
