import Foundation
import FirebreakEngine
import FirebreakModel

/// The text report of `firebreak simulate`, verdict first: a table of every scenario ranked by
/// crown jewels then score; then per scenario, worst first, the secrets it reaches and the
/// paths to its crown jewels (else to what it reaches that matters most) as a tree, each hop
/// with its rule and source location (relative to the input folder); last the assumptions,
/// counted by what they are about. Lines stay within 120 columns.
public struct SimulationText {
    let model: PipelineModel
    let results: [BlastRadius]
    let assumptions: [Assumption]
    let style: TerminalStyle
    /// Whether to list every assumption; otherwise they are counted by subject with an example.
    let allAssumptions: Bool
    /// How many paths to draw per scenario; the rest are counted.
    let maxPaths: Int
    /// Whether each hop's reason is printed under it.
    let why: Bool
    /// How many input problems left files out of the model: a scenario found no foothold only
    /// in the files read.
    let problems: Int
    static let width = 120

    public init(model: PipelineModel, results: [BlastRadius], assumptions: [Assumption], style: TerminalStyle = .plain,
                allAssumptions: Bool = false, maxPaths: Int = 1, why: Bool = false, problems: Int = 0) {
        self.why = why
        self.problems = problems
        self.model = model
        self.results = results
        self.assumptions = assumptions
        self.style = style
        self.allAssumptions = allAssumptions
        self.maxPaths = max(1, maxPaths)
    }

    public var text: String {
        let count = ": \(results.count) scenario\(results.count == 1 ? "" : "s")"
        let file = model.file.keepingEnd(Self.width - model.name.count - 3 - count.count)
        var lines = [style.bold("\(model.name) (\(file))\(count)")]
        if results.count > 1 { lines += verdictSentence().wrapped(after: "", width: Self.width) }
        if let unread = UnreadDefinitions(model) { lines += unread.sentence.wrapped(after: "", width: Self.width) }
        lines.append("")
        if results.count > 1 { lines += verdictTable() + [""] }
        var drawn = DrawnPaths()
        for result in ranked where !result.footholds.isEmpty {
            lines += scenarioLines(result, drawn: &drawn)
            lines.append("")
        }
        let idle = ranked.filter(\.footholds.isEmpty)
        if !idle.isEmpty {
            lines.append(style.bold(Self.notApplicableHeading(problems: problems)))
            for result in idle {
                let wanted = result.scenario.footholds.map(\.summary).joined(separator: "; or ")
                lines.append(clip("  \(result.scenario.id): this model has no \(wanted)"))
                if let unseen = result.scenario.unseen { lines += unseen.wrapped(after: "    ", hanging: "not read: ", width: Self.width) }
            }
            lines.append("")
        }
        lines += assumptionLines()
        return lines.joined(separator: "\n") + "\n"
    }

    /// The heading of the scenarios without a foothold: when input problems left files out, a
    /// scenario may apply in what they hold.
    static func notApplicableHeading(problems: Int) -> String {
        guard problems > 0 else { return "not applicable here:" }
        return "not applicable in the files read (\(problems) input problem\(problems == 1 ? "" : "s") left files out, where a scenario may still apply):"
    }

    /// The scenarios, worst first (`ScenarioRanking`).
    var ranked: [BlastRadius] { ScenarioRanking.worstFirst(results) }

