import ArgumentParser
import FirebreakReport
import FirebreakModel
import Foundation

struct Gate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fail (exit 1) when a change widens any scenario's blast radius.",
        discussion: """
        Growth is an asset newly reached, or reached at a higher level, in any scenario, \
        whatever the score does. Each growth is printed with its path; otherwise one line says \
        the gate passed. Exit 0 when nothing grew, 1 when something did, 2 on bad input.

        Against a baseline: the baseline is exactly what `firebreak simulate --format json` \
        prints; --update-baseline rewrites it from the current model. Against git: --repo and \
        --against compare the pipeline as committed at a revision with the working tree's.

        --allow accepts a known growth with a reason, printed on every run: \
        `--allow 'secret:NPM_TOKEN=the release job needs it (SEC-12)'`, or \
        `--allow 'malicious-fork-pr/job:docs=isolated preview'` for one scenario.

        Examples:
          firebreak gate . --baseline base.json
          firebreak gate . --baseline base.json --update-baseline
          firebreak gate --repo . --against origin/main --format sarif
        """
    )

    @Argument(help: "The current pipeline: a model, workflow file or repository folder (with --repo, a model path inside it).")
    var path: String?

    @Option(help: "A baseline: the JSON of `firebreak simulate --format json`.")
    var baseline: String?

    @Flag(help: "Rewrite the baseline from the current model and exit 0.")
    var updateBaseline = false

    @Option(help: "A git repository to compare against a revision of.")
    var repo: String?

    @Option(help: "With --repo: the revision whose model is the baseline (e.g. origin/main).")
    var against: String?

    @Option(help: "With --repo: a native model file inside the repository (default: its workflows and context file).")
    var model: String?

    @Option(help: "Accept a growth: 'ID=REASON' or 'SCENARIO/ID=REASON' (repeatable).")
    var allow: [String] = []

    @OptionGroup var scenarios: ScenarioOptions

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: text, json, markdown or sarif.")
    var format: ComparisonFormat = .text

    func validate() throws {
        if repo == nil {
            guard path != nil, baseline != nil else {
                throw ValidationError("give a model and --baseline FILE, or --repo DIR --against REV")
            }
        } else {
            guard against != nil else { throw ValidationError("--repo needs --against REV") }
            if updateBaseline { throw ValidationError("--update-baseline applies to --baseline files, not to git revisions") }
        }
        _ = try allowances()
    }

    func allowances() throws -> [Allowance] {
        try allow.map { text in
            guard let allowance = Allowance(parsing: text) else {
                throw ValidationError("--allow '\(text)' must be ID=REASON or SCENARIO/ID=REASON, with a reason")
            }
            return allowance
        }
    }

    func run() throws {
        let selected = try scenarios.scenarios()
        let before: SimulationReport
        let current: SimulationReport
        // A gate is a control: an input it cannot read fails it (exit 2), never passes it.
        var unreadable: [Diagnostic] = []
        if let repo, let against {
            let modelPath = model ?? path
            let base = try SimulationInput.load(revision: against, repository: repo, model: modelPath, context: input.context)
            let workingCopy = modelPath.map { (repo as NSString).appendingPathComponent($0) } ?? repo
            let head = try SimulationInput.load(workingCopy, context: input.context)
            unreadable = (base.diagnostics + head.diagnostics).filter { $0.severity == .error }
            before = SimulationInput.report(base.model, scenarios: selected)
            current = SimulationInput.report(head.model, scenarios: selected)
        } else {
            let head = try SimulationInput.load(path!, context: input.context)
            unreadable = head.diagnostics.filter { $0.severity == .error }
            current = SimulationInput.report(head.model, scenarios: selected)
            if !unreadable.isEmpty, updateBaseline {
                throw InputFailure(message: "error: \(unreadable.count) input file(s) could not be read; the baseline was not updated\n  help: fix the files named above, then update the baseline")
            }
            if updateBaseline {
                try BaselineFile.write(current, to: baseline!)
                Console.out("baseline \(baseline!) updated: \(current.scenarios.count) scenarios\n")
                return
            }
            var stored = try BaselineFile.read(baseline!)
            if !scenarios.ids.isEmpty {
                // Only the scenarios asked for are compared; the rest of the baseline stands.
                stored.scenarios = stored.scenarios.filter { scenarios.ids.contains($0.id) }
            }
            before = stored
        }
        if !unreadable.isEmpty {
            GateFailureOutput.print(unreadable, format: format)
            throw ExitCode(2)
        }
        var comparison = ReportComparison(before: before, after: current)
        let allowances = try allowances()
        let accepted = Allowance.apply(allowances, to: &comparison)
        for note in accepted.notes { Console.error(note) }
        let grown = comparison.scenarios.filter(\.grew)
        switch format {
        case .text:
            // Verdict first: a pass is one line; a failure names what grew, then shows how.
            guard comparison.grew else {
                Console.out("gate passed: no scenario reaches anything new or at a higher level\n")
                return
            }
            let count = grown.reduce(0) { $0 + $1.added.count + $1.raised.count }
            Console.out("gate failed: the blast radius grew in \(grown.map(\.id).joined(separator: ", ")) (\(count) asset\(count == 1 ? "" : "s") newly reached or at a higher level)\n\n")
            ComparisonOutput.print(comparison, format: .text)
            Console.out("\nto accept a known growth, rerun with --allow 'ID=REASON' (see firebreak gate --help)\n")
        case .markdown:
            let headline = comparison.grew
                ? "## ❌ Firebreak gate failed: the blast radius grew in \(grown.map { ComparisonMarkdown.code($0.id) }.joined(separator: ", "))\n\nTo accept a known growth, rerun the gate with `--allow 'ID=REASON'`; the reason is printed on every run.\n\n"
                : "## ✅ Firebreak gate passed: no scenario reaches anything new or at a higher level\n\n"
            Console.out(headline + ComparisonMarkdown.render(comparison, title: "Blast radius, scenario by scenario"))
        default:
            ComparisonOutput.print(comparison, format: format)
        }
        if comparison.grew { throw ExitCode(1) }
    }
}
