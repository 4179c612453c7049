import FirebreakTestSupport
import Foundation
import Testing

/// `firebreak weaknesses`: every weak construct once, ranked by what a path through it reaches,
/// or latent with why; in text, JSON and SARIF; each kind explained by `firebreak explain`.
struct WeaknessesTests {
    static let fixtures = "Tests/FirebreakImportTests/Fixtures"

    @Test func aReachedWeaknessNamesWhatItOpensAndTheScenariosThatUseIt() throws {
        let result = try CommandRunner.run(["weaknesses", "\(Self.fixtures)/issue-injection"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("issue-injection ("))
        #expect(result.stdout.contains("Fixtures/issue-injection): 3 weaknesses; 3 open a path"), "a long path gives way at its start")
        #expect(result.stdout.contains("""
            [script-injection] '${{  github.event.issue.title  }}' pasted into a script (github.event.issue.title: outsider-written)
                .github/workflows/triage.yml:9:33: opens secret:TRIAGE_PAT (high) in 1 scenario: malicious-fork-pr
            """))
    }

    /// A template's unpinned image is one weakness for every job that extends it: the job it is
    /// listed under is the same in every run, whatever order the process's tables hand them out.
    @Test func aWeaknessManyJobsShareIsListedTheSameEveryRun() throws {
        let jobs = (1...8).map { "job-\($0):\n  extends: .base\n" }.joined()
        let repository = try ScratchRepository(files: [".gitlab-ci.yml": ".base:\n  image: python:3.12\n  script: [make]\n" + jobs])
        let runs = try (1...4).map { _ in try CommandRunner.run(["weaknesses", repository.root, "--all", "--format", "json"]).stdout }
        #expect(runs.first?.contains("\"subject\" : \"job:job-1\"") == true, "\(runs.first ?? "")")
        #expect(Set(runs).count == 1)
    }

    @Test func aWeaknessNothingUsesIsLatentWithWhy() throws {
        let result = try CommandRunner.run(["weaknesses", "\(Self.fixtures)/pr-checkout", "--all"])
        #expect(result.stdout.contains("""
            [untrusted-checkout] job 'preview/preview' checks out and runs code a pull request brings
                .github/workflows/preview.yml:6:3: latent: the job runs only for pull requests, where a fork's run gets no secrets
            """))
        let short = try CommandRunner.run(["weaknesses", "\(Self.fixtures)/pr-checkout"])
        #expect(short.stdout.contains("latent today (--all lists each with why): 1 persisted-credentials, 1 untrusted-checkout"))
    }

    @Test func jsonAndSARIFCarryEveryWeaknessWithSeverityFromWhatItOpens() throws {
        let json = try CommandRunner.run(["weaknesses", "\(Self.fixtures)/cache", "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let entries = try #require(report["weaknesses"] as? [[String: Any]])
        #expect(entries.count == 9)
        #expect(entries.first?["crownJewel"] as? Bool == true, "ranked by what they open")
        let sarif = try CommandRunner.run(["weaknesses", "\(Self.fixtures)/cache", "--format", "sarif", "--docs-url", "https://example.org/rules.md"])
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == entries.count, "one result per weakness")
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        let kindsOpeningCrownJewels = Set(entries.filter { $0["crownJewel"] as? Bool == true }.compactMap { $0["kind"] as? String })
        #expect(kindsOpeningCrownJewels.count >= 4)
        for rule in rules {
            let severity = try #require(Double((rule["properties"] as? [String: String])?["security-severity"] ?? ""))
            if kindsOpeningCrownJewels.contains(rule["id"] as? String ?? "") {
                #expect(severity == 9.5, "a kind that opens a crown jewel somewhere: \(rule["id"] ?? "")")
            } else {
                #expect(severity < 9.5, "a kind that opens less: \(rule["id"] ?? "")")
            }
            #expect((rule["helpUri"] as? String)?.hasPrefix("https://example.org/rules.md#") == true)
            let id = try #require(rule["id"] as? String)
            let explained = try CommandRunner.run(["explain", id])
            #expect(explained.status == 0 && explained.stdout.hasPrefix("\(id) — "), "firebreak explain knows \(id)")
        }
        // The level follows what a weakness opens: a crown jewel or a critical or high asset is an
        // error, a medium one a warning; a low one (a token that only reads the public
        // repository) and nothing at all (latent) are notes.
        func level(_ entry: [String: Any]) -> String {
            let criticality = entry["criticality"] as? String
            if entry["crownJewel"] as? Bool == true || criticality == "critical" || criticality == "high" { return "error" }
            return criticality == "medium" ? "warning" : "note"
        }
        #expect(results.compactMap { $0["level"] as? String }.sorted() == entries.map(level).sorted())
        #expect(entries.filter { $0["opens"] == nil }.allSatisfy { level($0) == "note" }, "latent weaknesses are notes")
        // A token the checkout keeps in .git is no rule's premise: the job's code holds the token
        // anyway, so it opens nothing of its own and says why.
        let kept = entries.filter { $0["kind"] as? String == "persisted-credentials" }
        #expect(!kept.isEmpty)
        #expect(kept.allSatisfy { $0["opens"] == nil && ($0["latent"] as? String)?.contains("rule 'job-token'") == true }, "\(kept)")
    }

    /// An AI agent action runs by default only for actors with write access; opened to every
    /// GitHub user, anyone's issue or comment can steer it. Listed where the opening input is
    /// written, latent with why: Firebreak has no model of what the steered agent does.
    @Test func anAgentOpenToEveryGitHubUserIsASteerableAgent() throws {
        func weaknesses(_ with: String, agent: String = "openai/codex-action") throws -> String {
            let repository = try ScratchRepository(files: [".github/workflows/triage.yml": """
                on: {issues: {types: [opened]}}
                permissions: {}
                jobs:
                  triage:
                    runs-on: ubuntu-latest
                    permissions: {contents: read, issues: write}
                    steps:
                      - uses: \(agent)@52fe01ec70a42f454c9d2ebd47598f9fd6893d56
                        with:
                          openai-api-key: ${{ secrets.OPENAI_API_KEY }}
                          prompt: Label this issue.
                \(with)
                """])
            return try CommandRunner.run(["weaknesses", repository.root, "--format", "json"]).stdout
        }
        let open = try weaknesses("          allow-users: \"*\"")
        #expect(open.contains(#""kind" : "steerable-agent""#), "\(open)")
        #expect(open.contains(#"'openai/codex-action' runs for every GitHub user (`allow-users: \"*\"`), not only those with write access"#), "\(open)")
        #expect(open.contains(#""location" : ".github/workflows/triage.yml:12:24""#), "where the input opens it")
        #expect(open.contains("Firebreak has no model of what a prompt-injected agent does"), "latent, with why")
        #expect(try !weaknesses("          allow-users: alice, bob").contains("steerable-agent"), "the control: named users only")
        #expect(try !weaknesses("").contains("steerable-agent"), "the control: write access only, the default")
        let claude = try weaknesses("          allowed_non_write_users: \"*\"", agent: "anthropics/claude-code-action")
        #expect(claude.contains(#"'anthropics/claude-code-action' runs for every GitHub user (`allowed_non_write_users: \"*\"`)"#), "\(claude)")
        let explained = try CommandRunner.run(["explain", "steerable-agent"])
        #expect(explained.status == 0 && explained.stdout.contains("AI agent"), "\(explained.stdout)")
    }

    /// A checkout keeps the job token in `.git` unless told not to: the weakness says which, the
    /// default or an explicit `persist-credentials: true`.
    @Test func aPersistedTokenSaysWhetherTheCheckoutAskedForIt() throws {
        func detail(_ with: String) throws -> String {
            let repository = try ScratchRepository(files: [".github/workflows/ci.yml": """
                on: {push: {branches: [main]}}
                permissions: {contents: read}
                jobs:
                  test:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@0123456789abcdef0123456789abcdef01234567
                \(with)
                      - run: make test
                """])
            return try CommandRunner.run(["weaknesses", repository.root, "--format", "json"]).stdout
        }
        #expect(try detail("        with: {persist-credentials: true}").contains("keeps the job token in .git (`persist-credentials: true`)"))
        #expect(try detail("").contains("keeps the job token in .git (no `persist-credentials: false`)"))
    }

    /// A job that calls a workflow holds no token itself: the weakness at the call says the
    /// called jobs get the default token unless the called file narrows it.
    @Test func aCallWithoutPermissionsSaysTheCalledFileMayNarrowTheToken() throws {
        let repository = try ScratchRepository(files: [
            ".github/workflows/ci.yml": """
                on: {pull_request: {types: [labeled]}}
                jobs:
                  suite:
                    uses: ./.github/workflows/suite.yml
                """,
            ".github/workflows/suite.yml": """
                on: {workflow_call: {}}
                permissions: {contents: read}
                jobs:
                  run:
                    runs-on: ubuntu-latest
                    steps:
                      - run: make check
                """,
        ])
        let json = try CommandRunner.run(["weaknesses", repository.root, "--format", "json"]).stdout
        #expect(json.contains("no `permissions:` for job 'suite': the jobs of './.github/workflows/suite.yml' get the repository's default token, which may write everything, unless that file narrows it"), "\(json)")
        #expect(!json.contains("'suite': its token gets"), "the call holds no token of its own")
    }
}