    /// The verdict in a sentence: how many scenarios reach a crown jewel, and which ones the worst
    /// reaches, with how many of them rest on assumptions.
    func verdictSentence() -> String {
        let applicable = ranked.filter { !$0.footholds.isEmpty }
        let reaching = applicable.filter { !$0.crownJewels.isEmpty }
        guard let worst = ScenarioRanking.worstReaching(reaching) else {
            return style.green("verdict: no scenario reaches a crown jewel") + " (\(applicable.count) of \(results.count) apply here)" + highlyRated(applicable)
        }
        let jewels = worst.crownJewels.count
        let assumed = Self.crownJewelsOnAssumptions(worst)
        // The most critical first; of as critical, the surest (its path resting on the fewest
        // assumptions), then what an attacker takes before what opens it: secrets, resources,
        // environments, the repository, then identities.
        let kinds: [NodeKind] = [.secret, .resource, .environment, .repository, .identity]
        let named = worst.reached.filter { $0.crownJewel && !$0.foothold }
            .map { (asset: $0, assumed: $0.caveats.filter { $0.hasPrefix("assumed:") }.count, kind: kinds.firstIndex(of: $0.node.kind) ?? kinds.count) }
            .sorted { ($1.asset.criticality, $0.assumed, $0.kind, $0.asset.node) < ($0.asset.criticality, $1.assumed, $1.kind, $1.asset.node) }
            .map(\.asset.node.name)
        let names = Self.namedFew(named)
        var resting = assumed == 0 ? "" : assumed == jewels ? (jewels == 1 ? ", resting on an assumption" : ", every one resting on an assumption")
            : ", \(assumed) resting on \(assumed == 1 ? "an assumption" : "assumptions")"
        // The assumption most of them rest on: the first thing to settle.
        if let chief = Self.chiefAssumption(worst) {
            resting += (assumed == 1 ? ": " : ", \(chief.count) on: ") + Self.shortened(chief.statement, to: 150)
        }
        // A worst scenario about a hop that reaches none of them through it says so: its foothold reaches them itself.
        let itself = worst.crownJewelsThroughMechanism == 0 ? worst.scenario.through.map { ", none through \($0.says)" } ?? "" : ""
        // So do the others counted: their footholds reach crown jewels, their hop none.
        let byFootholds = reaching.filter { $0.scenario.id != worst.scenario.id }.compactMap { result in
            result.crownJewelsThroughMechanism == 0 ? result.scenario.through.map { "\(result.scenario.id): none through \($0.says)" } : nil
        }
        let counted = byFootholds.isEmpty ? "" : " (\(byFootholds.joined(separator: "; ")))"
        return style.red("verdict: \(reaching.count) of \(results.count) scenarios \(reaching.count == 1 ? "reaches" : "reach") a crown jewel")
            + counted + "; the worst, \(worst.scenario.id), reaches \(jewels) (\(names))" + itself + resting
    }

    /// Where no crown jewel is reached, what the all-clear rests on (`HighlyRated`).
    private func highlyRated(_ applicable: [BlastRadius]) -> String {
        HighlyRated(applicable).map { "; but " + $0.sentence } ?? ""
    }

    /// The first three names, and how many more: "a, b, c and 4 more".
    static func namedFew(_ names: [String]) -> String {
        names.prefix(3).joined(separator: ", ") + (names.count > 3 ? " and \(names.count - 3) more" : "")
    }

    /// The secrets a scenario reaches, by name in the order reached: those rated above low, and
    /// those rated low (a setting by its name, such as a user name or a switch, or one the
    /// context file rates low), which the table and the summary line count apart.
    static func secretsReached(_ result: BlastRadius) -> (rated: [String], low: [String]) {
        let secrets = result.reached.filter { $0.node.kind == .secret }
        return (secrets.filter { $0.criticality > .low }.map(\.node.name), secrets.filter { $0.criticality == .low }.map(\.node.name))
    }

    /// One line per scenario, the worst first: crown jewels, score, secrets (rated above low) and identities reached.
    func verdictTable() -> [String] {
        let width = max(8, ranked.map(\.scenario.id.count).max() ?? 0)
        var lines = [style.bold("scenario".padding(toLength: width, withPad: " ", startingAt: 0) + "  crown jewels  score  secrets  identities")]
        for result in ranked {
            let counts = result.countsByKind
            let jewels = result.footholds.isEmpty ? "n/a" : "\(result.crownJewels.count)"
            let row = result.scenario.id.padding(toLength: width, withPad: " ", startingAt: 0)
                + "  " + jewels.padding(toLength: 12, withPad: " ", startingAt: 0)
                + "  " + String(result.score).padding(toLength: 5, withPad: " ", startingAt: 0)
                + "  " + String(Self.secretsReached(result).rated.count).padding(toLength: 7, withPad: " ", startingAt: 0)
                + "  " + String(counts[.identity] ?? 0)
            lines.append(result.crownJewels.isEmpty ? row : style.red(row))
        }
        // Said only where it changes a count: the secrets rated low are in each scenario's line.
        if ranked.contains(where: { !Self.secretsReached($0).low.isEmpty }) {
            lines.append("secrets: those rated above low; each scenario's line counts the rest apart")
        }
        return lines
    }

