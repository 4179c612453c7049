import FirebreakTestSupport
import Foundation
import Testing

/// `firebreak simulate FOLDER` on a folder of repositories: every repository below it found and
/// ranked in one table, a broken one reported at its location while the rest are analysed.
struct OrganisationTests {
    static let pullRequestTarget = """
        on: pull_request_target
        jobs:
          build:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
                with: {ref: "${{ github.event.pull_request.head.sha }}"}
              - run: npm publish
                env: {NPM_TOKEN: "${{ secrets.NPM_TOKEN }}"}
        """
    static let quiet = "on: push\njobs:\n  test: {runs-on: ubuntu-latest, steps: [{run: make test}]}\n"

    /// An organisation's checkout: two GitHub repositories (one nested a level deeper), a GitLab
    /// one, a broken one, and a folder with no pipeline.
    static func organisation() throws -> String {
        let org = try ScratchRepository(named: "org", files: [
            "exposed/.github/workflows/pr.yml": pullRequestTarget,
            "team/quiet/.github/workflows/ci.yml": quiet,
            "gitlab-project/.gitlab-ci.yml": "test:\n  script: [make test]\n",
            "broken/.github/workflows/ci.yml": "on: push\njobs:\n  b: {runs-on: [unclosed\n",
            "docs/README.md": "no pipeline here\n",
        ])
        return org.root
    }

    @Test func everyRepositoryBelowIsRankedWorstFirstAndABrokenOneIsLocated() throws {
        let root = try Self.organisation()
        let run = try CommandRunner.run(["simulate", root])
        #expect(run.status == 2, "a broken repository makes the run exit 2, after the rest")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "4 repositories under \(root): 1 reaches a crown jewel in some scenario", "\(run.stdout)")
        #expect(lines.dropFirst().first == "1 could not be read completely: marked !, their errors are above")
        let rows = lines.drop { !$0.contains("crown jewels  worst scenario") }.dropFirst().prefix { !$0.hasPrefix("crown jewels:") }
        #expect(rows.count == 4)
        #expect(lines.last == "secrets: those any scenario reads." && run.stdout.contains("a secret as the credential it stores); worst scenario:"), "the measures are explained")
        #expect(rows.first?.contains("exposed") == true, "the repository whose pull requests reach its npm token comes first")
        #expect(rows.contains { $0.contains("team/quiet") } && rows.contains { $0.contains("gitlab-project") })
        #expect(rows.contains { $0.contains("broken !") })
        #expect(run.stderr.contains("broken/.github/workflows/ci.yml:4:1: error: YAML syntax error"), "\(run.stderr)")
        #expect(!run.stdout.contains("docs"))
    }

    @Test func aWarningRepeatedInOneRepositoryIsPrintedOnceWithItsCount() throws {
        // The templates may come from the included project Firebreak cannot read: a warning each.
        let jobs = "include:\n  - project: acme/templates\n    file: /jobs.yml\n    ref: v1\n"
            + (1...5).map { "job\($0):\n  extends: .missing-template-\($0)\n  script: [make]\n" }.joined()
        let org = try ScratchRepository(named: "org", files: ["templated/.gitlab-ci.yml": jobs,
                                                          "plain/.github/workflows/ci.yml": Self.quiet])
        let run = try CommandRunner.run(["simulate", org.root])
        #expect(run.stderr.components(separatedBy: "which is not defined here").count == 2, "\(run.stderr)")
        #expect(run.stderr.contains("(and 4 more like it in this repository; `firebreak validate` lists every one)"), "\(run.stderr)")
    }

    @Test func theJSONHoldsEveryRepositorysReport() throws {
        let root = try Self.organisation()
        let run = try CommandRunner.run(["simulate", root, "--format", "json"])
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let repositories = try #require(decoded["repositories"] as? [[String: Any]])
        #expect(repositories.compactMap { $0["path"] as? String } == ["broken", "exposed", "gitlab-project", "team/quiet"])
        let exposed = try #require(repositories.first { $0["path"] as? String == "exposed" }?["report"] as? [String: Any])
        let scenarios = try #require(exposed["scenarios"] as? [[String: Any]])
        let fork = try #require(scenarios.first { $0["id"] as? String == "malicious-fork-pr" })
        #expect((fork["crownJewelsReached"] as? [String])?.contains("secret:NPM_TOKEN") == true)
        let broken = try #require(repositories.first { $0["path"] as? String == "broken" })
        #expect((broken["problems"] as? [String])?.first?.contains("ci.yml:4:1") == true)
    }

    @Test func detailsFollowTheTableAndOneContextFileIsRefused() throws {
        let root = try Self.organisation()
        let details = try CommandRunner.run(["simulate", root, "--details"])
        #expect(details.stdout.contains("malicious-fork-pr — A stranger opens a pull request"))
        let context = try temporaryFile(named: "firebreak.context.yml", contents: "repository: {name: acme/x}\n")
        let refused = try CommandRunner.run(["simulate", root, "--context", context])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--context describes one repository"))
    }
}
