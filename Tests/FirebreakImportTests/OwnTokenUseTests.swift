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
    /// What job `job` writes with its token, as imported from one workflow's jobs.
    static func uses(_ jobs: String, job: String = "release") throws -> [TokenUse] {
        let repository = try ScratchRepository(files: [".github/workflows/release.yml": """
            on: {push: {tags: ["v*"]}}
            permissions: write-all
            jobs:
            \(jobs)
            """])
        let model = try InputLoader.load(path: repository.root).model
        return try #require(model.jobs["release/\(job)"]).tokenUses
    }

    /// One repository's workflow, imported, and the advice for one scenario.
    static func advice(_ workflow: String, scenario: String) throws -> (model: PipelineModel, advice: FixAdvice) {
        let repository = try ScratchRepository(files: [".github/workflows/release.yml": workflow])
        let model = try InputLoader.load(path: repository.root).model
        let library = try Examples.library().scenarios.filter { $0.id == scenario }
        return (model, FixAdvisor(model: model, scenarios: library, keeps: [], writable: { _ in true }, written: nil).advise())
    }

    /// The writes, as `scope what`.
    static func written(_ steps: String, permissions: String? = nil) throws -> [String] {
        let job = "  release:\n    runs-on: ubuntu-latest\n" + (permissions.map { "    permissions: \($0)\n" } ?? "") + "    steps:\n" + steps
        return try uses(job).map { "\($0.scope) \($0.what)" }
    }

    @Test func ghWritesWithTheJobsOwnTokenAreItsUses() throws {
        let uses = try Self.uses("""
              release:
                runs-on: ubuntu-latest
                steps:
                  - run: gh release create "$GITHUB_REF_NAME" dist/*
                    env: {GH_TOKEN: "${{ github.token }}"}
            """)
        #expect(uses.map(\.what) == ["`gh release create`"])
        #expect(uses.first?.scope == "contents")
        #expect(uses.first?.location.line == 7, "the step's line: \(String(describing: uses.first?.location))")
        // Pull requests, issues and the API by method: each with the permission it needs.
        #expect(try Self.written("""
                  - run: |
                      gh pr create --fill
                      gh label create triage
                      gh api repos/acme/app/dispatches -X POST -f event_type=go
                      gh api repos/acme/app/releases
                    env: {GH_TOKEN: "${{ secrets.BOT_TOKEN || secrets.GITHUB_TOKEN }}"}
            """) == ["pull-requests `gh pr create`", "issues `gh label create`", "contents `gh api --method POST`"], "dispatches are contents")
        // A field makes `gh api` post; the endpoint's resource names the permission, also past
        // `repos/${{ github.repository }}`.
        #expect(try Self.written("""
                  - run: |
                      gh api repos/${{ github.repository }}/issues/1/comments -f body=done
                      gh api "repos/acme/app/deployments/7/statuses" -f state=success
                    env: {GH_TOKEN: "${{ github.token }}"}
            """) == ["issues `gh api --method POST`", "deployments `gh api --method POST`"])
        // `gh` reads GH_TOKEN first: a personal token there is what it writes with.
        #expect(try Self.written("""
                  - run: gh release create v1
                    env: {GH_TOKEN: "${{ secrets.RELEASE_PAT }}", GITHUB_TOKEN: "${{ github.token }}"}
            """).isEmpty)
        // The control: with a personal token, `gh` writes with that, not with the job's token.
        #expect(try Self.written("""
                  - run: gh release create "$GITHUB_REF_NAME" dist/*
                    env: {GH_TOKEN: "${{ secrets.RELEASE_PAT }}"}
            """).isEmpty)
        // A write the job's permissions do not let its token make is not its token's.
        #expect(try Self.written("""
                  - run: gh pr comment 1 --body hi
                    env: {GH_TOKEN: "${{ github.token }}"}
            """, permissions: "{contents: write}").isEmpty)
    }

    @Test func theTokenIsReadFromTheExpressionsSyntaxTree() throws {
        // By index, as the second of two fallbacks, in any case: the job's token.
        #expect(try Self.written("""
                  - run: gh release create v1
                    env: {GH_TOKEN: "${{ secrets['github_token'] }}"}
                  - run: gh release upload v1 dist/*
                    env: {GH_TOKEN: "${{ secrets.APP || inputs.token || GitHub.Token }}"}
            """) == ["contents `gh release create`", "contents `gh release upload`"])
        // The control: the token as one part of a longer value, or only in a condition beside
        // another secret, is not the value `gh` is given.
        #expect(try Self.written("""
                  - run: gh release create v1
                    env: {GH_TOKEN: "token ${{ github.token }}"}
                  - run: gh release create v2
                    env: {GH_TOKEN: "${{ github.token && secrets.RELEASE_PAT }}"}
            """).isEmpty)
    }

    @Test func aGitPushUsesTheTokenTheCheckoutKeptOrTheURLCarries() throws {
        #expect(try Self.written("""
                  - uses: actions/checkout@v4
                  - run: |
                      git tag -f latest
                      git push -f origin latest
            """) == ["contents `git push`"])
        #expect(try Self.written("""
                  - uses: actions/checkout@v4
                    with: {persist-credentials: false}
                  - run: git push "https://x-access-token:${GH_TOKEN}@github.com/acme/app.git" HEAD:main
                    env: {GH_TOKEN: "${{ github.token }}"}
            """) == ["contents `git push` to a URL with the job's token"])
        #expect(try Self.written("""
                  - uses: actions/checkout@v4
                  - run: mike deploy --push dev
            """) == ["contents `mike … --push`"])
        // To a GitHub URL with no credential of its own, the clone's kept header goes with it; a
        // URL carrying the token as an expression is read whole.
        #expect(try Self.written("""
                  - uses: actions/checkout@v4
                  - run: git push "https://github.com/${GITHUB_REPOSITORY}.git" HEAD:gh-pages
                  - run: git push "https://x-access-token:${{ secrets.GITHUB_TOKEN }}@github.com/acme/app.git" HEAD:main
            """, permissions: "{contents: write}") == ["contents `git push`", "contents `git push` to a URL with the job's token"])
        // Without the kept credential, into another repository's clone, to a URL with another
        // credential, only printed, or with a personal token kept: not the job's token.
        for steps in ["""
                  - uses: actions/checkout@v4
                    with: {persist-credentials: false}
                  - run: git push origin HEAD:main
            """, """
                  - uses: actions/checkout@v4
                  - uses: actions/checkout@v4
                    with: {repository: acme/site, path: site}
                  - run: |
                      cd site
                      git push origin HEAD:main
            """, """
                  - uses: actions/checkout@v4
                    with: {ssh-key: "${{ secrets.DEPLOY_KEY }}"}
                  - run: git push origin HEAD:main
            """, """
                  - uses: actions/checkout@v4
                  - run: docker buildx build --push -t ghcr.io/acme/app .
            """, """
                  - uses: actions/checkout@v4
                  - run: git push "https://x-access-token:${PAT}@github.com/acme/app.git" HEAD:main
                    env: {PAT: "${{ secrets.PAT }}"}
            """, """
                  - uses: actions/checkout@v4
                  - run: echo git push origin HEAD:main
            """, """
                  - uses: actions/checkout@v4
                    with: {token: "${{ secrets.BOT_PAT }}"}
                  - run: git push origin HEAD:main
            """] {
            #expect(try Self.written(steps).isEmpty, "\(steps)")
        }
    }

    @Test func actionsThatWriteWithTheJobsTokenByDefaultUseIt() throws {
        #expect(try Self.written("""
                  - uses: softprops/action-gh-release@v2
                    with: {files: "dist/*"}
                  - uses: actions/stale@v9
                  - uses: reviewdog/action-suggester@v1
                  - uses: reviewdog/action-setup@v1
            """) == ["contents softprops/action-gh-release", "issues actions/stale", "pull-requests actions/stale",
                     "pull-requests reviewdog/action-suggester"])
        #expect(try Self.written("""
                  - uses: softprops/action-gh-release@v2
                    with: {files: "dist/*", token: "${{ secrets.RELEASE_PAT }}"}
            """).isEmpty)
        // GoReleaser releases with the token in its environment, unless it only builds a snapshot;
        // electron-builder publishes with it when told to.
        let goreleaser = "      - uses: goreleaser/goreleaser-action@v6\n        env: {GITHUB_TOKEN: \"${{ secrets.GITHUB_TOKEN }}\"}\n"
        #expect(try Self.written(goreleaser + "        with: {args: release --clean}\n") == ["contents goreleaser/goreleaser-action"])
        #expect(try Self.written(goreleaser + "        with: {args: release --snapshot}\n").isEmpty)
        #expect(try Self.written("""
                  - run: npx electron-builder --linux --publish always
                    env: {GH_TOKEN: "${{ secrets.GITHUB_TOKEN }}"}
                  - run: npx electron-builder --linux --publish never
                    env: {GH_TOKEN: "${{ secrets.GITHUB_TOKEN }}"}
            """) == ["contents `npx electron-builder --linux … --publish` with the job's token in its environment"])
    }

    /// A registry login with the job's token (whatever action, input or variable names ghcr.io)
    /// uses its `packages: write`; the SLSA generator told to `upload-assets` uses its caller's
    /// `contents: write`.
    @Test func aLoginWithTheJobsTokenAndTheSLSAGeneratorsUploadAreUses() throws {
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
                      - uses: home-assistant/builder/actions/build-image@main
                        with: {container-registry-password: "${{ secrets.GITHUB_TOKEN }}"}
                  indirect:
                    runs-on: ubuntu-latest
                    permissions: {contents: read, packages: write}
                    steps:
                      - run: echo "PASS=${{ secrets.GITHUB_TOKEN }}" >> "$GITHUB_ENV"
                      - uses: docker/login-action@v3
                        with: {registry: ghcr.io, username: "${{ github.actor }}", password: "${{ env.PASS }}"}
                      - run: make build.all docker.push
                  promci:
                    runs-on: ubuntu-latest
                    permissions: {contents: read, packages: write}
                    steps:
                      - uses: prometheus/promci/publish_main@v1
                        with: {ghcr_io_password: "${{ github.token }}"}
                  devcontainer:
                    runs-on: ubuntu-latest
                    permissions: {contents: read, packages: write}
                    steps:
                      - uses: docker/login-action@v3
                        with: {registry: ghcr.io, username: "${{ github.actor }}", password: "${{ secrets.GITHUB_TOKEN }}"}
                      - uses: devcontainers/ci@v0.3
                        with: {imageName: ghcr.io/acme/devcontainer, push: "${{ github.repository == 'acme/app' && 'filter' || 'never' }}"}
                  e2e:
                    runs-on: ubuntu-latest
                    permissions: {contents: read, packages: write}
                    steps:
                      - uses: docker/login-action@v3
                        with: {registry: ghcr.io, username: "${{ github.actor }}", password: "${{ secrets.GITHUB_TOKEN }}"}
                      - run: docker compose up --abort-on-container-exit
                  provenance:
                    permissions: {actions: read, id-token: write, contents: write}
                    uses: slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml@v2.1.0
                    with: {base64-subjects: "abc", upload-assets: \(uploadAssets)}
                """])
            return try InputLoader.load(path: repository.root).model
        }
        let uploads = try model(uploadAssets: true)
        #expect(uploads.jobs["release/image"]?.tokenUses.map { "\($0.scope) \($0.what)" } == [
            "packages docker/login-action logging in to ghcr.io (`password`)",
            "packages home-assistant/builder/actions/build-image logging in to ghcr.io (`container-registry-password`)",
        ])
        #expect(uploads.jobs["release/provenance"]?.tokenUses.map(\.what) == ["the SLSA generator's `upload-assets`"])
        #expect(uploads.jobs["release/e2e"]?.tokenUses.isEmpty == true, "a login to pull test images writes nothing")
        #expect(uploads.jobs["release/promci"]?.tokenUses.map(\.scope) == ["packages"], "an action named for publishing, given the password")
        #expect(uploads.jobs["release/devcontainer"]?.tokenUses.map(\.scope) == ["packages"], "push: set by an expression")
        #expect(uploads.jobs["release/indirect"]?.tokenUses.map(\.scope) == ["packages"], "the token handed on through GITHUB_ENV, a make target that pushes")
        #expect(try model(uploadAssets: false).jobs["release/provenance"]?.tokenUses.isEmpty == true)
    }

    /// A called workflow that logs in with a secret its caller passes as the job's token writes
    /// with the token; passed a personal token, it does not.
    @Test func aTokenPassedToACalledWorkflowIsTheJobsOwn() throws {
        func uses(passing value: String) throws -> [String] {
            let repository = try ScratchRepository(files: [
                ".github/workflows/image.yml": """
                    on: {push: {branches: [main]}}
                    permissions: {}
                    jobs:
                      publish:
                        permissions: {contents: read, packages: write}
                        uses: ./.github/workflows/image-reuse.yml
                        secrets: {ghcr_password: "\(value)"}
                    """,
                ".github/workflows/image-reuse.yml": """
                    on:
                      workflow_call:
                        secrets: {ghcr_password: {required: true}}
                    jobs:
                      push:
                        runs-on: ubuntu-latest
                        steps:
                          - uses: docker/login-action@v3
                            with: {registry: ghcr.io, username: bot, password: "${{ secrets.ghcr_password }}"}
                          - run: docker push ghcr.io/acme/app:latest
                    """,
            ])
            let model = try InputLoader.load(path: repository.root).model
            return try #require(model.jobs["image/publish/push"]).tokenUses.map(\.scope)
        }
        #expect(try uses(passing: "${{ secrets.GITHUB_TOKEN }}") == ["packages"])
        #expect(try uses(passing: "${{ secrets.GHCR_PAT }}").isEmpty)
    }

    /// A composite action of the repository's own, handed the job's token as an input, writes
    /// with it in the job: `gh api` approving a run needs `actions: write`.
    @Test func theRepositorysOwnCompositeActionWritesWithTheTokenItIsHanded() throws {
        func uses(handing token: String) throws -> [String] {
            let repository = try ScratchRepository(files: [
                ".github/workflows/approve.yml": """
                    on: {pull_request_target: {types: [labeled]}}
                    permissions: {}
                    jobs:
                      approve:
                        runs-on: ubuntu-latest
                        permissions: {actions: write}
                        steps:
                          - uses: actions/checkout@v4
                          - uses: ./.github/actions/approve-run
                            with: {gh-token: "\(token)", run-id: "42"}
                    """,
                ".github/actions/approve-run/action.yml": """
                    name: approve a run
                    inputs:
                      gh-token: {required: true}
                      run-id: {required: true}
                    runs:
                      using: composite
                      steps:
                        - shell: bash
                          env: {GH_TOKEN: "${{ inputs.gh-token }}"}
                          run: gh api --method POST "repos/acme/app/actions/runs/${{ inputs.run-id }}/approve"
                    """,
            ])
            let model = try InputLoader.load(path: repository.root).model
            return try #require(model.jobs["approve/approve"]).tokenUses.map { "\($0.scope) \($0.what)" }
        }
        #expect(try uses(handing: "${{ secrets.GITHUB_TOKEN }}") == ["actions `gh api --method POST`"])
        #expect(try uses(handing: "${{ secrets.BOT_PAT }}").isEmpty)
    }

    /// The calling step's `env:` reaches a composite action's steps, and an action that calls
    /// itself is read once, not without end.
    @Test func aCompositeActionSeesItsCallersEnvironmentAndDoesNotRecurse() throws {
        let repository = try ScratchRepository(files: [
            ".github/workflows/release.yml": """
                on: {push: {tags: ["v*"]}}
                permissions: {contents: write}
                jobs:
                  release:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: ./.github/actions/publish
                        env: {GH_TOKEN: "${{ github.token }}"}
                """,
            ".github/actions/publish/action.yml": """
                name: publish
                runs:
                  using: composite
                  steps:
                    - shell: bash
                      run: gh release create "$GITHUB_REF_NAME"
                    - uses: ./.github/actions/publish
                """,
        ])
        let model = try InputLoader.load(path: repository.root).model
        #expect(try #require(model.jobs["release/release"]).tokenUses.map(\.what) == ["`gh release create`"])
    }

    /// github-script calls the API with the job's token: a script that creates a release, that
    /// comments (issues), or that hands its client to the repository's own script, writes with
    /// it; one that only reads, or that is given another token, does not.
    @Test func aGitHubScriptThatReleasesUsesTheToken() throws {
        func written(_ with: String) throws -> [String] {
            try Self.written("      - uses: actions/checkout@v4\n      - uses: actions/github-script@v7\n        with:\n" + with)
        }
        #expect(try written("          script: |\n            await github.rest.repos.createRelease({...context.repo, tag_name: 'v1'})\n")
            == ["contents actions/github-script (repos.createRelease)"])
        #expect(try written("          script: await require('./scripts/release').release({github, context})\n")
            == ["contents actions/github-script (its client handed to the repository's own script)"])
        #expect(try written("          script: |\n            await github.rest.issues.createComment({...context.repo, issue_number: 1, body: 'hi'})\n")
            == ["issues actions/github-script (issues.createComment)"])
        #expect(try written("          script: |\n            const all = _.merge(a, b)\n            await github.rest.issues.listComments({issue_number: 1})\n").isEmpty,
                "a merge of objects and a read write nothing")
        #expect(try written("          github-token: ${{ secrets.BOT_PAT }}\n          script: |\n            await github.rest.repos.createRelease({tag_name: 'v1'})\n").isEmpty)
    }

    /// A release job that runs a third party's unpinned action and then writes a release with its
    /// own token: the advisor may pin the action, but not make the token read-only; the job
    /// whose release step is a `make` target it does not see write is offered read-only.
    @Test func theAdvisorDoesNotTakeAwayWhatTheJobsStepsUse() throws {
        func advice(releaseStep: String) throws -> (model: PipelineModel, advice: FixAdvice) {
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
                """, scenario: "compromised-third-party-action")
        }
        let (model, writes) = try advice(releaseStep: """
                  - run: gh release create "$GITHUB_REF_NAME" dist/*
                    env: {GH_TOKEN: "${{ github.token }}"}
            """)
        let readOnly = try #require(writes.candidates.first { $0.change.kind == .readOnlyToken })
        #expect(readOnly.neededBy.count == 1)
        #expect(readOnly.neededBy.first?.hasPrefix("job 'release/release' writes contents with its token: `gh release create` (") == true, "\(readOnly.neededBy)")
        #expect(readOnly.neededBy.first?.hasSuffix(".github/workflows/release.yml:9:9)") == true, "the step's place: \(readOnly.neededBy)")
        #expect(!writes.minimalSet.contains { $0.change.kind == .readOnlyToken })
        // The report lists it among the other controls, saying why, and JSON carries it.
        let report = FixReport(model: model, advice: writes, diff: "", byHand: [])
        #expect(report.text().contains("make the token of job 'release/release' read-only (0 / 0)  [breaks the job: job 'release/release' writes contents with its token: `gh release create`"),
                "\(report.text())")
        #expect(report.json.contains("\"neededBy\" : [\n        \"job 'release/release' writes contents with its token"), "\(report.json)")
        #expect(writes.minimalSet.contains { $0.change.kind == .pinStep }, "the pin still cuts the path")
        // The control: nothing seen writes with the token, so read-only is offered, for a person to check.
        let unseen = try advice(releaseStep: "      - run: make release").advice
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
        #expect(text.contains("only a split job cuts it: job 'release/release' writes contents with its token: `gh release create` ("), "\(text)")
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

    /// A read-only token lowers the job token's grants but keeps what its OIDC token is granted:
    /// a registry's trusted publishing, and a signing identity where the job mints OIDC tokens.
    @Test func aReadOnlyTokenKeepsWhatTheOIDCTokenIsGranted() throws {
        func applied(oidc: Bool) throws -> [String] {
            let model = try ModelLoader().load(text: """
                firebreak: 1
                name: oidc
                repository: {name: acme/app, defaultBranch: main}
                runners:
                  hosted: {hosting: hosted}
                triggers:
                  tag: {event: tag}
                resources:
                  pypi: {type: package-registry, criticality: critical}
                  signer: {type: signing-service, criticality: critical}
                jobs:
                  release:
                    runsOn: hosted
                    triggers: [tag]
                    oidc: \(oidc)
                    token:
                      grants: {repository:acme/app: write, resource:signer: write}
                      trustedPublishing: {resource:pypi: write}
                """, file: "oidc.yml")
            let changed = model.applying([ModelChange(.readOnlyToken, NodeID(.job, "release"))])
            return (changed.jobs["release"]?.token ?? []).map { "\($0.target) \($0.level.rawValue)" }.sorted()
        }
        #expect(try applied(oidc: true) == ["repository:acme/app read", "resource:pypi write", "resource:signer write"])
        #expect(try applied(oidc: false) == ["repository:acme/app read", "resource:pypi write", "resource:signer read"])
    }

    /// A model file says what a job's steps write with its token under `token: usedFor:`, by
    /// permission; a name that is not a permission is an error at its line.
    @Test func aModelFileSaysWhatTheStepsWrite() throws {
        func load(_ usedFor: String) throws -> PipelineModel {
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
                      usedFor: {\(usedFor)}
                """, file: "uses.yml")
        }
        let model = try load("contents: git push of the version tag")
        #expect(model.jobs["release"]?.tokenUses.map { "\($0.scope) \($0.what)" } == ["contents git push of the version tag"])
        do {
            _ = try load("pushes: git push")
            Issue.record("a write in no permission loaded")
        } catch {
            #expect(String(describing: error).contains("uses.yml:14:"), "\(String(describing: error))")
            #expect(String(describing: error).contains("'pushes' is not a permission of a job's token"), "\(String(describing: error))")
        }
    }
}
