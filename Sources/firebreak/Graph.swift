import ArgumentParser
import FirebreakReport

/// Output formats for commands that print a report.
enum TextOrJSON: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

struct Graph: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the graph a model loads into: node counts per kind, every edge, the assumptions.",
        discussion: """
        Each edge line names its source location, so every relation can be traced back to the \
        line that stated it.

        Examples:
          firebreak graph Scenarios/pipelines/skeleton-key.yml
          firebreak graph Scenarios/pipelines/hardened.yml --format json
        """
    )

    @Argument(help: "A model file, a workflow file or a repository folder.")
    var file: String

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: text or json.")
    var format: TextOrJSON = .text

    func run() throws {
        let loaded = try SimulationInput.load(file, context: input.context)
        let report = GraphReport(loaded.model)
        Console.out(format == .json ? report.json : report.text)
        if loaded.failed { throw ExitCode(2) }
    }
}
