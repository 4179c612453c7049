import FirebreakEngine
import FirebreakModel

/// One repository's graph for tools beyond Firebreak (BloodHound, Neo4j, any GraphML reader):
/// every node and relation of the model, and what each scenario reaches: on the nodes, the
/// scenarios reaching them and at which level; as edges, the attack hops, one per relation with
/// the scenarios and rules that use it. Ids are `REPOSITORY#KIND:NAME`, so that many
/// repositories load into one database side by side; `name` lets queries match across them.
public struct ExportGraph: Sendable {
    public struct Node: Sendable {
        public var id: String
        public var kind: NodeKind
        public var name: String
        public var repository: String
        public var criticality: Criticality
        public var crownJewel: Bool
        public var location: String
        /// `scenario=level` for every scenario reaching the node, sorted.
        public var reached: [String]
        /// Scenarios that start here.
        public var footholdIn: [String]
    }

    public struct Edge: Sendable {
        public var from: String
        public var to: String
        /// A model relation (`runs-on`, `grants`, ...) or, for an attack hop, the capability it gives (`exec`, `read`, ...).
        public var kind: String
        public var attack: Bool
        public var level: String?
        public var location: String
        /// For attack hops: the scenarios and rules that take it, sorted.
        public var scenarios: [String]
        public var rules: [String]
    }

    public var repository: String
    public var nodes: [Node]
    public var edges: [Edge]

    /// The model as the simulation saw it (with the outsider it assumes for a public
    /// repository) and the results of its scenarios. `repository` prefixes every id (default:
    /// the model's repository name); a folder of repositories names each one that has no name
    /// of its own by its path, so that their nodes stay apart.
    public init(model: PipelineModel, results: [BlastRadius], repository: String? = nil) {
        let repository = repository ?? model.repository.name
        self.repository = repository
        func id(_ node: NodeID) -> String { "\(repository)#\(node)" }
        var reached: [NodeID: [String]] = [:], footholds: [NodeID: [String]] = [:]
        var hops: [String: Edge] = [:]
        for result in results {
            for asset in result.reached {
                reached[asset.node, default: []].append("\(result.scenario.id)=\(asset.level.rawValue)")
                if asset.foothold { footholds[asset.node, default: []].append(result.scenario.id) }
                for hop in asset.path {
                    guard let from = hop.from else { continue }
                    let key = "\(from)|\(hop.capability.rawValue)|\(hop.to)"
                    var edge = hops[key] ?? Edge(from: id(from), to: id(hop.to), kind: hop.capability.rawValue, attack: true,
                                                 level: hop.level.rawValue, location: hop.location.description, scenarios: [], rules: [])
                    if !edge.scenarios.contains(result.scenario.id) { edge.scenarios.append(result.scenario.id) }
                    if !edge.rules.contains(hop.rule) { edge.rules.append(hop.rule) }
                    hops[key] = edge
                }
            }
        }
        nodes = model.nodes.sorted { $0.id < $1.id }.map { node in
            Node(id: id(node.id), kind: node.id.kind, name: node.id.name, repository: repository, criticality: model.criticality(of: node.id),
                 crownJewel: model.isCrownJewel(node.id), location: node.location.description, reached: (reached[node.id] ?? []).sorted(),
                 footholdIn: (footholds[node.id] ?? []).sorted())
        }
        let relations = model.edges.map { edge in
            Edge(from: id(edge.from), to: id(edge.to), kind: edge.kind.rawValue, attack: false, level: edge.level?.rawValue,
                 location: edge.location.description, scenarios: [], rules: [])
        }
        edges = relations + hops.keys.sorted().map { key in
            var edge = hops[key]!
            edge.scenarios.sort()
            edge.rules.sort()
            return edge
        }
    }
}
