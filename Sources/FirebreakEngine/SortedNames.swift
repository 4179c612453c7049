import FirebreakModel

/// The names of a model's nodes, each kind's sorted, worked out once per model: the node
/// numbering lays the kinds end to end in `NodeKind` order, and the graph's lists sorted by name
/// look their nodes up by these names instead of sorting the nodes again.
struct SortedNames: Sendable {
    /// Each kind's names, by `NodeKind.ordinal`.
    private let byOrdinal: [[String]]

    /// Sorts each kind's names, each kind on its own core.
    init(_ model: PipelineModel) {
        let kinds = NodeKind.allCases.sorted()
        let sorted = ParallelMap.map(kinds) { model.names(of: $0).sorted() }
        var byOrdinal = Array(repeating: [String](), count: NodeKind.allCases.count)
        for (kind, names) in zip(kinds, sorted) { byOrdinal[kind.ordinal] = names }
        self.byOrdinal = byOrdinal
    }

    subscript(kind: NodeKind) -> [String] { byOrdinal[kind.ordinal] }
}
