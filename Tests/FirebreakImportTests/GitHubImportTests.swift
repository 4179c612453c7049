import FirebreakEngine
import FirebreakImport
import FirebreakModel
import FirebreakTestSupport
import Testing

/// One small repository per construct, each with the outcome a security reviewer expects.
@Suite struct GitHubImportTests {
    @Test func pullRequestTargetThatBuildsTheHeadHandsOverItsSecrets() throws {
        let result = try ImportFixtures.run("malicious-fork-pr", on: "prt-checkout")
        #expect(result.reaches("read secret:PREVIEW_TOKEN"))
        let hop = try #require(result.asset(NodeID(.secret, "PREVIEW_TOKEN"))?.path.first { $0.rule == "privileged-pr-trigger" })
        #expect(hop.location.file.hasSuffix(".github/workflows/preview.yml"))
        #expect(hop.location.line == 2)
    }

    @Test func theSameJobOnPullRequestDoesNot() throws {
        let result = try ImportFixtures.run("malicious-fork-pr", on: "pr-checkout")
        #expect(result.reaches("exec job:preview/preview untrusted"))
        #expect(!result.reaches("read secret:PREVIEW_TOKEN"))
        #expect(!result.reaches("exec job:preview/preview full"))
    }

    @Test func issueTitleInterpolatedIntoAScriptRunsTheOutsidersCode() throws {
        let model = try ImportFixtures.load("issue-injection").model
        #expect(model.jobs["triage/triage"]?.untrustedInput == .interpolation)
        let result = try Examples.run("malicious-fork-pr", on: model)
        #expect(result.reaches("read secret:TRIAGE_PAT"))
    }

    @Test func guardsAreControlsOnlyWhenSound() throws {
        let model = try ImportFixtures.load("guards").model
        #expect(model.jobs["comment/members-only"]?.guardCondition == .sound)
        #expect(model.jobs["comment/bots-only"]?.guardCondition == .spoofable, "anyone who has opened a pull request is not NONE")
        #expect(model.jobs["labelled/safe-to-test"]?.guardCondition == .label)
        #expect(model.jobs["labelled/safe-to-test"]?.untrustedInput == .checkout)
        #expect(model.jobs["labelled/same-repo-step"]?.untrustedInput == Job.UntrustedInput.none, "a sound guard on the checkout step itself")
        let result = try Examples.run("malicious-fork-pr", on: model)
        #expect(!result.reaches("read secret:SOUND_TOKEN"))
        #expect(result.reaches("read secret:SPOOFED_TOKEN"))
        #expect(result.reaches("read secret:LABEL_TOKEN"))
        #expect(!result.reaches("read secret:STEP_GUARDED_TOKEN"))
        let caveats = result.asset(NodeID(.secret, "LABEL_TOKEN"))?.caveats ?? []
        #expect(caveats.contains(Caveat.labelWindow))
    }

    @Test func githubSecretsReachOnlyTheJobsThatReferenceThem() throws {
        let model = try ImportFixtures.load("secrets-per-job").model
        let exposed = model.edges.filter { $0.kind == .exposes }.map { "\($0.from.name)->\($0.to.name)" }
        #expect(exposed == ["NPM_TOKEN->ci/publish"])
        let result = try Examples.run("compromised-build-step", on: model)
        #expect(result.reaches("exec job:ci/build"))
        #expect(!result.reaches("read secret:NPM_TOKEN"))
        #expect(model.jobs["ci/publish"]?.needs.map(\.name) == ["ci/build"])
    }

    @Test func onlyMutableReferencesAreThirdPartyFootholds() throws {
        let model = try ImportFixtures.load("pinning").model
        let pins = Dictionary(model.jobs.values.flatMap(\.steps).map { ($0.uses, $0.pin) }, uniquingKeysWith: { first, _ in first })
        #expect(pins["tj-actions/changed-files@v45"] == .tag)
        #expect(pins["actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683"] == .digest)
        #expect(pins.first { $0.key.hasPrefix("node:20@sha256") }?.value == .digest)
        let result = try Examples.run("compromised-third-party-action", on: model)
        #expect(result.reaches("read secret:TAGGED_SECRET"))
        #expect(!result.reaches("read secret:PINNED_SECRET"))
    }

    @Test func oidcRolesAreShortLivedAndStaticKeysAreFootholds() throws {
        let model = try ImportFixtures.load("cloud-credentials").model
        let role = try #require(model.identities["arn:aws:iam::123456789012:role/deployer"])
        #expect(role.kind == .cloudRole && role.lifetime == .shortLived)
        #expect(model.jobs["deploy/oidc"]?.oidc == true)
        // The key id and its secret key are one key, held by its secret half; the id is an identifier.
        let key = try #require(model.identities["aws-key:AWS_SECRET_ACCESS_KEY"])
        #expect(key.kind == .staticKey)
        #expect(model.secrets["AWS_SECRET_ACCESS_KEY"]?.carries?.name == key.name)
        #expect(model.secrets["AWS_ACCESS_KEY_ID"].map { $0.carries == nil && $0.criticality == .low } == true)
        #expect(model.identities["aws-key:AWS_ACCESS_KEY_ID"] == nil)
        let stolen = try Examples.run("stolen-static-key", on: model)
        #expect(stolen.footholds.map(\.node) == [key.id])
        #expect(stolen.reaches("access resource:aws-account admin"))
        let build = try Examples.run("compromised-third-party-action", on: model)
        let viaRole = try #require(build.asset(role.id))
        #expect(viaRole.timeBounded)
    }

