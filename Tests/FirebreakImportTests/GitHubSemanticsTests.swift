import FirebreakEngine
@testable import FirebreakImport
import FirebreakModel
import FirebreakTestSupport
import Testing

/// One fixture repository per GitHub semantic the importer relies on, each with the secret an
/// attacker must reach and the one they must not (GitHub Docs are the source of each).
@Suite struct GitHubSemanticsTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var fixture: String
        var scenario: String
        var reached: [String]
        var unreached: [String]
        var testDescription: String { "\(fixture) under \(scenario)" }
    }

    static let cases: [Case] = [
        Case(fixture: "gh-label-gate", scenario: "malicious-fork-pr", reached: ["read secret:GATED_TOKEN"], unreached: []),
        Case(fixture: "gh-association-not-none", scenario: "malicious-fork-pr", reached: ["read secret:COMMAND_TOKEN"], unreached: []),
        Case(fixture: "gh-event-name", scenario: "malicious-fork-pr", reached: ["read secret:OPEN_TOKEN"], unreached: ["read secret:PUSH_ONLY_TOKEN"]),
        Case(fixture: "gh-check-after-checkout", scenario: "malicious-fork-pr", reached: ["read secret:LATE_TOKEN"], unreached: []),
        Case(fixture: "gh-check-before-checkout", scenario: "malicious-fork-pr", reached: [], unreached: ["read secret:EARLY_TOKEN"]),
        Case(fixture: "gh-format-brace", scenario: "malicious-fork-pr", reached: ["read secret:FORMAT_TOKEN"], unreached: []),
        Case(fixture: "gh-workflow-run-branch", scenario: "malicious-fork-pr", reached: ["read secret:REPORT_TOKEN"], unreached: []),
        Case(fixture: "gh-composite-input", scenario: "malicious-fork-pr", reached: ["read secret:TITLE_TOKEN"], unreached: ["read secret:NUMBER_TOKEN"]),
        Case(fixture: "gh-env-indirection", scenario: "malicious-fork-pr", reached: ["read secret:UNSAFE_TOKEN"], unreached: ["read secret:SAFE_TOKEN"]),
        Case(fixture: "gh-github-env-write", scenario: "malicious-fork-pr", reached: ["read secret:ENV_FILE_TOKEN"], unreached: []),
        Case(fixture: "gh-env-heredoc", scenario: "malicious-fork-pr", reached: ["read secret:HEREDOC_TOKEN"], unreached: []),
        Case(fixture: "gh-output-taint", scenario: "malicious-fork-pr", reached: ["read secret:OUTPUT_TOKEN"], unreached: []),
        Case(fixture: "gh-output-data", scenario: "malicious-fork-pr", reached: [], unreached: ["read secret:DATA_TOKEN"]),
        Case(fixture: "gh-caller-caps-token", scenario: "malicious-fork-pr", reached: ["exec job:bench/bench/run"],
             unreached: ["hold identity:bench/bench/run.token"]),
        Case(fixture: "gh-secrets-matrix", scenario: "compromised-third-party-action", reached: ["read secret:NPM_TOKEN", "read secret:PYPI_TOKEN"],
             unreached: ["read secret:DOCS_TOKEN", "read secret:md"]),
        Case(fixture: "gh-tojson-secrets", scenario: "compromised-third-party-action",
             reached: ["read secret:NAMED_ELSEWHERE", "read secret:(every-repository-secret)"], unreached: []),
        Case(fixture: "gh-inherit-remote", scenario: "compromised-third-party-action",
             reached: ["read secret:BUILD_TOKEN", "read secret:(every-repository-secret)"], unreached: []),
        Case(fixture: "gh-committed-password", scenario: "malicious-fork-pr",
             reached: ["read secret:password@.github/workflows/ci.yml:8"], unreached: []),
        Case(fixture: "gh-token-literal", scenario: "malicious-fork-pr",
             reached: ["read secret:github-token@.github/workflows/ci.yml:8"], unreached: []),
        Case(fixture: "gh-pr-review", scenario: "malicious-fork-pr", reached: ["exec job:review/on-review untrusted"],
             unreached: ["read secret:REVIEW_TOKEN", "exec job:review/on-review"]),
        Case(fixture: "gh-unknown-event", scenario: "malicious-fork-pr", reached: [], unreached: []),
        Case(fixture: "gh-token-push", scenario: "malicious-fork-pr", reached: ["push branch:main write", "read secret:NIGHTLY_TOKEN"],
             unreached: ["read secret:RELEASE_TOKEN", "push branch:main"]),
        Case(fixture: "gh-self-reference", scenario: "compromised-third-party-action", reached: [], unreached: ["read secret:LINT_TOKEN"]),
        Case(fixture: "gh-comment-null-fork", scenario: "malicious-fork-pr", reached: ["read secret:NULL_FORK_TOKEN"], unreached: []),
        Case(fixture: "gh-step-label", scenario: "malicious-fork-pr", reached: ["read secret:STEP_LABEL_TOKEN"], unreached: []),
        Case(fixture: "gh-dependabot", scenario: "malicious-fork-pr", reached: ["read secret:ACTOR_TOKEN"], unreached: ["read secret:AUTHOR_TOKEN"]),
        Case(fixture: "gh-labeled-type", scenario: "malicious-fork-pr", reached: ["read secret:LABELED_TOKEN"], unreached: []),
        Case(fixture: "gh-malformed", scenario: "malicious-fork-pr", reached: ["read secret:MALFORMED_TOKEN"], unreached: []),
        Case(fixture: "gh-env-file-last-step", scenario: "malicious-fork-pr", reached: [], unreached: ["read secret:LAST_TOKEN"]),
        Case(fixture: "gh-cache-no-step", scenario: "malicious-fork-pr", reached: ["exec job:release/release", "read secret:CRATES_TOKEN"], unreached: []),
        Case(fixture: "gh-foreign-checkout", scenario: "compromised-third-party-action", reached: ["read secret:TRIAGE_TOKEN"], unreached: []),
        Case(fixture: "gh-repository-dispatch", scenario: "malicious-fork-pr", reached: ["access trigger:sync:repository_dispatch write"],
             unreached: ["read secret:SYNC_TOKEN"]),
        Case(fixture: "gh-not-repository-code", scenario: "malicious-fork-pr", reached: ["push branch:main write"],
             unreached: ["read secret:CONTAINER_TOKEN", "read secret:OTHER_REPO_TOKEN"]),
        Case(fixture: "gh-string-condition", scenario: "malicious-fork-pr", reached: ["read secret:BLOCK_TOKEN", "read secret:MIXED_TOKEN"],
             unreached: ["read secret:STRIPPED_TOKEN"]),
        Case(fixture: "gh-caller-condition", scenario: "malicious-fork-pr", reached: ["read secret:OPEN_KEY"],
             unreached: ["read secret:GUARDED_KEY", "exec job:ci/same-repository/run"]),
        Case(fixture: "gh-inline-only", scenario: "malicious-fork-pr", reached: ["read secret:SCRIPT_SECRET"], unreached: ["read secret:INLINE_SECRET"]),
    ]

    @Test(arguments: cases)
    func blastRadius(of row: Case) throws {
        let result = try ImportFixtures.run(row.scenario, on: row.fixture)
        for fact in row.reached { #expect(result.reaches(fact), "\(fact) must be reached") }
        for fact in row.unreached { #expect(!result.reaches(fact), "\(fact) must not be reached") }
    }

    @Test func labelGatesAndMaintainerOnlyActivityCarryTheTimeOfCheckWindow() throws {
        for (fixture, secret) in [("gh-label-gate", "GATED_TOKEN"), ("gh-step-label", "STEP_LABEL_TOKEN"), ("gh-labeled-type", "LABELED_TOKEN")] {
            let result = try ImportFixtures.run("malicious-fork-pr", on: fixture)
            #expect(result.asset(NodeID(.secret, secret))?.caveats.contains(Caveat.labelWindow) == true, "\(fixture)")
        }
    }

    @Test func aJobTokensCommitsRunOnlyAtTheNextLegitimateRun() throws {
        let result = try ImportFixtures.run("malicious-fork-pr", on: "gh-token-push")
        let nightly = try #require(result.asset(NodeID(.secret, "NIGHTLY_TOKEN")))
        #expect(nightly.caveats.contains(Caveat.nextRun))
        #expect(!nightly.timeBounded && !nightly.caveats.contains(Caveat.timeBounded), "a secret read through an expiring token stays read")
        #expect(nightly.path.contains { $0.rule == "push-trigger" && $0.why.contains("schedule") })
    }

    @Test func realEventNamesAreKeptAndUnknownOnesAssumedNotDropped() throws {
        let model = try ImportFixtures.load("gh-unknown-event").model
        #expect(model.triggers["events:create"]?.platformEvent == "create")
        #expect(model.triggers["events:deployment_status"]?.platformEvent == "deployment_status")
        #expect(model.triggers["events:made_up_event"] != nil)
        #expect(model.assumptions.contains { $0.subject == NodeID(.trigger, "events:made_up_event") })
        #expect(model.jobs["events/notify"]?.triggers.count == 3)
        let review = try ImportFixtures.load("gh-pr-review").model
        #expect(review.triggers["review:pull_request_review"]?.event == .pullRequest)
    }

    @Test func selfRepositoryReferencesAreLocal() throws {
        let model = try ImportFixtures.load("gh-self-reference").model
        #expect(model.jobs["ci/lint/check"] != nil, "the called workflow is imported")
        #expect(model.definitions.values.allSatisfy { !$0.isExternal })
        #expect(!model.jobs.values.flatMap(\.steps).contains { $0.uses.hasPrefix("$/") })
        #expect(model.jobs["ci/lint/check"]?.secrets.map(\.name) == ["LINT_TOKEN"])
    }

    @Test func hostedRunnerProvidersAreFreshPerJobAndUnknownPoolsSaySoWhereUsed() throws {
        let model = try ImportFixtures.load("gh-runners").model
        #expect(model.runners["depot-hosted"]?.lifecycle == .ephemeral)
        #expect(model.runners["blacksmith-hosted"]?.hosting == .hosted)
        let gpu = try #require(model.runners["self-hosted:gpu"])
        #expect(gpu.lifecycle == .persistent)
        let result = try Examples.run("compromised-build-step", on: model)
        let hop = try #require(result.asset(gpu.id)?.path.last)
        #expect(hop.caveats.contains { $0.hasPrefix("assumed: self-hosted runners labelled") })
    }

    /// GitHub's own image labels are a system, a version and one of a few variants; a label that
    /// counts cores names a larger runner (hosted, said as an assumption); any other ending is
    /// the organisation's own machine, whose lifecycle is unknown.
    @Test func onlyGitHubsOwnImageLabelsAreHostedWithoutAnAssumption() throws {
        func runner(_ label: String) throws -> (runner: Runner, assumed: Bool) {
            let repository = try ScratchRepository(files: [".github/workflows/ci.yml": """
                on: push
                permissions: {}
                jobs:
                  build:
                    runs-on: \(label)
                    steps: [{run: make}]
                """])
            let model = try InputLoader.load(path: repository.root).model
            let runner = try #require(model.jobs["ci/build"]?.runsOn.flatMap { model.runners[$0.name] })
            return (runner, model.assumptions.contains { $0.subject == runner.id })
        }
        for label in ["ubuntu-24.04", "ubuntu-24.04-arm", "macos-15-intel", "macos-13-xlarge", "windows-11-arm", "macos-latest-large"] {
            let found = try runner(label)
            #expect(found.runner.hosting == .hosted && !found.assumed, "\(label)")
        }
        for label in ["ubuntu-2404-4core", "ubuntu-24.04-16core", "ubuntu-latest-8-cores", "github-ubuntu-24.04-arm-4",
                      "${{ matrix.os }}\n    strategy: {matrix: {os: [ubuntu-latest, ubuntu-24.04-16core]}}"] {
            let found = try runner(label)
            #expect(found.runner.hosting == .hosted && found.runner.lifecycle == .ephemeral && found.assumed, "\(label)")
        }
        for label in ["ubuntu-24.04-riscv", "ubuntu-gpu", "macos-m1-stable", "ubuntu-24.04-xlarge", "windows-2022-intel", "oracle-linux-9"] {
            let found = try runner(label)
            #expect(found.runner.hosting == .selfHosted && found.assumed, "\(label)")
        }
        // The CNCF's runners on Oracle Cloud start a new virtual machine for each job.
        let oracle = try runner("oracle-vm-16cpu-64gb-x86-64")
        #expect(oracle.runner.hosting == .hosted && oracle.runner.lifecycle == .ephemeral, "\(oracle.runner)")
    }

    @Test func rolesComeFromWhatAJobDoesNotItsName() throws {
        let model = try ImportFixtures.load("gh-roles").model
        #expect(model.jobs["a/build"]?.role == .release, "npm publish")
        #expect(model.jobs["a/greet"]?.role == .build, "cargo build")
    }

    @Test func malformedConditionsAreReportedWithTheirLocation() throws {
        let result = try ImportFixtures.load("gh-malformed")
        let warning = try #require(result.diagnostics.first { $0.message.contains("cannot read the expression") })
        #expect(warning.location.file.hasSuffix(".github/workflows/bad.yml"))
        #expect(warning.location.line == 5)
    }

    @Test func anIfThatIsAStringIsReportedWhereItIsWrittenAsAlwaysHolding() throws {
        let result = try ImportFixtures.load("gh-string-condition")
        let warnings = result.diagnostics.filter { $0.message.contains("this `if:` always holds") }
        #expect(warnings.map(\.location.line) == [5, 14], "the `|` block (at its text) and the mixed value; the `|-` block is sound")
        #expect(warnings.allSatisfy { $0.location.file.hasSuffix(".github/workflows/triage.yml") })
        #expect(warnings.first?.help?.contains("|-") == true)
    }

    @Test func aDownloadByPatternOrOfEverythingTakesTheUploadsItFits() throws {
        let model = try ImportFixtures.load("gh-artifact-pattern").model
        // An artifact is its run's: `release/...` for the release workflow's uploads.
        #expect(model.jobs["release/publish"]?.consumes.map(\.artifact.name) == ["release/wheels-${{ matrix.os }}"], "`pattern: wheels-*`")
        #expect(model.jobs["release/archive"]?.consumes.map(\.artifact.name) == ["release/site", "release/wheels-${{ matrix.os }}"],
                "no name: every artifact of the run")
        #expect(model.artifacts["release/*"] == nil && model.artifacts["release/wheels-*"] == nil, "a pattern that fits uploads is no artifact of its own")
        #expect(ArtifactNamePattern.overlaps("report", "report-${{ matrix.os }}") == false && ArtifactNamePattern.overlaps("report-linux", "report-${{ matrix.os }}"),
                "a plain name fits an upload whose name holds an expression where the written parts agree")
        // Names from untrusted files: long ones are compared without recursion, and past the bound taken to fit.
        #expect(!ArtifactNamePattern.overlaps(String(repeating: "a", count: 900), String(repeating: "a", count: 899)))
        #expect(ArtifactNamePattern.overlaps(String(repeating: "a*", count: 5_000), String(repeating: "b", count: 10_000)))
        // Another run's artifacts only with `run-id:`; without it, a run sees its own uploads alone.
        #expect(model.jobs["report/report"]?.consumes.map(\.artifact.name) == ["release/site", "report/wheels-*"])
        // An expression in an upload's name may be any text; a glob's literal parts must still fit.
        #expect(ArtifactNamePattern.overlaps("wheels_uv-*", "wheels_uv-${{ matrix.target }}"))
        #expect(!ArtifactNamePattern.overlaps("wheels_uv_build-*", "wheels_uv-${{ matrix.target }}"))
        #expect(ArtifactNamePattern.overlaps("dist-?", "dist-${{ matrix.os }}") && ArtifactNamePattern.overlaps("a*b", "ab"))
        #expect(!ArtifactNamePattern.overlaps("docs-[ab]", "docs-"))
        // The publishing job ships the wheels it downloads to PyPI: a moved tag in the build job reaches the registry.
        #expect(model.jobs["release/publish"]?.consumes.first?.deploysTo?.name == "pypi")
        let moved = try Examples.run("compromised-third-party-action", on: model)
        #expect(moved.reaches("access resource:pypi deploy"))
        #expect(!moved.reaches("exec job:release/docs"), "the docs job takes no part in it")
    }

    @Test func aJobTokenThatMayDispatchRunsTheWorkflowAtOnce() throws {
        let dispatching = try ImportFixtures.run("malicious-fork-pr", on: "gh-dispatch")
        let deploy = try #require(dispatching.asset(NodeID(.secret, "DEPLOY_TOKEN")))
        #expect(deploy.path.contains { $0.rule == "dispatch" })
        #expect(!deploy.caveats.contains(Caveat.nextRun))
        let pushing = try ImportFixtures.run("malicious-fork-pr", on: "gh-no-dispatch")
        let later = try #require(pushing.asset(NodeID(.secret, "DEPLOY_TOKEN")))
        #expect(!later.path.contains { $0.rule == "dispatch" }, "contents: write alone cannot start workflow_dispatch")
        #expect(later.caveats.contains(Caveat.nextRun))
    }

    @Test func aSecretHandedToAStepAsItsGitHubTokenIsALongLivedToken() throws {
        let model = try ImportFixtures.load("gh-long-lived-token").model
        let token = try #require(model.identities["github-token:BOT_PAT"])
        #expect(token.kind == .personalToken && token.lifetime == .static)
        #expect(model.secrets["BOT_PAT"]?.carries?.name == token.name)
        #expect(model.secrets["DEPLOY_KEY"]?.carries == nil, "a secret not used as a token is data")
        #expect(model.identities.keys.filter { $0.hasPrefix("github-token:") } == ["github-token:BOT_PAT"], "the job's own token is not one")
        let leaked = try Examples.run("leaked-god-token", on: model)
        #expect(leaked.footholds.map(\.node) == [token.id])
        #expect(leaked.reaches("read secret:DEPLOY_KEY"), "a token that writes the repository pushes a workflow that reads any secret")
    }

    /// A secret in a cloud key's well-known variable is that static key (the AWS tools read
    /// `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY`); pointed at another endpoint, the key
    /// opens that S3-compatible storage, not an AWS account; a secret in another variable is data.
    @Test func aSecretInACloudKeysVariableIsAStaticKey() throws {
        let repository = try ScratchRepository(files: [".github/workflows/upload.yml": """
            on: {push: {branches: [main]}}
            permissions: {contents: read}
            jobs:
              upload:
                runs-on: ubuntu-latest
                steps:
                  - run: aws s3 cp --recursive dist s3://example-dist/
                    env:
                      AWS_ACCESS_KEY_ID: ${{ secrets.DIST_KEY_ID }}
                      AWS_SECRET_ACCESS_KEY: ${{ secrets.DIST_SECRET_KEY }}
                      UPLOAD_NOTE: ${{ secrets.UPLOAD_NOTE }}
                  - run: aws s3 cp --endpoint-url https://example.r2.cloudflarestorage.com dist s3://mirror/
                    env: {AWS_SECRET_ACCESS_KEY: "${{ secrets.MIRROR_SECRET_KEY }}"}
                  - run: aws s3 cp dist s3://mirror/
                    env: {AWS_SECRET_ACCESS_KEY: "${{ secrets.R2_KEY }}", AWS_ENDPOINT_URL: "https://example.r2.cloudflarestorage.com"}
                  - run: aws s3 cp --endpoint-url https://s3.eu-west-1.amazonaws.com dist s3://example-dist/
                    env: {AWS_SECRET_ACCESS_KEY: "${{ secrets.REGIONAL_KEY }}"}
                  - run: |
                      aws s3 sync ./ s3://${{ secrets.OS_BUCKET }}/ \\
                        --endpoint-url ${{ secrets.R2_OS_ENDPOINT }}
                    env: {AWS_SECRET_ACCESS_KEY: "${{ secrets.OS_KEY }}"}
                  - run: aws s3 sync ./ s3://assets/ --endpoint-url "${{ secrets.ASSETS_ENDPOINT }}"
                    env: {AWS_SECRET_ACCESS_KEY: "${{ secrets.ASSETS_KEY }}"}
            """])
        let model = try InputLoader.load(path: repository.root).model
        #expect(model.secrets["DIST_SECRET_KEY"]?.carries?.name == "aws-key:DIST_SECRET_KEY")
        #expect(model.secrets["DIST_KEY_ID"].map { $0.carries == nil && $0.criticality == .low } == true,
                "the key id and its secret key are one key, held by its secret half")
        #expect(model.identities["aws-key:DIST_SECRET_KEY"]?.kind == .staticKey)
        #expect(model.identities["aws-key:DIST_SECRET_KEY"].map { [9, 10].contains($0.location.line) } == true,
                "where a key's variable is set, not the step's first line: \(String(describing: model.identities["aws-key:DIST_SECRET_KEY"]?.location))")
        #expect(model.identities["aws-key:DIST_SECRET_KEY"]?.grants.map(\.target) == [NodeID(.resource, "aws-account")])
        #expect(model.identities["s3-key:MIRROR_SECRET_KEY"]?.grants.map(\.target) == [NodeID(.resource, "s3-compatible-storage")])
        #expect(model.identities["s3-key:R2_KEY"] != nil, "an endpoint in AWS_ENDPOINT_URL")
        #expect(model.assumptions.contains { $0.subject == NodeID(.secret, "R2_KEY") && $0.statement.contains("S3-compatible storage") },
                "read from the uses Firebreak reads, and said")
        #expect(model.identities["aws-key:REGIONAL_KEY"] != nil, "AWS's own endpoint is still AWS")
        #expect(model.identities["s3-key:OS_KEY"] != nil, "an endpoint held by a secret named for Cloudflare R2")
        #expect(model.identities["aws-key:ASSETS_KEY"] != nil, "the control: an endpoint whose name says nobody's may be AWS's own")
        #expect(model.secrets["UPLOAD_NOTE"]?.carries == nil, "the control: another variable holds data")
        let stolen = try Examples.run("stolen-static-key", on: model)
        #expect(stolen.crownJewels.contains(NodeID(.resource, "aws-account")))
    }

    /// An access key is its id and its secret key (AWS General Reference, *AWS security
    /// credentials*: a request is signed with both; the id names the key as a user name does).
    /// Handed over together, the key counts once, at its secret half, and the id is rated low,
    /// even in a publishing job, as is a registry login's user name beside its password; an id
    /// handed over with no secret's key beside it stands for the key.
    @Test func anAccessKeysIDBesideItsSecretKeyIsAnIdentifier() throws {
        let repository = try ScratchRepository(files: [".github/workflows/release.yml": """
            on: {push: {tags: ['v*']}}
            permissions: {contents: read}
            jobs:
              publish:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - uses: aws-actions/configure-aws-credentials@v4
                    with:
                      aws-access-key-id: ${{ secrets.RELEASE_KEY_ID }}
                      aws-secret-access-key: ${{ secrets.RELEASE_SECRET_KEY }}
                      aws-region: eu-west-1
                  - run: npm publish
                    env: {NODE_AUTH_TOKEN: "${{ secrets.NPM_TOKEN }}"}
                  - run: aws s3 cp dist s3://example-downloads/
                    env: {AWS_ACCESS_KEY_ID: "${{ secrets.MIRROR_KEY_ID }}", AWS_SECRET_ACCESS_KEY: "${{ secrets.MIRROR_SECRET_KEY }}"}
                  - run: aws s3 ls s3://example-logs/
                    env: {AWS_ACCESS_KEY_ID: "${{ secrets.LOGS_KEY_ID }}", AWS_SECRET_ACCESS_KEY: "${{ env.LOGS_SECRET }}"}
                  - uses: docker/login-action@v3
                    with:
                      registry: public.ecr.aws
                      username: ${{ secrets.ECR_KEY_ID }}
                      password: ${{ secrets.ECR_SECRET_KEY }}
                  - uses: docker/login-action@v3
                    with: {registry: ghcr.io, username: "${{ secrets.SAME_TOKEN }}", password: "${{ secrets.SAME_TOKEN }}"}
                  - uses: docker/login-action@v3
                    with: {registry: quay.io, username: "${{ secrets.QUAY_ROBOT }}", password: "${{ secrets.QUAY_PASSWORD }}"}
                  - uses: docker/login-action@v3
                    with: {registry: registry.example.com, username: "${{ secrets.MIRROR_LOGIN }}", password: "${{ secrets.QUAY_ROBOT }}"}
                  - run: gh release upload v1 dist/*
                    env: {GH_TOKEN: "${{ secrets.ECR_ROBOT }}"}
                  - uses: docker/login-action@v3
                    with: {registry: docker.io, username: "${{ secrets.ECR_ROBOT }}", password: "${{ secrets.HUB_PASSWORD }}"}
            """])
        let model = try InputLoader.load(path: repository.root).model
        for secretKey in ["RELEASE_SECRET_KEY", "MIRROR_SECRET_KEY"] {
            #expect(model.secrets[secretKey]?.carries?.name == "aws-key:\(secretKey)")
        }
        for id in ["RELEASE_KEY_ID", "MIRROR_KEY_ID", "ECR_KEY_ID"] {
            #expect(model.secrets[id].map { $0.carries == nil && $0.criticality == .low } == true, "\(id) is an identifier, in a publishing job too")
            #expect(model.assumptions.contains { $0.subject == NodeID(.secret, id) && $0.statement.contains("authenticates nothing without the credential") })
            #expect(!model.assumptions.contains { $0.subject == NodeID(.secret, id) && $0.statement.contains("counts as high") }, "one rating said")
        }
        #expect(model.secrets["ECR_SECRET_KEY"]?.criticality == .critical, "the login's password, in a publishing job")
        // The controls: a secret some step takes for a credential is no identifier, whatever login names it user.
        for credential in ["SAME_TOKEN", "QUAY_ROBOT", "ECR_ROBOT"] {
            #expect(model.secrets[credential].map { $0.criticality != .low } == true, "\(credential) is a credential somewhere")
        }
        #expect(model.secrets["MIRROR_LOGIN"]?.criticality == .low)
        #expect(model.secrets["LOGS_KEY_ID"]?.carries?.name == "aws-key:LOGS_KEY_ID", "the control: with no secret's key beside it, the id stands for the key")
        let result = try Examples.run("compromised-third-party-action", on: model)
        #expect(result.crownJewels.contains(NodeID(.secret, "RELEASE_SECRET_KEY")) && result.crownJewels.contains(NodeID(.secret, "MIRROR_SECRET_KEY")))
        #expect(!result.crownJewels.contains(NodeID(.secret, "RELEASE_KEY_ID")) && !result.crownJewels.contains(NodeID(.secret, "MIRROR_KEY_ID")),
                "a key counts once: \(result.crownJewels)")
        #expect(result.reaches("read secret:RELEASE_KEY_ID"), "still read, rated low")
        #expect(result.crownJewels.contains(NodeID(.secret, "LOGS_KEY_ID")))
    }

    /// A secret handed to a signing tool's own variable is a signing key, a crown jewel, whatever
    /// it is called (OWASP Threat Dragon's `CSC_LINK: ${{ secrets.MAC_CERTS }}` for electron-builder).
    @Test func aSecretInASigningToolsVariableIsACrownJewel() throws {
        func model(_ variable: String) throws -> PipelineModel {
            let workflow = """
                on: {push: {tags: ['v*']}}
                permissions: {contents: read}
                jobs:
                  desktop:
                    runs-on: macos-latest
                    env:
                      \(variable): ${{ secrets.MAC_CERTS }}
                    steps:
                      - run: npm ci && npm run build:desktop
                """
            return try InputLoader.load(path: try ScratchRepository(files: [".github/workflows/desktop.yml": workflow]).root).model
        }
        let signing = try model("CSC_LINK")
        #expect(signing.isCrownJewel(NodeID(.secret, "MAC_CERTS")))
        let statement = signing.assumptions.first { $0.subject == NodeID(.secret, "MAC_CERTS") && $0.statement.contains("signing variable") }
        #expect(statement?.location.line == 7, "where the variable is set")
        #expect(!signing.assumptions.contains { $0.subject == NodeID(.secret, "MAC_CERTS") && $0.statement.hasSuffix("so it counts as high") })
        // The control: in a variable of its own, nothing says what it opens.
        let other = try model("DESKTOP_CERTS")
        #expect(!other.isCrownJewel(NodeID(.secret, "MAC_CERTS")))
    }

    /// A certificate a publishing job holds beside its private key (`RAUC_CERTIFICATE` and
    /// `RAUC_PRIVATE_KEY`) is the key pair's public half, rated low; one held with only a
    /// password beside it (a PKCS #12 bundle, `MAC_CERTS` and `MAC_CERTS_PASSWORD`) holds its key.
    @Test func aCertificateBesideItsPrivateKeyIsThePublicHalf() throws {
        func model(_ secrets: [String]) throws -> PipelineModel {
            let env = secrets.map { "\($0): \"${{ secrets.\($0) }}\"" }.joined(separator: ", ")
            let workflow = SampleWorkflow.oneJob("release", on: "{release: {types: [published]}}", permissions: "{contents: read}",
                                                 steps: ["run: ./sign-bundle && npm publish\nenv: {\(env)}"])
            return try InputLoader.load(path: try ScratchRepository(files: [".github/workflows/release.yml": workflow]).root).model
        }
        let paired = try model(["RAUC_CERTIFICATE", "RAUC_PRIVATE_KEY"])
        #expect(paired.isCrownJewel(NodeID(.secret, "RAUC_PRIVATE_KEY")))
        #expect(!paired.isCrownJewel(NodeID(.secret, "RAUC_CERTIFICATE")))
        #expect(paired.secrets["RAUC_CERTIFICATE"]?.criticality == .low)
        #expect(paired.assumptions.contains { $0.subject == NodeID(.secret, "RAUC_CERTIFICATE") && $0.statement.contains("beside private key 'RAUC_PRIVATE_KEY'") })
        // The control: a bundle with its password is the key itself.
        let bundle = try model(["MAC_CERTS", "MAC_CERTS_PASSWORD"])
        #expect(bundle.isCrownJewel(NodeID(.secret, "MAC_CERTS")))
        #expect(ModelBuilder.privateKey(besideCertificate: "APP_CERT", among: ["APP_CERT", "APP_KEY"]) == "APP_KEY")
        #expect(ModelBuilder.privateKey(besideCertificate: "APP_CERT", among: ["APP_CERT", "OTHER_KEY"]) == nil)
    }

    @Test func crownJewelsComeFromEvidence() throws {
        let model = try ImportFixtures.load("gh-crown-jewels").model
        #expect(model.isCrownJewel(model.repository.id), "an action at the root: its tags run in other repositories")
        #expect(model.isCrownJewel(NodeID(.secret, "NPM_TOKEN")), "used by the job that publishes")
        // A publishing job's registry token is a long-lived credential: the leaked-token scenario can start from it.
        #expect(model.secrets["NPM_TOKEN"]?.carries?.name == "registry-token:NPM_TOKEN")
        #expect(model.identities["registry-token:NPM_TOKEN"]?.grants.map(\.target) == [NodeID(.resource, "npm")])
        #expect(model.secrets["NPM_RELEASE_CHANNEL"]?.carries == nil, "a chat channel named after the registry is no upload token")
        let leaked = try Examples.run("leaked-god-token", on: model)
        #expect(leaked.footholds.map(\.node) == [NodeID(.identity, "registry-token:NPM_TOKEN")], "the long-lived credential found is the foothold")
        #expect(leaked.crownJewels.contains(NodeID(.resource, "npm")), "and it publishes to the registry")
        #expect(!model.isCrownJewel(NodeID(.secret, "NOTES_TOKEN")))
        let result = try Examples.run("malicious-fork-pr", on: model)
        #expect(result.crownJewels.contains(model.repository.id))
        let plain = try ImportFixtures.load("composite").model
        #expect(!plain.isCrownJewel(plain.repository.id), "no action at the root and no job that publishes")
        let published = try ImportFixtures.load("gh-token-push").model
        #expect(published.isCrownJewel(published.repository.id), "a job publishes its releases: the next release ships what the default branch holds")
    }

    /// Of several publishing jobs, the one the repository's crown-jewel assumption names is the
    /// surest release: one a published release starts before one a pull request starts (a preview).
    @Test func theReleaseTheRepositoryIsValuedForIsTheSurestOne() throws {
        let preview = SampleWorkflow.oneJob("a-preview", on: "pull_request", permissions: "{packages: write}",
                                            steps: ["run: docker build -t ghcr.io/acme/app:pr . && docker push ghcr.io/acme/app:pr"])
        let release = SampleWorkflow.oneJob("z-publish", on: "{release: {types: [published]}}", permissions: "{contents: read}",
                                            steps: ["run: npm publish\nenv: {NODE_AUTH_TOKEN: \"${{ secrets.NPM_TOKEN }}\"}"])
        func named(_ files: [String: String]) throws -> String? {
            let model = try InputLoader.load(path: try ScratchRepository(files: files).root).model
            return model.assumptions.first { $0.subject == model.repository.id && $0.statement.contains("published for others") }?.statement
        }
        #expect(try named([".github/workflows/a.yml": preview, ".github/workflows/b.yml": release])?.contains("(job 'b/z-publish')") == true)
        // The control: with the preview alone, it is the one named.
        #expect(try named([".github/workflows/a.yml": preview])?.contains("(job 'a/a-preview')") == true)
    }

    /// `packages: write` publishes on GitHub Packages only where a job names it: one that pushes
    /// to Docker Hub leaves the scope unused, and GitHub Packages is no crown jewel, said so; a
    /// job that logs in to ghcr.io makes it one, whichever job came first.
    @Test func gitHubPackagesIsACrownJewelWhereAJobNamesIt() throws {
        let dockerHub = SampleWorkflow.oneJob("images", on: "{push: {branches: [main]}}", permissions: "{contents: read, packages: write}",
                                              steps: ["uses: docker/login-action@74a5d142397b4f367a81961eba4e8cd7edddf772\nwith: {username: acme, password: \"${{ secrets.DOCKERHUB_TOKEN }}\"}",
                                                      "run: docker build -t acme/app:latest . && docker push acme/app:latest"])
        let ghcr = SampleWorkflow.oneJob("publish", on: "{push: {tags: [\"v*\"]}}", permissions: "{contents: read, packages: write}",
                                         steps: ["uses: docker/login-action@74a5d142397b4f367a81961eba4e8cd7edddf772\nwith: {registry: ghcr.io, username: acme, password: \"${{ github.token }}\"}",
                                                 "run: docker build -t ghcr.io/acme/app:1 . && docker push ghcr.io/acme/app:1"])
        func registry(_ files: [String: String]) throws -> (resource: Resource?, assumptions: [String]) {
            let model = try InputLoader.load(path: try ScratchRepository(files: files).root).model
            let id = NodeID(.resource, "github-packages")
            return (model.resources[id.name], model.assumptions.filter { $0.subject == id }.map(\.statement))
        }
        let unused = try registry([".github/workflows/a.yml": dockerHub])
        #expect(unused.resource?.criticality == .high && unused.resource?.production == false, "\(String(describing: unused.resource))")
        #expect(unused.assumptions.count == 1 && unused.assumptions[0].contains("the scope is taken as unused"), "\(unused.assumptions)")
        for files in [[".github/workflows/a.yml": ghcr], [".github/workflows/a.yml": dockerHub, ".github/workflows/b.yml": ghcr]] {
            let used = try registry(files)
            #expect(used.resource?.criticality == .critical, "\(files.keys.sorted())")
            #expect(used.assumptions.count == 1 && used.assumptions[0].contains("is taken to be what others pull: a crown jewel"), "\(used.assumptions)")
        }
    }

    @Test func publishingIdentitiesPackagesAndProductionAreCrownJewels() throws {
        let model = try ImportFixtures.load("gh-publishing").model
        let pypi = try #require(model.resources["pypi"], "trusted publishing: `id-token: write` in a job that publishes to PyPI")
        #expect(pypi.kind == .packageRegistry && model.isCrownJewel(pypi.id))
        #expect(model.jobs["release/publish"]?.token?.contains { $0.target == pypi.id && $0.level == .write } == true)
        #expect(model.assumptions.contains { $0.subject == pypi.id && $0.statement.contains("trusted publishing") })
        let packages = try #require(model.resources["github-packages"], "`packages: write`")
        #expect(model.jobs["release/image"]?.token?.contains { $0.target == packages.id } == true)
        #expect(model.isCrownJewel(NodeID(.secret, "KUBE_TOKEN")), "used by a job deploying to production")
        #expect(model.jobs["release/build"]?.token?.contains { $0.target == pypi.id } != true, "only the publishing job holds it")
        // Whoever runs code in the publishing job publishes: its token writes the registry.
        let hold = try Examples.run("compromised-third-party-action", on: model)
        #expect(!hold.reaches("write resource:pypi"), "every action is pinned to a commit")
    }

    @Test func theContextFileCanSayARegistryIsNoCrownJewel() throws {
        let source = ImportFixtures.path("gh-publishing") + "/.github/workflows/release.yml"
        let repository = try ScratchRepository(files: [
            ".github/workflows/release.yml": try String(contentsOfFile: source, encoding: .utf8),
            "firebreak.context.yml": "firebreak: 1\nrepository: {name: acme/lib, visibility: public}\nresources: {pypi: {type: package-registry, criticality: low}}\n",
        ])
        let model = try InputLoader.load(path: repository.root).model
        #expect(model.resources["pypi"]?.criticality == .low)
        #expect(!model.isCrownJewel(NodeID(.resource, "pypi")))
    }

    @Test func aReusableWorkflowGetsOnlyWhatItsCallersPass() throws {
        let model = try ImportFixtures.load("gh-nested-reusable").model
        #expect(model.jobs["top/without/upload/publish"]?.secrets.map(\.name) == [], "the top caller passes nothing")
        #expect(model.jobs["top/inheriting/upload/publish"]?.secrets.map(\.name) == ["PYPI_API_TOKEN"])
    }

    /// An action run from a checkout of the pull request's head repository is the pull request's
    /// code (this repository's, on a push), weighed as such: no third party's movable tag.
    @Test func anActionFromThePullRequestsHeadRepositoryIsNoThirdPartys() throws {
        func workflow(_ repository: String) -> String {
            """
            on: [push, pull_request]
            permissions: {}
            jobs:
              check:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
                    with: {repository: "\(repository)", path: dir1}
                  - uses: ./dir1
                    with: {token: "${{ secrets.CHECK_TOKEN }}"}
            """
        }
        let head = try ScratchRepository(files: [".github/workflows/ci.yml": workflow("${{ github.event.pull_request.head.repo.full_name }}")])
        let model = try InputLoader.load(path: head.root).model
        #expect(model.jobs["ci/check"]?.steps.allSatisfy { !$0.name.contains("a repository named by") } == true)
        #expect(!(try Examples.run("compromised-third-party-action", on: model)).reaches("read secret:CHECK_TOKEN"))
        // Another repository named by an expression is still a third party's code.
        let other = try ScratchRepository(files: [".github/workflows/ci.yml": workflow("${{ vars.ACTIONS_REPOSITORY }}")])
        let foreign = try InputLoader.load(path: other.root).model
        #expect((try Examples.run("compromised-third-party-action", on: foreign)).reaches("read secret:CHECK_TOKEN"))
    }

    /// A checkout of the pull request's head repository (a fork's, for a fork's pull request) is
    /// the pull request's code: the build that follows runs it. Another repository's is not.
    @Test func aCheckoutOfTheHeadRepositoryRunsThePullRequestsCode() throws {
        func workflow(_ repository: String) -> String {
            """
            on: pull_request
            permissions: {}
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
                    with:
                      repository: \(repository)
                      ref: ${{ github.event.pull_request.head.ref }}
                  - run: yarn install && yarn all
            """
        }
        let head = try ScratchRepository(files: [".github/workflows/test.yml": workflow("${{ github.event.pull_request.head.repo.full_name }}")])
        let model = try InputLoader.load(path: head.root).model
        #expect(model.jobs["test/build"]?.runsRepositoryCode == true)
        #expect(try Examples.run("malicious-fork-pr", on: model).reaches("exec job:test/build untrusted"))
        let other = try ScratchRepository(files: [".github/workflows/test.yml": workflow("acme/website")])
        #expect(try InputLoader.load(path: other.root).model.jobs["test/build"]?.runsRepositoryCode == false)
    }

    /// A step whose `if:` excludes an event is skipped on it and sets no outputs, so a step that
    /// needs those outputs is skipped too: a job none of whose steps can run on push does
    /// nothing on push, and saves no cache on the default branch. One step that runs on every
    /// event keeps the push.
    @Test func aJobWhoseStepsAllSkipAnEventDoesNotRunOnIt() throws {
        func workflow(last condition: String) -> String {
            """
            on: {push: {branches: [main]}, pull_request: {}}
            permissions: {}
            jobs:
              regression:
                runs-on: ubuntu-latest
                steps:
                  - if: github.event_name == 'pull_request'
                    id: changed
                    run: echo "found=true" >> "$GITHUB_OUTPUT"
                  - if: steps.changed.outputs.found == 'true'
                    uses: astral-sh/setup-uv@c771a70e6277c0a99b617c7a806ffedaca235ff9
                    with: {enable-cache: true}
                  - \(condition)run: uv run pytest
            """
        }
        let gated = try InputLoader.load(path: try ScratchRepository(files: [".github/workflows/ci.yml": workflow(last: "if: steps.changed.outputs.found == 'true'\n        ")]).root).model
        #expect(gated.jobs["ci/regression"]?.triggers.map(\.name) == ["ci:pull_request"])
        #expect(try Examples.run("cache-poisoning", on: gated).footholds.isEmpty)
        let open = try InputLoader.load(path: try ScratchRepository(files: [".github/workflows/ci.yml": workflow(last: "")]).root).model
        #expect(open.jobs["ci/regression"]?.triggers.map(\.name).sorted() == ["ci:pull_request", "ci:push"])
        #expect(try Examples.run("cache-poisoning", on: open).footholds.contains(Fact(.exec, NodeID(.job, "ci/regression"))))
        // An unset output is null, which equals '0' (compared as numbers): that step may run on push.
        let zero = try InputLoader.load(path: try ScratchRepository(files: [".github/workflows/ci.yml": workflow(last: "if: steps.changed.outputs.found == '0'\n        ")]).root).model
        #expect(zero.jobs["ci/regression"]?.triggers.map(\.name).sorted() == ["ci:pull_request", "ci:push"])
        // A service starts as the job does, whatever the steps' conditions: the push stays.
        let serviced = workflow(last: "if: steps.changed.outputs.found == 'true'\n        ")
            .replacingOccurrences(of: "    runs-on: ubuntu-latest", with: "    runs-on: ubuntu-latest\n    services: {db: {image: postgres}}")
        let service = try InputLoader.load(path: try ScratchRepository(files: [".github/workflows/ci.yml": serviced]).root).model
        #expect(service.jobs["ci/regression"]?.triggers.map(\.name).sorted() == ["ci:pull_request", "ci:push"])
    }

    /// Jobs of one workflow whose `if:`s read the same output Firebreak cannot evaluate make one
    /// assumption, about all of them. Another output is another one.
    @Test func jobsThatTestTheSameUnreadOutputShareOneAssumption() throws {
        var jobs = ""
        for (name, output) in [("lint", "changed"), ("test", "changed"), ("docs", "changed"), ("bench", "slow")] {
            jobs += """
              \(name):
                needs: plan
                if: needs.plan.outputs.\(output) == 'true'
                runs-on: ubuntu-latest
                steps: [{uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683}, {run: make \(name)}]

            """
        }
        let repository = try ScratchRepository(files: [".github/workflows/ci.yml": """
            on: pull_request
            permissions: {}
            jobs:
              plan:
                runs-on: ubuntu-latest
                steps: [{run: echo plan}]
            \(jobs)
            """])
        let model = try InputLoader.load(path: repository.root).model
        let unread = model.assumptions.filter { $0.statement.contains("cannot evaluate") }
        #expect(unread.count == 2)
        let shared = try #require(unread.first { $0.statement.contains("needs.plan.outputs.changed") })
        #expect(shared.statement.hasPrefix("the `if:`s of jobs 'ci/docs', 'ci/lint', 'ci/test' read needs.plan.outputs.changed"))
        #expect(shared.subject == NodeID(.job, "ci/docs") && shared.alsoAbout == [NodeID(.job, "ci/lint"), NodeID(.job, "ci/test")])
        #expect(unread.contains { $0.statement.hasPrefix("the `if:` of job 'ci/bench' reads needs.plan.outputs.slow") && $0.alsoAbout.isEmpty })
    }

    /// A GitHub App's private key mints the app's tokens whenever its holder likes: a long-lived
    /// credential the leaked-token scenario starts from. A private key another action takes is not one.
    @Test func aGitHubAppsPrivateKeyIsALongLivedToken() throws {
        let repository = try ScratchRepository(files: [".github/workflows/bump.yml": """
            on: {schedule: [{cron: "0 3 * * *"}]}
            permissions: {}
            jobs:
              bump:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/create-github-app-token@5d869da34e18e7287c1daad50e0b8ea0f506ce69
                    with: {app-id: "123", private-key: "${{ secrets.BOT_APP_KEY }}"}
                  - uses: appleboy/ssh-action@7eaf76671a0d7eec5d98ee897acda4f968735a17
                    with: {key: "${{ secrets.SERVER_SSH_KEY }}", private-key: "${{ secrets.SERVER_SSH_KEY }}"}
            """])
        let model = try InputLoader.load(path: repository.root).model
        let app = try #require(model.identities["github-token:BOT_APP_KEY"])
        #expect(app.lifetime == .static && app.grants.contains { $0.target == model.repository.id && $0.level == .write })
        #expect(model.identities["github-token:SERVER_SSH_KEY"] == nil)
        #expect(model.assumptions.contains { $0.subject == app.id && $0.statement.contains("GitHub App's private key") })
        let leaked = try Examples.run("leaked-god-token", on: model)
        #expect(leaked.footholds == [Fact(.hold, app.id)])
    }

    /// A token whose name says it only reads (`_RO`), kept to pull images without a rate limit,
    /// publishes nothing, even in the job that pushes with its read-write twin.
    @Test func aReadOnlyTokenOfAPublishingJobIsNoCrownJewel() throws {
        let repository = try ScratchRepository(files: [".github/workflows/docker.yml": SampleWorkflow.oneJob("publish", on: "{push: {tags: [\"v*\"]}}", permissions: "{}", steps: [
            """
            uses: docker/login-action@74a5d142397b4f367a81961eba4e8cd7edddf772
            with: {username: acme, password: "${{ github.ref_type == 'tag' && secrets.DOCKERHUB_TOKEN_RW || secrets.DOCKERHUB_TOKEN_RO }}"}
            """,
            """
            uses: docker/build-push-action@263435318d21b8e681c14492fe198d362a7d2c83
            with: {push: true, tags: "acme/app:latest"}
            """])])
        let model = try InputLoader.load(path: repository.root).model
        #expect(try #require(model.jobs["docker/publish"]).role == .release)
        let twin = try #require(model.secrets["DOCKERHUB_TOKEN_RW"])
        #expect(twin.criticality == .critical || twin.carries != nil, "the control: its twin publishes, \(twin)")
        #expect(try #require(model.secrets["DOCKERHUB_TOKEN_RO"]).criticality != .critical)
        #expect(model.secrets["DOCKERHUB_TOKEN_RO"]?.carries == nil)
        #expect(!model.assumptions.contains { $0.subject == NodeID(.secret, "DOCKERHUB_TOKEN_RO") && $0.statement.contains("publish releases") })
    }

    /// A cache restored at a job's last step still runs the planted code: the archive is unpacked
    /// with absolute paths, over the files of the post steps that run after it; the hop says so.
    @Test func aCacheRestoredAtTheLastStepRunsThroughThePostSteps() throws {
        func model(after cache: [String]) throws -> PipelineModel {
            let checkout = "uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683"
            let repository = try ScratchRepository(files: [
                ".github/workflows/release.yml": SampleWorkflow.oneJob("release", on: "{push: {tags: [\"v*\"]}}", permissions: "{contents: write}", steps: [
                    checkout, "run: make dist", "uses: actions/cache@5a3ec84eff668545956fd18022155c47e93e2684\nwith: {path: dist/, key: \"dist-${{ github.sha }}\"}",
                ] + cache),
                ".github/workflows/test.yml": SampleWorkflow.oneJob("test", on: "{push: {branches: [main]}}", steps: [
                    checkout, "uses: actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020\nwith: {cache: npm}", "run: npm ci && npm test",
                ])])
            return try InputLoader.load(path: repository.root).model
        }
        let last = try model(after: [])
        #expect(try #require(last.jobs["release/release"]).restoresAfterItsSteps)
        let result = try Examples.run("cache-poisoning", on: last)
        let hop = try #require(result.facts.derivation(of: Fact(.exec, NodeID(.job, "release/release"))))
        #expect(hop.rule == "cache-restore" && hop.why.contains("at its last step") && hop.why.contains("unpacked with absolute paths"), "\(hop.why)")
        // The control: a step after the restore runs what it restored; nothing more to say.
        let followed = try model(after: ["run: gh release upload v1 dist/*"])
        #expect(try #require(followed.jobs["release/release"]).restoresAfterItsSteps == false)
        #expect(try #require(followed.jobs["test/test"]).restoresAfterItsSteps == false, "setup-node restores before the tests")
    }

    /// GitHub retired actions/cache v1 and v2 (and v3, v4 before v3.4.0, v4.2.0) on 1 March 2025:
    /// runs fail at such a step, so the job restores no cache; the import says so where it is written.
    @Test func aRetiredCacheVersionRestoresNothingAndIsReported() throws {
        #expect(ActionsKnowledge.usesRetiredCache("actions/cache@v2") && ActionsKnowledge.usesRetiredCache("actions/cache@v1.1.2"))
        #expect(ActionsKnowledge.usesRetiredCache("actions/cache/restore@v3.3.1") && ActionsKnowledge.usesRetiredCache("actions/cache@v4.0.2"))
        #expect(!ActionsKnowledge.usesRetiredCache("actions/cache@v4") && !ActionsKnowledge.usesRetiredCache("actions/cache@v4.2.0"))
        #expect(!ActionsKnowledge.usesRetiredCache("actions/cache@v3") && !ActionsKnowledge.usesRetiredCache("actions/cache@5a3ec84eff668545956fd18022155c47e93e2684"))
        func load(_ version: String) throws -> (model: PipelineModel, diagnostics: [Diagnostic]) {
            let repository = try ScratchRepository(files: [".github/workflows/docs.yml": SampleWorkflow.oneJob("docs", on: "{push: {branches: [main]}}", steps: [
                "uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683",
                "uses: actions/cache@\(version)\nwith: {path: ~/.cache/pip, key: pip}", "run: pip install -r docs/requirements.txt && make html",
            ])])
            let loaded = try InputLoader.load(path: repository.root)
            return (loaded.model, loaded.diagnostics)
        }
        let retired = try load("v2")
        #expect(retired.model.jobs["docs/docs"]?.restoresCaches.isEmpty == true)
        let warning = try #require(retired.diagnostics.first { $0.message.contains("retired this version of actions/cache") })
        #expect(warning.severity == .warning && warning.location.line == 7, "\(warning)")
        let current = try load("v4")
        #expect(current.model.jobs["docs/docs"]?.restoresCaches.isEmpty == false, "the control: a current version restores")
        #expect(!current.diagnostics.contains { $0.message.contains("retired") })
    }

    /// A download by a name an expression holds (a step's output) is taken to fit every upload it
    /// may, and says so: in the assumptions and on each hop through it. An upload written with
    /// the very same text is the one it names, nothing assumed.
    @Test func aDownloadByANameNoFileGivesIsAnAssumptionOnItsHops() throws {
        let upload = { (name: String) in "uses: actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02\nwith: {name: \"\(name)\", path: dist/}" }
        let download = { (name: String) in
            "uses: actions/download-artifact@d3f86a106a0bac45b974a628896c90dbdf5c8093\nwith: {name: \"\(name)\", run-id: \"${{ github.event.workflow_run.id }}\", github-token: \"${{ github.token }}\"}"
        }
        func model(downloading name: String) throws -> PipelineModel {
            let repository = try ScratchRepository(files: [
                ".github/workflows/ci.yml": SampleWorkflow.oneJob("build", on: "push", steps: ["run: make", upload("dist-${{ github.sha }}"), upload("coverage")]),
                ".github/workflows/publish.yml": SampleWorkflow.oneJob("get", on: "{workflow_run: {workflows: [ci], types: [completed]}}", steps: [download(name), "run: ./dist/install.sh"]),
            ])
            return try InputLoader.load(path: repository.root).model
        }
        let guessed = try model(downloading: "${{ steps.pick.outputs.name }}")
        let uses = try #require(guessed.jobs["publish/get"]).consumes
        #expect(Set(uses.map(\.artifact.name)) == ["ci/coverage", "ci/dist-${{ github.sha }}"] && uses.allSatisfy { $0.assumedFrom == "${{ steps.pick.outputs.name }}" })
        #expect(guessed.assumptions.contains { $0.subject == NodeID(.job, "publish/get") && $0.statement.contains("which Firebreak cannot evaluate") })
        #expect(Caveat.assumedDownload(uses[0], by: "publish/get").first?.contains("a name Firebreak cannot evaluate") == true)
        // The control: the same expression as the upload's names that upload, nothing assumed.
        let named = try model(downloading: "dist-${{ github.sha }}")
        #expect(try #require(named.jobs["publish/get"]).consumes.allSatisfy { $0.assumedFrom == nil })
        #expect(!named.assumptions.contains { $0.statement.contains("which Firebreak cannot evaluate") })
    }

    /// On GitHub a run in the default branch's context writes its cache scope whatever its
    /// steps: the poisoning hop says so and cites the event whose runs are there, not a step
    /// that only restores, nor the job, whose pull requests' runs write only their own scope; a
    /// GitLab job saves the cache its `cache:` names.
    @Test func aDefaultBranchRunWritesTheCacheWithoutASaveStep() throws {
        let workflow = """
            on:
              pull_request:
              workflow_dispatch:
            permissions: {contents: read}
            jobs:
              e2e:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/cache/restore@v4
                    with: {path: bin, key: "bin-${{ github.sha }}"}
                  - run: pytest
            """
        let model = try InputLoader.load(path: try ScratchRepository(files: [".github/workflows/e2e.yml": workflow]).root).model
        let job = try #require(model.jobs["e2e/e2e"], "\(model.jobs.keys.sorted())")
        #expect(job.savesCaches.map(\.location.line) == [3], "the manual run's event, not the pull request's, the job's or its restore step's")
        let cache = NodeID(.cache, "default-branch-cache")
        let poison = try #require(try Examples.run("cache-poisoning", on: model).facts.derivation(of: Fact(.poison, cache)))
        #expect(poison.why == "job 'e2e/e2e' has runs in the default branch's context (on the event cited): any code they run can write that context's cache 'default-branch-cache', cache step or not")
        #expect(poison.location.line == 3)
        // The control: a GitLab job's own `cache:` is what it saves.
        let gitlab = try InputLoader.load(path: try ScratchRepository(files: [".gitlab-ci.yml": """
            test:
              cache: {key: deps, paths: [vendor/]}
              script: [pip install -r requirements.txt, pytest]
            """]).root).model
        let saved = try #require(try Examples.run("cache-poisoning", on: gitlab).facts.facts.first { $0.capability == .poison })
        let gitlabPoison = try #require(try Examples.run("cache-poisoning", on: gitlab).facts.derivation(of: saved))
        #expect(gitlabPoison.why.hasPrefix("job 'test' saves cache"), "\(gitlabPoison.why)")
    }

    /// GitHub Pages built by Actions: `actions/upload-pages-artifact` uploads the site as an
    /// artifact of the run, `actions/deploy-pages` publishes it, so a build turned hostile
    /// publishes its own site; the `github-pages` environment GitHub makes admits only the
    /// site's source branch, so a rewritten workflow on a side branch does not deploy it.
    @Test func aPagesSiteIsPublishedFromTheRunsSiteArtifact() throws {
        let workflow = """
            on: {push: {branches: [main]}}
            permissions: {contents: read, pages: write, id-token: write}
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
                  - run: npm ci && npm run build
                  - uses: actions/upload-pages-artifact@56afc609e74202658d3ffba0e8f6dda462b719fa
                    with: {path: dist}
              deploy:
                needs: build
                runs-on: ubuntu-latest
                environment: {name: github-pages, url: "${{ steps.deployment.outputs.page_url }}"}
                steps:
                  - id: deployment
                    uses: actions/deploy-pages@d6db90164ac5ed86f2b6aed7e0febac5b3c0c03e
            """
        let model = try InputLoader.load(path: try ScratchRepository(files: [".github/workflows/pages.yml": workflow]).root).model
        let site = NodeID(.resource, "github-pages")
        #expect(model.isCrownJewel(site))
        #expect(model.environments["github-pages"]?.allowedBranches == ["main"])
        #expect(model.assumptions.contains { $0.subject == NodeID(.environment, "github-pages") && $0.statement.contains("admits only the site's source branch") })
        let build = try Examples.run("compromised-build-step", on: model)
        #expect(build.crownJewels.contains(site), "the build's site is what is published")
        let deploy = try #require(build.facts.derivation(of: Fact(.access, site, .deploy)))
        #expect(deploy.caveats.contains { $0.hasPrefix("assumed: the GitHub Pages site is the project's public face") },
                "what makes the site a crown jewel is said where it is reached: \(deploy.caveats)")
        // The control: a side branch's rewritten run of the build is the attacker's, but its run
        // of the deploy job is not admitted to the environment; only a push to main deploys.
        let poisoned = try Examples.run("poisoned-pipeline-definition", on: model)
        let sideRuns = Set(poisoned.facts.facts.filter { $0.capability == .exec && $0.level == .unprotected }.map(\.node.name))
        #expect(sideRuns.contains("pages/build"), "\(sideRuns)")
        #expect(!sideRuns.contains("pages/deploy"), "the environment admits only main: \(sideRuns)")
        // The control: without a deploy-pages step nothing publishes the site.
        let uploadOnly = workflow.components(separatedBy: "  deploy:")[0]
        let plain = try InputLoader.load(path: try ScratchRepository(files: [".github/workflows/pages.yml": uploadOnly]).root).model
        #expect(plain.resources["github-pages"] == nil)
    }

    @Test func tagRunsRestoreButDoNotWriteTheDefaultBranchCache() throws {
        let model = try ImportFixtures.load("gh-cache-no-step").model
        #expect(model.jobs["preview/preview"]?.savesCaches.map(\.name) == ["default-branch-cache"],
                "no cache step needed to write it, once the workflow asks for `cache-mode: write`")
        #expect(model.jobs["release/release"]?.restoresCaches.map(\.name) == ["default-branch-cache"], "Swatinem/rust-cache")
    }

    @Test func forkPullRequestsOfFirstTimeContributorsWaitForApprovalByDefault() throws {
        let result = try ImportFixtures.run("malicious-fork-pr", on: "pr-checkout")
        let run = try #require(result.asset(NodeID(.job, "preview/preview")))
        #expect(run.caveats.contains(Caveat.afterFirstContribution))
    }

    @Test func aPhantomSecretFromProseIsNotASecret() throws {
        let model = try ImportFixtures.load("gh-secrets-matrix").model
        #expect(model.secrets["md"] == nil)
        #expect(model.jobs["publish/publish"]?.secrets.map(\.name) == ["NPM_TOKEN", "PYPI_TOKEN"])
    }

    /// Gradle's and Maven's publishing tasks count wherever they stand among the command's
    /// options (Apache Iceberg's `./gradlew -DallModules publishApachePublicationToMavenRepository`,
    /// spotbugs's `publishToSonatype`); copying into the machine's own repository does not.
    @Test func aBuildToolPublishesByItsTaskWhereverItStands() throws {
        func phrases(_ command: String) -> [String] { JobRoles.commandsThatMayPublish([command]) }
        #expect(phrases("./gradlew -DallModules publishApachePublicationToMavenRepository -PmavenUser=\"$U\"").contains("gradle publish"))
        #expect(phrases("./gradlew assemble publishToSonatype closeAndReleaseSonatypeStagingRepository --no-daemon").contains("gradle publish"))
        #expect(phrases("gradle :core:publish").contains("gradle publish"))
        #expect(phrases("mvn -B -P release deploy").contains("mvn deploy"))
        #expect(phrases("./mvnw --batch-mode nexus-staging:deploy").contains("mvn deploy"))
        // The controls: the machine's own repository, an option's value, a build.
        #expect(!phrases("./gradlew publishToMavenLocal").contains("gradle publish"))
        #expect(!phrases("./gradlew build -Ppublish=true").contains("gradle publish"))
        #expect(!phrases("mvn -B verify -Dmaven.deploy.skip=true").contains("mvn deploy"))
        let workflow = SampleWorkflow.oneJob("snapshot", on: "{schedule: [{cron: '0 0 * * *'}]}", permissions: "{contents: read}",
                                             steps: ["run: ./gradlew -DallModules publishApachePublicationToMavenRepository -PmavenPassword=\"$NEXUS_PW\"\nenv: {NEXUS_PW: \"${{ secrets.NEXUS_PW }}\"}"])
        let model = try InputLoader.load(path: try ScratchRepository(files: [".github/workflows/snapshot.yml": workflow]).root).model
        #expect(model.jobs["snapshot/snapshot"]?.role == .release)
        #expect(model.isCrownJewel(NodeID(.secret, "NEXUS_PW")), "the password a publishing job uploads with")
        #expect(model.secrets["NEXUS_PW"]?.carries?.name == "registry-token:NEXUS_PW", "a Nexus password beside a Maven upload is the Maven repository's")
    }

    /// Snapcraft uploads a snap to the Snap Store with the login its own variable holds
    /// (`SNAPCRAFT_STORE_CREDENTIALS`): a publishing job, whose secret is the store's upload
    /// credential, as is a secret named for it beside an upload; packing a snap publishes nothing.
    @Test func snapcraftUploadPublishesToTheSnapStore() throws {
        func model(_ command: String, variable: String = "SNAPCRAFT_STORE_CREDENTIALS") throws -> PipelineModel {
            let workflow = SampleWorkflow.oneJob("snap", on: "{push: {tags: ['v*']}}", permissions: "{contents: read}",
                                                 steps: ["run: \(command)\nenv: {\(variable): \"${{ secrets.STORE_LOGIN }}\"}"])
            return try InputLoader.load(path: try ScratchRepository(files: [".github/workflows/snap.yml": workflow]).root).model
        }
        let upload = try model("snapcraft upload --release=stable app.snap")
        #expect(upload.jobs["snap/snap"]?.role == .release)
        #expect(upload.secrets["STORE_LOGIN"]?.carries?.name == "registry-token:STORE_LOGIN")
        #expect(upload.isCrownJewel(NodeID(.resource, "snap-store")))
        let leaked = try Examples.run("leaked-god-token", on: upload)
        #expect(leaked.crownJewels.contains(NodeID(.resource, "snap-store")))
        // The control: packing a snap, with the login in no variable of Snapcraft's, is a build.
        let pack = try model("snapcraft pack", variable: "STORE_LOGIN")
        #expect(pack.jobs["snap/snap"]?.role != .release)
        #expect(pack.resources["snap-store"] == nil)
    }

    /// Only GoReleaser's `--snapshot` is a dry run; `changeset publish --snapshot` ships a
    /// snapshot version to npm.
    @Test func aSnapshotIsADryRunOnlyForGoReleaser() {
        #expect(JobRoles.commandsThatMayPublish(["goreleaser release --snapshot --clean"]).allSatisfy { !$0.contains("goreleaser") })
        #expect(JobRoles.commandsThatMayPublish(["npx changeset publish --snapshot"]) == ["npx changeset publish --snapshot"])
        #expect(JobRoles.commandsThatMayPublish(["npm publish --dry-run"]).isEmpty)
    }

    /// An upload to a test index (TestPyPI) publishes no release: by the publishing action's
    /// `repository-url`, or a command's `--repository-url` (continued lines read as one) or
    /// `-r testpypi`. A job that also uploads to PyPI itself still publishes there with its token;
    /// the passwords of its uploads elsewhere, and a token named for a test index, are not PyPI's.
    @Test func anUploadToATestIndexPublishesNoRelease() throws {
        let repository = try ScratchRepository(files: [".github/workflows/publish.yml": """
            on: {push: {tags: ["v*"]}}
            permissions: {contents: read}
            jobs:
              try-it:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@0123456789abcdef0123456789abcdef01234567
                  - run: python -m build
                  - uses: pypa/gh-action-pypi-publish@0123456789abcdef0123456789abcdef01234567
                    with:
                      repository-url: https://test.pypi.org/legacy/
                      password: ${{ secrets.TEST_PYPI_TOKEN }}
              try-twine:
                runs-on: ubuntu-latest
                steps:
                  - run: |
                      twine upload \\
                        --repository-url https://test.pypi.org/legacy/ dist/*
                    env: {TWINE_PASSWORD: "${{ secrets.TWINE_TEST_TOKEN }}"}
                  - run: twine upload -r testpypi dist/*
              both:
                runs-on: ubuntu-latest
                steps:
                  - run: twine upload --repository testpypi dist/*
                    env: {TWINE_PASSWORD: "${{ secrets.TEST_PYPI_API_TOKEN }}"}
                  - uses: pypa/gh-action-pypi-publish@0123456789abcdef0123456789abcdef01234567
                    with:
                      repository-url: https://pypi.example.org/legacy/
                      password: ${{ secrets.PYPI_MIRROR }}
                  - uses: pypa/gh-action-pypi-publish@0123456789abcdef0123456789abcdef01234567
                    with: {password: "${{ secrets.PYPI_API_TOKEN }}"}
              twine-both:
                runs-on: ubuntu-latest
                steps:
                  - run: twine upload -r testpypi dist/* && twine upload dist/*
              by-event:
                runs-on: ubuntu-latest
                steps:
                  - uses: pypa/gh-action-pypi-publish@0123456789abcdef0123456789abcdef01234567
                    with:
                      repository-url: ${{ github.event_name == 'push' && 'https://upload.pypi.org/legacy/' || 'https://test.pypi.org/legacy/' }}
                      password: ${{ secrets.PYPI_UPLOAD }}
            """])
        let model = try InputLoader.load(path: repository.root).model
        func role(_ job: String) throws -> Job.Role { try #require(model.jobs["publish/\(job)"]).role }
        #expect(try role("try-it") != .release)
        #expect(try role("try-twine") != .release)
        #expect(try #require(model.secrets["TEST_PYPI_TOKEN"]).criticality != .critical, "a test index's token ships nothing to users")
        #expect(try role("both") == .release, "the control: the job uploads to PyPI too")
        #expect(try role("twine-both") == .release, "a test upload and a real one on one line: each command is read")
        #expect(try role("by-event") == .release, "an index chosen by an expression may be PyPI's")
        #expect(model.identities["registry-token:PYPI_UPLOAD"] != nil, "and its password is PyPI's token")
        #expect(model.identities["registry-token:PYPI_API_TOKEN"]?.grants.map(\.target) == [NodeID(.resource, "pypi")],
                "its PyPI token uploads to PyPI")
        #expect(model.identities["registry-token:TEST_PYPI_API_TOKEN"] == nil, "a test index's token, by its name")
        #expect(try #require(model.secrets["TEST_PYPI_API_TOKEN"]).criticality != .critical, "it publishes no release")
        #expect(model.identities["registry-token:PYPI_MIRROR"] == nil, "the password of an upload to another index is that index's")
    }

    /// A job that sets npm's registry authentication up (setup-node's `registry-url`), may mint an
    /// OIDC token and runs what names publishing or a release is ready for npm's trusted
    /// publishing: it is taken to publish there, though no publish command is read, and the
    /// assumption says that. The setup and the token alone (a test job) or a dry run are not.
    @Test func npmSetUpWithAnOIDCTokenIsTakenToPublish() throws {
        let repository = try ScratchRepository(files: [".github/workflows/ui.yml": """
            on: {push: {tags: ["v*"]}}
            jobs:
              publish-ui:
                runs-on: ubuntu-latest
                permissions: {contents: read, id-token: write}
                steps:
                  - uses: actions/checkout@0123456789abcdef0123456789abcdef01234567
                  - uses: actions/setup-node@0123456789abcdef0123456789abcdef01234567
                    with: {registry-url: "https://registry.npmjs.org"}
                  - run: ./scripts/ui_release.sh --publish
              lint-ui:
                runs-on: ubuntu-latest
                permissions: {contents: read}
                steps:
                  - uses: actions/checkout@0123456789abcdef0123456789abcdef01234567
                  - uses: actions/setup-node@0123456789abcdef0123456789abcdef01234567
                    with: {registry-url: "https://registry.npmjs.org"}
                  - run: ./scripts/ui_release.sh --check
              test-ui:
                runs-on: ubuntu-latest
                permissions: {contents: read, id-token: write}
                steps:
                  - uses: actions/checkout@0123456789abcdef0123456789abcdef01234567
                  - uses: actions/setup-node@0123456789abcdef0123456789abcdef01234567
                    with: {registry-url: "https://registry.npmjs.org"}
                  - run: npm ci && npm test
                  - uses: codecov/codecov-action@0123456789abcdef0123456789abcdef01234567
                    with: {use_oidc: true}
              try-publish:
                runs-on: ubuntu-latest
                permissions: {contents: read, id-token: write}
                steps:
                  - uses: actions/setup-node@0123456789abcdef0123456789abcdef01234567
                    with: {registry-url: "https://registry.npmjs.org"}
                  - run: npm publish --dry-run --provenance
            """])
        let model = try InputLoader.load(path: repository.root).model
        let publisher = try #require(model.jobs["ui/publish-ui"])
        #expect(publisher.role == .release)
        #expect((publisher.token ?? []).contains { $0.target == NodeID(.resource, "npm") && $0.trustedPublishing })
        #expect(model.assumptions.contains { $0.subject == NodeID(.resource, "npm") && $0.statement.contains("no npm publish command is read") })
        func role(_ job: String) throws -> Job.Role { try #require(model.jobs["ui/\(job)"]).role }
        #expect(try role("lint-ui") != .release, "the control: without an OIDC token it cannot publish by trusted publishing")
        #expect(try role("test-ui") != .release, "the setup and a token for coverage: nothing it runs says it publishes")
        #expect(try role("try-publish") != .release, "a dry run publishes nothing")
    }

    /// A deploying job's environment whose `url:` is a registry's package page publishes there:
    /// what it ships from the build is a release others install.
    @Test func anEnvironmentURLOnARegistryPageMakesItsTargetACrownJewel() throws {
        let repository = try ScratchRepository(files: [".github/workflows/release.yml": """
            on: {push: {tags: ["v*"]}}
            permissions: {contents: read}
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: make dist
                  - uses: actions/upload-artifact@0123456789abcdef0123456789abcdef01234567
                    with: {name: dist, path: dist/}
              ship:
                needs: build
                runs-on: ubuntu-latest
                environment: {name: stable, url: "https://hub.docker.com/r/acme/app"}
                steps:
                  - uses: actions/download-artifact@0123456789abcdef0123456789abcdef01234567
                    with: {name: dist}
                  - run: ./ship.sh
              docs:
                needs: build
                runs-on: ubuntu-latest
                environment: {name: docs, url: "https://docs.acme.example/app"}
                steps:
                  - uses: actions/download-artifact@0123456789abcdef0123456789abcdef01234567
                    with: {name: dist}
                  - run: ./ship.sh docs
            """])
        let model = try InputLoader.load(path: repository.root).model
        #expect(try #require(model.resources["stable target"]).criticality == .critical)
        #expect(try #require(model.resources["docs target"]).criticality == .high, "the control: a site that is no registry's page")
    }

    /// GitHub's secret names are not case-sensitive: two spellings are one secret, and a
    /// context file's lower-case name settles it.
    @Test func secretNamesInAnyCaseAreOneSecret() throws {
        let repository = try ScratchRepository(files: [
            ".github/workflows/release.yml": """
                on: {push: {tags: ["v*"]}}
                permissions: {contents: read}
                jobs:
                  image:
                    runs-on: ubuntu-latest
                    steps:
                      - run: echo "$P" | docker login -u bot --password-stdin && docker push acme/app
                        env: {P: "${{ secrets.docker_hub_password }}"}
                  description:
                    runs-on: ubuntu-latest
                    steps:
                      - run: ./update-description.sh
                        env: {P: "${{ secrets.DOCKER_HUB_PASSWORD }}", N: "${{ secrets.npm_token }}"}
                """,
            "firebreak.context.yml": """
                firebreak: 1
                repository: {name: acme/app, visibility: public}
                secrets: {npm_token: {criticality: low}}
                """,
        ])
        let model = try InputLoader.load(path: repository.root).model
        #expect(model.secrets.keys.filter { $0.uppercased() == "DOCKER_HUB_PASSWORD" } == ["DOCKER_HUB_PASSWORD"])
        #expect(model.jobs["release/image"]?.secrets.map(\.name) == ["DOCKER_HUB_PASSWORD"])
        #expect(model.jobs["release/description"]?.secrets.map(\.name) == ["DOCKER_HUB_PASSWORD", "NPM_TOKEN"])
        #expect(model.secrets["NPM_TOKEN"]?.criticality == .low, "the context file's declaration, whatever its case")
        #expect(model.secrets["npm_token"] == nil)
    }

    /// In a repository with GitLab CI too, a context secret that names no platform may be a
    /// GitLab variable, whose names are case-sensitive: it keeps its case.
    @Test func aContextSecretOfARepositoryWithGitLabCIKeepsItsCase() throws {
        let repository = try ScratchRepository(files: [
            ".github/workflows/ci.yml": SampleWorkflow.build(),
            ".gitlab-ci.yml": "deploy:\n  script: [./deploy.sh \"$DEPLOY_TOKEN\"]\n",
            "firebreak.context.yml": "firebreak: 1\nrepository: {name: acme/app}\nsecrets: {deploy_token: {criticality: low}}\n",
        ])
        let model = try InputLoader.load(path: repository.root).model
        #expect(model.secrets["deploy_token"] != nil)
    }

    /// A secret handed over as `PERSONAL_ACCESS_TOKEN` (the CLA assistant's variable) is a
    /// GitHub token whatever it is called.
    @Test func aSecretHandedOverAsAPersonalAccessTokenIsAGitHubToken() throws {
        let repository = try ScratchRepository(files: [".github/workflows/cla.yml": """
            on: {pull_request_target: {}}
            permissions: {contents: read}
            jobs:
              cla:
                runs-on: ubuntu-latest
                steps:
                  - uses: contributor-assistant/github-action@ca4a40a7d1004f18d9960b404b97e5f30a505a08
                    env: {PERSONAL_ACCESS_TOKEN: "${{ secrets.REPO_SCOPE }}"}
            """])
        let model = try InputLoader.load(path: repository.root).model
        #expect(model.secrets["REPO_SCOPE"]?.carries?.name == "github-token:REPO_SCOPE")
        #expect(model.identities["github-token:REPO_SCOPE"] != nil)
    }

    /// A bare `token:` is a GitHub token for an action whose name says it works Git or GitHub
    /// (`helpers/git-init`, which stores the token for the pushes after it); a service's action
    /// (Codecov, Slack's `slack-github-action`), one whose name only contains the letters
    /// (`gitleaks`) and one whose repository has the word but not the action (`git-tools/notify-slack`)
    /// take their own. Renovate takes a GitHub token.
    @Test func aTokenHandedToAGitActionIsAGitHubToken() throws {
        let repository = try ScratchRepository(files: [".github/workflows/bump.yml": """
            on: {release: {types: [published]}}
            permissions: {contents: read}
            jobs:
              bump:
                runs-on: ubuntu-latest
                steps:
                  - uses: acme/actions/helpers/git-init@0123456789abcdef0123456789abcdef01234567
                    with: {token: "${{ secrets.PUSH_TOKEN }}"}
                  - uses: codecov/codecov-action@0123456789abcdef0123456789abcdef01234567
                    with: {token: "${{ secrets.COVERAGE_TOKEN }}"}
                  - uses: acme/gitleaks-scan@0123456789abcdef0123456789abcdef01234567
                    with: {token: "${{ secrets.SCANNER_TOKEN }}"}
                  - uses: slackapi/slack-github-action@0123456789abcdef0123456789abcdef01234567
                    with: {token: "${{ secrets.CHAT_TOKEN }}"}
                  - uses: acme/git-tools/notify-slack@0123456789abcdef0123456789abcdef01234567
                    with: {token: "${{ secrets.NOTIFY_TOKEN }}"}
                  - uses: renovatebot/github-action@0123456789abcdef0123456789abcdef01234567
                    with: {token: "${{ secrets.RENOVATE_TOKEN }}"}
            """])
        let model = try InputLoader.load(path: repository.root).model
        #expect(model.secrets["PUSH_TOKEN"]?.carries?.name == "github-token:PUSH_TOKEN")
        #expect(model.secrets["COVERAGE_TOKEN"]?.carries == nil)
        #expect(model.secrets["SCANNER_TOKEN"]?.carries == nil)
        #expect(model.secrets["CHAT_TOKEN"]?.carries == nil)
        #expect(model.secrets["NOTIFY_TOKEN"]?.carries == nil, "the word is in the repository's name, not the action's")
        #expect(model.secrets["RENOVATE_TOKEN"]?.carries?.name == "github-token:RENOVATE_TOKEN")
    }

    /// A call to another repository's reusable workflow that may mint OIDC tokens, naming a
    /// cloud role in the inputs Google's and AWS's sign-in actions take, signs in as that role:
    /// whoever changes the called workflow (a branch, not a commit) reaches the cloud. Without
    /// `id-token: write` the called workflow mints no token, whatever the inputs say.
    @Test func aReusableWorkflowSignsInAsTheCloudRoleItsCallerNames() throws {
        func release(_ permissions: String) throws -> PipelineModel {
            let repository = try ScratchRepository(files: [".github/workflows/release.yml": """
                on: {workflow_dispatch: {}}
                jobs:
                  release:
                    uses: acme/shared/.github/workflows/release.yml@main
                    permissions: {\(permissions)}
                    with:
                      service_account: signer@acme.iam.gserviceaccount.com
                      role-to-assume: arn:aws:iam::123456789012:role/release
                      key_name: ${{ github.event.inputs.key }}
                """])
            return try InputLoader.load(path: repository.root).model
        }
        let signing = try release("id-token: write, contents: read")
        #expect(signing.identities["signer@acme.iam.gserviceaccount.com"]?.kind == .cloudRole)
        #expect(signing.identities["arn:aws:iam::123456789012:role/release"]?.kind == .cloudRole)
        let result = try Examples.run("compromised-third-party-action", on: signing)
        #expect(result.reaches("access resource:gcp-project admin"))
        #expect(result.reaches("access resource:aws-account admin"))
        #expect(signing.assumptions.contains { $0.statement.contains("sign in to 'gcp-project' as 'signer@acme.iam.gserviceaccount.com'") })

        let reading = try release("contents: read")
        #expect(reading.identities["signer@acme.iam.gserviceaccount.com"] == nil)
        #expect(!(try Examples.run("compromised-third-party-action", on: reading)).reaches("access resource:gcp-project admin"))
    }

    /// A role named through the environment (`role-to-assume: ${{ env.AWS_ROLE }}`) is the one
    /// the workflow's, the job's or the step's `env:` sets; one a secret holds stays unnamed.
    @Test func aCloudRoleNamedThroughTheEnvironmentIsTheOneItSets() throws {
        let repository = try ScratchRepository(files: [".github/workflows/cache.yml": """
            on: {push: {branches: [main]}}
            permissions: {contents: read, id-token: write}
            env:
              AWS_ROLE: "arn:aws:iam::123456789012:role/wheel-cache"
            jobs:
              upload:
                runs-on: ubuntu-latest
                steps:
                  - uses: aws-actions/configure-aws-credentials@v4
                    with: {role-to-assume: "${{ env.AWS_ROLE }}", aws-region: us-east-1}
              mirror:
                runs-on: ubuntu-latest
                env: {AWS_ROLE: "${{ secrets.MIRROR_ROLE }}"}
                steps:
                  - uses: aws-actions/configure-aws-credentials@50ac8dd1e1b10d09dac7b8727528b91bed831ac0
                    with: {role-to-assume: "${{ env.AWS_ROLE }}", aws-region: us-east-1}
            """])
        let model = try InputLoader.load(path: repository.root).model
        #expect(model.identities["arn:aws:iam::123456789012:role/wheel-cache"]?.kind == .cloudRole)
        #expect(model.identities["${{ env.AWS_ROLE }}"]?.kind == .cloudRole, "the job's own env: names a secret's value: not known")
        let result = try Examples.run("compromised-third-party-action", on: model)
        #expect(result.reaches("hold identity:arn:aws:iam::123456789012:role/wheel-cache"))
    }

    /// Two workflow files named alike but for the extension (`ci.yml`, `ci.yaml`) keep their
    /// jobs apart: each job is named with its file's whole name, where one file's job took the
    /// other's place (and its secrets with it). A file alone keeps the short name.
    @Test func workflowFilesNamedAlikeKeepTheirJobsApart() throws {
        func workflow(_ secret: String) -> String {
            """
            on: {push: {branches: [main]}}
            permissions: {contents: read}
            jobs:
              test:
                runs-on: ubuntu-latest
                steps:
                  - run: make test
                    env: {KEY: "${{ secrets.\(secret) }}"}
            """
        }
        let repository = try ScratchRepository(files: [".github/workflows/ci.yml": workflow("FIRST_KEY"),
                                                        ".github/workflows/ci.yaml": workflow("SECOND_KEY"),
                                                        ".github/workflows/ci.yml.yaml": workflow("THIRD_KEY"),
                                                        ".github/workflows/lint.yml": workflow("LINT_KEY")])
        let model = try InputLoader.load(path: repository.root).model
        #expect(model.jobs["ci.yml/test"]?.secrets.map(\.name) == ["FIRST_KEY"])
        #expect(model.jobs["ci.yaml/test"]?.secrets.map(\.name) == ["SECOND_KEY"])
        #expect(model.jobs["ci.yml.yaml/test"]?.secrets.map(\.name) == ["THIRD_KEY"], "its stem is another file's name")
        #expect(model.jobs["ci/test"] == nil)
        #expect(model.jobs["lint/test"]?.secrets.map(\.name) == ["LINT_KEY"])
        // One file imported on its own keeps the short name.
        let alone = try InputLoader.load(path: repository.root + "/.github/workflows/ci.yml").model
        #expect(alone.jobs.keys.sorted() == ["ci/test"])
    }

    /// A job with two actions on moving tags is one place to start from, listed once.
    @Test func aJobWithTwoMovableActionsIsOneFoothold() throws {
        let repository = try ScratchRepository(files: [".github/workflows/ci.yml": """
            on: {push: {branches: [main]}}
            permissions: {contents: read}
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - uses: someone/setup-tool@v1
                  - uses: someone/run-linter@v2
            """])
        let model = try InputLoader.load(path: repository.root).model
        let result = try Examples.run("compromised-third-party-action", on: model)
        #expect(result.footholds == [Fact(.exec, NodeID(.job, "ci/build"))])
    }

    /// A token every read of which falls back to the job's own (`secrets.X || secrets.GITHUB_TOKEN`)
    /// may not be set at all: it is still taken to be a repository-writing token, and its
    /// assumption says it may not exist. One bare read anywhere makes it an ordinary token.
    @Test func aTokenWithAFallbackToTheJobsOwnMayNotBeSet() throws {
        func statement(_ extra: String) throws -> String? {
            let repository = try ScratchRepository(files: [".github/workflows/triage.yml": """
                on: {issues: {types: [opened]}}
                permissions: {issues: write}
                jobs:
                  label:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/github-script@0123456789abcdef0123456789abcdef01234567
                        with:
                          github-token: ${{ secrets.TRIAGE_PAT || secrets.GITHUB_TOKEN }}
                          script: console.log(1)
                      - run: gh issue edit 1 --add-label triaged
                        env: {GH_TOKEN: "${{ secrets.TRIAGE_PAT || github.token }}"}
                \(extra)
                """])
            let model = try InputLoader.load(path: repository.root).model
            #expect(model.identities["github-token:TRIAGE_PAT"] != nil, "taken to be set, pessimistically")
            return model.assumptions.first { $0.subject == NodeID(.identity, "github-token:TRIAGE_PAT") }?.statement
        }
        #expect(try statement("").map { $0.contains("it may not be set at all: every read of it falls back to the job's own GITHUB_TOKEN") } == true)
        let bare = "      - run: ./sync\n        env: {TOKEN: \"${{ secrets.TRIAGE_PAT }}\"}"
        #expect(try statement(bare).map { !$0.contains("may not be set") } == true)
        // Handed on bare to a reusable workflow is read bare too.
        let handed = "  release:\n    uses: acme/shared/.github/workflows/release.yml@0123456789abcdef0123456789abcdef01234567\n"
            + "    secrets: {token: \"${{ secrets.TRIAGE_PAT }}\"}"
        #expect(try statement(handed).map { !$0.contains("may not be set") } == true)
    }

    /// A job that signs with Sigstore and may mint an OIDC token signs as its workflow: code
    /// that runs in it (an action on a moving tag) makes signatures and provenance a consumer's
    /// check of that workflow accepts. Without `id-token: write` it gets no certificate, and a
    /// job that signs with a stored key signs as the key.
    @Test func aJobThatSignsKeylessSignsAsItsWorkflow() throws {
        func sign(_ permissions: String, command: String = "cosign sign --yes ghcr.io/acme/app@sha256:4f2b",
                  cloud: String = "actions/checkout@0123456789abcdef0123456789abcdef01234567") throws -> BlastRadius {
            let repository = try ScratchRepository(files: [".github/workflows/release.yml": """
                on: {push: {tags: ["v*"]}}
                jobs:
                  sign:
                    runs-on: ubuntu-latest
                    permissions: {\(permissions)}
                    steps:
                      - uses: sigstore/cosign-installer@0123456789abcdef0123456789abcdef01234567
                      - uses: \(cloud)
                      - uses: someone/fetch-release@v1
                      - run: \(command)
            """])
            let model = try InputLoader.load(path: repository.root).model
            return try Examples.run("compromised-third-party-action", on: model)
        }
        let keyless = try sign("id-token: write, contents: read")
        #expect(keyless.reaches("access resource:sigstore-identity:.github/workflows/release.yml write"))
        #expect(keyless.crownJewels.contains(NodeID(.resource, "sigstore-identity:.github/workflows/release.yml")))
        let signing = keyless.facts.derivation(of: Fact(.access, NodeID(.resource, "sigstore-identity:.github/workflows/release.yml"), .write))
        #expect(signing?.caveats.contains { $0.contains("from any ref (a verifier that pins the release's ref") } == true,
                "the hop says a verifier pinning the release's ref is what the assumption leaves out: \(signing?.caveats ?? [])")
        let unsigned = try sign("contents: read")
        #expect(!unsigned.reaches("access resource:sigstore-identity:.github/workflows/release.yml"))
        // A stored key signs as the key, not as the workflow; a built cosign and npm's provenance sign keyless.
        let keyed = try sign("id-token: write, contents: read", command: "cosign sign --key .github/cosign.key ghcr.io/acme/app@sha256:4f2b")
        #expect(!keyed.reaches("access resource:sigstore-identity:.github/workflows/release.yml"))
        // cosign installed, signing out of sight (goreleaser's config), and no other use of the OIDC token: keyless.
        for command in ["./cosign sign-blob --yes dist/app.tgz", "npm publish --provenance --access public", "make sign-keyless-images",
                        "goreleaser release --clean"] {
            #expect(try sign("id-token: write, contents: read", command: command)
                .reaches("access resource:sigstore-identity:.github/workflows/release.yml write"), "\(command)")
        }
        // ... but where the job signs in to a cloud with it, the token is explained, and the signing unseen.
        let cloud = try sign("id-token: write, contents: read", command: "make sign-images",
                             cloud: "google-github-actions/auth@0123456789abcdef0123456789abcdef01234567")
        #expect(!cloud.reaches("access resource:sigstore-identity:.github/workflows/release.yml"))
    }

    /// Go runs no install scripts and `go build` runs none of the modules' code, but `go run` and
    /// `go test` run it in the job: a release job that runs a module's code runs a compromised
    /// one with the release's credentials; one that only builds does not.
    @Test func aJobThatRunsGoModulesCodeRunsItsDependencies() throws {
        func release(_ command: String) throws -> BlastRadius {
            let repository = try ScratchRepository(files: [".github/workflows/release.yml": """
                on: {push: {tags: ['v*']}}
                permissions: {contents: read}
                jobs:
                  release:
                    runs-on: ubuntu-latest
                    environment: release
                    steps:
                      - uses: actions/checkout@0123456789abcdef0123456789abcdef01234567
                      - run: \(command)
                      - run: gh release upload "$GITHUB_REF_NAME" dist/*
                        env: {GH_TOKEN: "${{ secrets.UPLOAD_TOKEN }}"}
                """])
            let model = try InputLoader.load(path: repository.root).model
            #expect(model.jobs["release/release"]?.role == .release)
            return try Examples.run("compromised-build-step", on: model)
        }
        #expect(try release("go run ./tools/gen").reaches("read secret:UPLOAD_TOKEN"))
        #expect(try release("go test ./... && cp -r site dist").reaches("read secret:UPLOAD_TOKEN"))
        #expect(try !release("go build -o dist/tool ./cmd/tool").reaches("read secret:UPLOAD_TOKEN"), "building runs no module's code")
    }

    /// A secret handed to a registry's upload tool in the tool's own variable (cargo's
    /// `CARGO_REGISTRY_TOKEN`) is that registry's upload token, whatever script the step runs;
    /// RubyGems' trusted-publishing action makes a job with an OIDC token publish there; a chat
    /// service's token in a publishing job ships nothing.
    @Test func registryToolVariablesAndTrustedPublishingActionsPublish() throws {
        let repository = try ScratchRepository(files: [
            ".github/workflows/crates.yml": """
                on: {push: {tags: ['v*']}}
                permissions: {contents: read}
                jobs:
                  crates-io:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@0123456789abcdef0123456789abcdef01234567
                      - run: ./publish.py
                        env: {CARGO_REGISTRY_TOKEN: "${{ secrets.CRATES_KEY }}"}
                      - uses: slackapi/slack-github-action@0123456789abcdef0123456789abcdef01234567
                        with: {token: "${{ secrets.SLACK_BOT_TOKEN }}"}
                """,
            ".github/workflows/test.yml": """
                on: push
                permissions: {contents: read}
                env: {CARGO_REGISTRY_TOKEN: "${{ secrets.CRATES_KEY }}"}
                jobs:
                  test:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@0123456789abcdef0123456789abcdef01234567
                      - run: cargo test
                """,
            ".github/workflows/gems.yml": """
                on: {release: {types: [published]}}
                jobs:
                  release:
                    runs-on: ubuntu-latest
                    permissions: {contents: write, id-token: write}
                    steps:
                      - uses: actions/checkout@0123456789abcdef0123456789abcdef01234567
                      - uses: actions/setup-node@0123456789abcdef0123456789abcdef01234567
                        with: {registry-url: 'https://registry.npmjs.org'}
                      - uses: rubygems/configure-rubygems-credentials@0123456789abcdef0123456789abcdef01234567
                      - run: bundle exec rake push
                """,
        ])
        let model = try InputLoader.load(path: repository.root).model
        #expect(model.jobs["crates/crates-io"]?.role == .release)
        #expect(model.jobs["test/test"]?.role == .test, "a workflow's env reaches every step: it says nothing of a job that tests")
        let carried = try #require(model.secrets["CRATES_KEY"]?.carries.flatMap { model.identities[$0.name] })
        #expect(carried.grants.contains { $0.target == NodeID(.resource, "crates.io") && $0.level >= .write }, "the upload token of crates.io")
        #expect(model.assumptions.contains { $0.statement.contains("upload token for crates.io, handed to its upload tool in `CARGO_REGISTRY_TOKEN`") })
        #expect(model.secrets["SLACK_BOT_TOKEN"]?.criticality != .critical, "a chat token posts messages")
        #expect(model.jobs["gems/release"]?.token?.contains { $0.target == NodeID(.resource, "rubygems") } == true)
        #expect(model.jobs["gems/release"]?.token?.contains { $0.target == NodeID(.resource, "npm") } == true,
                "npm's authentication set up in a publishing job with an OIDC token: npm trusted publishing")
        #expect(model.jobs["crates/crates-io"]?.token?.contains { $0.target == NodeID(.resource, "npm") } != true)
    }

    /// BuildKit's GitHub Actions cache (`type=gha`) restores what a run on the default branch
    /// saved: from build-push-action's `cache-from`, or from a script once a step hands it the
    /// cache service's token (crazy-max/ghaction-github-runtime).
    @Test func buildKitsActionsCacheIsTheRepositorysCache() throws {
        func restores(_ steps: String) throws -> Bool {
            let repository = try ScratchRepository(files: [".github/workflows/release.yml": """
                on: {push: {tags: ['v*']}}
                permissions: {contents: read}
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                \(steps)
                """])
            return try !(InputLoader.load(path: repository.root).model.jobs["release/build"]?.restoresCaches.isEmpty ?? true)
        }
        let pin = "@0123456789abcdef0123456789abcdef01234567"
        #expect(try restores("      - uses: docker/build-push-action\(pin)\n        with: {cache-from: type=gha}"))
        #expect(try restores("      - uses: crazy-max/ghaction-github-runtime\(pin)\n      - run: docker buildx build --cache-from type=gha,scope=release ."))
        #expect(try !restores("      - run: docker buildx build --cache-from type=gha,scope=release ."), "without the token BuildKit reaches no cache")
        #expect(try !restores("      - run: docker buildx build --cache-from type=gha .\n      - uses: crazy-max/ghaction-github-runtime\(pin)"),
                "the token handed over after the build")
        #expect(try !restores("      - uses: docker/build-push-action\(pin)\n        with: {cache-to: type=gha}"), "saving is not restoring")
        #expect(try restores("      - uses: docker/bake-action\(pin)\n        with: {set: '*.cache-from=type=gha'}"))
    }

    /// Installing cosign is not signing: a test job verifies signatures with it. With an OIDC
    /// token to sign with (`id-token: write`), the job is taken to sign.
    @Test func aTestJobThatInstallsCosignToVerifyIsATestJob() throws {
        func role(_ permissions: String) throws -> Job.Role? {
            let repository = try ScratchRepository(files: [".github/workflows/ci.yml": """
                on: push
                permissions: {\(permissions)}
                jobs:
                  pytest:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@0123456789abcdef0123456789abcdef01234567
                      - uses: sigstore/cosign-installer@0123456789abcdef0123456789abcdef01234567
                      - run: pip install -r requirements_tests.txt && pytest tests
                """])
            return try InputLoader.load(path: repository.root).model.jobs["ci/pytest"]?.role
        }
        #expect(try role("contents: read") == .test)
        #expect(try role("contents: read, id-token: write") == .sign)
    }

    /// A token the steps use only for another repository (a checkout of the site's repository)
    /// says so; it is still taken to write this one, since a classic token writes every
    /// repository its owner can. Used here too, the plain statement stands.
    @Test func aTokenUsedOnlyForAnotherRepositorySaysWhich() throws {
        func statement(alsoHere: Bool) throws -> String? {
            let here = alsoHere ? "\n      - uses: actions/checkout@0123456789abcdef0123456789abcdef01234567\n        with: {token: \"${{ secrets.SITE_PAT }}\"}" : ""
            let repository = try ScratchRepository(files: [".github/workflows/docs.yml": """
                on: {push: {branches: [main]}}
                permissions: {contents: read}
                jobs:
                  publish:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@0123456789abcdef0123456789abcdef01234567
                        with: {repository: acme/site, token: "${{ secrets.SITE_PAT }}", path: site}\(here)
                      - run: make -C site publish
                """])
            let model = try InputLoader.load(path: repository.root).model
            #expect(model.identities["github-token:SITE_PAT"]?.grants.contains { $0.target == model.repository.id && $0.level == .write } == true)
            return model.assumptions.first { $0.subject == NodeID(.identity, "github-token:SITE_PAT") }?.statement
        }
        #expect(try statement(alsoHere: false)?.hasPrefix("secret 'SITE_PAT' is handed to steps as their GitHub token for 'acme/site' only; it is taken to write this repository too") == true)
        #expect(try statement(alsoHere: true)?.hasPrefix("secret 'SITE_PAT' is handed to a step as its GitHub token, so it holds") == true)
    }

    /// A secret a script writes into a GitHub address it clones or pushes is a GitHub token for
    /// that repository (argo-cd's deployments repository), through a variable or inline; one
    /// written into another host's address is not.
    @Test func aSecretInAGitHubAddressIsATokenForThatRepository() throws {
        func statement(_ script: String, env: String = "{TOKEN: \"${{ secrets.DEPLOY_PAT }}\"}") throws -> String? {
            let repository = try ScratchRepository(files: [".github/workflows/deploy.yml": """
                on: {push: {branches: [main]}}
                permissions: {contents: read}
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - run: \(script)
                        env: \(env)
                """])
            let model = try InputLoader.load(path: repository.root).model
            return model.assumptions.first { $0.subject == NodeID(.identity, "github-token:DEPLOY_PAT") }?.statement
        }
        #expect(try statement("git clone \"https://$TOKEN@github.com/acme/deployments\"")?
            .hasPrefix("secret 'DEPLOY_PAT' is handed to steps as their GitHub token for 'acme/deployments' only") == true)
        #expect(try statement("git push https://x-access-token:${{ secrets.DEPLOY_PAT }}@github.com/acme/site.git HEAD", env: "{}")?
            .hasPrefix("secret 'DEPLOY_PAT' is handed to steps as their GitHub token for 'acme/site' only") == true)
        // `user:token@`: the token is the one after the colon; a variable named like the start of another is not it.
        #expect(try statement("git clone https://$GH_USER:$TOKEN@github.com/acme/deployments.git;", env: "{GH_USER: \"${{ secrets.DEPLOY_USER }}\", TOKEN: \"${{ secrets.DEPLOY_PAT }}\"}")?
            .hasPrefix("secret 'DEPLOY_PAT' is handed to steps as their GitHub token for 'acme/deployments' only") == true)
        #expect(try statement("git clone https://$TOKENS@github.com/acme/deployments") == nil)
        // The control: another host's address says nothing of GitHub.
        #expect(try statement("git clone \"https://$TOKEN@gitlab.com/acme/deployments\"") == nil)
    }

    /// A token handed over in a step's `env:` is cited where the variable is set, not at the
    /// step's first line.
    @Test func aTokenInAStepsEnvIsCitedWhereItIsSet() throws {
        let repository = try ScratchRepository(files: [".github/workflows/triage.yml": """
            on: {schedule: [{cron: "0 1 * * *"}]}
            permissions: {contents: read}
            jobs:
              triage:
                runs-on: ubuntu-latest
                steps:
                  - name: label
                    run: gh issue list --label stale
                    env:
                      GH_TOKEN: ${{ secrets.BOT_PAT }}
            """])
        let model = try InputLoader.load(path: repository.root).model
        let token = try #require(model.identities["github-token:BOT_PAT"])
        #expect(token.location.line == 10, "\(token.location)")
    }

    /// An environment an input names (`environment: ${{ inputs.environment }}`, an input of type
    /// environment with a default) is the input's value, stated once: whoever dispatches the
    /// run may name another. cli/cli's release jobs run in 'production' so.
    @Test func anEnvironmentAnInputNamesIsItsDefaultStated() throws {
        let repository = try ScratchRepository(files: [".github/workflows/deploy.yml": """
            on:
              workflow_dispatch:
                inputs:
                  environment: {type: environment, default: production}
            permissions: {contents: read}
            jobs:
              linux:
                runs-on: ubuntu-latest
                environment: ${{ inputs.environment }}
                steps: [{run: ./release.sh, env: {SIGNING_KEY: "${{ secrets.SIGNING_KEY }}"}}]
              macos:
                runs-on: macos-latest
                environment: ${{ github.event.inputs.environment }}
                steps: [{run: ./release.sh}]
              matrix:
                runs-on: ubuntu-latest
                strategy: {matrix: {env: [staging]}}
                environment: ${{ matrix.env }}
                steps: [{run: ./release.sh}]
            """])
        let model = try InputLoader.load(path: repository.root).model
        #expect(model.jobs["deploy/linux"]?.environment?.name == "production")
        #expect(model.jobs["deploy/macos"]?.environment?.name == "production")
        #expect(model.environments["production"]?.production == true)
        #expect(model.assumptions.filter { $0.statement.contains("run in the environment input 'environment' names are taken to run in 'production'") }.count == 1)
        #expect(model.jobs["deploy/matrix"]?.environment?.name == "${{ matrix.env }}", "not an input: as written")
        // On another event `inputs` is empty, and so is the name: no default is taken then.
        func environment(_ on: String, _ name: String = "${{ inputs.environment }}") throws -> String? {
            let repository = try ScratchRepository(files: [".github/workflows/deploy.yml": """
                on: \(on)
                permissions: {contents: read}
                jobs:
                  deploy: {runs-on: ubuntu-latest, environment: "\(name)", steps: [{run: ./deploy.sh}]}
                """])
            return try InputLoader.load(path: repository.root).model.jobs["deploy/deploy"]?.environment?.name
        }
        #expect(try environment("{push: {}, workflow_dispatch: {inputs: {environment: {default: production}}}}") == "${{ inputs.environment }}")
        // Dispatched, the dispatch input's default; not a `workflow_call` default, which only a caller's run uses.
        #expect(try environment("{workflow_call: {inputs: {environment: {type: string, default: staging}}}, workflow_dispatch: {inputs: {environment: {default: production}}}}") == "production")
    }

    /// GitHub hands a step only the secrets written into it, but the runner holds every secret
    /// the job names for the whole job: the hop says how another step reads it.
    @Test func aGitHubJobsSecretIsReadFromTheRunnersMemoryByAStepNotHandedIt() throws {
        let repository = try ScratchRepository(files: [".github/workflows/ci.yml": """
            on: {push: {branches: [main]}}
            permissions: {contents: read}
            jobs:
              test:
                runs-on: ubuntu-latest
                steps:
                  - run: npm ci && npm test
                  - run: ./upload-coverage.sh
                    env: {CODECOV_TOKEN: "${{ secrets.CODECOV_TOKEN }}"}
            """])
        let result = try Examples.run("compromised-build-step", on: try InputLoader.load(path: repository.root).model)
        let hop = try #require(result.asset(NodeID(.secret, "CODECOV_TOKEN"))?.path.last)
        #expect(hop.rule == "job-secrets")
        #expect(hop.why.hasSuffix("the runner holds it for every step, and a step not handed it can read it from the runner's memory"), "\(hop.why)")
    }
}
