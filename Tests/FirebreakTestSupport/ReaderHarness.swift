import FirebreakEngine
import FirebreakImport
import FirebreakModel
import FirebreakReport
import Foundation

/// Every reader of untrusted text, run on one input: a rejection is fine, a crash or a hang
/// is the bug the fuzzer looks for.
public enum ReaderHarness: String, CaseIterable, Sendable {
    case model, context, scenario, workflow, gitlab, baseline

    /// The bundled scenarios, loaded once.
    static let scenarios: [Scenario] = (try? Examples.library().scenarios) ?? []

    /// Files that seed this reader's mutations, under the package root and `../shared/corpus`.
    public func seeds() -> [String] {
        var paths: [String] = []
        func add(_ folder: String, matching: (String) -> Bool) {
            guard let found = FileManager.default.enumerator(atPath: folder) else { return }
            for case let relative as String in found where matching(relative) {
                paths.append((folder as NSString).appendingPathComponent(relative))
            }
        }
        let fixtures = PackagePaths.path("Tests/FirebreakImportTests/Fixtures")
        switch self {
        case .model:
            add(PackagePaths.path("Scenarios/pipelines")) { $0.hasSuffix(".yml") }
            add(PackagePaths.path("Tests/FirebreakModelTests/Fixtures")) { $0.hasSuffix(".yml") }
        case .context:
            add(fixtures) { $0.hasSuffix("firebreak.context.yml") }
        case .scenario:
            add(PackagePaths.path("Scenarios/attacks")) { $0.hasSuffix(".yml") }
        case .workflow:
            add(fixtures) { $0.contains(".github/workflows/") }
            if let corpus = PackagePaths.sharedCorpus { add(corpus) { $0.contains(".github/workflows/") && $0.hasSuffix(".yml") } }
        case .gitlab:
            add(fixtures) { $0.hasSuffix(".gitlab-ci.yml") }
            if let corpus = PackagePaths.sharedCorpus { add(corpus) { $0.hasSuffix(".gitlab-ci.yml") } }
        case .baseline:
            return []
        }
        return paths.sorted()
    }

    /// Seed texts: the files above, or for baselines the JSON a simulation writes.
    public func seedTexts() throws -> [String] {
        if self == .baseline {
            let model = try Examples.model("skeleton-key")
            let simulation = Simulation(model: model)
            let results = try Examples.library().scenarios.map(simulation.run)
            return [SimulationReport(model: model, results: results, assumptions: simulation.assumptions).json]
        }
        return seeds().compactMap { try? String(contentsOfFile: $0, encoding: .utf8) }
    }

    /// Runs the reader on `text`, using `scratch` (a folder of its own) for the readers that
    /// read repositories from disk. Returns whether the input was accepted.
    @discardableResult
    public func run(_ text: String, scratch: String) -> Bool {
        switch self {
        case .model:
            return (try? ModelLoader().load(text: text, file: "fuzz.yml")) != nil
        case .scenario:
            return (try? ScenarioLoader().load(text: text, file: "fuzz.yml")) != nil
        case .baseline:
            return (try? JSONDecoder().decode(SimulationReport.self, from: Data(text.utf8))) != nil
        case .context:
            let path = (scratch as NSString).appendingPathComponent(InputLoader.contextFileName)
            guard (try? Data(text.utf8).write(to: URL(fileURLWithPath: path))) != nil else { return false }
            return (try? ModelLoader().loadContext(path: path, repository: "fuzz/repo")) != nil
        case .workflow, .gitlab:
            let relative = self == .workflow ? ".github/workflows/fuzz.yml" : ".gitlab-ci.yml"
            let path = (scratch as NSString).appendingPathComponent(relative)
            try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            guard (try? Data(text.utf8).write(to: URL(fileURLWithPath: path))) != nil else { return false }
            guard let result = try? InputLoader.load(path: scratch) else { return false }
            // The model must also simulate: the engine reads what the importer built.
            let simulation = Simulation(model: result.model)
            for scenario in Self.scenarios { _ = simulation.run(scenario) }
            return !result.hasErrors
        }
    }
}
