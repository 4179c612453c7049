import ArgumentParser
import FirebreakImport
import FirebreakModel
import Foundation

@main
struct Firebreak: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "firebreak",
        abstract: "Simulate attacks on a CI/CD pipeline and measure their blast radius.",
        discussion: """
        Firebreak loads a pipeline into a graph of jobs, identities, secrets, runners and network \
        reach, plays attack scenarios against it, and shows everything an attacker reaches, hop by hop.

        Inputs: a Firebreak model (docs/model-format.md), or a repository folder (with an \
        optional firebreak.context.yml) or one pipeline file, read by these importers:
        \(ImporterCatalogue.summaries.map { "  - \($0)" }.joined(separator: "\n"))

        Exit codes: 0 fine, 1 a gate or threshold failed, 2 bad input or usage.

        Start with:
          firebreak simulate Scenarios/pipelines/*.yml
          firebreak explain compromised-build-step
          firebreak explain malicious-fork-pr
          firebreak explain runner-hijack
        """,
        version: FirebreakVersion.current,
        subcommands: [Simulate.self, Weaknesses.self, Fix.self, Report.self, Export.self, Play.self, Check.self, Render.self, Compare.self, Gate.self, Scenarios.self, Explain.self, Validate.self, Graph.self, RenderWorker.self]
    )

    /// Runs the tool, mapping every failure to a message on standard error and an exit code:
    /// bad input and usage errors exit 2 (argument parser's own default on Linux is 64).
    static func main() {
        // A closed pipe becomes a write error (exit 2), not a silent death by SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as LoadError {
            Console.error(error.description)
            Foundation.exit(2)
        } catch let error as InputFailure {
            Console.error(error.message)
            Foundation.exit(2)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                if code == .success { Console.out(message + "\n") } else { Console.error(message) }
            }
            Foundation.exit(code == .validationFailure || code.rawValue == 64 ? 2 : code.rawValue)
        }
    }
}
