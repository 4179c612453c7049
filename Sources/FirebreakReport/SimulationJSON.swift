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
        out.finishDocument()
        return out.utf8
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
        for result in results {
            write(result, into: &out)
            // A scenario's paths are copied only within it: its text can be set apart.
            out.endPiece()
        }
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
        if let through = result.scenario.through, let count = result.crownJewelsThroughMechanism {
            // How many of them the paths reach through the hop the scenario is about.
            out.key("crownJewelsThrough")
            out.beginObject()
            out.field("capability", through.capability.rawValue)
            out.field("count", count)
            out.field("says", through.says)
            out.endObject()
        }
        out.field("footholds", result.footholds.map(\.description))
        out.field("id", result.scenario.id)
        out.key("reached")
        out.beginArray()
        var paths = WrittenPaths()
        for asset in result.reached {
            let chain = paths.unwritten(to: asset.fact, in: result.facts, bound: asset.hops + 1)
            out.beginObject()
            let caveats = paths.caveats(of: chain)
            if !caveats.isEmpty { out.field("caveats", caveats) }
            out.field("criticality", asset.criticality.rawValue)
            out.field("crownJewel", asset.crownJewel)
            out.field("durable", !asset.timeBounded)
            out.field("foothold", asset.foothold)
            out.field("hops", asset.hops)
            out.field("id", asset.node)
            out.field("kind", asset.node.kind.rawValue)
            out.field("level", asset.level.rawValue)
            out.field("name", asset.node.name)
            out.key("path")
            out.beginArray()
            paths.write(chain, into: &out)
            out.endArray()
            out.endObject()
        }
        out.endArray()
        out.field("score", result.score)
        out.field("title", result.scenario.title)
        out.endObject()
    }

    /// The paths written so far in one scenario's `reached` list: for each fact on one, where the
    /// path's text up to that fact lies in the output and the caveats along it. Paths share their
    /// first hops, so a path is written as a copy of the longest one written before that it
    /// continues, and the hops after it.
    private struct WrittenPaths {
        struct Written {
            /// The path's hops, from the foothold's to this fact's, as written (separators included).
            var text: Range<Int>
            /// The caveats along the path, in order, once each, leaving out an expiring credential
            /// (which counts only on a path's last hop).
            var caveats: [String]
        }

        /// A path to write: the longest written path it continues (nil: none), then the hops after it.
        struct Chain {
            var continues: Fact?
            var hops: [(fact: Fact, derivation: Derivation)]
        }

        private var written: [Fact: Written] = [:]

        /// The hop into `fact` and those before it not written yet, back to the last fact of a
        /// written path or the foothold. The last hop is always in the chain: its caveats count
        /// differently.
        func unwritten(to fact: Fact, in store: FactStore, bound: Int) -> Chain {
            var hops: [(fact: Fact, derivation: Derivation)] = []
            var current: Fact? = fact
            // Depths strictly fall along first premises; the bound only guards against a broken store.
            while let step = current, hops.isEmpty || written[step] == nil, hops.count < bound, let derivation = store.derivation(of: step) {
                hops.append((step, derivation))
                current = derivation.origin
            }
            return Chain(continues: current.flatMap { written[$0] == nil ? nil : $0 }, hops: hops.reversed())
        }

        /// The caveats of the whole path, as `ReachedAsset.caveats` gives them.
        func caveats(of chain: Chain) -> [String] {
            guard let last = chain.hops.last else { return [] }
            var along = chain.continues.flatMap { written[$0]?.caveats } ?? []
            for hop in chain.hops.dropLast() { along += hop.derivation.caveats.filter { $0 != Caveat.timeBounded } }
            return ReachedAsset.caveats(ofHops: [along, last.derivation.caveats])
        }

        /// Writes the chain's path, copying the written path it continues, and records each hop's.
        mutating func write(_ chain: Chain, into out: inout JSONText) {
            var start: Int?
            var along: [String] = []
            if let continued = chain.continues, let path = written[continued] {
                start = out.repeatValue(path.text).lowerBound
                along = path.caveats
            }
            for hop in chain.hops {
                let text = out.recordedValue { out in SimulationJSON.write(hop.fact, hop.derivation, into: &out) }
                // `along` holds each caveat once and no expiring one: a hop with none of its own leaves it as it is.
                let own = hop.derivation.caveats.filter { $0 != Caveat.timeBounded }
                if !own.isEmpty { along = ReachedAsset.caveats(ofHops: [along, own]) }
                written[hop.fact] = Written(text: (start ?? text.lowerBound)..<text.upperBound, caveats: along)
                start = start ?? text.lowerBound
            }
        }
    }

    private static func write(_ step: Fact, _ derivation: Derivation, into out: inout JSONText) {
        out.beginObject()
        out.field("capability", step.capability.rawValue)
        if !derivation.caveats.isEmpty { out.field("caveats", derivation.caveats) }
        if let origin = derivation.origin { out.field("from", origin.node) } else { out.field("from", "attacker") }
        out.field("level", step.level.rawValue)
        out.field("location", derivation.location)
        out.field("rule", derivation.rule)
        out.field("to", step.node)
        out.field("why", derivation.why)
        out.endObject()
    }
}