    /// A location as the reader finds it: relative to the input folder.
    func relative(_ location: SourceLocation) -> String { location.description(relativeTo: model.file) }

    /// Where a hop's fact comes from: its line, or for a fact no line of the input gives (a
    /// default standing in for a context file's, which may not exist), the file that settles it.
    func hopLocation(_ location: SourceLocation) -> String {
        location.line > 0 ? relative(location) : "assumed (settle in \(relative(location)))"
    }

    /// Paths already drawn for earlier scenarios, by the hops from some point to their end: a
    /// later path that ends the same way is drawn up to there and then refers to it.
    struct DrawnPaths {
        var suffixes: [[String]: (scenario: String, from: String)] = [:]

        static func key(_ hop: Hop) -> String { "\(hop.rule)|\(hop.from?.description ?? "")|\(hop.capability)|\(hop.to)|\(hop.level)" }

        /// Where a path can stop and refer to an earlier one: the first hop (after the foothold)
        /// from which it ends as an earlier drawn path does.
        func shared(_ path: [Hop]) -> (index: Int, scenario: String, from: String)? {
            let keys = path.map(Self.key)
            // Only a shared run of two hops or more is worth a reference.
            for index in 1..<max(1, keys.count - 1) {
                if let earlier = suffixes[Array(keys[index...])] { return (index, earlier.scenario, earlier.from) }
            }
            return nil
        }

        mutating func remember(_ path: [Hop], scenario: String) {
            let keys = path.map(Self.key)
            for index in 1..<max(1, keys.count) where suffixes[Array(keys[index...])] == nil {
                suffixes[Array(keys[index...])] = (scenario, "\(path[index].capability.rawValue) \(path[index].to)")
            }
        }
    }

