import FirebreakModel
import Foundation
import Yams

/// Reads `exercise.yml` from an exercise folder; problems are errors at file:line:column.
public struct ExerciseLoader {
    static let keys = ["id", "title", "goal", "check", "hints"]

    public init() {}

    public func load(folder: String) throws(LoadError) -> Exercise {
        let file = (folder as NSString).appendingPathComponent("exercise.yml")
        let root = try YAMLSource.load(path: file)
        let sink = DiagnosticSink()
        guard let top = YAMLFields(root, what: "the exercise", keys: Self.keys, file: file, sink: sink) else { throw LoadError(sink.diagnostics) }
        for key in ["id", "title", "goal", "check"] {
            top.require(key, help: "an exercise has an id, a title, a goal in words and a check")
        }
        var scenarios: [String] = []
        var keeps: [KeepConstraint] = []
        if let check = top.fields("check", keys: ["scenarios", "keep"]) {
            check.require("scenarios", help: "name the scenarios in which no crown jewel may be reachable")
            scenarios = check.strings("scenarios").map(\.text)
            for keep in check.strings("keep") {
                do throws(KeepError) {
                    keeps.append(try KeepConstraint(parsing: keep.text))
                } catch {
                    sink.error(keep.location, error.description, help: "e.g. `job:release reads secret:NPM_TOKEN`")
                }
            }
        }
        if sink.hasErrors { throw LoadError(sink.diagnostics) }
        return Exercise(id: top.string("id") ?? "", title: top.string("title") ?? "", goal: top.string("goal") ?? "", scenarios: scenarios,
                        keeps: keeps, hints: top.strings("hints").map(\.text), folder: folder, location: top.location)
    }
}