    @Test func aForkPullRequestOnAPersistentSelfHostedRunnerReachesTheDeploy() throws {
        let result = try ImportFixtures.run("malicious-fork-pr", on: "self-hosted")
        #expect(result.reaches("own runner:ci-pool"))
        #expect(result.reaches("read secret:KUBECONFIG_DATA"))
        #expect(result.reaches("access resource:cluster admin"))
        #expect(result.crownJewels.contains(NodeID(.resource, "cluster")))
    }

    @Test func reusableWorkflowsPassTheirSecrets() throws {
        let model = try ImportFixtures.load("reusable").model
        let compile = try #require(model.jobs["release/build/compile"])
        #expect(compile.secrets.map(\.name) == ["SIGNING_KEY"])
        #expect(compile.triggers.map(\.name) == ["release:push"])
        #expect(model.jobs["release/build/package"]?.needs.map(\.name) == ["release/build/compile"])
        #expect(Set(model.jobs["release/publish"]?.needs.map(\.name) ?? []) == ["release/build/compile", "release/build/package"])
        #expect(model.triggers["release:push"]?.event == .tag)
        #expect(model.jobs["build/compile"] == nil, "a call-only workflow is imported through its callers")
        let publish = try #require(model.jobs["release/publish"])
        #expect(publish.secrets.map(\.name) == ["PYPI_TOKEN"])
        let remote = try #require(model.definitions["acme/shared-workflows/.github/workflows/publish.yml@v2"])
        #expect(remote.pin == .tag)
        let result = try Examples.run("compromised-third-party-action", on: model)
        #expect(result.reaches("read secret:PYPI_TOKEN"))
    }

    @Test func workflowRunThatRunsAPullRequestsArtifactIsTaken() throws {
        let model = try ImportFixtures.load("workflow-run-artifact").model
        #expect(model.jobs["comment/comment"]?.consumes.first?.use == .run)
        let result = try Examples.run("malicious-fork-pr", on: model)
        #expect(result.reaches("write artifact:ci/report untrusted"))
        #expect(result.reaches("exec job:comment/comment"))
        #expect(result.reaches("read secret:COMMENT_TOKEN"))
    }

    @Test func aPullRequestTargetJobThatAsksToWriteTheCachePoisonsTheDefaultBranchCache() throws {
        let model = try ImportFixtures.load("cache").model
        #expect(model.jobs["release/release"]?.restoresCaches.map(\.name) == ["default-branch-cache"])
        let result = try Examples.run("malicious-fork-pr", on: model)
        let npm = try #require(result.asset(NodeID(.secret, "NPM_TOKEN")))
        #expect(npm.path.map(\.rule).contains("cache-poisoning"))
        #expect(npm.path.map(\.rule).contains("cache-restore"))
    }

    @Test func contextFileSettlesEnvironmentsAndCodeOwnersProtectWorkflows() throws {
        let imported = try ImportFixtures.load("environments")
        let model = imported.model
        #expect(model.repository.visibility == .private)
        #expect(model.environments["production"]?.reviewers.count == 2)
        #expect(model.definitions[".github/workflows/deploy.yml"]?.owners == ["@acme/platform-security"])
        #expect(model.edges.contains { $0.kind == .protects && $0.to == NodeID(.definition, ".github/workflows/deploy.yml") })
        #expect(model.jobs["deploy/deploy"]?.role == .deploy)
        let insider = try Examples.run("insider-self-approval", on: model)
        #expect(!insider.reaches("read secret:DB_PASSWORD"))
        let build = try Examples.run("malicious-fork-pr", on: model)
        #expect(build.footholds.isEmpty || build.reached.count <= 1, "a private repository takes no stranger's pull request")
    }

    @Test func compositeActionsAndMatrixRunnersResolve() throws {
        let model = try ImportFixtures.load("composite").model
        let job = try #require(model.jobs["ci/build"])
        #expect(job.runsOn?.name == "github-hosted")
        #expect(job.steps.contains { $0.uses == "some-org/setup-toolchain@main" && $0.pin == .branch })
        #expect(job.runsRepositoryCode)
    }

    @Test func aBrokenWorkflowIsReportedAndTheRestAnalysed() throws {
        let imported = try ImportFixtures.load("broken")
        #expect(imported.hasErrors)
        let error = try #require(imported.diagnostics.first { $0.severity == .error })
        #expect(error.location.file.hasSuffix(".github/workflows/bad.yml"))
        #expect(error.location.line > 0)
        #expect(imported.model.jobs["good/ok"] != nil)
    }

    @Test func permissionsBecomeTokenGrants() throws {
        let model = try ImportFixtures.load("permissions").model
        #expect(model.jobs["none/default-token"]?.token?.first?.level == .write)
        #expect(model.assumptions.contains { $0.statement.contains("'.github/workflows/none.yml' sets no `permissions:`") })
        #expect(model.jobs["some/read-only"]?.token?.first?.level == .read)
        #expect(model.jobs["some/writer"]?.token?.first?.level == .write)
        #expect(model.jobs["some/empty"]?.token == nil)
    }

    @Test func theKeyOnIsReadAsTheTriggers() throws {
        let model = try ImportFixtures.load("prt-checkout").model
        #expect(model.triggers.values.map(\.event) == [.pullRequestTarget])
    }
}
