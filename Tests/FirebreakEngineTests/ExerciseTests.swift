import FirebreakEngine
import FirebreakModel
import FirebreakTestSupport
import Foundation
import Testing

/// Every workshop exercise fails on its starting model and passes on its solution.
@Suite struct ExerciseTests {
    static let folder = PackagePaths.path("Scenarios/exercises")
    static let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()

    static func check(_ name: String, model path: String) throws -> ExerciseCheck {
        let exercise = try ExerciseLoader().load(folder: "\(folder)/\(name)")
        return ExerciseCheck(exercise: exercise, model: try ModelLoader().load(path: path), start: try ModelLoader().load(path: exercise.start),
                             library: try Examples.library())
    }

    @Test func thereAreAtLeastSixFromAFirstFixToASeparationOfDutiesDesign() {
        #expect(Self.names.count >= 6)
        #expect(Self.names.first?.hasPrefix("01-") == true)
    }

    @Test(arguments: names)
    func theStartFailsAndTheSolutionPasses(name: String) throws {
        let exercise = try ExerciseLoader().load(folder: "\(Self.folder)/\(name)")
        #expect(exercise.id == name && !exercise.hints.isEmpty && !exercise.scenarios.isEmpty)
        let start = try Self.check(name, model: exercise.start)
        #expect(!start.passed && !start.reached.isEmpty, "\(name): the starting model must not pass")
        #expect(start.broken.isEmpty, "\(name): the starting model does what the pipeline must do")
        let solution = try Self.check(name, model: exercise.solution)
        #expect(solution.passed, "\(name): \(solution.reached) \(solution.broken)")
    }

    /// Taking the deploy's credential away removes the crown jewel but breaks what the
    /// pipeline must do: the check says so.
    @Test func aSolutionThatStopsThePipelineDoesNotPass() throws {
        let name = "04-one-identity-per-stage"
        let text = try String(contentsOfFile: "\(Self.folder)/\(name)/start.yml", encoding: .utf8)
        let stripped = text.replacingOccurrences(of: "    secrets: [CLOUD_KEY]\n", with: "")
        #expect(stripped != text)
        let path = try temporaryFile(named: "ex04-stripped.yml", contents: stripped)
        let check = try Self.check(name, model: path)
        #expect(check.reached.isEmpty)
        #expect(check.broken == ["job:build writes resource:registry", "job:deploy writes resource:cluster"])
        #expect(!check.passed)
    }
}
