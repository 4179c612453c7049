import FirebreakEngine
import FirebreakImport
import FirebreakModel
import FirebreakTestSupport
import Foundation
import Testing

/// Every public repository in `../shared/corpus` (GitHub workflows and GitLab CI files) imports and simulates without a crash; any
/// file that cannot be read is a diagnostic with a location. Skipped when the corpus is absent.
@Suite(.enabled(if: PackagePaths.sharedCorpus != nil, "../shared/corpus is not beside this checkout"))
struct CorpusSmokeTests {
    @Test func everyRepositoryWithAPipelineImportsAndSimulates() throws {
        let corpus = try #require(PackagePaths.sharedCorpus)
        let repositories = try FileManager.default.contentsOfDirectory(atPath: corpus).sorted().map { "\(corpus)/\($0)" }
            .filter { FileManager.default.fileExists(atPath: "\($0)/.github/workflows") || FileManager.default.fileExists(atPath: "\($0)/.gitlab-ci.yml") }
        #expect(repositories.count > 60)
        let library = try Examples.library()
        var jobs = 0
        for repository in repositories {
            do {
                let imported = try InputLoader.load(path: repository)
                for diagnostic in imported.diagnostics where diagnostic.severity == .error {
                    #expect(diagnostic.location.file.hasPrefix(repository), "\(diagnostic)")
                }
                jobs += imported.model.jobs.count
                let simulation = Simulation(model: imported.model)
                for scenario in library.scenarios { _ = simulation.run(scenario) }
            } catch {
                #expect(!error.diagnostics.isEmpty, "\(repository) failed without a diagnostic")
            }
        }
        #expect(jobs > 500)
    }
}
