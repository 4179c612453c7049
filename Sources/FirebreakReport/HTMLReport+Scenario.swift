import FirebreakEngine
import FirebreakModel

extension HTMLReport {
    /// One scenario: verdict line, story, picture, the paths to what matters, then everything reached.
    mutating func scenarioSection(_ result: BlastRadius) -> String {
        let scenario = result.scenario
        let jewels = result.crownJewels
        var out = "<section class=\"scenario\" id=\"\(anchor(result))\">\n"
        out += "<h2>\(e(scenario.id)) <span class=\"title\">— \(e(scenario.title))</span></h2>\n"
        let secrets = result.reached.filter { $0.node.kind == .secret && !$0.foothold }.map(\.node.name)
        let assumed = SimulationText.crownJewelsOnAssumptions(result)
        let held = result.crownJewelsHeldAtStart
        var verdict = jewels.isEmpty
            ? held.isEmpty ? "<span class=\"ok\">no crown jewel reached</span>"
                : "<span class=\"bad\">starts at \(held.count == 1 ? "a crown jewel" : "\(held.count) crown jewels")</span>: \(list(held.map(\.description), limit: 8)); none reached beyond"
            : "<span class=\"bad\">\(jewels.count) crown jewel\(jewels.count == 1 ? "" : "s") reached</span>"
                + (assumed > 0 ? " (\(assumed) only on assumptions: see the notes on their paths)" : "")
                + (SimulationText.throughMechanism(result).map { " (\(e($0)))" } ?? "")
                + ": \(list(jewels.map(\.description), limit: 8))"
        verdict += " · score \(result.score)"
        if !secrets.isEmpty { verdict += " · \(secrets.count) secret\(secrets.count == 1 ? "" : "s"): \(list(secrets, limit: 8))" }
        out += "<p class=\"verdict\">\(verdict)</p>\n"
        if let uncounted = scenario.uncounted { out += "<p class=\"note\">Not counted: \(e(uncounted))</p>\n" }
        for paragraph in scenario.narrative.split(separator: "\n\n") {
            let text = paragraph.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            if !text.isEmpty { out += "<p class=\"story\">\(e(text))</p>\n" }
        }
        out += figure(result)
        let worth = SimulationText.pathsWorthDrawing(result, in: model)
        if worth.isEmpty {
            out += "<p>Nothing beyond where it starts\(held.isEmpty ? "" : " (◆ crown jewel)"): \(list(result.footholds.map { $0.node.description + (held.contains($0.node) ? " ◆" : "") }, limit: 8)).</p>\n"
        } else {
            let shown = worth.prefix(maxPaths)
            out += "<h3>\(jewels.isEmpty ? "Paths to what matters most" : "Paths to the crown jewels")</h3>\n"
            var told = ToldHops()
            for asset in shown { out += path(asset, told: &told) }
            if worth.count > shown.count {
                out += "<p class=\"more\">\(worth.count - shown.count) more path\(worth.count - shown.count == 1 ? "" : "s") of this kind: "
                    + "the table below lists them, `firebreak simulate --format json` gives each hop.</p>\n"
            }
        }
        out += reachedTable(result)
        return out + "</section>\n\n"
    }

    func figure(_ result: BlastRadius) -> String {
        switch pictures[result.scenario.id] {
        case .svg(let svg)?:
            guard let inline = InlineSVG.embeddable(svg, idPrefix: MarkupText.anchor(result.scenario.id)) else {
                return "<p class=\"note\">The picture was left out: it held something other than drawing.</p>\n"
            }
            return "<figure>\n<div class=\"canvas\">\n\(inline)\n</div>\n<figcaption>What \(e(result.scenario.id)) reaches: footholds have cut corners, reached nodes "
                + "are filled by level, crown jewels have a thick red border, the red numbered edges are the attack's hops.</figcaption>\n</figure>\n"
        case .omitted(let reason)?:
            return "<p class=\"note\">No picture: \(e(reason)).</p>\n"
        case nil:
            return ""
        }
    }

