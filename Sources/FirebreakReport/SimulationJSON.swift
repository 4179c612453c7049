import FirebreakEngine
import FirebreakModel

/// `firebreak simulate --format json` written straight from the results: the very bytes
/// `SimulationReport` encodes to (a test holds them equal), without building the report first.
///
/// Every reached node carries its whole path, and paths share their first hops: a hop's
/// text is written once per scenario and copied where it recurs.
public enum SimulationJSON {
    /// The report as JSON text with a final newline.
    public static func bytes(model: PipelineModel, results: [BlastRadius], assumptions: [Assumption]) -> [UInt8] {
        var out = JSONText()
        write(model: model, results: results, assumptions: assumptions, into: &out)
        return out.bytes + [UInt8(ascii: "\n")]
    }

    /// Writes the report as one JSON value, keys sorted as `JSONOutput` sorts them.
    public static func write(model: PipelineModel, results: [BlastRadius], assumptions: [Assumption], into out: inout JSONText) {
        out.beginObject()
        out.key("assumptions")
        out.beginArray()
        for assumption in assumptions {
            out.beginObject()
            out.field("location", assumption.location.description)
            out.field("settle", assumption.settle)
            out.field("statement", assumption.statement)
            if let subject = assumption.subject { out.field("subject", subject.description) }
            out.endObject()
        }
        out.endArray()
        out.field("file", model.file)
        out.field("firebreakVersion", FirebreakVersion.current)
        out.field("jsonContract", FirebreakVersion.jsonContract)
        out.field("model", model.name)
        out.key("scenarios")
        out.beginArray()
        for result in results { write(result, into: &out) }
        out.endArray()
        out.endObject()
    }

    private static func write(_ result: BlastRadius, into out: inout JSONText) {
        out.beginObject()
        out.key("counts")
        out.beginObject()
        for (kind, count) in result.countsByKind.map({ ($0.key.rawValue, $0.value) }).sorted(by: { $0.0 < $1.0 }) { out.field(kind, count) }
        out.endObject()
        out.field("crownJewelsReached", result.crownJewels.map(\.description))
        out.field("footholds", result.footholds.map(\.description))
        out.field("id", result.scenario.id)
        out.key("reached")
        out.beginArray()
        var written: [Fact: Range<Int>] = [:]
        for asset in result.reached {
            let steps = result.facts.witness(of: asset.fact)
            let derivations = steps.map { result.facts.derivation(of: $0) }
            out.beginObject()
            let caveats = ReachedAsset.caveats(ofHops: derivations.map { $0?.caveats ?? [] })
            if !caveats.isEmpty { out.field("caveats", caveats) }
            out.field("criticality", asset.criticality.rawValue)
            out.field("crownJewel", asset.crownJewel)
            out.field("durable", !asset.timeBounded)
            out.field("foothold", asset.foothold)
            out.field("hops", asset.hops)
            out.field("id", asset.node.description)
            out.field("kind", asset.node.kind.rawValue)
            out.field("level", asset.level.rawValue)
            out.field("name", asset.node.name)
            out.key("path")
            out.beginArray()
            for (step, derivation) in zip(steps, derivations) {
                guard let derivation else { continue }
                if let range = written[step] {
                    out.repeatValue(range)
                } else {
                    written[step] = out.recordedValue { out in write(step, derivation, into: &out) }
                }
            }
            out.endArray()
            out.endObject()
        }
        out.endArray()
        out.field("score", result.score)
        out.field("title", result.scenario.title)
        out.endObject()
    }

    private static func write(_ step: Fact, _ derivation: Derivation, into out: inout JSONText) {
        out.beginObject()
        out.field("capability", step.capability.rawValue)
        if !derivation.caveats.isEmpty { out.field("caveats", derivation.caveats) }
        out.field("from", derivation.origin?.node.description ?? "attacker")
        out.field("level", step.level.rawValue)
        out.field("location", derivation.location.description)
        out.field("rule", derivation.rule)
        out.field("to", step.node.description)
        out.field("why", derivation.why)
        out.endObject()
    }
}
