import FirebreakEngine
import FirebreakImport
import FirebreakModel
import FirebreakTestSupport
import Testing

/// A release job that installs its dependencies before it publishes runs their install scripts
/// with its publishing credentials (the Shai-Hulud worm's way in): the compromised build step
/// starts there too. One that only ships what a build job made does not.
@Suite struct PublishingDependencyTests {
    @Test func aReleaseJobThatInstallsItsDependenciesIsWhereAHostileDependencyRuns() throws {
        let repository = try ScratchRepository(files: [".github/workflows/release.yml": """
            on: {push: {tags: ["v*"]}}
            permissions: {contents: read}
            jobs:
              release:
                runs-on: ubuntu-latest
                environment: release
                permissions: {contents: read, id-token: write}
                steps:
                  - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
                  - run: npm ci
                  - run: npm publish --provenance
            """])
        let model = try InputLoader.load(path: repository.root).model
        #expect(model.jobs["release/release"]?.installsDependencies == true)
        let result = try Examples.run("compromised-build-step", on: model)
        #expect(result.footholds.contains(Fact(.exec, NodeID(.job, "release/release"))))
        #expect(result.crownJewels.contains(NodeID(.resource, "npm")), "its OIDC token publishes to npm")
    }

    /// Release assets are what people download: a release job that attaches the build's output
    /// ships whatever the build job wrote.
    @Test func aReleaseJobAttachingTheBuildsOutputShipsItToGitHubReleases() throws {
        let repository = try ScratchRepository(files: [".github/workflows/release.yml": """
            on: {push: {tags: ["v*"]}}
            permissions: {contents: read}
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
                  - run: make dist
                  - uses: actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02
                    with: {name: dist, path: dist/}
              release:
                needs: build
                runs-on: ubuntu-latest
                permissions: {contents: write}
                steps:
                  - uses: actions/download-artifact@d3f86a106a0bac45b974a628896c90dbdf5c8093
                    with: {name: dist}
                  - uses: softprops/action-gh-release@72f2c25fcb47643c292f7107632f7a47c1df5cd8
                    with: {files: "dist/*"}
            """])
        let model = try InputLoader.load(path: repository.root).model
        #expect(model.resources["github-releases"]?.criticality == .critical)
        let result = try Examples.run("compromised-build-step", on: model)
        #expect(result.crownJewels.contains(NodeID(.resource, "github-releases")))
        #expect(result.reaches("access resource:github-releases deploy"), "through the artifact the release job attaches")
    }

    /// A job that builds and attaches its own output with its own token publishes it: its
    /// token writes the release; goreleaser does the same, and its `--snapshot` does not.
    @Test func aJobThatAttachesItsOwnBuildHoldsTheReleaseThroughItsToken() throws {
        func grants(_ script: String, permissions: String = "permissions: {contents: write}") throws -> [NodeID] {
            let repository = try ScratchRepository(files: [".github/workflows/release.yml": """
                on: {push: {tags: ["v*"]}}
                \(permissions)
                jobs:
                  release:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
                      - run: \(script)
                """])
            return try InputLoader.load(path: repository.root).model.jobs["release/release"]?.token?.map(\.target) ?? []
        }
        #expect(try grants("make dist && gh release create $TAG dist/*").contains(NodeID(.resource, "github-releases")))
        #expect(try grants("goreleaser release --clean").contains(NodeID(.resource, "github-releases")))
        #expect(try !grants("goreleaser release --snapshot --clean").contains(NodeID(.resource, "github-releases")))
        // No `permissions:`: the token has the legacy default, which writes contents.
        #expect(try grants("gh release create $TAG dist/*", permissions: "").contains(NodeID(.resource, "github-releases")))
        #expect(try !grants("gh release create $TAG dist/*", permissions: "permissions: {contents: read}").contains(NodeID(.resource, "github-releases")))
    }

