import ArgumentParser
import FirebreakEngine
import FirebreakModel
import FirebreakReport

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

/// Loads models from files or git revisions and simulates them into reports.
enum SimulationInput {
    /// Simulates a loaded model.
    static func report(_ model: PipelineModel, scenarios: [Scenario]) -> SimulationReport {
        let simulation = Simulation(model: model)
        return SimulationReport(model: model, results: scenarios.map(simulation.run), assumptions: simulation.assumptions)
    }

    /// A model file on disk.
    static func model(path: String) throws -> PipelineModel {
        try ModelLoader().load(path: path)
    }

    /// A model file as committed at a revision; its locations read `REV:PATH:line:column`.
    static func model(path: String, revision: String, repository: String) throws -> PipelineModel {
        let text = try GitRevision.read(path, at: revision, in: repository)
        return try ModelLoader().load(text: text, file: "\(revision):\(path)")
    }
}
