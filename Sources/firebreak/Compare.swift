import ArgumentParser
import FirebreakModel
import FirebreakReport

/// Output formats of a comparison.
enum ComparisonFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown, sarif
}

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare the blast radius of a pipeline before and after a change.",
        discussion: """
        For every scenario: the score and crown jewels before and after, the assets no longer \
        reached (with the hop of the old path the change cut), the assets newly reached (with \
        their path) and a one-line verdict. Comparing is not gating: the exit code is 0.

        BEFORE and AFTER are models, workflow files or repository folders, or, with --repo, two \
        git revisions of one repository: its workflows and context file, or the native model \
        --model names (read with git; the working tree is not touched).

        Examples:
          firebreak compare Scenarios/pipelines/skeleton-key.yml Scenarios/pipelines/hardened.yml
          firebreak compare --repo . origin/main HEAD --format markdown
        """
    )

    @Argument(help: "The model before the change (a file, or a revision with --repo).")
    var before: String

    @Argument(help: "The model after the change (a file, or a revision with --repo).")
    var after: String

    @Option(help: "A git repository: BEFORE and AFTER are revisions in it.")
    var repo: String?

    @Option(help: "With --repo: a native model file inside the repository (default: its workflows and context file).")
    var model: String?

    @OptionGroup var scenarios: ScenarioOptions

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: text, json, markdown or sarif.")
    var format: ComparisonFormat = .text

    func validate() throws {
        if repo == nil, model != nil { throw ValidationError("--model applies only with --repo") }
    }

    func run() throws {
        let selected = try scenarios.scenarios()
        let (old, new) = try repo.map { repository in
            (try SimulationInput.load(revision: before, repository: repository, model: model, context: input.context),
             try SimulationInput.load(revision: after, repository: repository, model: model, context: input.context))
        } ?? (try SimulationInput.load(before, context: input.context), try SimulationInput.load(after, context: input.context))
        var comparison = ReportComparison(before: SimulationInput.report(old.model, scenarios: selected),
                                          after: SimulationInput.report(new.model, scenarios: selected))
        comparison.explainCuts(ModelDifference(before: old.model, after: new.model))
        ComparisonOutput.print(comparison, format: format)
        // The rest was compared; a file that could not be read still makes the run fail.
        if old.failed || new.failed { throw ExitCode(2) }
    }
}

/// Prints a comparison in the chosen format.
enum ComparisonOutput {
    static func print(_ comparison: ReportComparison, format: ComparisonFormat) {
        switch format {
        case .text: Console.out(ComparisonText(comparison, style: Console.style).text)
        case .json: Console.out(JSONOutput.encode(comparison))
        case .markdown: Console.out(ComparisonMarkdown.render(comparison))
        case .sarif: Console.out(SARIFReport(comparison).json)
        }
    }
}

/// Prints a gate's failure to read its inputs in the chosen format.
enum GateFailureOutput {
    static func print(_ diagnostics: [Diagnostic], format: ComparisonFormat) {
        let failure = GateFailure(diagnostics)
        switch format {
        case .text: Console.out(failure.text)
        case .json: Console.out(failure.json)
        case .markdown: Console.out(failure.markdown)
        case .sarif: Console.out(failure.sarif)
        }
    }
}
