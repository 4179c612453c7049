import FirebreakModel
import Foundation

/// The scenarios available to a run: the bundled library plus any folders the user adds.
public struct ScenarioLibrary: Sendable {
    /// Every scenario, sorted by id.
    public let scenarios: [Scenario]

    public init(scenarios: [Scenario]) {
        self.scenarios = scenarios.sorted { $0.id < $1.id }
    }

    /// Loads every `*.yml` and `*.yaml` file of the folders, reporting every problem in every
    /// file and any id defined twice.
    public static func load(folders: [String]) throws(LoadError) -> ScenarioLibrary {
        var scenarios: [Scenario] = []
        var diagnostics: [Diagnostic] = []
        var seen: [String: SourceLocation] = [:]
        for folder in folders {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
                diagnostics.append(Diagnostic(.error, at: .implicit(folder), "cannot read scenario folder",
                                              help: "pass a folder of scenario files with --scenarios"))
                continue
            }
            for name in names.sorted() where name.hasSuffix(".yml") || name.hasSuffix(".yaml") {
                let path = (folder as NSString).appendingPathComponent(name)
                do {
                    let scenario = try ScenarioLoader().load(path: path)
                    if let first = seen[scenario.id] {
                        diagnostics.append(Diagnostic(.error, at: scenario.location, "scenario id '\(scenario.id)' is already defined at \(first)",
                                                      help: "give the scenario an id of its own"))
                        continue
                    }
                    seen[scenario.id] = scenario.location
                    scenarios.append(scenario)
                } catch {
                    diagnostics += error.diagnostics
                }
            }
        }
        guard diagnostics.isEmpty else { throw LoadError(diagnostics) }
        return ScenarioLibrary(scenarios: scenarios)
    }

    /// The scenario with this id.
    public func scenario(id: String) -> Scenario? { scenarios.first { $0.id == id } }
}