    /// A scenario that starts here: its summary line and its paths (one that cannot start is
    /// listed under "not applicable here" instead).
    func scenarioLines(_ result: BlastRadius, drawn: inout DrawnPaths) -> [String] {
        let header = "\(style.bold(result.scenario.id)) — \(result.scenario.title)"
        let jewels = result.crownJewels.count
        let assumed = Self.crownJewelsOnAssumptions(result)
        let qualifiers = [assumed > 0 ? "\(assumed) on assumptions" : nil, Self.throughMechanism(result)].compactMap { $0 }
        // A scenario that starts at a crown jewel (write access to the registry releases go to)
        // holds it from the start: "none reached" says nothing beyond it, and says so.
        let startingJewels = result.crownJewelsHeldAtStart.map(\.name)
        let verdict = jewels > 0
            ? style.red("\(jewels) crown jewel\(jewels == 1 ? "" : "s") reached") + (qualifiers.isEmpty ? "" : " (\(qualifiers.joined(separator: "; ")))")
            : startingJewels.isEmpty ? style.green("no crown jewel reached")
            : style.red("starts at \(startingJewels.count == 1 ? "a crown jewel" : "\(startingJewels.count) crown jewels")") + ", none reached beyond"
        // One line: the score, the verdict, then the secrets reached by name (else counts per
        // kind); those rated low (a setting by its name: a user name, a switch) after the rest.
        let (secrets, low) = Self.secretsReached(result)
        let lowNote = low.isEmpty ? "" : secrets.isEmpty ? "" : "; \(low.count) more rated low"
        let named = secrets.isEmpty ? low : secrets
        let score = "  score \(result.score), \(verdict); "
            + (named.isEmpty ? "reached " : "\(named.count) secret\(named.count == 1 ? "" : "s")\(secrets.isEmpty ? " rated low" : ""): ")
        let width = Self.width + score.count - style.visibleCount(score) - lowNote.count
        var lines = [header, Self.list(score, named.isEmpty ? Self.countList(result) : named, width: width) + lowNote]
        if let uncounted = result.scenario.uncounted { lines += uncounted.wrapped(after: "  ", hanging: "not counted: ", width: Self.width) }
        let candidates = Self.pathsWorthDrawing(result, in: model)
        guard !candidates.isEmpty else {
            let jewelsHeld = Set(result.crownJewelsHeldAtStart)
            let starts = result.footholds.map { $0.node.description + (jewelsHeld.contains($0.node) ? " ◆" : "") }
            lines.append(clip("  nothing beyond where it starts\(jewelsHeld.isEmpty ? "" : " (◆ crown jewel)"): " + starts.joined(separator: ", ")))
            // What is assumed of the people it starts from says why it goes no further (a fork's
            // merge request runs in the fork).
            let nodes = Set(result.footholds.map(\.node).filter { $0.kind == .actor })
            let about = assumptions.filter { $0.subject.map(nodes.contains) == true || $0.alsoAbout.contains(where: nodes.contains) }
            for assumption in about.prefix(3) {
                lines += "assumed: \(assumption.statement)".wrapped(after: "    ", hanging: "note: ", width: Self.width)
            }
            if about.count > 3 { lines.append("    note: and \(about.count - 3) more assumptions about where it starts (--assumptions lists them)") }
            return lines
        }
        let shown = Array(candidates.prefix(maxPaths))
        var tree = PathTree(width: Self.width, why: why, location: hopLocation)
        var notes: [ObjectIdentifier: String] = [:]
        var continued: [(end: PathTree.Branch, next: Hop, note: String)] = []
        for asset in shown {
            if let earlier = drawn.shared(asset.path) {
                if let end = tree.add(asset, upTo: earlier.index) {
                    continued.append((end, asset.path[earlier.index], "then as in \(earlier.scenario), from \(earlier.from)"))
                }
            } else {
                tree.add(asset)
            }
        }
        // A path cut where another drawn path goes on: the note goes under the hop it continues
        // from, not above it.
        for (end, next, note) in continued {
            let target = end.children.first { PathTree.same($0.hop, next) } ?? end
            notes[ObjectIdentifier(target)] = note
        }
        lines += tree.lines(indent: "  ") { branch in notes[ObjectIdentifier(branch)].map { [$0] } ?? [] }
        for asset in shown { drawn.remember(asset.path, scenario: result.scenario.id) }
        // The other crown jewels the verdict counted, by name, and how to see their paths (what
        // else is reached, the summary line counts).
        let rest = candidates.dropFirst(shown.count)
        if !rest.isEmpty, rest.allSatisfy(\.crownJewel) {
            let what = "crown jewel\(rest.count == 1 ? "" : "s")"
            let hint = " (--max-paths \(candidates.count) draws every path)"
            lines.append(Self.list("  + \(rest.count) more \(what) reached: ", rest.map(\.node.name), width: Self.width - hint.count) + hint)
        }
        return lines
    }

    /// "2 through a poisoned cache", "none through a poisoned cache": for a scenario about a hop
    /// that reaches crown jewels, how many of them its paths reach through that hop (the foothold
    /// may reach the others itself). Nil for a scenario about no hop, or one that reaches none.
    static func throughMechanism(_ result: BlastRadius) -> String? {
        guard let mechanism = result.scenario.through, let count = result.crownJewelsThroughMechanism, !result.crownJewels.isEmpty else { return nil }
        return "\(count == 0 ? "none" : count == result.crownJewels.count && count > 1 ? "all" : String(count)) through \(mechanism.says)"
    }

