import FirebreakEngine
import FirebreakModel

/// The JSON contract of `firebreak simulate`: one model, every scenario played, the assumptions.
/// Field names are stable within a `jsonContract` version.
public struct SimulationReport: Codable, Sendable, Equatable {
    public struct HopEntry: Codable, Sendable, Equatable {
        public var rule: String
        public var from: String
        public var to: String
        /// The capability this hop gives on `to`, and its level.
        public var capability: String
        public var level: String
        public var why: String
        public var location: String
        public var caveats: [String]?
    }

    public struct ReachedEntry: Codable, Sendable, Equatable {
        public var kind: String
        public var name: String
        public var id: String
        public var criticality: String
        public var level: String
        public var crownJewel: Bool
        public var foothold: Bool
        public var durable: Bool
        public var hops: Int
        public var caveats: [String]?
        public var path: [HopEntry]
    }

    public struct ScenarioEntry: Codable, Sendable, Equatable {
        public var id: String
        public var title: String
        public var score: Int
        public var crownJewelsReached: [String]
        /// For a scenario about one kind of hop (`through:`), how many crown jewels its paths reach through one.
        public var crownJewelsThrough: ThroughEntry?
        public var footholds: [String]
        public var counts: [String: Int]
        public var reached: [ReachedEntry]
    }

    public struct ThroughEntry: Codable, Sendable, Equatable {
        /// The hop's capability (`poison`), how reports name it, and the count.
        public var capability: String
        public var count: Int
        public var says: String
    }

    public struct AssumptionEntry: Codable, Sendable, Equatable {
        public var subject: String?
        public var statement: String
        public var settle: String
        public var location: String
    }

    public var firebreakVersion: String
    public var jsonContract: Int
    public var model: String
    public var file: String
    public var scenarios: [ScenarioEntry]
    public var assumptions: [AssumptionEntry]

    /// Builds the report from blast radii computed on one model.
    public init(model: PipelineModel, results: [BlastRadius], assumptions: [Assumption]) {
        firebreakVersion = FirebreakVersion.current
        jsonContract = FirebreakVersion.jsonContract
        self.model = model.name
        file = model.file
        scenarios = results.map { result in
            ScenarioEntry(
                id: result.scenario.id, title: result.scenario.title, score: result.score,
                crownJewelsReached: result.crownJewels.map(\.description),
                crownJewelsThrough: result.scenario.through.flatMap { through in
                    result.crownJewelsThroughMechanism.map { ThroughEntry(capability: through.capability.rawValue, count: $0, says: through.says) }
                },
                footholds: result.footholds.map(\.description),
                counts: Dictionary(uniqueKeysWithValues: result.countsByKind.map { ($0.key.rawValue, $0.value) }),
                reached: result.reached.map { asset in
                    let path = asset.path
                    let caveats = ReachedAsset.caveats(along: path)
                    return ReachedEntry(kind: asset.node.kind.rawValue, name: asset.node.name, id: asset.node.description,
                                 criticality: asset.criticality.rawValue, level: asset.level.rawValue, crownJewel: asset.crownJewel,
                                 foothold: asset.foothold, durable: !asset.timeBounded, hops: asset.hops,
                                 caveats: caveats.isEmpty ? nil : caveats,
                                 path: path.map { hop in
                                     HopEntry(rule: hop.rule, from: hop.from?.description ?? "attacker", to: hop.to.description,
                                              capability: hop.capability.rawValue, level: hop.level.rawValue, why: hop.why, location: hop.location.description,
                                              caveats: hop.caveats.isEmpty ? nil : hop.caveats)
                                 })
                })
        }
        self.assumptions = assumptions.map {
            AssumptionEntry(subject: $0.subject?.description, statement: $0.statement, settle: $0.settle, location: $0.location.description)
        }
    }

    /// Deterministic JSON. `firebreak simulate` writes the same bytes with `SimulationJSON`
    /// straight from the results.
    public var json: String { JSONOutput.encode(self) }
}
