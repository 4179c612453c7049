import ArgumentParser
import FirebreakModel

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check pipeline model files and report every problem with its file:line:column.",
        discussion: """
        Reads each file in Firebreak's native format (see docs/model-format.md) and reports \
        YAML syntax errors, unknown keys, wrong types, duplicate names, references to undeclared \
        nodes and impossible values, all of them, not just the first.

        Exits 0 when every file is valid, 2 when any has an error. Warnings do not fail.

        Example:
          firebreak validate Scenarios/pipelines/*.yml
        """
    )

    @Argument(help: "Model files, workflow files or repository folders to check.")
    var files: [String]

    @OptionGroup var input: InputOptions

    func run() throws {
        var failed = false
        for file in files {
            do {
                let loaded = try SimulationInput.load(file, context: input.context, everyWarning: true)
                failed = failed || loaded.failed
                let model = loaded.model
                Console.out("ok: \(file): \(model.nodes.count) nodes, \(model.edges.count) edges, \(model.assumptions.count) assumption\(model.assumptions.count == 1 ? "" : "s")\n")
            } catch let error as LoadError {
                failed = true
                Console.error(error.description)
            }
        }
        if failed { throw ExitCode(2) }
    }
}
