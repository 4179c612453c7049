import FirebreakEngine
import FirebreakModel

/// One self-contained HTML page for a projector, a handout or a review: the verdict table,
/// then per scenario (worst first) its story, the picture of what it reaches, and the paths
/// hop by hop with the input lines they rest on; then the weaknesses ranked by reach, the fix
/// advisor's set and every assumption.
///
/// The page fetches nothing and runs nothing: styles are inline, pictures are inline SVG
/// checked by `InlineSVG`, every name is escaped, and a content security policy forbids
/// scripts, so even a mistake in escaping could not run one.
public struct HTMLReport {
    /// A scenario's picture: the SVG Graphviz drew, or why there is none.
    public enum Picture: Sendable {
        case svg(String)
        case omitted(String)
    }

    let model: PipelineModel
    let results: [BlastRadius]
    let assumptions: [Assumption]
    let weaknesses: WeaknessReport
    let fix: FixReport?
    let pictures: [String: Picture]
    /// Input problems, each with its location: what the results leave out.
    let problems: [String]
    /// How many paths each scenario shows in full; everything reached is listed below them.
    let maxPaths: Int
    var sources = SourceLines()

    /// - Parameters:
    ///   - pictures: by scenario id; a scenario without an entry gets no figure.
    ///   - fix: the fix advisor's answer, when it was asked.
    public init(model: PipelineModel, results: [BlastRadius], assumptions: [Assumption], weaknesses: WeaknessReport,
                fix: FixReport?, pictures: [String: Picture], problems: [String] = [], maxPaths: Int = 12) {
        self.problems = problems
        self.model = model
        self.results = results
        self.assumptions = assumptions
        self.weaknesses = weaknesses
        self.fix = fix
        self.pictures = pictures
        self.maxPaths = max(1, maxPaths)
    }

    /// The page.
    /// The scenarios in the order the page shows them: worst first, as the text report ranks them (`ScenarioRanking`).
    public static func ranked(_ results: [BlastRadius]) -> [BlastRadius] { ScenarioRanking.worstFirst(results) }

