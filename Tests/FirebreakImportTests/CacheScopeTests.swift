import FirebreakEngine
import FirebreakImport
import FirebreakModel
import FirebreakTestSupport
import Foundation
import Testing

/// Which runs write a cache: GitHub keeps a branch's cache to itself and gives outsiders' runs a
/// read-only token; GitLab keeps protected and unprotected refs' caches apart.
@Suite struct CacheScopeTests {
    static func load(_ files: [String: String]) throws -> PipelineModel {
        let repository = try ScratchRepository(files: files)
        let imported = try InputLoader.load(path: repository.root)
        #expect(!imported.diagnostics.contains { $0.severity == .error }, "\(imported.diagnostics)")
        return imported.model
    }

    /// Whether the scenario poisons the cache (whose name holds a space, which a fact's text cannot).
    static func poisons(_ result: BlastRadius, _ cache: String) -> Bool {
        result.facts.has(.poison, NodeID(.cache, cache))
    }

    static func fixture(_ name: String, _ file: String) throws -> String {
        try String(contentsOfFile: ImportFixtures.path(name) + "/" + file, encoding: .utf8)
    }

    // MARK: GitHub

    @Test func aPullRequestTargetRunReadsTheDefaultBranchCacheButWritesItOnlyWhenItsJobAsks() throws {
        let release = try Self.fixture("cache", ".github/workflows/release.yml")
        let asking = try Self.fixture("cache", ".github/workflows/ci.yml")
        let plain = asking.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("cache-mode") && !$0.contains("# Outsiders'") }.joined(separator: "\n")
        #expect(plain != asking)
        let model = try Self.load([".github/workflows/ci.yml": plain, ".github/workflows/release.yml": release])
        #expect(model.jobs["ci/bench"]?.restoresCaches.map(\.name) == ["default-branch-cache"])
        #expect(model.jobs["ci/bench"]?.savesCaches == [], "a read-only cache token since June 2026")
        let result = try Examples.run("malicious-fork-pr", on: model)
        #expect(result.reaches("exec job:ci/bench"))
        #expect(!result.reaches("poison cache:default-branch-cache"))
        #expect(!result.reaches("read secret:NPM_TOKEN"))
    }

    /// A cache that a local composite action's own steps keep (setup-gradle caches by default)
    /// is the cache of every job that uses the action: a test job on the default branch writes
    /// it, and the release that restores it runs what it holds. An action that keeps none adds
    /// none, and an input that turns the cache on counts as the caller gives it or as it defaults.
    @Test func aLocalCompositeActionsCacheIsItsJobsCache() throws {
        let workflow = """
            on: {push: {branches: [main]}, pull_request: {}}
            permissions: {contents: read}
            jobs:
              test:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@0123456789abcdef0123456789abcdef01234567
                  - uses: ./.github/actions/setup-gradle
                  - run: ./gradlew test
              plain:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@0123456789abcdef0123456789abcdef01234567
                  - uses: ./.github/actions/setup-jdk
                  - run: ./gradlew test
              quiet:
                runs-on: ubuntu-latest
                steps:
                  - uses: ./.github/actions/setup-toolchain
                  - run: go test ./...
              cached:
                runs-on: ubuntu-latest
                steps:
                  - uses: ./.github/actions/setup-toolchain
                    with: {cache: "true"}
                  - run: go test ./...
            """
        let model = try Self.load([
            ".github/workflows/ci.yml": workflow,
            ".github/actions/setup-gradle/action.yml": """
                runs:
                  using: composite
                  steps:
                    - uses: actions/setup-java@0123456789abcdef0123456789abcdef01234567
                      with: {distribution: temurin, java-version: "21"}
                    - uses: gradle/actions/setup-gradle@0123456789abcdef0123456789abcdef01234567
                      with: {cache-read-only: "${{ inputs.read-only }}"}
                """,
            ".github/actions/setup-toolchain/action.yml": """
                inputs:
                  cache: {default: "false"}
                runs:
                  using: composite
                  steps:
                    - uses: actions/setup-node@0123456789abcdef0123456789abcdef01234567
                      with: {cache: "${{ inputs.cache }}"}
                """,
            ".github/actions/setup-jdk/action.yml": """
                runs:
                  using: composite
                  steps:
                    - uses: actions/setup-java@0123456789abcdef0123456789abcdef01234567
                      with: {distribution: temurin, java-version: "21"}
                """,
        ])
        let test = try #require(model.jobs["ci/test"])
        #expect(test.restoresCaches.map(\.name) == ["default-branch-cache"])
        #expect(test.savesCaches.map(\.name) == ["default-branch-cache"], "a push to main writes the default branch's cache")
        #expect(try #require(model.jobs["ci/plain"]).restoresCaches.isEmpty, "the control: setup-java without `cache:` keeps none")
        #expect(try #require(model.jobs["ci/quiet"]).restoresCaches.isEmpty, "an input that turns the cache on defaults to off")
        #expect(try #require(model.jobs["ci/cached"]).restoresCaches.map(\.name) == ["default-branch-cache"], "the caller turns it on")
    }

    /// A pull request's run and a merge queue's write their own refs' scopes: only a run on the
    /// default branch (a push to it, a manual run) writes the scope a release restores from.
    @Test func pullRequestAndMergeQueueRunsWriteOnlyTheirOwnRefsCache() throws {
        func workflow(_ events: String) -> String {
            """
            on: \(events)
            permissions: {contents: read}
            jobs:
              test:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/setup-go@v5
                    with: {cache: true}
                  - run: go test ./...
            """
        }
        let queued = try Self.load([".github/workflows/ci.yml": workflow("[pull_request, merge_group]")])
        #expect(queued.jobs["ci/test"]?.restoresCaches.map(\.name) == ["default-branch-cache"])
        #expect(queued.jobs["ci/test"]?.savesCaches == [])
        let dispatched = try Self.load([".github/workflows/ci.yml": workflow("[pull_request, merge_group, workflow_dispatch]")])
        #expect(dispatched.jobs["ci/test"]?.savesCaches.map(\.name) == ["default-branch-cache"], "a maintainer may run it by hand on the default branch")
    }

    @Test func cacheModeDecidesWhatAJobMayDoWithTheCache() throws {
        func job(_ name: String, mode: String) -> String {
            """
              \(name):
                runs-on: ubuntu-latest
                cache-mode: \(mode)
                steps:
                  - uses: actions/setup-node@v4
                    with: {cache: npm}
                  - run: npm ci

            """
        }
        let workflow = "on:\n  push:\n    branches: [main]\npermissions: {}\njobs:\n"
            + job("reader", mode: "read") + job("writer", mode: "write") + job("filler", mode: "write-only") + job("none", mode: "none")
        let model = try Self.load([".github/workflows/ci.yml": workflow])
        let cache = ["default-branch-cache"]
        #expect(model.jobs["ci/reader"]?.restoresCaches.map(\.name) == cache)
        #expect(model.jobs["ci/reader"]?.savesCaches.map(\.name) == [])
        #expect(model.jobs["ci/writer"]?.restoresCaches.map(\.name) == cache)
        #expect(model.jobs["ci/writer"]?.savesCaches.map(\.name) == cache)
        #expect(model.jobs["ci/filler"]?.restoresCaches.map(\.name) == [])
        #expect(model.jobs["ci/filler"]?.savesCaches.map(\.name) == cache)
        #expect(model.jobs["ci/none"]?.restoresCaches.map(\.name) == [])
        #expect(model.jobs["ci/none"]?.savesCaches.map(\.name) == [])
    }

    /// Tests run on every push; the release restores the cache on main.
    static let everyBranch: [String: String] = [
        ".github/workflows/ci.yml": """
            on: push
            permissions: {}
            jobs:
              test:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - uses: actions/setup-node@v4
                    with: {cache: npm}
                  - run: npm test
            """,
        ".github/workflows/release.yml": """
            on:
              push:
                branches: [main]
            permissions: {}
            jobs:
              release:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - uses: actions/setup-node@v4
                    with: {cache: npm}
                  - run: npm publish
                    env: {NPM_TOKEN: "${{ secrets.NPM_TOKEN }}"}
            """,
    ]

    @Test func aSideBranchsRunDoesNotWriteTheDefaultBranchCache() throws {
        var files = Self.everyBranch
        files["firebreak.context.yml"] = "firebreak: 1\nrepository: {name: acme/app}\nactors: {dev: {role: contributor}}\nbranches: {main: {requiredReviews: 1}}\n"
        let result = try Examples.run("poisoned-pipeline-definition", on: try Self.load(files))
        #expect(result.facts.best(.exec, NodeID(.job, "ci/test")) == .unprotected, "the contributor's push runs the tests on their branch")
        #expect(!result.reaches("poison cache:default-branch-cache"))
        #expect(!result.reaches("exec job:release/release"))
    }

    @Test func aPushToAnUnprotectedMainWritesTheDefaultBranchCache() throws {
        let result = try Examples.run("poisoned-pipeline-definition", on: try Self.load(Self.everyBranch))
        #expect(result.facts.best(.exec, NodeID(.job, "ci/test")) == .full, "the tests run on main too")
        let poison = try #require(result.facts.derivation(of: Fact(.poison, NodeID(.cache, "default-branch-cache"))))
        #expect(poison.origin == Fact(.exec, NodeID(.job, "ci/test")))
    }

    // MARK: GitLab

    static let gitlab: [String: String] = [
        ".gitlab-ci.yml": """
            test:
              stage: test
              script: [make test]
              cache: {key: deps, paths: [vendor/]}
            release:
              stage: deploy
              script: [make release]
              cache: {key: deps, paths: [vendor/]}
              rules:
                - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
            """,
        "firebreak.context.yml": """
            firebreak: 1
            repository: {name: acme/app, visibility: private}
            actors: {dev: {role: contributor}, lead: {role: maintainer}}
            secrets: {RELEASE_TOKEN: {protectedBranchesOnly: true, criticality: critical}}
            """,
    ]

    @Test func aSideBranchsRunWritesOnlyTheUnprotectedCacheAndGetsNoProtectedVariable() throws {
        let model = try Self.load(Self.gitlab)
        #expect(model.caches["deps (protected)"]?.scope == .protected)
        #expect(model.caches["deps (unprotected)"]?.scope == .unprotected)
        #expect(model.branches["main"]?.isProtected == true, "GitLab protects the default branch by default")
        let result = try Examples.run("poisoned-pipeline-definition", on: model)
        #expect(result.facts.best(.exec, NodeID(.job, "test")) == .unprotected)
        #expect(Self.poisons(result, "deps (unprotected)"))
        #expect(!Self.poisons(result, "deps (protected)"))
        #expect(!result.reaches("exec job:release"))
        #expect(!result.reaches("read secret:RELEASE_TOKEN"))
    }

    @Test func aCompromisedTestJobWritesBothAndReachesTheRelease() throws {
        let result = try Examples.run("cache-poisoning", on: try Self.load(Self.gitlab))
        #expect(Self.poisons(result, "deps (protected)"))
        #expect(result.reaches("exec job:release"))
        #expect(result.reaches("read secret:RELEASE_TOKEN"))
    }

    /// A list of caches written once and aliased (`cache: [*go-cache]`) is a nested list, which
    /// GitLab flattens; a policy written as a variable is the variable's value for the job.
    @Test func anAliasedListOfCachesAndAPolicyInAVariableAreReadAsGitLabExpandsThem() throws {
        var files = Self.gitlab
        files[".gitlab-ci.yml"] = """
            variables: {POLICY: pull}
            .go-cache: &go-cache
              - key: deps
                policy: $POLICY
                paths: [vendor/]
            download:
              stage: test
              script: [go mod download]
              variables: {POLICY: pull-push}
              cache: [*go-cache]
            test:
              stage: test
              script: [make test]
              cache: [*go-cache]
            """
        let model = try Self.load(files)
        #expect(model.jobs["download"]?.savesCaches.map(\.name).sorted() == ["deps (protected)", "deps (unprotected)"])
        #expect(model.jobs["test"]?.restoresCaches.count == 2)
        #expect(model.jobs["test"]?.savesCaches.isEmpty == true, "its policy is the file's: pull")
    }

    @Test func aTestJobThatSavesNoCacheIsNotWhereTheCachePoisoningScenarioStarts() throws {
        var files = Self.gitlab
        files[".gitlab-ci.yml"] = files[".gitlab-ci.yml"]!.replacingOccurrences(of: "  cache: {key: deps, paths: [vendor/]}\n", with: "")
        let model = try Self.load(files)
        #expect(model.caches.isEmpty)
        let result = try Examples.run("cache-poisoning", on: model)
        #expect(result.footholds.isEmpty, "not applicable: no test job saves a cache")
    }

    @Test func gitLabsDefaultBranchProtectionKeepsADeveloperOffMainAndLetsAMaintainerPush() throws {
        let model = try Self.load(Self.gitlab)
        let protection = try #require(model.branches["main"]?.protection)
        #expect(protection.pushers?.map(\.name) == ["actor:lead"])
        #expect(model.assumptions.contains { $0.subject == NodeID(.branch, "main") && $0.statement.contains("GitLab's default protection") })
        let insider = try Examples.run("poisoned-pipeline-definition", on: model)
        #expect(!insider.reaches("push branch:main"))
        var declared = Self.gitlab
        declared["firebreak.context.yml"]! += "\nbranches: {main: {protected: false}}\n"
        let open = try Examples.run("poisoned-pipeline-definition", on: try Self.load(declared))
        #expect(open.reaches("push branch:main"))
    }
}
