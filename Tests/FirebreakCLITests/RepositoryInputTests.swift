import Foundation
import FirebreakTestSupport
import Testing

@Suite struct RepositoryInputTests {
    static let fixtures = "Tests/FirebreakImportTests/Fixtures"

    @Test func simulateReadsARepositoryFolderWithNoFlags() throws {
        let result = try CommandRunner.run(["simulate", "\(Self.fixtures)/prt-checkout", "--scenario", "malicious-fork-pr"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("└ start job:preview/preview  [privileged-pr-trigger] .github/workflows/preview.yml:2:5"),
                "locations relative to the folder given")
        #expect(result.stdout.contains("score 13, no crown jewel reached; 1 secret: PREVIEW_TOKEN"), "reading the public repository weighs nothing")
        #expect(result.stdout.contains("assumptions"))
    }

    @Test func theVerdictTableComesFirstWorstScenarioOnTop() throws {
        let result = try CommandRunner.run(["simulate", "\(Self.fixtures)/prt-checkout"])
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[1].hasPrefix("verdict: "), "a sentence says it first: \(lines[1])")
        let header = try #require(lines.firstIndex { $0.hasPrefix("scenario") && $0.contains("crown jewels") })
        // The verdict's sentence, wrapped over at most three lines, then the table.
        let blank = try #require(lines.indices.first { $0 > 1 && lines[$0].isEmpty })
        #expect(blank <= 4 && header == blank + 1, "the table follows the verdict: \(lines.prefix(header + 1))")
        let rows = lines[(header + 1)...(header + 4)]
        let scores = rows.compactMap { line in line.split(separator: " ", omittingEmptySubsequences: true).dropFirst(2).first.flatMap { Int($0) } }
        #expect(scores.count == 4 && scores == scores.sorted(by: >), "the scenario that reaches most is first: \(rows)")
    }

    @Test func aSingleWorkflowFileIsAnInput() throws {
        let result = try CommandRunner.run(["graph", "\(Self.fixtures)/secrets-per-job/.github/workflows/ci.yml"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("secret:NPM_TOKEN -exposes-> job:ci/publish"))
    }

    @Test func aBrokenWorkflowIsReportedTheRestAnalysedAndTheExitIsTwo() throws {
        let result = try CommandRunner.run(["simulate", "\(Self.fixtures)/broken", "--scenario", "compromised-build-step"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("broken/.github/workflows/bad.yml:"))
        #expect(result.stdout.contains("compromised-build-step"))
    }

    @Test func anExplicitContextFileIsUsedAndValidated() throws {
        let context = try temporaryFile(named: "ctx.yml", contents: """
            firebreak: 1
            repository: {visibility: private}
            secrets:
              NPM_TOKEN: {carries: nobody}
            """)
        let result = try CommandRunner.run(["simulate", "\(Self.fixtures)/secrets-per-job", "--context", context])
        #expect(result.status == 2)
        #expect(result.stderr.contains("ctx.yml:4:24: error: secret 'NPM_TOKEN' carries undeclared identity 'nobody'"))
    }

    @Test func aFolderWithoutAPipelineIsAnError() throws {
        let folder = (try temporaryFile(named: "README", contents: "nothing") as NSString).deletingLastPathComponent
        let result = try CommandRunner.run(["simulate", folder])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no pipeline found"))
    }

    /// A warning that recurs (jobs extending templates from includes that cannot be read) is
    /// printed once with a count, so the verdict stays on the first screen; `validate` lists
    /// every one.
    @Test func aRecurringWarningIsPrintedOnceWithItsCount() throws {
        let jobs = (1...5).map { "job\($0):\n  extends: .remote-template\n  script: [make]\n" }.joined()
        let include = "include:\n  - project: acme/templates\n    ref: 0123456789abcdef0123456789abcdef01234567\n    file: jobs.yml\n"
        let repository = try ScratchRepository(files: [".gitlab-ci.yml": include + jobs])
        let simulate = try CommandRunner.run(["simulate", repository.root, "--scenario", "compromised-build-step"])
        #expect(simulate.status == 0, "\(simulate.stderr)")
        #expect(simulate.stderr.components(separatedBy: "warning:").count - 1 == 1, "\(simulate.stderr)")
        #expect(simulate.stderr.contains("(and 4 more like it in this input; `firebreak validate` lists every one)"), "\(simulate.stderr)")
        let validate = try CommandRunner.run(["validate", repository.root])
        #expect(validate.stderr.components(separatedBy: "warning:").count - 1 == 5, "\(validate.stderr)")
    }
}
