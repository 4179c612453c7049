import Foundation
import FirebreakTestSupport
import Testing

/// `firebreak fix` as a user runs it: the verdict first, exit 1 when a --keep blocks the goal,
/// patched copies that `compare` reads, and no write over the input.
@Suite struct FixCommandTests {
    static let skeleton = "Scenarios/pipelines/skeleton-key.yml"

    @Test func theVerdictComesFirstAndThePatchLast() throws {
        let result = try CommandRunner.run(["fix", Self.skeleton])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.components(separatedBy: "\n")
        #expect(lines[0].hasPrefix("skeleton-key (Scenarios/pipelines/skeleton-key.yml): 17 changes cut 49 of the 50 crown-jewel reaches"))
        #expect(result.stdout.contains("1 crown-jewel reach left (scenario: crown jewel via rules):\n  compromised-build-step: resource:prod-cluster via foothold → build-output → artifact-deploy"))
        #expect(result.stdout.contains("--- a/Scenarios/pipelines/skeleton-key.yml"))
    }

    /// "Nothing to fix" is no all-clear where what a scenario reaches is rated high only because
    /// nothing says what it is worth: the verdict says what to settle first, as simulate's does.
    @Test func nothingToFixSaysWhatTheCleanVerdictRestsOn() throws {
        func verdict(_ permissions: String) throws -> String {
            let repository = try ScratchRepository(files: [".github/workflows/ci.yml": """
                on: push
                \(permissions)
                jobs:
                  test:
                    runs-on: ubuntu-latest
                    steps:
                      - run: make test
                """])
            return try CommandRunner.run(["fix", repository.root]).stdout.components(separatedBy: "\n")[0]
        }
        let open = try verdict("")
        #expect(open.contains("nothing to fix; but ") && open.contains("write access to the repository rated high")
                && open.hasSuffix("then run fix again"), "\(open)")
        let narrow = try verdict("permissions: {contents: read}")
        #expect(narrow.hasSuffix("no crown jewel is reached in the scenarios played: nothing to fix"), "\(narrow)")
    }

    @Test func aRunnersLifecycleIsMadeInTheRunnersOwnConfiguration() throws {
        // A pool's lifecycle is its host's configuration: no repository setting makes it ephemeral.
        let repository = try ScratchRepository(files: [".github/workflows/ci.yml": """
            on: pull_request
            jobs:
              test:
                runs-on: [self-hosted, linux]
                steps:
                  - run: make test
            """, ".github/workflows/release.yml": """
            on: push
            jobs:
              release:
                runs-on: [self-hosted, linux]
                steps:
                  - run: npm publish
                    env: {NODE_AUTH_TOKEN: "${{ secrets.NPM_TOKEN }}"}
            """])
        let result = try CommandRunner.run(["fix", repository.root, "--scenario", "malicious-fork-pr"])
        let line = try #require(result.stdout.components(separatedBy: "\n").first { $0.contains("blocks runner-hijack") || $0.contains("blocks persistent-runner") },
                                "\(result.stdout)")
        #expect(line.contains("a setting: make it in the runners' own configuration"), "\(line)")
        #expect(!line.contains("repository's settings"))
    }

    @Test func aStartFixedOnlyByHandNamesTheJobsOtherMovableReferences() throws {
        // Pinning the tool installed by name alone leaves the job's actions at their tags: each
        // starts the attacker there too, and the reach left says so.
        let repository = try ScratchRepository(files: [".github/workflows/release.yml": SampleWorkflow.oneJob(
            "release", on: "{push: {tags: [\"v*\"]}}", permissions: "{contents: read, id-token: write}", steps: [
                "uses: actions/checkout@v4", "uses: actions/setup-node@v4\nwith: {registry-url: \"https://registry.npmjs.org\"}",
                "run: npm install -g npm", "run: npm publish --provenance",
            ])])
        let result = try CommandRunner.run(["fix", repository.root, "--scenario", "compromised-third-party-action"])
        let reason = try #require(result.stdout.components(separatedBy: "\n").first { $0.contains("install an exact version of 'npm:npm'") }, "\(result.stdout)")
        #expect(reason.contains("with it, the job's other movable references, each a start as well: 'actions/checkout@v4' at "), "\(reason)")
        #expect(reason.contains(".github/workflows/release.yml:7:9, 'actions/setup-node@v4' at ") && reason.hasSuffix(".github/workflows/release.yml:8:9"), "\(reason)")
    }

    @Test func aKeepThatMakesTheGoalImpossibleExitsOneNamingIt() throws {
        let result = try CommandRunner.run(["fix", Self.skeleton, "--scenario", "compromised-build-step",
                                            "--keep", "job:build reads secret:AWS_DEPLOY_KEY", "--keep", "identity:ci-deployer"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no set keeps every crown jewel out of reach while --keep identity:ci-deployer, job:build reads secret:AWS_DEPLOY_KEY holds"))
        #expect(result.stdout.contains("blocked by --keep identity:ci-deployer, job:build reads secret:AWS_DEPLOY_KEY"))
    }

    @Test func aBadKeepIsAUsageError() throws {
        let result = try CommandRunner.run(["fix", Self.skeleton, "--keep", "job:build steals secret:X"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("job:NAME reads secret:NAME"))
    }

    @Test func applyWritesACopyThatCompareReadsAndNeverTheInput() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fix-apply-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let before = try String(contentsOfFile: PackagePaths.path(Self.skeleton), encoding: .utf8)
        let fix = try CommandRunner.run(["fix", Self.skeleton, "--apply", folder, "--format", "json"])
        #expect(fix.status == 0, "\(fix.stderr)")
        #expect(try String(contentsOfFile: PackagePaths.path(Self.skeleton), encoding: .utf8) == before)
        let patched = (folder as NSString).appendingPathComponent("skeleton-key.yml")
        let compare = try CommandRunner.run(["compare", Self.skeleton, patched, "--scenario", "leaked-god-token"])
        #expect(compare.status == 0, "\(compare.stderr)")
        #expect(compare.stdout.contains("crown jewels 5 -> 0"))
        let overInput = try CommandRunner.run(["fix", Self.skeleton, "--apply", "Scenarios/pipelines"])
        #expect(overInput.status == 2 && overInput.stderr.contains("--apply writes copies"))
        #expect(try String(contentsOfFile: PackagePaths.path(Self.skeleton), encoding: .utf8) == before)
    }

    @Test func markdownSuitsAPullRequestComment() throws {
        let result = try CommandRunner.run(["fix", Self.skeleton, "--format", "markdown", "--scenario", "malicious-fork-pr"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("### Firebreak fix advisor: skeleton-key\n"))
        #expect(result.stdout.contains("| # | change | blocks |") && result.stdout.contains("```diff\n--- a/"))
    }
}
