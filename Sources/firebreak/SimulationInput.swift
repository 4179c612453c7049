import ArgumentParser
import FirebreakEngine
import FirebreakImport
import FirebreakModel
import FirebreakReport
import Foundation

/// Options shared by the commands that simulate: which scenarios to play.
struct ScenarioOptions: ParsableArguments {
    @Option(name: .customLong("scenario"), help: "A scenario id to play (repeatable); all scenarios when absent.")
    var ids: [String] = []

    @Option(name: .customLong("scenarios"), help: "A folder of your own scenario files, added to the bundled ones (repeatable).")
    var folders: [String] = []

    /// The selected scenarios.
    func scenarios() throws -> [Scenario] {
        try ScenarioLocator.select(ids, from: ScenarioLocator.library(extra: folders))
    }
}

/// Options shared by the commands that read pipelines.
struct InputOptions: ParsableArguments {
    @Option(help: "A context file saying what workflow files cannot (default: firebreak.context.yml in the repository root).")
    var context: String?

    @Option(name: .customLong("max-file-bytes"), help: "The largest pipeline file read, in bytes.")
    var maxFileBytes = InputLimits.standard.fileBytes

    @Option(name: .customLong("max-files"), help: "The most pipeline files read in one run (workflows, actions, includes).")
    var maxFiles = InputLimits.standard.files

    @Option(name: .customLong("max-jobs"), help: "The most jobs imported in one run (reusable workflows and child pipelines included).")
    var maxJobs = InputLimits.standard.jobs

    /// Checks the limits and makes them the run's: every load of this process reads within them.
    func validate() throws {
        guard maxFileBytes > 0, maxFiles > 0, maxJobs > 0 else { throw ValidationError("--max-file-bytes, --max-files and --max-jobs must be positive") }
        SimulationInput.limits = InputLimits(fileBytes: maxFileBytes, files: maxFiles, jobs: maxJobs)
    }
}

/// Loads models from files, folders or git revisions and simulates them into reports.
enum SimulationInput {
    /// The limits of this run, set once from the command line (one command per process).
    nonisolated(unsafe) static var limits = InputLimits.standard

    /// A loaded input and whether some of its files could not be read (the command then ends with exit 2).
    struct Loaded {
        var model: PipelineModel
        /// What could not be read (errors) and what was read with doubts (warnings).
        var diagnostics: [Diagnostic]
        var failed: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// A model file, a workflow file or a repository folder. Problems with single files are
    /// printed (a recurring warning once, unless `everyWarning`) and the rest is analysed.
    static func load(_ path: String, context: String?, display: String? = nil, name: String? = nil, everyWarning: Bool = false) throws -> Loaded {
        let result = try InputLoader.load(path: path, context: context, display: display, name: name, limits: limits)
        let lines = everyWarning ? result.diagnostics.map(\.description) : DiagnosticGroups.lines(result.diagnostics, scope: "this input")
        for line in lines { Console.error(line) }
        return Loaded(model: result.model, diagnostics: result.diagnostics)
    }

    /// Simulates a loaded model.
    static func report(_ model: PipelineModel, scenarios: [Scenario]) -> SimulationReport {
        let simulation = Simulation(model: model)
        return SimulationReport(model: model, results: simulation.run(scenarios), assumptions: simulation.assumptions)
    }

    /// The pipeline of a repository as committed at a revision: the native model at `model`, or
    /// else its workflows and context file. Locations read `REV:PATH:line:column`.
    static func load(revision: String, repository: String, model: String?, context: String?) throws -> Loaded {
        if let model { return Loaded(model: try self.model(path: model, revision: revision, repository: repository), diagnostics: []) }
        let folder = try GitRevision.export(revision, from: repository)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Named like the working tree, from the remote: the temporary folder has no name of its own.
        let name = RepositoryIdentity.name(root: repository)
        return try load(folder, context: context, display: "\(revision):", name: name)
    }

    /// A model file as committed at a revision; its locations read `REV:PATH:line:column`.
    static func model(path: String, revision: String, repository: String) throws -> PipelineModel {
        let text = try GitRevision.read(path, at: revision, in: repository)
        return try ModelLoader().load(text: text, file: "\(revision):\(path)")
    }
}
