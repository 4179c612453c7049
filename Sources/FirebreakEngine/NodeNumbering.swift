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

    /// The nodes, sorted by id: a node's number is its place here.
    let ids: [NodeID]
    let summaries: [Summary]
    private let numbers: [NodeID: Int]

    init(_ model: PipelineModel) {
        ids = model.nodes.map(\.id)
        summaries = ids.map { Summary(criticality: model.criticality(of: $0), crownJewel: model.isCrownJewel($0)) }
        var numbers: [NodeID: Int] = [:]
        numbers.reserveCapacity(ids.count)
        for (number, id) in ids.enumerated() { numbers[id] = number }
        self.numbers = numbers
    }

    /// An empty numbering: every node is one the store numbers itself.
    init() {
        ids = []
        summaries = []
        numbers = [:]
    }

    var count: Int { ids.count }

    /// The node's number, nil for a node the model does not declare.
    func number(of id: NodeID) -> Int? { numbers[id] }
}
