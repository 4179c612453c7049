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
        let writer = PatchWriter(model: loaded.model, input: try patchInput(loaded.model))
        let limits = SimulationInput.limits
        let written: (@Sendable ([ModelChange]) -> PipelineModel?)?
        if case .repository = writer.input { written = { [writer] in writer.written($0, limits: limits) } } else { written = nil }
        let advice = FixAdvisor(model: loaded.model, scenarios: scenarios, keeps: keeps, writable: { [writer] in writer.canWrite($0) },
                                written: written).advise()
        let patch: Patch?
        do throws(PatchError) {
            patch = try writer.patch(advice.minimalSet.map(\.change))
        } catch {
            Console.error("error: the patch could not be written: \(error)")
            patch = nil
        }
        let report = FixReport(model: loaded.model, advice: advice, diff: patch?.unifiedDiff ?? "", byHand: patch?.byHand ?? [],
                               settings: Set(advice.candidates.map(\.change).filter(writer.isSetting)))
        switch format {
        case .text: Console.out(report.text(style: Console.style))
        case .json: Console.out(report.json)
        case .markdown: Console.out(report.markdown())
        }
        guard let patch else { throw ExitCode(2) }
        if let apply { try write(patch, with: writer, into: apply) }
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

    /// What the patch edits: the model file, or the repository folder.
    private func patchInput(_ model: PipelineModel) throws -> PatchWriter.Input {
        if isDirectory(path) { return .repository(root: path, context: contextFile(root: path)) }
        if model.file == path { return .model(path: path) }
        guard apply == nil else {
            throw ValidationError("--apply needs the repository folder (or a native model file), not one workflow file")
        }
        let root = (path as NSString).deletingLastPathComponent
        return .repository(root: root, context: contextFile(root: root))
    }

    /// The context file the import read: --context, else the repository's own, if any.
    private func contextFile(root: String) -> String? {
        if let context = input.context { return context }
        let own = (root as NSString).appendingPathComponent(InputLoader.contextFileName)
        return FileManager.default.fileExists(atPath: own) ? own : nil
    }

    /// `--apply` never writes over the input, nor into it.
    func validate() throws {
        guard let folder = apply else { return }
        let target = URL(fileURLWithPath: folder).standardizedFileURL.path, source = URL(fileURLWithPath: path).standardizedFileURL.path
        guard target != source, !source.hasPrefix(target + "/"), !target.hasPrefix(source + "/") || !isDirectory(source) else {
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

    private func isDirectory(_ path: String) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &flag) && flag.boolValue
    }
}
