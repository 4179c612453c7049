import FirebreakEngine
import FirebreakModel

extension HTMLReport {
    /// The weaknesses that open something, ranked by what; the latent ones folded.
    func weaknessSection() -> String {
        let entries = weaknesses.weaknesses
        guard !entries.isEmpty else { return "" }
        let open = entries.filter { $0.opens != nil }, latent = entries.filter { $0.opens == nil }
        var out = "<section id=\"weaknesses\">\n<h2>Weaknesses, ranked by what they open</h2>\n"
        out += "<p>\(open.count) of \(entries.count) weak constructs lie on a path of some scenario.</p>\n"
        if !open.isEmpty { out += weaknessTable(open, latent: false) }
        if !latent.isEmpty {
            out += "<details>\n<summary>\(latent.count) latent today (no scenario's path goes through them)</summary>\n"
            out += weaknessTable(latent, latent: true) + "</details>\n"
        }
        return out + "</section>\n\n"
    }

    private func weaknessTable(_ entries: [WeaknessReport.Entry], latent: Bool) -> String {
        var out = "<table>\n<thead><tr><th>weakness</th><th>where</th><th>\(latent ? "why latent" : "opens")</th>"
            + "\(latent ? "" : "<th>scenarios</th>")</tr></thead>\n<tbody>\n"
        for entry in entries {
            let what = "<strong>\(e(entry.title))</strong> <span class=\"rule\">[\(e(entry.kind))]</span><br>\(e(entry.detail))"
            let opens = latent
                ? e(entry.latent ?? "")
                : "<code>\(e(entry.opens ?? ""))</code> (\(e(entry.criticality ?? ""))\(entry.crownJewel ? ", crown jewel" : ""))"
            out += "<tr\(entry.crownJewel ? " class=\"bad\"" : "")><td>\(what)</td><td class=\"loc\">\(e(entry.location))</td><td>\(opens)</td>"
                + "\(latent ? "" : "<td>\(e(entry.scenarios.joined(separator: ", ")))</td>")</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    /// The fix advisor's set: each change, what it blocks, where; what stays reached; the patch.
    func fixSection() -> String {
        guard let fix else { return "" }
        var out = "<section id=\"fix\">\n<h2>The smallest fix</h2>\n<p class=\"verdict\">\(e(fix.verdict)).</p>\n"
        let advice = fix.advice
        if !advice.minimalSet.isEmpty {
            out += "<ol class=\"fixes\">\n"
            for candidate in advice.minimalSet {
                var detail = "blocks \(e(candidate.rules.joined(separator: ", "))) · on its own takes away \(candidate.crownJewelsRemoved) crown "
                    + "jewel\(candidate.crownJewelsRemoved == 1 ? "" : "s") and \(candidate.scoreRemoved) points of score · \(e(relative(candidate.location)))"
                if candidate.change.narrowsFunction { detail += " · <span class=\"assumed\">takes access away: check no legitimate run needs it</span>" }
                if fix.settings.contains(candidate.change) { detail += " · a repository setting" }
                out += "<li><p>\(e(ChangeWording.sentence(candidate.change)))</p><p class=\"why\">\(detail)</p></li>\n"
            }
            out += "</ol>\n"
        }
        if !advice.remaining.isEmpty {
            out += "<h3>Still reached after the set</h3>\n<ul>\n"
            for remaining in advice.remaining {
                out += "<li><code>\(e(remaining.crownJewel.description))</code> in \(e(remaining.scenario)) via "
                    + "\(e(remaining.path.map(\.rule).joined(separator: " → ")))<br><span class=\"why\">\(e(fix.reason(remaining)))</span></li>\n"
            }
            out += "</ul>\n"
        }
        if !fix.byHand.isEmpty {
            out += "<h3>By hand</h3>\n<ul>\n" + fix.byHand.map { "<li>\(e(ChangeWording.sentence($0)))</li>\n" }.joined() + "</ul>\n"
        }
        if !fix.diff.isEmpty {
            out += "<details>\n<summary>The patch (`firebreak fix --apply DIR` writes it)</summary>\n<pre class=\"diff\">\(e(fix.diff))</pre>\n</details>\n"
        }
        return out + "</section>\n\n"
    }

    /// Every assumption, grouped by what it is about, with how to settle it.
    func assumptionSection() -> String {
        guard !assumptions.isEmpty else { return "" }
        var out = "<section id=\"assumptions\">\n<h2>Assumptions</h2>\n<p>\(assumptions.count) assumption"
            + "\(assumptions.count == 1 ? " stands" : "s stand") in for what the input does not say. Settle them in the model "
            + "or a context file to sharpen the result.</p>\n"
        // A long list is folded, counted by what it is about: the hops that rest on one say so where they are drawn.
        let folded = assumptions.count > 20
        if folded {
            let groups = Dictionary(grouping: assumptions) { $0.subject?.kind.rawValue ?? "repository" }
                .sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }
            out += "<p>" + groups.map { "\($0.value.count) about \($0.key == "repository" ? "the repository" : e($0.key) + "s")" }.joined(separator: ", ")
                + ".</p>\n<details>\n<summary>Every assumption, with how to settle it</summary>\n"
        }
        out += "<table>\n<thead><tr><th>where</th><th>assumed</th><th>to settle it</th></tr></thead>\n<tbody>\n"
        for assumption in assumptions {
            out += "<tr><td class=\"loc\">\(e(relative(assumption.location)))</td><td>\(e(assumption.statement))</td>"
                + "<td>\(e(assumption.settle))</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n" + (folded ? "</details>\n" : "") + "</section>\n\n"
    }
}
