import FirebreakEngine
import FirebreakImport
import FirebreakModel
import FirebreakReport
import FirebreakTestSupport
import Testing

/// What a job's own steps write with its GITHUB_TOKEN is read from the steps, and the fix
/// advisor does not propose taking it away: a read-only token for a job that pushes or
/// publishes with it breaks the job, so the advice is to split the job instead.
struct OwnTokenUseTests {
    /// The grant of job `job`'s token on the repository, as imported from one workflow's jobs.
    static func repositoryGrant(_ jobs: String, job: String = "release") throws -> Grant? {
        let repository = try ScratchRepository(files: [".github/workflows/release.yml": """
            on: {push: {tags: ["v*"]}}
            permissions: {contents: write}
            jobs:
            \(jobs)
            """])
        let model = try InputLoader.load(path: repository.root).model
        let imported = try #require(model.jobs["release/\(job)"])
        return imported.token?.first { $0.target == model.repository.id }
    }

    /// One repository's workflow, imported, and the advice for one scenario.
    static func advice(_ workflow: String, scenario: String) throws -> (model: PipelineModel, advice: FixAdvice) {
        let repository = try ScratchRepository(files: [".github/workflows/release.yml": workflow])
        let model = try InputLoader.load(path: repository.root).model
        let library = try Examples.library().scenarios.filter { $0.id == scenario }
        return (model, FixAdvisor(model: model, scenarios: library, keeps: [], writable: { _ in true }, written: nil).advise())
    }

