import FirebreakModel

/// What differs between two models around given nodes: a node gone, what rules read of it
/// changed (`guard=none` to `guard=sound`), an edge to or from it removed. It names the model
/// change that cut a hop of an old attack path.
public struct ModelDifference {
    let before: PipelineModel
    let after: PipelineModel
    private let edgesBefore: [NodeID: Set<Edge>]
    private let edgesAfter: [NodeID: Set<Edge>]
    private let stepsBefore: [String: Step]
    private let stepsAfter: [String: Step]

    public init(before: PipelineModel, after: PipelineModel) {
        self.before = before
        self.after = after
        edgesBefore = Self.byNode(before.edges)
        edgesAfter = Self.byNode(after.edges)
        stepsBefore = NodeFacts.stepIndex(before)
        stepsAfter = NodeFacts.stepIndex(after)
    }

    static func byNode(_ edges: [Edge]) -> [NodeID: Set<Edge>] {
        var index: [NodeID: Set<Edge>] = [:]
        for edge in edges {
            index[edge.from, default: []].insert(edge)
            index[edge.to, default: []].insert(edge)
        }
        return index
    }

    /// The changes at these nodes, each in a few words; empty when the models agree there.
    public func changes(at nodes: [NodeID]) -> [String] {
        var result: [String] = []
        for node in nodes {
            guard before.contains(node) else { continue }
            guard after.contains(node) else {
                result.append("\(node) is no longer in the model")
                continue
            }
            let old = NodeFacts.of(node, in: before, steps: stepsBefore), new = NodeFacts.of(node, in: after, steps: stepsAfter)
            if old != new {
                let gone = old.filter { !new.contains($0) }, came = new.filter { !old.contains($0) }
                result.append("\(node) \(gone.isEmpty ? "" : gone.joined(separator: " ") + " ")→ \(came.isEmpty ? "(unset)" : came.joined(separator: " "))")
            }
            for edge in (edgesBefore[node] ?? []).subtracting(edgesAfter[node] ?? []).sorted() where !result.contains(Self.describe(edge)) {
                result.append(Self.describe(edge))
            }
        }
        return result
    }

    static func describe(_ edge: Edge) -> String {
        "edge \(edge.from) -\(edge.kind.rawValue)\(edge.level.map { " (\($0.rawValue))" } ?? "")-> \(edge.to) removed"
    }
}

extension ReportComparison {
    /// Names, for each hop a change cut, the model change that cut it.
    public mutating func explainCuts(_ difference: ModelDifference) {
        for index in scenarios.indices {
            for list in [\ScenarioComparison.removed, \ScenarioComparison.lowered] {
                for change in scenarios[index][keyPath: list].indices {
                    guard let cut = scenarios[index][keyPath: list][change].cut else { continue }
                    let nodes = [cut.from, cut.to].compactMap(NodeID.init(parsing:))
                    let found = difference.changes(at: nodes)
                    scenarios[index][keyPath: list][change].changedBy = found.isEmpty ? nil : found
                }
            }
        }
    }
}
