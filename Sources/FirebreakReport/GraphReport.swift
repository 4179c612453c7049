import FirebreakModel

/// The loaded graph of a model as a person or a program reads it: counts per kind, nodes, edges
/// and assumptions.
public struct GraphReport: Encodable, Sendable {
    struct NodeEntry: Encodable, Sendable {
        var id: String
        var kind: String
        var name: String
        /// What rules read of the node (`role=build`, `manual`, `pin=branch`).
        var facts: [String]
        var location: String
    }

    struct EdgeEntry: Encodable, Sendable {
        var kind: String
        var from: String
        var to: String
        var level: String?
        var location: String
    }

    struct AssumptionEntry: Encodable, Sendable {
        var subject: String?
        var statement: String
        var settle: String
        var location: String
    }

    var firebreakVersion = FirebreakVersion.current
    var model: String
    var file: String
    var counts: [String: Int]
    var nodes: [NodeEntry]
    var edges: [EdgeEntry]
    var assumptions: [AssumptionEntry]

    /// Describes a model's graph.
    public init(_ model: PipelineModel) {
        let nodes = model.nodes
        self.model = model.name
        file = model.file
        counts = Dictionary(grouping: nodes, by: { $0.id.kind.rawValue }).mapValues(\.count)
        let steps = NodeFacts.stepIndex(model)
        self.nodes = nodes.map {
            NodeEntry(id: $0.id.description, kind: $0.id.kind.rawValue, name: $0.id.name, facts: NodeFacts.of($0.id, in: model, steps: steps),
                      location: $0.location.description)
        }
        edges = model.edges.map {
            EdgeEntry(kind: $0.kind.rawValue, from: $0.from.description, to: $0.to.description, level: $0.level?.rawValue,
                      location: $0.location.description)
        }
        assumptions = model.assumptions.map {
            AssumptionEntry(subject: $0.subject?.description, statement: $0.statement, settle: $0.settle, location: $0.location.description)
        }
    }

    /// JSON, deterministic.
    public var json: String { JSONOutput.encode(self) }

    /// Plain text: a header, counts per kind, what rules read of each node, one line per edge,
    /// then the assumptions.
    public var text: String {
        var lines = ["\(model) (\(file)): \(nodes.count) nodes, \(edges.count) edges", "", "nodes by kind:"]
        for (kind, count) in counts.sorted(by: { $0.key < $1.key }) {
            lines.append("  \(kind.padding(toLength: 12, withPad: " ", startingAt: 0)) \(count)")
        }
        let described = nodes.filter { !$0.facts.isEmpty }
        if !described.isEmpty {
            lines += ["", "nodes:"]
            for node in described { lines.append("  \(node.id)  \(node.facts.joined(separator: " "))") }
        }
        lines += ["", "edges:"]
        for edge in edges {
            let level = edge.level.map { " (\($0))" } ?? ""
            lines.append("  \(edge.from) -\(edge.kind)\(level)-> \(edge.to)    \(edge.location)")
        }
        if !assumptions.isEmpty {
            lines += ["", "assumptions:"]
            for assumption in assumptions {
                lines.append("  \(assumption.location): \(assumption.statement)")
                lines.append("    settle: \(assumption.settle)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