    @Test func ghReleaseWithTheJobsOwnTokenUsesItsWrite() throws {
        let grant = try #require(try Self.repositoryGrant("""
              release:
                runs-on: ubuntu-latest
                steps:
                  - run: gh release create "$GITHUB_REF_NAME" dist/*
                    env: {GH_TOKEN: "${{ github.token }}"}
            """))
        let use = try #require(grant.use)
        #expect(use.what == "`gh release create`")
        #expect(use.location.line == 7, "the step's line: \(use.location)")
        // The control: with a personal token, `gh` writes with that, not with the job's token.
        let other = try Self.repositoryGrant("""
              release:
                runs-on: ubuntu-latest
                steps:
                  - run: gh release create "$GITHUB_REF_NAME" dist/*
                    env: {GH_TOKEN: "${{ secrets.RELEASE_PAT }}"}
            """)
        #expect(other?.use == nil)
    }

    @Test func aGitPushUsesTheTokenTheCheckoutKept() throws {
        let kept = try #require(try Self.repositoryGrant("""
              release:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - run: |
                      git tag -f latest
                      git push -f origin latest
            """))
        #expect(kept.use?.what == "`git push`")
        // Without the kept credential, or through a remote that carries its own, or only printed: not the job's token.
        for steps in ["""
                  - uses: actions/checkout@v4
                    with: {persist-credentials: false}
                  - run: git push origin HEAD:main
            """, """
                  - uses: actions/checkout@v4
                  - run: |
                      git remote set-url origin "https://x-access-token:${PAT}@github.com/acme/app.git"
                      git push origin HEAD:main
            """, """
                  - uses: actions/checkout@v4
                  - run: echo git push origin HEAD:main
            """, """
                  - uses: actions/checkout@v4
                    with: {token: "${{ secrets.BOT_PAT }}"}
                  - run: git push origin HEAD:main
            """] {
            let grant = try Self.repositoryGrant("  release:\n    runs-on: ubuntu-latest\n    steps:\n" + steps)
            #expect(grant?.use == nil, "\(steps)")
        }
    }

    @Test func aReleaseActionUsesTheJobsTokenByDefault() throws {
        let byDefault = try #require(try Self.repositoryGrant("""
              release:
                runs-on: ubuntu-latest
                steps:
                  - uses: softprops/action-gh-release@v2
                    with: {files: "dist/*"}
            """))
        #expect(byDefault.use?.what == "softprops/action-gh-release")
        let withPAT = try Self.repositoryGrant("""
              release:
                runs-on: ubuntu-latest
                steps:
                  - uses: softprops/action-gh-release@v2
                    with: {files: "dist/*", token: "${{ secrets.RELEASE_PAT }}"}
            """)
        #expect(withPAT?.use == nil)
        // GoReleaser releases with the token in its environment, unless it only builds a snapshot.
        let goreleaser = "      - uses: goreleaser/goreleaser-action@v6\n        env: {GITHUB_TOKEN: \"${{ secrets.GITHUB_TOKEN }}\"}\n"
        let releases = try Self.repositoryGrant("  release:\n    runs-on: ubuntu-latest\n    steps:\n" + goreleaser + "        with: {args: release --clean}\n")
        #expect(releases?.use?.what == "goreleaser/goreleaser-action")
        let snapshot = try Self.repositoryGrant("  release:\n    runs-on: ubuntu-latest\n    steps:\n" + goreleaser + "        with: {args: release --snapshot}\n")
        #expect(snapshot?.use == nil)
    }

    /// A registry login with the job's token (whatever variable names ghcr.io) uses its
    /// `packages: write`; the SLSA generator told to `upload-assets` uses its caller's `contents: write`.
    @Test func aLoginWithTheJobsTokenAndTheSLSAGeneratorsUploadUseTheirGrants() throws {
        func model(uploadAssets: Bool) throws -> PipelineModel {
            let repository = try ScratchRepository(files: [".github/workflows/release.yml": """
                on: {push: {tags: ["v*"]}}
                permissions: {}
                env: {REGISTRY: ghcr.io}
                jobs:
                  image:
                    runs-on: ubuntu-latest
                    permissions: {contents: read, packages: write}
                    steps:
                      - uses: docker/login-action@v3
                        with: {registry: "${{ env.REGISTRY }}", username: "${{ github.actor }}", password: "${{ secrets.GITHUB_TOKEN }}"}
                      - uses: docker/build-push-action@v6
                        with: {push: true, tags: "ghcr.io/acme/app:latest"}
                  provenance:
                    permissions: {actions: read, id-token: write, contents: write}
                    uses: slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml@v2.1.0
                    with: {base64-subjects: "abc", upload-assets: \(uploadAssets)}
                """])
            return try InputLoader.load(path: repository.root).model
        }
        let uploads = try model(uploadAssets: true)
        let packages = try #require(uploads.jobs["release/image"]?.token?.first { $0.target == NodeID(.resource, "github-packages") })
        #expect(packages.use?.what == "docker/login-action to ghcr.io")
        let provenance = uploads.jobs["release/provenance"]?.token?.first { $0.target == uploads.repository.id }
        #expect(provenance?.use?.what == "the SLSA generator's `upload-assets`")
        let attached = try model(uploadAssets: false)
        #expect(attached.jobs["release/provenance"]?.token?.first { $0.target == attached.repository.id }?.use == nil)
    }

    /// github-script calls the API with the job's token: a script that creates a release, or
    /// hands its client to the repository's own script, uses the token's write; one that only
    /// comments, or that is given another token, does not.
    @Test func aGitHubScriptThatReleasesUsesTheToken() throws {
        func grant(_ with: String) throws -> Grant? {
            try Self.repositoryGrant("  release:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n"
                                     + "      - uses: actions/github-script@v7\n        with:\n" + with)
        }
        let creates = try grant("          script: |\n            await github.rest.repos.createRelease({...context.repo, tag_name: 'v1'})\n")
        #expect(creates?.use?.what == "actions/github-script (createRelease)")
        let handsOn = try grant("          script: await require('./scripts/release').release({github, context})\n")
        #expect(handsOn?.use?.what == "actions/github-script (its client handed to the repository's own script)")
        let comments = try grant("          script: |\n            await github.rest.issues.createComment({...context.repo, issue_number: 1, body: 'hi'})\n")
        #expect(comments?.use == nil)
        let otherToken = try grant("          github-token: ${{ secrets.BOT_PAT }}\n          script: |\n            await github.rest.repos.createRelease({tag_name: 'v1'})\n")
        #expect(otherToken?.use == nil)
    }

    /// A release job that runs a third party's unpinned action and then writes a release with its
    /// own token: the advisor may pin the action, but not make the token read-only; the job
    /// whose release step is a `make` target it does not see write is offered read-only.
    @Test func theAdvisorDoesNotTakeAwayWhatTheJobsStepsUse() throws {
        func advice(releaseStep: String) throws -> FixAdvice {
            try Self.advice("""
                on: {push: {tags: ["v*"]}}
                permissions: {contents: read}
                jobs:
                  release:
                    runs-on: ubuntu-latest
                    permissions: {contents: write}
                    steps:
                      - uses: acme/build-action@v2
                \(releaseStep)
                """, scenario: "compromised-third-party-action").advice
        }
        let writes = try advice(releaseStep: """
                  - run: gh release create "$GITHUB_REF_NAME" dist/*
                    env: {GH_TOKEN: "${{ github.token }}"}
            """)
        let readOnly = try #require(writes.candidates.first { $0.change.kind == .readOnlyToken })
        #expect(readOnly.neededBy.count == 1)
        #expect(readOnly.neededBy.first?.hasPrefix("job 'release/release' uses its token for `gh release create` (") == true, "\(readOnly.neededBy)")
        #expect(readOnly.neededBy.first?.hasSuffix(".github/workflows/release.yml:9:9)") == true, "the step's place: \(readOnly.neededBy)")
        #expect(!writes.minimalSet.contains { $0.change.kind == .readOnlyToken })
        #expect(writes.minimalSet.contains { $0.change.kind == .pinStep }, "the pin still cuts the path")
        // The control: nothing seen writes with the token, so read-only is offered, for a person to check.
        let unseen = try advice(releaseStep: "      - run: make release")
        let offered = try #require(unseen.candidates.first { $0.change.kind == .readOnlyToken })
        #expect(offered.neededBy.isEmpty)
    }

    /// Where only a read-only token would cut a path and the job releases with it, the reach is
    /// left with the split to make, and no patch breaks the job.
    @Test func aReachOnlyAReadOnlyTokenCutsAsksForASplitJob() throws {
        let (model, advice) = try Self.advice("""
            on: {push: {tags: ["v*"]}}
            permissions: {}
            jobs:
              release:
                runs-on: ubuntu-latest
                permissions: {contents: write}
                steps:
                  - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
                    with: {persist-credentials: false}
                  - run: npm ci && npm run build
                  - run: gh release create "$GITHUB_REF_NAME" dist/*
                    env: {GH_TOKEN: "${{ github.token }}"}
            """, scenario: "compromised-build-step")
        #expect(advice.minimalSet.isEmpty, "\(advice.minimalSet.map(\.change))")
        let left = try #require(advice.remaining.first { $0.crownJewel == NodeID(.resource, "github-releases") })
        #expect(left.needed.map(\.kind) == [.readOnlyToken])
        let text = FixReport(model: model, advice: advice, diff: "", byHand: []).text()
        #expect(text.contains("only a split job cuts it: job 'release/release' uses its token for `gh release create` ("), "\(text)")
        #expect(text.contains("so a read-only token breaks it; move that step into a job of its own"), "\(text)")
        #expect(!advice.blockedByKeeps, "no --keep was given: `fix` does not fail for it")
    }

    /// A read-only token keeps what the job's OIDC token is granted, as the patch keeps
    /// `id-token: write`: the advisor does not offer it against a trusted-publishing path.
    @Test func aReadOnlyTokenKeepsTrustedPublishing() throws {
        func readOnlyOffered(_ permissions: String) throws -> Bool {
            let advice = try Self.advice("""
                on: {release: {types: [published]}}
                permissions: {}
                jobs:
                  publish:
                    runs-on: ubuntu-latest
                    permissions: \(permissions)
                    steps:
                      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
                        with: {persist-credentials: false}
                      - run: uv build
                      - run: uv publish
                """, scenario: "compromised-build-step").advice
            #expect(advice.remaining.contains { $0.crownJewel == NodeID(.resource, "pypi") }, "publishing stays")
            return advice.candidates.contains { $0.change.kind == .readOnlyToken }
        }
        #expect(try !readOnlyOffered("{id-token: write, contents: read}"))
        // The control: a token that writes contents too is offered read-only (for the repository's path).
        #expect(try readOnlyOffered("{id-token: write, contents: write}"))
    }

    /// A model file says what a job's steps do with its token under `token: usedBy:`; naming a
    /// target the token is not granted is an error at its line.
    @Test func aModelFileSaysWhatTheStepsUse() throws {
        func load(_ usedBy: String) throws -> PipelineModel {
            try ModelLoader().load(text: """
                firebreak: 1
                name: uses
                repository: {name: acme/app, defaultBranch: main}
                runners:
                  hosted: {hosting: hosted}
                triggers:
                  tag: {event: tag}
                jobs:
                  release:
                    runsOn: hosted
                    triggers: [tag]
                    token:
                      grants: {repository:acme/app: write}
                      usedBy: {\(usedBy)}
                """, file: "uses.yml")
        }
        let model = try load("repository:acme/app: git push of the version tag")
        #expect(model.jobs["release"]?.token?.first?.use?.what == "git push of the version tag")
        do {
            _ = try load("resource:pypi: uv publish")
            Issue.record("a use of a target the token is not granted loaded")
        } catch {
            #expect(String(describing: error).contains("uses.yml:14:"), "\(String(describing: error))")
            #expect(String(describing: error).contains("which the token of job 'release' is not granted"), "\(String(describing: error))")
        }
    }
}
