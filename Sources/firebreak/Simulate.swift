import ArgumentParser
import FirebreakEngine
import FirebreakModel
import FirebreakReport
import Foundation

struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Play attack scenarios against pipelines and print each blast radius with its paths.",
        discussion: """
        First a table of every scenario, worst first. Then for each scenario: the score (the sum \
        of the criticality weights of everything reached), the crown jewels reached (critical or \
        production assets), the secrets reached (else counts per kind), and the path to each crown jewel \
        (else to the most critical asset) as a tree, one hop per line with its rule and the \
        file:line:column of the fact it used; `firebreak explain RULE` says what a rule means, and \
        --format json gives every path with the reason for each hop.

        With several models, text output is a side-by-side table of scores and crown jewels; add \
        --details for the full reports.

        Examples:
          firebreak simulate Scenarios/pipelines/skeleton-key.yml
          firebreak simulate Scenarios/pipelines/*.yml
          firebreak simulate hardened.yml --scenario compromised-build-step
          firebreak simulate model.yml --scenarios my-scenarios/ --format json
        """
    )

    @Argument(help: "Model files, workflow files or repository folders.")
    var paths: [String]

    @OptionGroup var scenarioOptions: ScenarioOptions

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: text or json.")
    var format: TextOrJSON = .text

    @Flag(help: "With several models, print each full report after the table.")
    var details = false

    @Flag(help: "List every assumption with how to settle it (the text report counts them by subject).")
    var assumptions = false

    @Option(name: .customLong("max-paths"), help: "Paths drawn per scenario in the text report (to the crown jewels, else the most critical assets); --format json has every path.")
    var maxPaths = 1

    @Flag(help: "Print the reason for each hop under it in the text report.")
    var why = false

    func run() throws {
        let scenarios = try scenarioOptions.scenarios()
        var runs: [(model: PipelineModel, simulation: Simulation, results: [BlastRadius])] = []
        var failed = false
        for path in paths {
            let loaded = try SimulationInput.load(path, context: input.context)
            failed = failed || loaded.failed
            let simulation = Simulation(model: loaded.model)
            runs.append((loaded.model, simulation, simulation.run(scenarios)))
        }
        switch format {
        case .json:
            let reports = runs.map { SimulationReport(model: $0.model, results: $0.results, assumptions: $0.simulation.assumptions) }
            Console.out(reports.count == 1 ? reports[0].json : JSONOutput.encode(["models": reports]))
        case .text:
            if runs.count > 1 {
                Console.out(ComparisonTable(columns: runs.map { ($0.model.name, $0.results) }).text)
            }
            if runs.count == 1 || details {
                if runs.count > 1 { Console.out("\n") }
                for run in runs {
                    Console.out(SimulationText(model: run.model, results: run.results, assumptions: run.simulation.assumptions,
                                               style: Console.style, allAssumptions: assumptions, maxPaths: maxPaths, why: why).text)
                }
            }
        }
        if failed {
            Console.error("error: some input files could not be read; the results leave them out")
            throw ExitCode(2)
        }
    }
}
