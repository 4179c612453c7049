import ArgumentParser
import FirebreakEngine
import FirebreakImport
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

        A folder that is not itself a repository but holds repositories (a checkout of an \
        organisation, one folder per repository, at any depth) is simulated as a whole: every \
        repository below it (GitHub and GitLab), in parallel, then one table ranking them by the \
        crown jewels any scenario reaches, worst first; --details adds each repository's report \
        and --format json gives every report. A repository whose files cannot be read is \
        reported with the location of the problem, marked in the table, and the rest analysed \
        (exit 2 at the end).

        Examples:
          firebreak simulate Scenarios/pipelines/skeleton-key.yml
          firebreak simulate Scenarios/pipelines/*.yml
          firebreak simulate hardened.yml --scenario compromised-build-step
          firebreak simulate model.yml --scenarios my-scenarios/ --format json
          firebreak simulate ~/src/my-org/ --details
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
        if paths.count == 1, let repositories = RepositoryFinder.organisation(paths[0]) {
            try runOrganisation(folder: paths[0], repositories: repositories, scenarios: scenarios)
            return
        }
        var runs: [(model: PipelineModel, simulation: Simulation, results: [BlastRadius], problems: Int)] = []
        var failed = false
        for path in paths {
            let loaded = try SimulationInput.load(path, context: input.context)
            failed = failed || loaded.failed
            let simulation = Simulation(model: loaded.model)
            runs.append((loaded.model, simulation, simulation.run(scenarios), loaded.diagnostics.count { $0.severity == .error }))
        }
        switch format {
        case .json:
            var out = JSONText()
            if runs.count > 1 {
                out.beginObject()
                out.key("models")
                out.beginArray()
            }
            for run in runs { SimulationJSON.write(model: run.model, results: run.results, assumptions: run.simulation.assumptions, into: &out) }
            if runs.count > 1 {
                out.endArray()
                out.endObject()
            }
            out.finishDocument()
            for chunk in out.chunks { Console.out(bytes: chunk) }
        case .text:
            if runs.count > 1 {
                Console.out(ComparisonTable(columns: runs.map { ($0.model.name, $0.results) }).text)
            }
            if runs.count == 1 || details {
                if runs.count > 1 { Console.out("\n") }
                for run in runs {
                    Console.out(SimulationText(model: run.model, results: run.results, assumptions: run.simulation.assumptions,
                                               style: Console.style, allAssumptions: assumptions, maxPaths: maxPaths, why: why,
                                               problems: run.problems).text)
                }
            }
        }
        if failed {
            Console.error("error: some input files could not be read; the results leave them out")
            throw ExitCode(2)
        }
    }

    func runOrganisation(folder: String, repositories: [String], scenarios: [Scenario]) throws {
        if input.context != nil {
            throw ValidationError("--context describes one repository; \(folder) holds \(repositories.count): put a firebreak.context.yml in each")
        }
        let run = OrganisationRun(folder: folder, scenarios: scenarios, details: details && format == .text, json: format == .json,
                                  textOptions: (assumptions, maxPaths, why))
        let outcomes: [OrganisationRun.Outcome]
        switch format {
        case .json:
            // Each repository is written as soon as it and those before it are done.
            Console.out("{\n\"firebreakVersion\": \(JSONOutput.encode(FirebreakVersion.current).dropLast()),\n"
                        + "\"folder\": \(JSONOutput.encode(folder).dropLast()),\n\"jsonContract\": \(FirebreakVersion.jsonContract),\n\"repositories\": [\n")
            outcomes = run.run(repositories) { index, entry in
                if index > 0 { Console.out(",\n") }
                for chunk in entry { Console.out(inertBytes: chunk) }
            }
            Console.out("\n]\n}\n")
            report(outcomes)
        case .text:
            outcomes = run.run(repositories)
            report(outcomes)
            Console.out(OrganisationTable(folder: folder, verdicts: outcomes.map(\.verdict), style: Console.style).text)
            if details {
                for outcome in outcomes {
                    Console.out("\n" + (outcome.details ?? "\(outcome.verdict.path): not analysed: \(outcome.verdict.failure ?? "")\n"))
                }
            }
        }
        if outcomes.contains(where: \.failed) {
            Console.error("error: some repositories' files could not be read; the results leave them out (marked ! in the table)")
            throw ExitCode(2)
        }
    }

    /// Every repository's diagnostics, in the order the repositories were found.
    private func report(_ outcomes: [OrganisationRun.Outcome]) {
        for outcome in outcomes { for line in outcome.diagnostics { Console.error(line) } }
    }
}
