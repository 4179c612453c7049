import Foundation
import FirebreakEngine
import FirebreakModel

/// The fix advisor's answer for one input, with the patch that writes it, in text, JSON and Markdown.
public struct FixReport: Sendable {
    public var model: PipelineModel
    public var advice: FixAdvice
    /// The unified diff of the input's files, empty when nothing is written.
    public var diff: String
    /// Changes in the set that no file of the input can say.
    public var byHand: [ModelChange]
    /// Changes in the set that are repository settings: the patch records them in the context
    /// file, and someone makes them in the platform's settings.
    public var settings: Set<ModelChange>

    public init(model: PipelineModel, advice: FixAdvice, diff: String, byHand: [ModelChange], settings: Set<ModelChange> = []) {
        self.settings = settings
        self.model = model
        self.advice = advice
        self.diff = diff
        self.byHand = byHand
    }

    /// The verdict line: how many crown jewels the set keeps out of reach.
    public var verdict: String {
        let before = FixAdvice.total(advice.before), after = FixAdvice.total(advice.after)
        let set = advice.minimalSet.count
        let search: String
        switch advice.search {
        case .exact: search = "the lightest such set: exhaustive search over \(advice.candidates.count) candidates"
        case .pruned: search = "exhaustive search over \(advice.candidates.count) candidates; none of the changes can be left out"
        case .greedy: search = "greedy search over \(advice.candidates.count) candidates, too many for an exhaustive one; none can be left out"
        }
        if before.crownJewels == 0 {
            // What that rests on, as simulate's verdict says it (`HighlyRated`).
            return "no crown jewel is reached in the scenarios played: nothing to fix"
                + (HighlyRated(ScenarioRanking.worstFirst(advice.played)).map { "; but \($0.sentence), then run fix again" } ?? "")
        }
        if set == 0 {
            return "no change Firebreak writes cuts any of the \(before.crownJewels) crown-jewel reaches in \(advice.before.count) "
                + "scenario\(advice.before.count == 1 ? "" : "s"): each needs a setting or an edit by hand, a job split in two, or a control the model cannot express (listed below)"
        }
        return "\(set) change\(set == 1 ? "" : "s") cut\(set == 1 ? "s" : "") \(before.crownJewels - after.crownJewels) of the \(before.crownJewels) "
            + "crown-jewel reaches in \(advice.before.count) scenario\(advice.before.count == 1 ? "" : "s") (\(search)); score \(before.score) → \(after.score)"
    }

    public func text(style: TerminalStyle = .plain) -> String {
        var out = "\(model.name) (\(model.file)): \(verdict)\n"
        if !advice.remaining.isEmpty {
            let count = advice.remaining.count
            out += "\n\(count) crown-jewel reach\(count == 1 ? "" : "es") left (scenario: crown jewel via rules):\n"
            for remaining in advice.remaining {
                out += "  \(remaining.scenario): \(remaining.crownJewel) via \(remaining.path.map(\.rule).joined(separator: " → "))\n"
                out += "    \(reason(remaining))\n"
            }
        }
        if !advice.minimalSet.isEmpty {
            out += "\nthe set, most effective first (crown jewels / score each removes alone; 0 / 0: needed only with the others):\n"
            // Pins are many and alike: one entry lists them all, where the first one ranks.
            let pins = advice.minimalSet.filter { $0.change.kind == .pinStep }
            var entries: [[FixCandidate]] = []
            for candidate in advice.minimalSet {
                if candidate.change.kind != .pinStep { entries.append([candidate]) } else if candidate == pins.first { entries.append(pins) }
            }
            let width = String(entries.count).count
            let indent = String(repeating: " ", count: width + 4)
            for (index, entry) in entries.enumerated() {
                let number = String(index + 1).leftPadded(to: width)
                if entry.count > 1 {
                    out += "  \(number). pin \(entry.count) third-party references (blocks foothold): \(Self.pinWays(entry))\n"
                    for pin in entry { out += indent + "\(pin.change.subject.name) · \(pin.location.description)\n" }
                    continue
                }
                let candidate = entry[0]
                out += "  \(number). \(ChangeWording.sentence(candidate.change))\n"
                var detail = "blocks \(candidate.rules.joined(separator: ", ")) · \(candidate.crownJewelsRemoved) / \(candidate.scoreRemoved) · "
                    + candidate.location.description
                if candidate.change.narrowsFunction { detail += " · takes access away: check no legitimate run needs it" }
                if settings.contains(candidate.change) {
                    detail += " · a setting: make it in \(Self.settingOwner(candidate.change)) (firebreak.context.yml records it)"
                }
                out += indent + detail + "\n"
            }
        }
        let others = advice.candidates.filter { candidate in !advice.minimalSet.contains { $0.change == candidate.change } }
        if !others.isEmpty {
            out += "\nother controls on the paths (--format json lists each with its effect):\n"
            for candidate in others.prefix(8) {
                var note = ""
                if !candidate.forbiddenBy.isEmpty { note = "  [kept: \(candidate.forbiddenBy.joined(separator: "; "))]" }
                else if !candidate.neededBy.isEmpty { note = "  [breaks the job: \(candidate.neededBy.joined(separator: "; "))]" }
                else if !candidate.writable { note = "  [no patch writes it: by hand]" }
                out += "  - \(ChangeWording.sentence(candidate.change)) (\(candidate.crownJewelsRemoved) / \(candidate.scoreRemoved))\(note)\n"
            }
            if others.count > 8 { out += "  … and \(others.count - 8) more\n" }
        }
        if !byHand.isEmpty {
            out += "\nby hand (settings no file says):\n" + byHand.map { "  - \(ChangeWording.sentence($0))\n" }.joined()
        }
        if !diff.isEmpty { out += "\npatch (--apply DIR writes patched copies):\n" + diff }
        return out
    }

