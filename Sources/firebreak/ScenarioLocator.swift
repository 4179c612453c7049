import FirebreakEngine
import FirebreakModel
import Foundation

/// Finds the bundled scenario library and loads it with the user's own folders.
enum ScenarioLocator {
    /// `FIREBREAK_SCENARIOS`, else `Scenarios/attacks` in the working directory or above the
    /// executable (a checkout's `.build/<config>/firebreak`).
    static func bundledFolder() -> String? {
        if let override = ProcessInfo.processInfo.environment["FIREBREAK_SCENARIOS"] { return override }
        let relative = "Scenarios/attacks"
        if FileManager.default.fileExists(atPath: relative) { return relative }
        var candidates: [String] = []
        var executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(executable.path)
            executable.deleteLastPathComponent()
        }
        return candidates.map { ($0 as NSString).appendingPathComponent(relative) }
            .first { FileManager.default.fileExists(atPath: $0) }
    }

    /// The bundled scenarios plus those in `extra` folders.
    static func library(extra: [String]) throws -> ScenarioLibrary {
        guard let bundled = bundledFolder() else {
            throw InputFailure(message: "error: cannot find the bundled scenario library (Scenarios/attacks)\n  help: run from the Firebreak checkout, or set FIREBREAK_SCENARIOS to its Scenarios/attacks folder")
        }
        return try ScenarioLibrary.load(folders: [bundled] + extra)
    }

    /// The scenarios named by `ids`, or all of them; an unknown id is an error with a suggestion.
    static func select(_ ids: [String], from library: ScenarioLibrary) throws -> [Scenario] {
        guard !ids.isEmpty else { return library.scenarios }
        return try ids.map { id in
            guard let scenario = library.scenario(id: id) else {
                let known = library.scenarios.map(\.id)
                let hint = Suggestion.closest(to: id, in: known).map { "did you mean '\($0)'?" } ?? "known scenarios: \(known.joined(separator: ", "))"
                throw InputFailure(message: "error: no scenario '\(id)'\n  help: \(hint)")
            }
            return scenario
        }
    }
}