    /// GoReleaser builds the checked-out code and runs the `before: hooks:` the repository's
    /// `.goreleaser.yaml` names: the job runs repository code though it has no `run:` step.
    @Test func theGoReleaserActionRunsTheRepositorysCode() throws {
        func job(checkout: Bool, with: String = "{args: release --clean}") throws -> Job {
            let repository = try ScratchRepository(files: [".github/workflows/release.yml": """
                on: {push: {tags: ["v*"]}}
                permissions: {contents: write}
                jobs:
                  release:
                    runs-on: ubuntu-latest
                    steps:
                      \(checkout ? "- uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683" : "- run: echo no checkout")
                      - uses: goreleaser/goreleaser-action@9ed2f89a662bf1735a48bc8557fd212fa902bebf
                        with: \(with)
                """])
            return try #require(InputLoader.load(path: repository.root).model.jobs["release/release"])
        }
        #expect(try job(checkout: true).runsRepositoryCode)
        #expect(try !job(checkout: false).runsRepositoryCode, "without the repository checked out it builds nothing of it")
        #expect(try !job(checkout: true, with: "{install-only: true}").runsRepositoryCode, "installed only, it runs nothing itself")
        let snapshot = try job(checkout: true, with: "{args: release --snapshot --clean}")
        #expect(snapshot.runsRepositoryCode && snapshot.role != .release, "a snapshot builds the code and publishes nothing")
        #expect(try job(checkout: true).role == .release)
    }

    @Test func aPublishJobThatShipsWhatTheBuildMadeIsNot() throws {
        let model = try ImportFixtures.load("gh-publishing").model
        #expect(model.jobs["release/build"]?.installsDependencies == true, "python -m build fetches and runs the build backend")
        #expect(model.jobs["release/publish"]?.installsDependencies == false)
        let result = try Examples.run("compromised-build-step", on: model)
        #expect(result.footholds.map(\.node) == [NodeID(.job, "release/build")])
    }
}

/// A dependency runs its install or build scripts in whichever job installs it: a scheduled job
/// that installs packages and runs the tests with a token that writes the repository is a
/// foothold of compromised-build-step, whatever its role; a job that installs nothing is not.
@Suite struct InstallingJobFootholdTests {
    @Test func aJobThatInstallsPackagesIsAFootholdWhateverItIsFor() throws {
        let repository = try ScratchRepository(files: [".github/workflows/lock.yml": """
            on: {schedule: [{cron: "0 0 * * 1"}]}
            permissions: {contents: write}
            jobs:
              refresh:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
                  - run: pip install -r requirements.txt && python -m pytest
              notify:
                runs-on: ubuntu-latest
                steps:
                  - run: echo "weekly lock refresh done"
            """])
        let model = try InputLoader.load(path: repository.root).model
        #expect(model.jobs["lock/refresh"]?.role == .test && model.jobs["lock/refresh"]?.installsDependencies == true)
        let result = try Examples.run("compromised-build-step", on: model)
        #expect(result.footholds.map(\.node) == [NodeID(.job, "lock/refresh")], "notify installs nothing")
        #expect(result.reaches("access repository:this-repository write"), "its token writes the repository")
    }
}

/// A package manager counts where it runs, not where its name is an argument: `apt-get install
/// gradle` installs a system package and `echo npm ci` prints a line.
@Suite struct PackageInstallCommandTests {
    private func installs(_ script: String) throws -> Bool {
        let repository = try ScratchRepository(files: [".github/workflows/release.yml": """
            on: {push: {tags: ["v*"]}}
            permissions: {contents: read}
            jobs:
              release:
                runs-on: ubuntu-latest
                steps:
                  - run: |
            \(script.split(separator: "\n").map { "          " + $0 }.joined(separator: "\n"))
            """])
        let model = try InputLoader.load(path: repository.root).model
        return try #require(model.jobs["release/release"]).installsDependencies
    }

    @Test func aPackageManagerWhereACommandStartsInstalls() throws {
        #expect(try installs("npm ci"))
        #expect(try installs("cd web && npm ci"))
        #expect(try installs("sudo pip install -r requirements.txt"))
        #expect(try installs("sudo -E pip install -r requirements.txt"), "sudo's options pass the command position on")
        #expect(try installs("env -i PATH=/usr/bin npm ci"))
        #expect(try installs("sudo -u ci pip install -r requirements.txt"), "an option's argument is not the command")
        #expect(try installs("sudo --user ci pip install -r requirements.txt"))
        #expect(try installs("CI=true ./gradlew assemble"))
        #expect(try installs("if true; then\n  cargo build --release\nfi"))
        #expect(try installs("make dist\nyarn"))
        #expect(try installs("cargo clippy --all-targets --all-features -- -D warnings"), "clippy compiles: build scripts and macros run")
        #expect(try installs("cargo check --all --all-targets"))
        #expect(try installs("cargo doc --no-deps"))
    }

