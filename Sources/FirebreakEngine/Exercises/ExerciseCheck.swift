import FirebreakModel

/// Whether a model meets an exercise's goal, and if not, what still stands in the way.
public struct ExerciseCheck: Sendable {
    /// A crown jewel still reached, with the scenario and the path's rules.
    public struct Reached: Sendable, Hashable {
        public var scenario: String
        public var crownJewel: NodeID
        public var rules: [String]
    }

    public var reached: [Reached]
    /// Constraints the model no longer keeps: what the pipeline must still do.
    public var broken: [String]
    /// Scenarios the exercise names that the library does not have.
    public var unknownScenarios: [String]

    public var passed: Bool { reached.isEmpty && broken.isEmpty && unknownScenarios.isEmpty }

    public init(exercise: Exercise, model: PipelineModel, start: PipelineModel, library: ScenarioLibrary) {
        let simulation = Simulation(model: model)
        var reached: [Reached] = []
        var unknown: [String] = []
        for id in exercise.scenarios {
            guard let scenario = library.scenario(id: id) else { unknown.append(id); continue }
            let result = simulation.run(scenario)
            for jewel in result.crownJewels {
                reached.append(Reached(scenario: id, crownJewel: jewel, rules: result.asset(jewel)?.path.map(\.rule) ?? []))
            }
        }
        self.reached = reached
        unknownScenarios = unknown
        // A bare node must be left as the starting model has it.
        broken = exercise.keeps.filter { keep in
            if keep.relation == nil {
                return start.contains(keep.subject) && !model.contains(keep.subject)
            }
            return !keep.holds(in: model, changes: [], original: start)
        }.map(\.description)
    }
}