    public func markdown() -> String {
        var out = "### Firebreak fix advisor: \(model.name)\n\n\(verdict).\n\n"
        if !advice.minimalSet.isEmpty {
            out += "| # | change | blocks | removes alone (crown jewels / score) |\n|---|---|---|---|\n"
            for (index, candidate) in advice.minimalSet.enumerated() {
                out += "| \(index + 1) | \(escape(ChangeWording.sentence(candidate.change))) | \(candidate.rules.map { "`\($0)`" }.joined(separator: ", ")) | \(candidate.crownJewelsRemoved) / \(candidate.scoreRemoved) |\n"
            }
        }
        if !advice.remaining.isEmpty {
            out += "\n**Still reached:**\n\n"
            for remaining in advice.remaining {
                out += "- `\(remaining.crownJewel)` in `\(remaining.scenario)`: \(escape(reason(remaining)))\n"
            }
        }
        if !diff.isEmpty { out += "\n<details><summary>Patch</summary>\n\n```diff\n\(diff)```\n\n</details>\n" }
        return out
    }

    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try! encoder.encode(FixJSON(self)), as: UTF8.self) + "\n"
    }

    func reason(_ remaining: FixAdvice.Remaining) -> String {
        if !remaining.blockedBy.isEmpty { return "blocked by --keep \(remaining.blockedBy.joined(separator: ", "))" }
        var ways: [String] = []
        if !remaining.byHand.isEmpty {
            ways.append("only changes made by hand cut it (settings, or edits no patch writes): "
                        + remaining.byHand.map(ChangeWording.sentence).joined(separator: "; ") + alsoMovable(remaining))
        }
        if !remaining.needed.isEmpty {
            // Separation of duties: the step that writes gets a job of its own, which runs nothing
            // an attacker can reach, and the rest of the job a read-only token.
            ways.append((ways.isEmpty ? "only a split job cuts it: " : "or a split job: ") + remaining.neededBy.joined(separator: "; ")
                        + ", so a read-only token breaks it; move that step into a job of its own that runs no other code, and make the rest's token read-only")
        }
        if !ways.isEmpty { return ways.joined(separator: "; ") }
        return "no control in the model cuts this path; "
            + (remaining.path.last?.caveats.isEmpty == false ? "what limits it: \(remaining.path.last!.caveats.joined(separator: "; "))" : "see `firebreak explain \(remaining.path.last?.rule ?? "")`")
    }

    private func escape(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }

    /// Where the attacker starts in a job through a reference only fixed by hand, the job's
    /// other movable references start them there too: each must be fixed with it (the patch
    /// writes those in the set, the others are named). Empty for any other start.
    func alsoMovable(_ remaining: FixAdvice.Remaining) -> String {
        guard let start = remaining.path.first, start.rule == "foothold", start.to.kind == .job, let job = model.jobs[start.to.name],
              remaining.byHand.contains(where: { $0.kind == .pinStep }) else { return "" }
        let named = Set(remaining.byHand.filter { $0.kind == .pinStep }.map(\.subject))
        let patched = Set(advice.minimalSet.map(\.change).filter { $0.kind == .pinStep }.map(\.subject))
        let others = job.steps.filter { $0.pin.isMutable && !named.contains($0.id) }
        guard !others.isEmpty else { return "" }
        let listed = others.map { "'\($0.uses)'\(patched.contains($0.id) ? " (the set pins it)" : "") at \($0.location.description)" }
        return "; with it, the job's other movable references, each a start as well: " + listed.joined(separator: ", ")
    }

    /// Where a change the files cannot say is made: a registry's trusted publisher, the runners'
    /// own configuration (a pool's lifecycle and the refs it serves are its host's, or its
    /// runner group's, not a repository's), else the repository's settings.
    static func settingOwner(_ change: ModelChange) -> String {
        switch change.kind {
        case .requirePublisherEnvironment: "the registry's settings"
        case .ephemeralRunner, .protectRunner: "the runners' own configuration, their host's or runner group's"
        default: "the repository's settings"
        }
    }

    /// How a group of pins is made, for the kinds of reference it holds: actions, images and
    /// templates by full commit or digest, tools installed by name at an exact version, and
    /// fetched URLs (which have no commit of their own) at a fixed revision.
    static func pinWays(_ pins: [FixCandidate]) -> String {
        let names = pins.map(\.change.subject.name)
        let packages = names.filter { Step.package(inStepNamed: $0) != nil }.count
        let fetched = names.filter { Step.package(inStepNamed: $0) == nil && Step.fetched(inStepNamed: $0) != nil }.count
        var ways: [String] = []
        if names.count > packages + fetched { ways.append("by full commit or digest") }
        if packages > 0 { ways.append("tools installed by name at an exact version") }
        if fetched > 0 { ways.append("fetched URLs at a fixed revision (a clone's full commit, one release's checked download)") }
        return ways.joined(separator: "; ")
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}

