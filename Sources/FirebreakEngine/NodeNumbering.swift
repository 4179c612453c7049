import FirebreakModel

/// A model's nodes numbered in id order, with what a report needs of each (its criticality and
/// whether it is a crown jewel), worked out once for every scenario: the simulation's tables are
/// arrays indexed by number instead of dictionaries keyed by name, and walking the numbers
/// visits the nodes sorted.
final class NodeNumbering: Sendable {
    /// What a report needs of a node.
    struct Summary: Sendable {
        let criticality: Criticality
        let crownJewel: Bool
    }

    /// Each kind's names, sorted, by `NodeKind.ordinal`: the sorted names' own arrays, shared
    /// rather than copied into one (a copy retained every name on a model's making and
    /// released it on its end, each a name cold in memory). A node's number is its kind's first
    /// number plus its place here; the kinds are numbered end to end in `NodeKind` order.
    private let namesByOrdinal: [[String]]
    /// Each kind that has nodes, in the order numbered, with the number after its last node.
    private let kindEnds: [(kind: NodeKind, end: Int)]
    /// Each kind's numbers, by `NodeKind.ordinal`.
    private let ranges: [Range<Int>]
    let summaries: [Summary]
    /// Numbers by name, one table per kind (by `NodeKind.ordinal`).
    private let numbers: [NumberTable]

    /// Numbers the model's nodes: ids sort by kind first, so each kind's sorted names are laid
    /// end to end. Each kind's table is made on its own core.
    init(_ model: PipelineModel, sortedNames: SortedNames) {
        let kinds = NodeKind.allCases.sorted()
        let names = kinds.map { sortedNames[$0] }
        let offsets = names.reduce(into: [0]) { offsets, group in offsets.append(offsets.last! + group.count) }
        let tables = ParallelMap.map(Array(kinds.indices)) { index in
            let kind = kinds[index]
            // The kinds sorted with their nodes are weighed from the nodes in hand, in the same
            // order; the rest by their names.
            let summaries: [Summary]
            switch kind {
            case .identity:
                summaries = sortedNames.identities.map { identity in
                    let criticality = model.criticality(of: identity)
                    return Summary(criticality: criticality, crownJewel: model.isCrownJewel(identity, criticality: criticality))
                }
            case .secret:
                summaries = sortedNames.secrets.map { secret in
                    let criticality = model.criticality(of: secret)
                    return Summary(criticality: criticality, crownJewel: model.isCrownJewel(secret, criticality: criticality))
                }
            case .resource:
                summaries = sortedNames.resources.map { Summary(criticality: $0.criticality, crownJewel: model.isCrownJewel($0)) }
            case .environment:
                summaries = sortedNames.environments.map { environment in
                    let criticality = model.criticality(of: environment)
                    return Summary(criticality: criticality, crownJewel: model.isCrownJewel(environment, criticality: criticality))
                }
            default:
                summaries = names[index].map { name in
                    let id = NodeID(kind, name)
                    let criticality = model.criticality(of: id)
                    return Summary(criticality: criticality, crownJewel: model.isCrownJewel(id, criticality: criticality))
                }
            }
            return (numbers: NumberTable(names[index], first: offsets[index]), summaries: summaries)
        }
        var namesByOrdinal = Array(repeating: [String](), count: kinds.count)
        for (index, kind) in kinds.enumerated() { namesByOrdinal[kind.ordinal] = names[index] }
        self.namesByOrdinal = namesByOrdinal
        count = offsets.last!
        kindEnds = kinds.indices.filter { !names[$0].isEmpty }.map { (kinds[$0], offsets[$0 + 1]) }
        var ranges = Array(repeating: 0..<0, count: kinds.count)
        for (index, kind) in kinds.enumerated() { ranges[kind.ordinal] = offsets[index]..<offsets[index + 1] }
        self.ranges = ranges
        summaries = tables.flatMap(\.summaries)
        var byOrdinal = Array(repeating: NumberTable([], first: 0), count: kinds.count)
        for (kind, table) in zip(kinds, tables) { byOrdinal[kind.ordinal] = table.numbers }
        numbers = byOrdinal
    }

    /// An empty numbering: every node is one the store numbers itself.
    init() {
        namesByOrdinal = Array(repeating: [], count: NodeKind.allCases.count)
        count = 0
        kindEnds = []
        ranges = Array(repeating: 0..<0, count: NodeKind.allCases.count)
        summaries = []
        numbers = Array(repeating: NumberTable([], first: 0), count: NodeKind.allCases.count)
    }

    /// How many nodes are numbered.
    let count: Int

    /// The id of a numbered node (a number below `count`).
    func id(_ number: Int) -> NodeID {
        let kind = kind(of: number)
        return NodeID(kind, namesByOrdinal[kind.ordinal][number - ranges[kind.ordinal].lowerBound])
    }

    /// The kind of a numbered node (a number below `count`), without reading its name.
    func kind(of number: Int) -> NodeKind {
        // A step per kind at most: the kinds are few.
        kindEnds.first { number < $0.end }!.kind
    }

    /// A numbered node's place among the model's nodes of `kind` sorted by name, nil when the
    /// number is not one of that kind's (or not the model's).
    func place(of number: Int, among kind: NodeKind) -> Int? {
        let range = ranges[kind.ordinal]
        return range.contains(number) ? number - range.lowerBound : nil
    }

    /// The names of the model's nodes of `kind`, sorted: a node's place among them is its place
    /// in the kind.
    func names(of kind: NodeKind) -> ArraySlice<String> { namesByOrdinal[kind.ordinal][...] }

    /// The number of the node at `place` among the model's nodes of `kind` sorted by name.
    func number(ofPlace place: Int, among kind: NodeKind) -> Int { ranges[kind.ordinal].lowerBound + place }

    /// The node's number, nil for a node the model does not declare.
    func number(of id: NodeID) -> Int? {
        let ordinal = id.kind.ordinal, first = ranges[ordinal].lowerBound, names = namesByOrdinal[ordinal]
        return numbers[ordinal].number(of: id.name) { names[$0 - first] }
    }
}
