import FirebreakModel

/// Every fact derived so far, with its depth and the derivation kept for it: the first, unless as
/// short a one with fewer caveats came later.
///
/// Facts are filed by the number of their node (`NodeNumbering`): each node with a fact has
/// the latest one filed about it, which links to the one before (a node holds a few, one per
/// capability and level). Entries are kept compact (a large model's scenario derives hundreds
/// of thousands of facts): a fact by node number in 16 bytes, and apart from it, in the same
/// order, its derivation, whose premises, sentence (UTF-8) and caveats (by number) sit in
/// shared pools. The fixpoint and the lookups read only the facts, so that a large scenario's
/// working set stays in the processor's cache.
public struct FactStore: Sendable {
    private let numbering: NodeNumbering
    /// Nodes the model does not declare (none should reach here), numbered after its own: by
    /// number (less the model's count) and by id.
    private var extraIDs: [NodeID] = []
    private var extraNumbers: [NodeID: Int32] = [:]
    /// Per node number, the latest entry about the node (-1: none yet). Empty until the first fact.
    private var heads: [Int32] = []
    /// Each fact with its depth, its caveat count and the link to its node's previous fact, in
    /// the order derived.
    private var entries: [StoredFact] = []
    /// Each entry's kept derivation, at the entry's place.
    private var derivations: [StoredDerivation] = []
    /// The premises of every entry, each entry's in one run.
    private var premises: [StoredDerivation.Premise] = []
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
        // The heads are made with the first fact.
        entries.reserveCapacity(facts)
        derivations.reserveCapacity(facts)
        premises.reserveCapacity(facts)
        sentences.reserveCapacity(facts * Self.sentenceBytes)
    }

    /// Records a fact; false if it was already known (a derivation as short with fewer caveats
    /// then replaces the one kept). `originNumber`, when given, is the node number of the first
    /// premise, and `nodeNumber` the fact's node's, which the caller already knows.
    @discardableResult
    mutating func insert(_ fact: Fact, _ derivation: Derivation, depth: Int, originNumber: Int32? = nil, nodeNumber: Int32? = nil) -> Bool {
        // Extra nodes are numbered only once the heads exist, so there are none yet here.
        if heads.isEmpty { heads = Array(repeating: -1, count: numbering.count) }
        assert(nodeNumber.map { numbering.number(of: fact.node) == Int($0) } ?? true, "a node's number is its own")
        let number = nodeNumber ?? number(for: fact.node)
        if let known = index(number, fact.capability, fact.level) {
            // Of two derivations as short, keep the one with fewer qualifications: the path
            // shown is the attacker's plainest.
            if entries[known].depth == depth, derivation.caveats.count < caveatCount(of: known) {
                entries[known].caveats = UInt16(clamping: derivation.caveats.count)
                derivations[known] = stored(derivation, originNumber: originNumber)
            }
            return false
        }
        let index = Int32(entries.count)
        entries.append(StoredFact(node: number, previous: heads[Int(number)], depth: Int32(depth), capability: fact.capability,
                                  level: fact.level, caveats: UInt16(clamping: derivation.caveats.count)))
        derivations.append(stored(derivation, originNumber: originNumber))
        heads[Int(number)] = index
        byCapability[fact.capability.ordinal].append(index)
        return true
    }

    /// How many facts are known.
    var count: Int { entries.count }

    /// The fact derived `place`-th (from 0), with its depth and its node's number.
    func derived(_ place: Int) -> (fact: Fact, depth: Int, number: Int32) {
        let entry = entries[place]
        return (Fact(entry.capability, node(numbered: entry.node), entry.level), Int(entry.depth), entry.node)
    }

    /// Whether the attacker has the capability on the node at `level` or above.
    public func has(_ capability: Capability, _ node: NodeID, atLeast level: Level = .untrusted) -> Bool {
        best(capability, node).map { $0 >= level } ?? false
    }

    /// The highest level held for a capability on a node.
    public func best(_ capability: Capability, _ node: NodeID) -> Level? {
        knownNumber(of: node).flatMap { highest(capability, of: $0) }.map { entries[$0].level }
    }

    /// The fact at the highest level held, if any.
    public func bestFact(_ capability: Capability, _ node: NodeID) -> Fact? {
        best(capability, node).map { Fact(capability, node, $0) }
    }

    /// The derivation kept for a fact: the first, unless as short a one with fewer caveats came later.
    public func derivation(of fact: Fact) -> Derivation? { index(of: fact).map(derivation(at:)) }

    /// The rule of the derivation kept for a fact, without the rest of it.
    func rule(of fact: Fact) -> String? { index(of: fact).map { rules.name(derivations[$0].rule) } }

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
            let stored = derivations[place]
            current = stored.premiseCount > 0 ? self.fact(premises[Int(stored.premiseStart)]) : nil
        }
        return steps.reversed()
    }

    /// Every fact, sorted.
    public var facts: [Fact] { entries.map { Fact($0.capability, node(numbered: $0.node), $0.level) }.sorted() }

    /// A node the attacker holds by its kind's marking capability, at the highest level held:
    /// by number, so that visiting every one reads no node's name.
    struct Marked {
        /// The node's number in the store (`node(numbered:)`).
        var storeNumber: Int32
        var kind: NodeKind
        var capability: Capability
        var level: Level
        /// Whether the model declares the node (its store number is then its number in the model).
        var declared: Bool
        var depth: Int
        /// Whether the hop into it expires (`Caveat.timeBounded`).
        var timeBounded: Bool

        /// The node's number in the model; nil for a node it does not declare.
        var number: Int? { declared ? Int(storeNumber) : nil }
    }

    /// Visits every node the attacker holds by its kind's marking capability (`exec` for a job,
    /// `read` for a secret, ...): the model's nodes in id order, then any other in id order.
    func forEachMarked(_ body: (Marked) -> Void) {
        guard !heads.isEmpty else { return }
        func visit(_ kind: NodeKind, _ number: Int32, declared: Bool) {
            guard let slot = highest(Capability.marking(kind), of: number) else { return }
            let entry = entries[slot]
            body(Marked(storeNumber: number, kind: kind, capability: entry.capability, level: entry.level, declared: declared,
                        depth: Int(entry.depth), timeBounded: entry.caveats > 0 && caveatNumbers(of: slot).contains(timeBoundedNumber)))
        }
        for number in 0..<numbering.count where heads[number] >= 0 { visit(numbering.kind(of: number), Int32(number), declared: true) }
        for id in extraIDs.sorted() { visit(id.kind, extraNumbers[id]!, declared: false) }
    }

    /// The fact a visit of `forEachMarked` is about.
    func fact(of marked: Marked) -> Fact { Fact(marked.capability, node(numbered: marked.storeNumber), marked.level) }

    /// Every node some fact is about.
    public var nodes: Set<NodeID> { Set(entries.lazy.map { node(numbered: $0.node) }) }

    /// Facts with a capability, in the order they were derived.
    public func facts(_ capability: Capability) -> [Fact] {
        byCapability[capability.ordinal].map { Fact(capability, node(numbered: entries[Int($0)].node), entries[Int($0)].level) }
    }

    /// Whether a fact is known.
    public func contains(_ fact: Fact) -> Bool { index(of: fact) != nil }

    /// Whether a conclusion of `fact` whose derivation carries `caveats` caveats would change
    /// nothing: the fact is known, with a derivation of no more caveats (a later derivation
    /// replaces the kept one only when it is as short and carries fewer). A rule whose
    /// conclusions mostly repeat known facts asks first and spares writing them.
    func keeps(_ fact: Fact, withCaveatsAtMost caveats: Int) -> Bool {
        knownNumber(of: fact.node).map { keeps(fact.capability, numbered: Int($0), fact.level, withCaveatsAtMost: caveats) } ?? false
    }

    /// `keeps(_:withCaveatsAtMost:)` for a fact about the numbered node.
    func keeps(_ capability: Capability, numbered number: Int, _ level: Level, withCaveatsAtMost caveats: Int) -> Bool {
        guard number < heads.count else { return false }
        return index(Int32(number), capability, level).map { caveatCount(of: $0) <= caveats } ?? false
    }

    // MARK: Derivations

    /// A derivation in its compact form, its premises, sentence and caveats added to the pools.
    private mutating func stored(_ derivation: Derivation, originNumber: Int32?) -> StoredDerivation {
        assert(originNumber.map { node(numbered: $0) == derivation.premises.first?.node } ?? true, "the origin's number is its own")
        let premiseStart = Int32(premises.count)
        for (place, premise) in derivation.premises.enumerated() {
            let node = place == 0 ? originNumber ?? self.number(for: premise.node) : self.number(for: premise.node)
            premises.append(StoredDerivation.Premise(node: node, capability: premise.capability, level: premise.level))
        }
        let sentenceStart = sentences.count
        sentences.append(contentsOf: derivation.why.utf8)
        let caveatStart = Int32(caveatPool.count)
        for caveat in derivation.caveats { caveatPool.append(caveatTexts.number(of: caveat)) }
        let location = derivation.location
        return StoredDerivation(rule: rules.number(of: derivation.rule),
                                premiseStart: premiseStart, premiseCount: Int32(derivation.premises.count),
                                file: files.number(of: location.file), line: Int32(clamping: location.line),
                                column: Int32(clamping: location.column),
                                sentenceLength: Int32(sentences.count - sentenceStart), sentenceStart: sentenceStart,
                                caveatStart: caveatStart, caveatCount: Int32(derivation.caveats.count))
    }

    /// An entry's derivation, in full.
    private func derivation(at place: Int) -> Derivation {
        let stored = derivations[place]
        let start = Int(stored.premiseStart)
        let sentence = sentences[stored.sentenceStart..<stored.sentenceStart + Int(stored.sentenceLength)]
        let location = SourceLocation(file: files.name(stored.file), line: Int(stored.line), column: Int(stored.column))
        return Derivation(rule: rules.name(stored.rule), premises: premises[start..<start + Int(stored.premiseCount)].map(fact),
                          why: String(decoding: sentence, as: UTF8.self), location: location,
                          caveats: caveatNumbers(of: place).map(caveatTexts.name))
    }

    /// How many caveats an entry's derivation carries: the fact's own count, unless it saturated.
    private func caveatCount(of place: Int) -> Int {
        entries[place].caveats < UInt16.max ? Int(entries[place].caveats) : Int(derivations[place].caveatCount)
    }

    /// An entry's caveats, by number.
    private func caveatNumbers(of place: Int) -> ArraySlice<Int32> {
        let start = Int(derivations[place].caveatStart)
        return caveatPool[start..<start + Int(derivations[place].caveatCount)]
    }

    private func fact(_ premise: StoredDerivation.Premise) -> Fact { Fact(premise.capability, node(numbered: premise.node), premise.level) }

    // MARK: Filing

    /// The node of a number in the store: the model's numbering, then the nodes it does not declare.
    func node(numbered number: Int32) -> NodeID {
        let number = Int(number)
        return number < numbering.count ? numbering.id(number) : extraIDs[number - numbering.count]
    }

    /// Where a fact's entry is.
    private func index(of fact: Fact) -> Int? {
        knownNumber(of: fact.node).flatMap { index($0, fact.capability, fact.level) }
    }

    /// The entry of a capability at a level on a numbered node, following the node's chain.
    private func index(_ number: Int32, _ capability: Capability, _ level: Level) -> Int? {
        var current = Int(heads[Int(number)])
        while current >= 0 {
            if entries[current].capability == capability, entries[current].level == level { return current }
            current = Int(entries[current].previous)
        }
        return nil
    }

    /// The entry of a capability on a numbered node at the highest level held.
    private func highest(_ capability: Capability, of number: Int32) -> Int? {
        var highest: Int?
        var current = Int(heads[Int(number)])
        while current >= 0 {
            if entries[current].capability == capability, highest.map({ entries[current].level > entries[$0].level }) ?? true {
                highest = current
            }
            current = Int(entries[current].previous)
        }
        return highest
    }

    /// A node's number, nil when no fact about the node is known yet.
    private func knownNumber(of node: NodeID) -> Int32? {
        guard !heads.isEmpty else { return nil }
        return numbering.number(of: node).map(Int32.init) ?? extraNumbers[node]
    }

    /// A node's number, numbering a node the model does not declare.
    private mutating func number(for node: NodeID) -> Int32 {
        if let number = numbering.number(of: node) { return Int32(number) }
        if let number = extraNumbers[node] { return number }
        let number = Int32(numbering.count + extraIDs.count)
        extraIDs.append(node)
        extraNumbers[node] = number
        heads.append(-1)
        return number
    }
}
