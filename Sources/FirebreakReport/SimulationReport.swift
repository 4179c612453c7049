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
        public var footholds: [String]
        public var counts: [String: Int]
        public var reached: [ReachedEntry]
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
                crownJewelsReached: result.crownJewels.map(\.description), footholds: result.footholds.map(\.description),
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

    /// Deterministic JSON.
    public var json: String {
        var writer = JSONText()
        write(into: &writer)
        return writer.text + "\n"
    }

    /// Writes the report as one JSON object, keys sorted as `JSONOutput` sorts them.
    public func write(into out: inout JSONText) {
        out.beginObject()
        out.key("assumptions")
        out.beginArray()
        for assumption in assumptions {
            out.beginObject()
            out.field("location", assumption.location)
            out.field("settle", assumption.settle)
            out.field("statement", assumption.statement)
            if let subject = assumption.subject { out.field("subject", subject) }
            out.endObject()
        }
        out.endArray()
        out.field("file", file)
        out.field("firebreakVersion", firebreakVersion)
        out.field("jsonContract", jsonContract)
        out.field("model", model)
        out.key("scenarios")
        out.beginArray()
        for scenario in scenarios { Self.write(scenario, into: &out) }
        out.endArray()
        out.endObject()
    }

    private static func write(_ scenario: ScenarioEntry, into out: inout JSONText) {
        out.beginObject()
        out.key("counts")
        out.beginObject()
        for (kind, count) in scenario.counts.sorted(by: { $0.key < $1.key }) { out.field(kind, count) }
        out.endObject()
        out.field("crownJewelsReached", scenario.crownJewelsReached)
        out.field("footholds", scenario.footholds)
        out.field("id", scenario.id)
        out.key("reached")
        out.beginArray()
        for asset in scenario.reached {
            out.beginObject()
            if let caveats = asset.caveats { out.field("caveats", caveats) }
            out.field("criticality", asset.criticality)
            out.field("crownJewel", asset.crownJewel)
            out.field("durable", asset.durable)
            out.field("foothold", asset.foothold)
            out.field("hops", asset.hops)
            out.field("id", asset.id)
            out.field("kind", asset.kind)
            out.field("level", asset.level)
            out.field("name", asset.name)
            out.key("path")
            out.beginArray()
            for hop in asset.path {
                out.beginObject()
                out.field("capability", hop.capability)
                if let caveats = hop.caveats { out.field("caveats", caveats) }
                out.field("from", hop.from)
                out.field("level", hop.level)
                out.field("location", hop.location)
                out.field("rule", hop.rule)
                out.field("to", hop.to)
                out.field("why", hop.why)
                out.endObject()
            }
            out.endArray()
            out.endObject()
        }
        out.endArray()
        out.field("score", scenario.score)
        out.field("title", scenario.title)
        out.endObject()
    }
}
