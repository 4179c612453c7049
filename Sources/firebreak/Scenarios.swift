import ArgumentParser
import FirebreakReport

struct Scenarios: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the attack scenarios: the bundled library and any folders you add.",
        discussion: """
        Scenarios are YAML files (see Scenarios/attacks); `firebreak explain ID` tells one's story.

        Examples:
          firebreak scenarios
          firebreak scenarios --scenarios my-scenarios/
        """
    )

    @Option(name: .customLong("scenarios"), help: "A folder of your own scenario files (repeatable); each is validated.")
    var scenarioFolders: [String] = []

    func run() throws {
        Console.out(ScenarioDocumentation.index(try ScenarioLocator.library(extra: scenarioFolders).scenarios))
    }
}
