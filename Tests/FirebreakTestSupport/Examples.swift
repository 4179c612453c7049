import FirebreakEngine
import FirebreakModel

/// The bundled models and scenario library, loaded once per test process.
public enum Examples {
    public static func model(_ name: String) throws -> PipelineModel {
        try ModelLoader().load(path: PackagePaths.path("Scenarios/pipelines/\(name).yml"))
    }

    public static func library() throws -> ScenarioLibrary {
        try ScenarioLibrary.load(folders: [PackagePaths.path("Scenarios/attacks")])
    }

    /// Runs one bundled scenario on a model.
    public static func run(_ scenario: String, on model: PipelineModel) throws -> BlastRadius {
        guard let found = try library().scenario(id: scenario) else {
            throw LoadError([Diagnostic(.error, at: .implicit("Scenarios/attacks"), "no scenario \(scenario)")])
        }
        return Simulation(model: model).run(found)
    }
}
