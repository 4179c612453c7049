import FirebreakTestSupport
import Foundation
import Testing

/// `firebreak simulate ../shared/corpus` ranks every repository of the corpus in one run. The
/// only input errors are located ones the corpus really has: two GitHub repositories whose
/// local actions the corpus did not copy. (Two GitLab files with duplicate keys are read as
/// GitLab reads them, with warnings.)
@Suite(.enabled(if: PackagePaths.sharedCorpus != nil, "../shared/corpus is not beside this checkout"))
struct CorpusOrganisationTests {
    static let knownProblems: Set<String> = ["apache__apisix", "ultralytics__actions"]

    @Test func theWholeCorpusIsRankedInOneCommand() throws {
        let corpus = try #require(PackagePaths.sharedCorpus)
        let run = try CommandRunner.run(["simulate", corpus, "--format", "json"])
        #expect(run.status == 2, "the two known located errors")
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let repositories = try #require(decoded["repositories"] as? [[String: Any]])
        #expect(repositories.count == 84)
        for repository in repositories {
            let path = repository["path"] as? String ?? "?"
            #expect(repository["report"] != nil, "\(path) was analysed")
            let problems = repository["problems"] as? [String] ?? []
            #expect(problems.isEmpty || Self.knownProblems.contains(path), "\(path): \(problems)")
            for problem in problems { #expect(problem.hasPrefix(path + "/"), "located in its repository: \(problem)") }
        }
        let table = try CommandRunner.run(["simulate", corpus])
        #expect(table.stdout.hasPrefix("84 repositories under \(corpus): "))
    }
}
