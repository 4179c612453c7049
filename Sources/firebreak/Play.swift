import ArgumentParser
import FirebreakEngine
import FirebreakModel
import FirebreakReport
import Foundation

struct Play: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Reveal a scenario's attack one hop at a time, for a workshop.",
        discussion: """
        Each hop comes with the rule's reasoning and the control that would have stopped it. On \
        a terminal, press Enter for the next hop and q to stop; --all (or any output that is \
        not a terminal) prints the whole narration, for a handout.

        Examples:
          firebreak play Scenarios/pipelines/skeleton-key.yml --scenario malicious-fork-pr
          firebreak play . --scenario poisoned-pipeline-definition --all > handout.txt
        """
    )

    @Argument(help: "A model file, a workflow file or a repository folder.")
    var path: String

    @Option(name: .customLong("scenario"), help: "The scenario to play.")
    var scenarioID: String

    @Option(name: .customLong("scenarios"), help: "A folder of your own scenario files (repeatable).")
    var scenarioFolders: [String] = []

    @OptionGroup var input: InputOptions

    @Flag(help: "Print every hop at once instead of waiting for Enter.")
    var all = false

    func run() throws {
        let scenario = try ScenarioLocator.select([scenarioID], from: ScenarioLocator.library(extra: scenarioFolders))[0]
        let loaded = try SimulationInput.load(path, context: input.context)
        let result = Simulation(model: loaded.model).run(scenario)
        let narration = AttackNarration(result)
        Console.out(AttackNarration.opening(scenario, model: loaded.model))
        let interactive = !all && isatty(STDOUT_FILENO) == 1 && isatty(STDIN_FILENO) == 1
        for (index, beat) in narration.beats.enumerated() {
            Console.out(beat + "\n")
            guard interactive, index < narration.beats.count - 1 else { continue }
            Console.out("[Enter: next hop, q: stop] ")
            if let answer = readLine(), answer.trimmingCharacters(in: .whitespaces).lowercased() == "q" { return }
        }
        Console.out(narration.ending)
        if loaded.failed { throw ExitCode(2) }
    }
}
