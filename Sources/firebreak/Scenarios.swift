import ArgumentParser
import FirebreakReport

struct Scenarios: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the attack scenarios: the bundled library and any folders you add.",
        discussion: """
        Scenarios are YAML files (docs/scenario-format.md; the bundled ones in Scenarios/attacks); \
        `firebreak explain ID` tells one's story, `--markdown` prints the library as a handout.

        Examples:
          firebreak scenarios
          firebreak scenarios --scenarios my-scenarios/
          firebreak scenarios --markdown > scenarios.md
        """
    )

    @Option(name: .customLong("scenarios"), help: "A folder of your own scenario files (repeatable); each is validated.")
    var scenarioFolders: [String] = []

    @Flag(help: "Print every scenario's story, attacker, start and sources as Markdown, for a handout.")
    var markdown = false

    func run() throws {
        let scenarios = try ScenarioLocator.library(extra: scenarioFolders).scenarios
        Console.out(markdown ? ScenarioDocumentation.markdown(scenarios) : ScenarioDocumentation.index(scenarios))
    }
}
