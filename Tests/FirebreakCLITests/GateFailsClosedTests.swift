import FirebreakTestSupport
import Foundation
import Testing

/// The gate is a control: an input it cannot read fails it, revisions are exported exactly,
/// and a baseline does not depend on the folder a clone sits in.
@Suite struct GateFailsClosedTests {
    /// An empty git repository on `main`.
    static func repository(named name: String = "repo") throws -> ScratchRepository {
        let repository = try ScratchRepository(named: name)
        try repository.initialise()
        return repository
    }

    static let workflow = SampleWorkflow.build()

    @Test func anUnreadableWorkflowFailsTheGateInEveryFormat() throws {
        let repository = try Self.repository()
        try repository.write(".github/workflows/ci.yml", Self.workflow)
        try repository.commit("ci")
        try repository.write(".github/workflows/evil.yml", "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo \u{1}\n")
        let text = try CommandRunner.run(["gate", "--repo", repository.root, "--against", "HEAD"])
        #expect(text.status == 2)
        #expect(text.stdout.hasPrefix("gate failed closed"))
        #expect(text.stdout.contains(".github/workflows/evil.yml:6:19: error: cannot read YAML"))
        let markdown = try CommandRunner.run(["gate", "--repo", repository.root, "--against", "HEAD", "--format", "markdown"])
        #expect(markdown.status == 2)
        #expect(markdown.stdout.hasPrefix("## ❌ Firebreak gate failed closed"))
        #expect(markdown.stdout.contains(".github/workflows/evil.yml:6:19`"))
        let sarif = try CommandRunner.run(["gate", "--repo", repository.root, "--against", "HEAD", "--format", "sarif"])
        #expect(sarif.status == 2)
        #expect(sarif.stdout.contains("\"ruleId\" : \"unreadable-input\"") || sarif.stdout.contains("\"ruleId\":\"unreadable-input\""))
        let baseline = (repository.root as NSString).appendingPathComponent("../base.json")
        let update = try CommandRunner.run(["gate", repository.root, "--baseline", baseline, "--update-baseline"])
        #expect(update.status == 2, "a baseline is never written from a tree the gate cannot read")
        try repository.git("stash", "-u")
        #expect(try CommandRunner.run(["gate", repository.root, "--baseline", baseline, "--update-baseline"]).status == 0)
        try repository.git("stash", "pop")
        let againstBaseline = try CommandRunner.run(["gate", repository.root, "--baseline", baseline])
        #expect(againstBaseline.status == 2)
    }

    @Test func aLocalActionAnywhereInTheRepositoryIsPartOfTheRevision() throws {
        let repository = try Self.repository()
        try repository.write(".github/workflows/ci.yml",
                             SampleWorkflow.build(then: "uses: ./tools/act\nenv: {TOKEN: \"${{ secrets.DEPLOY_TOKEN }}\"}"))
        try repository.write("tools/act/action.yml", """
            runs:
              using: composite
              steps:
                - run: make
                  shell: bash
            """)
        try repository.commit("pinned")
        #expect(try CommandRunner.run(["gate", "--repo", repository.root, "--against", "HEAD", "--scenario", "compromised-third-party-action"]).status == 0)
        try repository.write("tools/act/action.yml", """
            runs:
              using: composite
              steps:
                - uses: someone/helper@main
            """)
        try repository.commit("unpinned helper")
        let gate = try CommandRunner.run(["gate", "--repo", repository.root, "--against", "HEAD~1", "--scenario", "compromised-third-party-action"])
        #expect(gate.status == 1, "\(gate.stdout)\(gate.stderr)")
        #expect(gate.stdout.contains("secret:DEPLOY_TOKEN"))
    }

    @Test func fileNamesWithSpacesAreExported() throws {
        let repository = try Self.repository()
        try repository.write(".github/workflows/build and test.yml", Self.workflow)
        try repository.commit("ci")
        let gate = try CommandRunner.run(["gate", "--repo", repository.root, "--against", "HEAD"])
        #expect(gate.status == 0, "\(gate.stdout)\(gate.stderr)")
    }

    @Test(arguments: ["github", "gitlab", "mixed"])
    func anUnchangedRepositoryPassesAgainstItsOwnHead(_ platform: String) throws {
        let repository = try Self.repository()
        if platform != "gitlab" { try repository.write(".github/workflows/build and test.yml", Self.workflow) }
        if platform != "github" {
            try repository.write(".gitlab-ci.yml", "include:\n  - local: ci/build jobs.yml\ntest:\n  script: [make test]\n")
            try repository.write("ci/build jobs.yml", "build:\n  script: [make]\n")
        }
        try repository.commit(platform)
        let gate = try CommandRunner.run(["gate", "--repo", repository.root, "--against", "HEAD"])
        #expect(gate.status == 0, "\(gate.stdout)\(gate.stderr)")
    }

    @Test func aBaselineHoldsInAnotherClone() throws {
        let source = try Self.repository(named: "source")
        try source.write(".github/workflows/ci.yml", Self.workflow)
        try source.commit("ci")
        let base = try ScratchRepository(cloning: source, as: "base")
        let other = try ScratchRepository(cloning: source, as: "repo")
        let baseline = (base.root as NSString).appendingPathComponent("../baseline.json")
        #expect(try CommandRunner.run(["gate", base.root, "--baseline", baseline, "--update-baseline"]).status == 0)
        let gate = try CommandRunner.run(["gate", other.root, "--baseline", baseline])
        #expect(gate.status == 0, "\(gate.stdout)")
    }

    @Test func aBaselineOfAnotherContractIsRefusedWithTheCommandToRegenerate() throws {
        let repository = try Self.repository()
        try repository.write(".github/workflows/ci.yml", Self.workflow)
        try repository.commit("ci")
        let baseline = (repository.root as NSString).appendingPathComponent("../old.json")
        #expect(try CommandRunner.run(["gate", repository.root, "--baseline", baseline, "--update-baseline"]).status == 0)
        let text = try String(contentsOfFile: baseline, encoding: .utf8).replacingOccurrences(of: "\"jsonContract\" : 1", with: "\"jsonContract\" : 99")
            .replacingOccurrences(of: "\"jsonContract\":1", with: "\"jsonContract\":99")
        try text.write(toFile: baseline, atomically: true, encoding: .utf8)
        let gate = try CommandRunner.run(["gate", repository.root, "--baseline", baseline])
        #expect(gate.status == 2)
        #expect(gate.stderr.contains("JSON contract 99"))
        #expect(gate.stderr.contains("--update-baseline"))
    }
}
