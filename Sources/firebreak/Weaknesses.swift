import ArgumentParser
import FirebreakEngine
import FirebreakModel
import FirebreakReport

/// Output formats of `firebreak weaknesses`.
enum WeaknessFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif
}

struct Weaknesses: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List every weak construct of a pipeline, ranked by what it opens.",
        discussion: """
        A weakness is a construct some rule takes as a premise: an untrusted checkout in a \
        privileged run, text pasted into a script, third-party code not pinned to a commit, a \
        token that can write, a checkout that keeps the token in .git, a cache a publishing job \
        shares, inherited or all-at-once secrets, a static cloud key, a persistent self-hosted \
        runner, self-approval, a committed credential, downloaded code run unverified, a \
        privileged trigger. Each is listed once with its place; every scenario is played and the \
        weakness is ranked by the most critical asset a path through it reaches, with the \
        scenarios that use it — or marked latent, with why nothing uses it today.

        `firebreak explain KIND` explains each kind. SARIF gives one result per weakness, with \
        `security-severity` from what it opens.

        Examples:
          firebreak weaknesses .
          firebreak weaknesses . --all
          firebreak weaknesses . --format sarif > weaknesses.sarif
        """
    )

    @Argument(help: "A model file, a workflow file or a repository folder.")
    var path: String

    @OptionGroup var scenarioOptions: ScenarioOptions

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: text, json or sarif.")
    var format: WeaknessFormat = .text

    @Flag(help: "In text, list the latent weaknesses one by one with why they open nothing today.")
    var all = false

    @Option(name: .customLong("docs-url"), help: "With sarif: the URL of your copy of docs/rules.md, for each rule's helpUri.")
    var docsURL: String?

    func run() throws {
        let scenarios = try scenarioOptions.scenarios()
        let loaded = try SimulationInput.load(path, context: input.context)
        let simulation = Simulation(model: loaded.model)
        let report = WeaknessReport(model: loaded.model, results: simulation.run(scenarios))
        switch format {
        case .text: Console.out(report.text(all: all, style: Console.style))
        case .json: Console.out(report.json)
        case .sarif: Console.out(SARIFReport(weaknesses: report, docsURL: docsURL).json)
        }
        if loaded.failed {
            Console.error("error: some input files could not be read; the results leave them out")
            throw ExitCode(2)
        }
    }
}