    /// The assumption the most of a scenario's crown jewels rest on (a hop noted `assumed: ...`
    /// on their paths), with how many; nil when none rests on one, or no assumption carries at
    /// least half of those that do. Of two carrying as many, the one nearer the paths' start
    /// (the earlier premise), then the first in order of text. `counted`: the assets weighed,
    /// the crown jewels unless told.
    static func chiefAssumption(_ result: BlastRadius, among counted: (ReachedAsset) -> Bool = \.crownJewel) -> (statement: String, count: Int)? {
        var counts: [String: (jewels: Int, earliest: Int)] = [:]
        var resting = 0
        for asset in result.reached where counted(asset) && !asset.foothold {
            let assumed = asset.caveats.filter { $0.hasPrefix("assumed: ") }.map { String($0.dropFirst("assumed: ".count)) }
            if !assumed.isEmpty { resting += 1 }
            for (place, statement) in assumed.enumerated() where !assumed[..<place].contains(statement) {
                let known = counts[statement] ?? (0, place)
                counts[statement] = (known.jewels + 1, min(known.earliest, place))
            }
        }
        let ranked = counts.filter { $0.value.jewels * 2 >= resting }
            .sorted { ($0.value.jewels, -$0.value.earliest, $1.key) > ($1.value.jewels, -$1.value.earliest, $0.key) }
        guard let chief = ranked.first else { return nil }
        return (chief.key, chief.value.jewels)
    }

    /// `text` in at most `limit` characters: whole when it fits; else up to its last clause that
    /// fits (a statement says what it assumes before a colon, a semicolon or a parenthesis, and
    /// why after it), so that a verdict does not stop mid-sentence; else cut at a word with "…".
    static func shortened(_ text: String, to limit: Int) -> String {
        guard text.count > limit else { return text }
        let cut = text.prefix(limit)
        // Where a clause ends: before "; ", else before ": " or " (" (a semicolon first: what
        // follows it may itself have a colon, and stopping there would leave half of that).
        func ends(_ at: (Character, Character) -> Bool) -> [String.Index] {
            cut.indices.filter { cut.index(after: $0) < cut.endIndex && at(cut[$0], cut[cut.index(after: $0)]) }
                .filter { cut.distance(from: cut.startIndex, to: $0) >= limit / 4 }
        }
        if let end = ends({ $0 == ";" && $1 == " " }).last ?? ends({ ($0 == ":" && $1 == " ") || ($0 == " " && $1 == "(") }).last {
            return String(cut[..<end])
        }
        return (cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? String(cut)).trimmingCharacters(in: CharacterSet(charactersIn: ",;: ")) + "…"
    }

    /// How many of a scenario's crown jewels are reached only by a path resting on an assumption
    /// (a hop noted `assumed: ...`): what to settle first to know whether they are real.
    static func crownJewelsOnAssumptions(_ result: BlastRadius) -> Int {
        result.reached.filter { $0.crownJewel && !$0.foothold && $0.caveats.contains { $0.hasPrefix("assumed:") } }.count
    }

    /// The assets whose paths a report draws, the first first: the crown jewels, else everything
    /// reached. What the attacker started with is no news: not the foothold, nor the secret that
    /// stores it.
    static func pathsWorthDrawing(_ result: BlastRadius, in model: PipelineModel) -> [ReachedAsset] {
        let footholds = Set(result.footholds.map(\.node))
        let news = result.reached.filter { asset in
            !asset.foothold && !(asset.node.kind == .secret
                && model.secrets[asset.node.name]?.carries.map { footholds.contains(NodeID(.identity, $0.name)) } == true)
        }
        return inDrawingOrder(news.filter(\.crownJewel).isEmpty ? news : news.filter(\.crownJewel))
    }