    @Test func aPackageManagerNamedAsAnArgumentDoesNot() throws {
        #expect(try !installs("sudo apt-get install -y gradle maven"))
        #expect(try !installs("echo \"now run npm ci\""))
        #expect(try !installs("apt-get install -y \\\n  npm yarn"))
        #expect(try !installs("brew install gradle"))
        #expect(try !installs("ls -l npm"), "an option of a command that runs nothing passes nothing on")
        #expect(try !installs("command -v yarn >/dev/null || echo missing"), "`command -v` only says where it is")
        #expect(try !installs("sudo -u yarn true"))
        #expect(try !installs("cargo fmt --all --check\ncargo update\ncargo fetch"), "they compile nothing")
    }
}

/// A lint job that compiles the code (`cargo clippy`) runs the crates' build scripts: on the
/// default branch it writes the cache a tag's release restores, so the cache-poisoning scenario
/// starts there; a formatting check compiles nothing and is no test job.
@Suite struct CompilingLintTests {
    private func model(lint: String) throws -> PipelineModel {
        let repository = try ScratchRepository(files: [".github/workflows/ci.yml": """
            on: {push: {branches: [main], tags: ["v*"]}}
            permissions: {contents: read}
            jobs:
              check:
                if: github.ref == 'refs/heads/main'
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
                  - uses: actions/cache@5a3ec84eff668545956fd18022155c47e93e2684
                    with:
                      path: ~/.cargo/registry
                      key: cargo-${{ hashFiles('**/Cargo.lock') }}
                  - run: \(lint)
              release:
                if: startsWith(github.ref, 'refs/tags/')
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
                  - uses: actions/cache@5a3ec84eff668545956fd18022155c47e93e2684
                    with:
                      path: ~/.cargo/registry
                      key: cargo-${{ hashFiles('**/Cargo.lock') }}
                  - run: cargo publish
                    env:
                      CARGO_REGISTRY_TOKEN: ${{ secrets.CARGO_REGISTRY_TOKEN }}
            """])
        return try InputLoader.load(path: repository.root).model
    }

    @Test func aClippyJobOnTheDefaultBranchPoisonsTheReleasesCache() throws {
        let model = try model(lint: "cargo clippy --all-targets -- -D warnings")
        #expect(model.jobs["ci/check"]?.role == .test)
        let result = try Examples.run("cache-poisoning", on: model)
        #expect(result.footholds.map(\.node) == [NodeID(.job, "ci/check")])
        #expect(result.reaches("read secret:CARGO_REGISTRY_TOKEN"), "the release job restores the cache and publishes with the token")
    }

    @Test func aFormattingCheckIsNoTestJob() throws {
        let model = try model(lint: "cargo fmt --all --check")
        #expect(model.jobs["ci/check"]?.role == .other)
        #expect(try Examples.run("cache-poisoning", on: model).footholds.isEmpty)
    }
}

/// A release job that restores Maven's downloads from a cache and builds with `make` builds
/// with those packages (its Makefile calls Maven): a hostile dependency runs there, with the
/// registry password the job exports. Without the cache nothing says a package manager runs.
@Suite struct CachedPackageBuildTests {
    private func model(cache: Bool) throws -> PipelineModel {
        let cacheStep = cache ? """

                  - uses: actions/cache@5a3ec84eff668545956fd18022155c47e93e2684
                    with: {path: ~/.m2/repository, key: "maven-${{ hashFiles('**/pom.xml') }}"}
            """ : ""
        let repository = try ScratchRepository(files: [".github/workflows/publish.yml": """
            on: {release: {types: [released]}}
            jobs:
              images:
                runs-on: ubuntu-latest
                permissions: {contents: read, packages: write}
                steps:
                  - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683\(cacheStep)
                  - run: make build.all docker.push
                    env:
                      DOCKER_PASSWORD: ${{ secrets.DOCKERHUB_TOKEN }}
            """])
        return try InputLoader.load(path: repository.root).model
    }

    @Test func aReleaseJobBuildingFromACachedMavenRepositoryIsWhereAHostileDependencyRuns() throws {
        let model = try model(cache: true)
        #expect(model.jobs["publish/images"]?.role == .release)
        #expect(model.jobs["publish/images"]?.installsDependencies == true)
        let result = try Examples.run("compromised-build-step", on: model)
        #expect(result.footholds.map(\.node) == [NodeID(.job, "publish/images")])
        #expect(result.reaches("read secret:DOCKERHUB_TOKEN"))
    }

    @Test func withoutTheCacheNothingSaysAPackageManagerRuns() throws {
        let model = try model(cache: false)
        #expect(model.jobs["publish/images"]?.installsDependencies == false)
        #expect(try Examples.run("compromised-build-step", on: model).footholds.isEmpty)
    }
}
