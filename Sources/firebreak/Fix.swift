import ArgumentParser
import Foundation
import FirebreakImport
import FirebreakPatch
import FirebreakEngine
import FirebreakModel
import FirebreakReport

/// Output formats of `firebreak fix`.
enum FixFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown
}

struct Fix: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find the smallest set of changes that keeps every crown jewel out of reach.",
        discussion: """
        Every hop of a path to a crown jewel comes from a rule, and every rule names the \
        change that blocks it: pin a step, scope a secret, make a runner ephemeral, require a \
        second approver. `fix` collects those changes from the paths, tries each one by \
        simulating every selected scenario again, and searches for the smallest set that leaves \
        no crown jewel reachable (exact while the candidates are few, else a greedy bound; the \
        output says which). What the set leaves reachable is listed with its path.

        --keep says what must stay true: a node left as it is (`trigger:pull_request_target`) \
        or what a job needs (`job:release reads secret:NPM_TOKEN`, `job:deploy holds \
        identity:deployer`, `job:release writes repository:acme/app`). When the constraints \
        leave a crown jewel reachable, `fix` names the constraint and exits 1.

        Examples:
          firebreak fix Scenarios/pipelines/skeleton-key.yml
          firebreak fix . --scenario malicious-fork-pr --format markdown
          firebreak fix . --keep "job:release reads secret:NPM_TOKEN" --apply fixed/
        """
    )

    @Argument(help: "A model file, a workflow file or a repository folder.")
    var path: String

    @OptionGroup var scenarioOptions: ScenarioOptions

    @OptionGroup var input: InputOptions

    @Option(name: .customLong("keep"), help: "Something that must stay true (repeatable): KIND:NAME or 'job:NAME reads|holds|writes KIND:NAME'.")
    var keepTexts: [String] = []

    @Option(help: "Output format: text, json or markdown.")
    var format: FixFormat = .text

    @Option(help: "Write patched copies of the input into this folder (never over the input); then `firebreak compare PATH DIR`.")
    var apply: String?

    func run() throws {
        let keeps = try keepTexts.map { text in
            do throws(KeepError) { return try KeepConstraint(parsing: text) } catch { throw ValidationError(error.description) }
        }
        let scenarios = try scenarioOptions.scenarios()
        let loaded = try SimulationInput.load(path, context: input.context)
        let run = FixRun(model: loaded.model, input: try FixRun.patchInput(path: path, model: loaded.model, context: input.context, applying: apply != nil), scenarios: scenarios, keeps: keeps)
        let report = run.report, advice = report.advice
        switch format {
        case .text: Console.out(report.text(style: Console.style))
        case .json: Console.out(report.json)
        case .markdown: Console.out(report.markdown())
        }
        guard let patch = run.patch else { throw ExitCode(2) }
        if let apply { try write(patch, with: run.writer, into: apply) }
        if loaded.failed {
            Console.error("error: some input files could not be read; the results leave them out")
            throw ExitCode(2)
        }
        if advice.blockedByKeeps {
            let keeps = Set(advice.remaining.flatMap(\.blockedBy)).sorted()
            Console.error("fix: no set keeps every crown jewel out of reach while --keep \(keeps.joined(separator: ", ")) holds")
            throw ExitCode(1)
        }
    }

    /// `--apply` never writes over the input, nor into it.
    func validate() throws {
        guard let folder = apply else { return }
        let target = URL(fileURLWithPath: folder).standardizedFileURL.path, source = URL(fileURLWithPath: path).standardizedFileURL.path
        guard target != source, !source.hasPrefix(target + "/"), !target.hasPrefix(source + "/") || !FixRun.isDirectory(source) else {
            throw ValidationError("--apply writes copies: give a folder outside the input (\(folder))")
        }
    }

    private func write(_ patch: Patch, with writer: PatchWriter, into folder: String) throws {
        try writer.apply(patch, into: folder)
        switch writer.input {
        case .model(let file): Console.error("wrote \((folder as NSString).appendingPathComponent((file as NSString).lastPathComponent))")
        case .repository: Console.error("wrote the patched repository files into \(folder)")
        }
    }
}