/// The JSON shape of a fix report.
private struct FixJSON: Encodable {
    struct Candidate: Encodable {
        var setting: Bool
        var id: String, kind: String, subject: String, object: String?, sentence: String, rules: [String], location: String
        var crownJewelsRemoved: Int, scoreRemoved: Int, inSet: Bool, narrowsFunction: Bool, writable: Bool, forbiddenBy: [String], neededBy: [String]
    }
    struct Outcome: Encodable { var scenario: String, crownJewels: [String], score: Int }
    struct Remaining: Encodable {
        var scenario: String, crownJewel: String, rules: [String], blockedBy: [String], byHand: [String], needed: [String], neededBy: [String]
    }
    var model: String, file: String, verdict: String, search: String
    var before: [Outcome], after: [Outcome], candidates: [Candidate], remaining: [Remaining], byHand: [String], patch: String

    init(_ report: FixReport) {
        let advice = report.advice
        model = report.model.name
        file = report.model.file
        verdict = report.verdict
        search = advice.search.rawValue
        before = advice.before.map { Outcome(scenario: $0.scenario, crownJewels: $0.crownJewels.map(\.description), score: $0.score) }
        after = advice.after.map { Outcome(scenario: $0.scenario, crownJewels: $0.crownJewels.map(\.description), score: $0.score) }
        let set = Set(advice.minimalSet.map(\.change))
        candidates = advice.candidates.map { candidate in
            Candidate(setting: report.settings.contains(candidate.change), id: candidate.change.description, kind: candidate.change.kind.rawValue, subject: candidate.change.subject.description,
                      object: candidate.change.object?.description, sentence: ChangeWording.sentence(candidate.change), rules: candidate.rules,
                      location: candidate.location.description, crownJewelsRemoved: candidate.crownJewelsRemoved,
                      scoreRemoved: candidate.scoreRemoved, inSet: set.contains(candidate.change),
                      narrowsFunction: candidate.change.narrowsFunction, writable: candidate.writable, forbiddenBy: candidate.forbiddenBy,
                      neededBy: candidate.neededBy)
        }
        remaining = advice.remaining.map {
            Remaining(scenario: $0.scenario, crownJewel: $0.crownJewel.description, rules: $0.path.map(\.rule), blockedBy: $0.blockedBy,
                      byHand: $0.byHand.map(\.description), needed: $0.needed.map(\.description), neededBy: $0.neededBy)
        }
        byHand = report.byHand.map(\.description)
        patch = report.diff
    }
}
