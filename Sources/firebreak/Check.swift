import ArgumentParser
import FirebreakEngine
import FirebreakModel
import Foundation

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a workshop exercise: does a model meet its goal?",
        discussion: """
        An exercise is a folder (Scenarios/exercises/NN-name) with exercise.yml (the goal in \
        words and as a check: scenarios in which no crown jewel may be reachable, and what the \
        pipeline must still do), start.yml (the model to fix), hints, and solution/model.yml. \
        Without a model, prints the exercise. Exit 0 when the model passes, 1 when something is \
        still reached or a requirement is broken.

        Examples:
          firebreak check Scenarios/exercises/01-pin-the-action
          firebreak check Scenarios/exercises/01-pin-the-action my-model.yml
          firebreak check Scenarios/exercises/01-pin-the-action my-model.yml --hint
        """
    )

    @Argument(help: "The exercise's folder.")
    var exercise: String

    @Argument(help: "The model to check (a copy of the exercise's start.yml, changed).")
    var model: String?

    @Flag(help: "When the model does not pass yet, show a hint.")
    var hint = false

    func run() throws {
        let exercise = try ExerciseLoader().load(folder: exercise)
        guard let model else {
            Console.out("\(exercise.id): \(exercise.title)\n\ngoal: \(exercise.goal)\n\nstart from: \(exercise.start)\n"
                        + "then: firebreak check \(exercise.folder) YOUR-MODEL.yml (\(exercise.hints.count) hint\(exercise.hints.count == 1 ? "" : "s") with --hint)\n")
            return
        }
        let loaded = try SimulationInput.load(model, context: nil)
        let start = try ModelLoader().load(path: exercise.start)
        let check = ExerciseCheck(exercise: exercise, model: loaded.model, start: start, library: try ScenarioLocator.library(extra: []))
        if check.passed {
            Console.out("passed: \(exercise.id) — \(exercise.goal)\n")
            return
        }
        var out = "not yet: \(exercise.id) — \(exercise.goal)\n"
        for reached in check.reached {
            out += "  still reached in \(reached.scenario): \(reached.crownJewel) via \(reached.rules.joined(separator: " → "))\n"
        }
        for broken in check.broken { out += "  no longer true: \(broken) (the pipeline must still do this)\n" }
        for unknown in check.unknownScenarios { out += "  the exercise names scenario '\(unknown)', which the library does not have\n" }
        if hint, let first = exercise.hints.first { out += "  hint: \(first)\n" }
        Console.out(out)
        throw ExitCode(1)
    }
}
