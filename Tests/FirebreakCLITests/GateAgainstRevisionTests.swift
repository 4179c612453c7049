import FirebreakTestSupport
import Foundation
import Testing

/// `gate --against REV` compares the repository with itself at a revision: an unchanged
/// GitHub, GitLab or mixed repository passes, and a change in any file an importer reads
/// (names with spaces included) is seen.
struct GateAgainstRevisionTests {
    static let workflow = """
        on: [push, pull_request]
        permissions: {contents: read}
        jobs:
          build:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@8e5e7e5ab8b370d6c329ec480221332ada57f0ab
              - uses: ./tools/my act
        """
    static let action = """
        name: my act
        runs: {using: composite, steps: [{run: make, shell: bash}]}
        """
    /// The same action, now running a third-party action at a branch.
    static let widenedAction = """
        name: my act
        runs:
          using: composite
          steps:
            - uses: someone/tool@main
        """
    static let gitlab = """
        include: [{local: 'ci/build jobs.yml'}]
        lint:
          script: [make lint]
        """
    static let included = """
        build:
          script: [make build]
        """
    /// The included file, now deploying with a variable from a merge request pipeline.
    static let widenedIncluded = """
        build:
          script: [make build]
        publish:
          tags: [deployers]
          rules: [{if: '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
          script: ['curl -H "PRIVATE-TOKEN: $DEPLOY_TOKEN" https://registry.example.com']
        """

    static func repository(_ files: [String: String]) throws -> ScratchRepository {
        let repository = try ScratchRepository(files: files)
        try repository.initialise()
        try repository.commit("pipeline")
        return repository
    }

    @Test(arguments: ["github", "gitlab", "mixed"])
    func anUnchangedRepositoryPassesAndAChangeInAnyReadFileIsSeen(platform: String) throws {
        var files: [String: String] = [:]
        if platform != "gitlab" {
            files[".github/workflows/release build.yml"] = Self.workflow
            files["tools/my act/action.yml"] = Self.action
        }
        if platform != "github" {
            files[".gitlab-ci.yml"] = Self.gitlab
            files["ci/build jobs.yml"] = Self.included
        }
        let repository = try Self.repository(files)
        let clean = try CommandRunner.run(["gate", "--repo", repository.root, "--against", "HEAD"])
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
        #expect(clean.stdout.contains("gate passed"))

        if platform != "gitlab" { try repository.write("tools/my act/action.yml", Self.widenedAction) }
        if platform != "github" { try repository.write("ci/build jobs.yml", Self.widenedIncluded) }
        try repository.commit("widen")
        let grown = try CommandRunner.run(["gate", "--repo", repository.root, "--against", "HEAD~1"])
        #expect(grown.status == 1, "\(grown.stdout)\(grown.stderr)")
        if platform != "gitlab" { #expect(grown.stdout.contains("someone/tool@main")) }
        if platform != "github" { #expect(grown.stdout.contains("DEPLOY_TOKEN") || grown.stdout.contains("deployers")) }
        let again = try CommandRunner.run(["gate", "--repo", repository.root, "--against", "HEAD"])
        #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
    }
}
