import ArgumentParser
import FirebreakEngine
import FirebreakModel
import FirebreakReport
import Foundation

struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Play attack scenarios against pipelines and print each blast radius with its paths.",
        discussion: """
        For each scenario: the score (the sum of the criticality weights of everything reached), \
        the crown jewels reached (critical or production assets), counts per kind, and for each \
        crown jewel the path, one hop per line: the rule, from, to, why, and the file:line:column \
        of the model fact the hop used.

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

    @Flag(help: "List every assumption (the text report lists the first 20 and counts the rest).")
    var assumptions = false

    func run() throws {
        let scenarios = try scenarioOptions.scenarios()
        var runs: [(model: PipelineModel, simulation: Simulation, results: [BlastRadius])] = []
        var failed = false
        for path in paths {
            let loaded = try SimulationInput.load(path, context: input.context)
            failed = failed || loaded.failed
            let simulation = Simulation(model: loaded.model)
            runs.append((loaded.model, simulation, scenarios.map(simulation.run)))
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
                                               style: Console.style, assumptionLimit: assumptions ? nil : 20).text)
                }
            }
        }
        if failed {
            Console.error("error: some input files could not be read; the results leave them out")
            throw ExitCode(2)
        }
    }
}