    /// The assets in the order their paths are drawn: the more critical first; among equals the
    /// more certain (a path resting on fewer assumptions, then a shorter one), then what a
    /// reviewer asks about first (secrets, then identities, resources, environments, the
    /// repository). Each asset's path is read once, not at every comparison.
    static func inDrawingOrder(_ assets: [ReachedAsset]) -> [ReachedAsset] {
        let rank: [NodeKind] = [.secret, .identity, .resource, .environment, .repository]
        let keyed = assets.map { asset in
            (asset: asset, node: asset.node, assumed: asset.caveats.filter { $0.hasPrefix("assumed: ") }.count,
             kind: rank.firstIndex(of: asset.node.kind) ?? rank.count)
        }
        return keyed.sorted { a, b in
            (a.asset.criticality, -a.assumed, -a.asset.hops, -a.kind, b.node) > (b.asset.criticality, -b.assumed, -b.asset.hops, -b.kind, a.node)
        }.map(\.asset)
    }

    /// The assumptions: every one with `allAssumptions`, else counted by what they are about,
    /// with one example each.
    func assumptionLines() -> [String] {
        guard !assumptions.isEmpty else { return [] }
        let count = assumptions.count
        if allAssumptions {
            var lines = [style.bold("\(count) assumption\(count == 1 ? "" : "s") (settle them in the model to sharpen the result):")]
            for assumption in assumptions {
                lines.append("  \(relative(assumption.location)): \(assumption.statement)")
                lines.append("    settle: \(assumption.settle)")
            }
            return lines
        }
        var lines = [style.bold("\(count) assumption\(count == 1 ? " stands" : "s stand") in for what the files do not say (--assumptions lists each with how to settle it):")]
        let groups = Dictionary(grouping: assumptions) { $0.subject?.kind.rawValue ?? "repository" }
            .sorted(by: { ($0.value.count, $1.key) > ($1.value.count, $0.key) })
        for (kind, members) in groups.prefix(Self.assumptionGroups) {
            let example = members[0]
            lines.append(clip("  \(members.count) about \(kind == "repository" ? "the repository" : Self.plural(NodeKind(rawValue: kind) ?? .job, 2)), e.g. \(relative(example.location)): \(example.statement)"))
        }
        if groups.count > Self.assumptionGroups {
            let rest = groups.dropFirst(Self.assumptionGroups)
            lines.append(clip("  \(rest.map(\.value.count).reduce(0, +)) more about " + rest.map { $0.key == "repository" ? "the repository" : Self.plural(NodeKind(rawValue: $0.key) ?? .job, 2) }.joined(separator: ", ")))
        }
        return lines
    }

    /// How many groups of assumptions the text names; the rest are counted in one line.
    static let assumptionGroups = 2

    /// `prefix` then the names, as many as fit in `width`, then how many more.
    static func list(_ prefix: String, _ names: [String], width: Int) -> String {
        guard !names.isEmpty else { return prefix + "nothing" }
        var line = prefix
        for (index, name) in names.enumerated() {
            let more = names.count - index
            let piece = (index == 0 ? "" : ", ") + name
            let reserve = more > 1 ? " and \(more - 1) more".count : 0
            if line.count + piece.count + reserve > width {
                // Not even the first fits: the count before the colon says how many.
                if index == 0, prefix.hasSuffix(": ") { return String(prefix.dropLast(2)) }
                if index == 0 { return line + piece }
                return line + " and \(more) more"
            }
            line += piece
        }
        return line
    }

    func clip(_ line: String) -> String { line.clipped(to: Self.width) }

    /// "9 secrets", "16 identities", ...: the kinds that matter most first.
    static func countList(_ result: BlastRadius) -> [String] {
        let counts = result.countsByKind
        let order: [NodeKind] = [.secret, .identity, .resource, .environment, .repository, .branch, .runner, .zone, .job,
                                 .artifact, .cache, .definition, .step, .trigger, .actor]
        let ordered = order + NodeKind.allCases.filter { !order.contains($0) }
        return ordered.compactMap { kind in counts[kind].flatMap { $0 > 0 ? "\($0) \(plural(kind, $0))" : nil } }
    }

    static func plural(_ kind: NodeKind, _ count: Int) -> String {
        let name = kind.rawValue
        guard count != 1 else { return name }
        if name.hasSuffix("y") { return name.dropLast() + "ies" }
        return name.hasSuffix("ch") ? name + "es" : name + "s"
    }
}