    /// What a scenario's section already told: hops shown in an earlier path (by the asset
    /// that path leads to) and rules whose control was named.
    struct ToldHops {
        var hops: [String: NodeID] = [:]
        var controls: Set<String> = []

        static func key(_ hop: Hop) -> String { "\(hop.rule)|\(hop.from?.description ?? "")|\(hop.capability)|\(hop.to)" }
    }

    /// One path, hop by hop: who gains what, the rule, why, where the input says so (with the
    /// line itself), the assumptions it rests on, and the control that would have cut it. The
    /// hops an earlier path already showed are one line; a rule's control is named once.
    mutating func path(_ asset: ReachedAsset, told: inout ToldHops) -> String {
        var heading = "<code>\(e(asset.node.description))</code> · \(e(asset.criticality.rawValue)) · \(e(asset.level.rawValue))"
        if asset.crownJewel { heading += " · <span class=\"bad\">crown jewel</span>" }
        heading += " · \(asset.path.count) hop\(asset.path.count == 1 ? "" : "s")"
        var out = "<div class=\"path\">\n<h4>\(heading)</h4>\n"
        let shared = asset.path.prefix { told.hops[ToldHops.key($0)] != nil }.count
        if shared > 0, let earlier = told.hops[ToldHops.key(asset.path[shared - 1])] {
            out += "<p class=\"more\">\(shared == 1 ? "hop 1" : "hops 1–\(shared)") as in the path to <code>\(e(earlier.description))</code></p>\n"
        }
        out += "<ol class=\"hops\" start=\"\(shared + 1)\">\n"
        for hop in asset.path.dropFirst(shared) {
            let who = hop.from.map { "<code>\(e($0.description))</code>" } ?? "the attacker"
            out += "<li><p class=\"hop\">\(who) → \(e(hop.capability.rawValue)) <code>\(e(hop.to.description))</code>"
                + " <span class=\"rule\">[\(e(hop.rule))]</span></p>\n"
            out += "<p class=\"why\">\(e(hop.why))</p>\n"
            if hop.location.line > 0 {
                out += "<p class=\"src\"><span class=\"loc\">\(e(relative(hop.location)))</span>"
                if let line = sources.line(at: hop.location) { out += " <code class=\"line\">\(e(line))</code>" }
                out += "</p>\n"
            } else {
                out += "<p class=\"src\">no line of the input says this: assumed (settle it in <span class=\"loc\">\(e(relative(hop.location)))</span>)</p>\n"
            }
            for caveat in hop.caveats { out += "<p class=\"assumed\">note: \(e(caveat))</p>\n" }
            if hop.rule != "foothold", let rule = RuleCatalogue.rule(id: hop.rule), told.controls.insert(hop.rule).inserted {
                out += "<p class=\"control\">what would have stopped it: \(e(type(of: rule).description.control))</p>\n"
            }
            out += "</li>\n"
        }
        for hop in asset.path where told.hops[ToldHops.key(hop)] == nil { told.hops[ToldHops.key(hop)] = asset.node }
        return out + "</ol>\n</div>\n"
    }

    /// Everything the scenario reaches, most critical first, folded.
    func reachedTable(_ result: BlastRadius) -> String {
        guard !result.reached.isEmpty else { return "" }
        let rows = SimulationText.inDrawingOrder(result.reached)
        var out = "<details>\n<summary>Everything reached (\(rows.count))</summary>\n<table>\n<thead><tr><th>node</th><th>level</th>"
            + "<th>criticality</th><th class=\"n\">hops</th><th>by rules</th></tr></thead>\n<tbody>\n"
        for asset in rows {
            let rules = asset.path.map(\.rule).joined(separator: " → ")
            out += "<tr\(asset.crownJewel ? " class=\"bad\"" : "")><td><code>\(e(asset.node.description))</code></td><td>\(e(asset.level.rawValue))</td>"
                + "<td>\(e(asset.criticality.rawValue))\(asset.crownJewel ? ", crown jewel" : "")\(asset.foothold ? ", foothold" : "")</td>"
                + "<td class=\"n\">\(asset.path.count)</td><td>\(e(rules))</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</details>\n"
    }
}