    public mutating func html() -> String {
        let ranked = Self.ranked(results)
        var page = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="firebreak \(FirebreakVersion.current)">
            <title>Firebreak: \(e(model.name))</title>
            <style>\(HTMLStyle.css)</style>
            </head>
            <body>
            <header>
            <h1>Firebreak: \(e(model.name))</h1>
            <p class="meta">\(e(model.file)) · \(results.count) scenario\(results.count == 1 ? "" : "s") played · firebreak \(FirebreakVersion.current)</p>
            </header>
            <main>

            """
        page += problemSection()
        page += verdictSection(ranked)
        for result in ranked where !result.footholds.isEmpty { page += scenarioSection(result) }
        page += notApplicableSection(ranked.filter(\.footholds.isEmpty))
        page += weaknessSection()
        page += fixSection()
        page += assumptionSection()
        page += """
            </main>
            <footer><p>Written by firebreak \(FirebreakVersion.current). The page loads nothing and runs no script; \
            every name in it is text. `firebreak explain RULE` says what a rule means.</p></footer>
            </body>
            </html>

            """
        return page
    }

    /// The verdict: one sentence, then every scenario's numbers, each linking to its section.
    func verdictSection(_ ranked: [BlastRadius]) -> String {
        let reaching = ranked.filter { !$0.crownJewels.isEmpty }
        var sentence: String
        if let worst = ScenarioRanking.worstReaching(reaching) {
            let jewels = worst.crownJewels.map(\.description)
            sentence = "\(reaching.count) of \(ranked.count) scenarios reach a crown jewel. The worst, "
                + "<a href=\"#\(anchor(worst))\">\(e(worst.scenario.id))</a>, reaches \(jewels.count) "
                + "(score \(worst.score)): \(list(jewels, limit: 6))."
            // The scenarios passed over: each reaches its crown jewels without the hop it is about.
            let passed = reaching.prefix { $0.scenario.id != worst.scenario.id }.compactMap { result in
                result.scenario.through.map { "\(e(result.scenario.id)) reaches \(result.crownJewels.count), none through \(e($0.says))" }
            }
            if !passed.isEmpty { sentence += " (" + passed.joined(separator: "; ") + ": its foothold holds them itself.)" }
        } else if let highest = ranked.first(where: { !$0.footholds.isEmpty }) {
            sentence = "No scenario reaches a crown jewel. The highest score is \(highest.score), in "
                + "<a href=\"#\(anchor(highest))\">\(e(highest.scenario.id))</a>."
            if let rated = HighlyRated(ranked) {
                sentence += " But \(e(rated.scenario)) reaches \(rated.phrase) rated high: "
                    + "\(list(rated.assets.map(\.name), limit: 6))\(e(rated.resting)); \(rated.settle)."
            }
        } else {
            sentence = "No scenario can start on this model."
        }
        var out = "<section id=\"verdict\">\n<h2>Verdict</h2>\n<p class=\"verdict\">\(sentence)</p>\n"
        if let unread = UnreadDefinitions(model) { out += "<p>\(e(unread.sentence.prefix(1).uppercased() + unread.sentence.dropFirst())).</p>\n" }
        out += "<table>\n<thead><tr><th>scenario</th><th class=\"n\">crown jewels</th><th class=\"n\">score</th>"
            + "<th class=\"n\">secrets</th><th class=\"n\">identities</th><th class=\"n\">reached</th></tr></thead>\n<tbody>\n"
        for result in ranked {
            let counts = result.countsByKind
            let idle = result.footholds.isEmpty
            let name = idle ? e(result.scenario.id) : "<a href=\"#\(anchor(result))\">\(e(result.scenario.id))</a>"
            out += "<tr\(result.crownJewels.isEmpty ? "" : " class=\"bad\"")><td>\(name)</td>"
                + "<td class=\"n\">\(idle ? "n/a" : String(result.crownJewels.count))</td><td class=\"n\">\(result.score)</td>"
                + "<td class=\"n\">\(counts[.secret] ?? 0)</td><td class=\"n\">\(counts[.identity] ?? 0)</td>"
                + "<td class=\"n\">\(result.reached.count)</td></tr>\n"
        }
        out += "</tbody>\n</table>\n</section>\n\n"
        return out
    }

    /// The input files that could not be read, above the verdict: it leaves them out.
    func problemSection() -> String {
        guard !problems.isEmpty else { return "" }
        var out = "<section id=\"problems\">\n<p class=\"bad\">\(problems.count) input problem\(problems.count == 1 ? "" : "s"): "
            + "the results below leave out what could not be read.</p>\n<ul>\n"
        for problem in problems { out += "<li><code class=\"line\">\(e(problem))</code></li>\n" }
        return out + "</ul>\n</section>\n\n"
    }

    func notApplicableSection(_ idle: [BlastRadius]) -> String {
        guard !idle.isEmpty else { return "" }
        var out = "<section id=\"not-applicable\">\n<h2>Not applicable here</h2>\n"
        if !problems.isEmpty {
            let count = "\(problems.count) input problem\(problems.count == 1 ? "" : "s")"
            out += "<p>No foothold in the files read: the \(count) above left some out, where these may apply.</p>\n"
        }
        out += "<ul>\n"
        for result in idle {
            let wanted = result.scenario.footholds.map(\.summary).joined(separator: "; or ")
            let unseen = result.scenario.unseen.map { "; not read: " + e($0) } ?? ""
            out += "<li><strong>\(e(result.scenario.id))</strong>: this model has no \(e(wanted))\(unseen)</li>\n"
        }
        return out + "</ul>\n</section>\n\n"
    }

    /// The fragment id of a scenario's section.
    func anchor(_ result: BlastRadius) -> String { "scenario-" + MarkupText.anchor(result.scenario.id) }

    /// Escaped text.
    func e(_ text: String) -> String { MarkupText.escape(text) }

    /// Names in code spans, the first `limit` of them, then how many more.
    func list(_ names: [String], limit: Int) -> String {
        let shown = names.prefix(limit).map { "<code>\(e($0))</code>" }.joined(separator: ", ")
        return names.count > limit ? shown + " and \(names.count - limit) more" : shown
    }

    /// A location as the reader finds it: relative to the input folder.
    func relative(_ location: SourceLocation) -> String { location.description(relativeTo: model.file) }
}
