import FirebreakEngine
import FirebreakImport
import FirebreakPatch
import FirebreakModel
import FirebreakTestSupport
import Foundation
import Testing

/// The fix advisor's set, written as a patch and applied to a copy, gives exactly the blast
/// radius it predicted; its constraints and its patches behave as a reviewer expects.
struct FixAdvisorTests {
    /// Advice and patch for an input, the patch applied to a scratch copy, and the copy imported again.
    struct RoundTrip {
        var advice: FixAdvice
        var patch: Patch
        var after: [FixAdvice.Outcome]
        var reimported: ImportResult
    }

    static func roundTrip(_ path: String, keeps: [KeepConstraint] = [], scenarios: [String]? = nil) throws -> RoundTrip {
        let loaded = try InputLoader.load(path: path)
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        #expect(exists)
        let context = (path as NSString).appendingPathComponent(InputLoader.contextFileName)
        let input: PatchWriter.Input = isDirectory.boolValue
            ? .repository(root: path, context: FileManager.default.fileExists(atPath: context) ? context : nil) : .model(path: path)
        let writer = PatchWriter(model: loaded.model, input: input)
        let library = try Examples.library().scenarios.filter { scenarios?.contains($0.id) ?? true }
        let written: (@Sendable ([ModelChange]) -> PipelineModel?)?
        if case .repository = input { written = { [writer] in writer.written($0) } } else { written = nil }
        let advice = FixAdvisor(model: loaded.model, scenarios: library, keeps: keeps, writable: { [writer] in writer.canWrite($0) },
                                written: written).advise()
        let patch = try writer.patch(advice.minimalSet.map(\.change))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("firebreak-fix-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try writer.apply(patch, into: folder)
        let copied: String
        switch input {
        case .model: copied = (folder as NSString).appendingPathComponent((path as NSString).lastPathComponent)
        case .repository: copied = folder
        }
        let reimported = try InputLoader.load(path: copied, name: loaded.model.repository.name)
        let simulation = Simulation(model: reimported.model)
        let after = library.map(simulation.run).map(FixAdvice.Outcome.init)
        return RoundTrip(advice: advice, patch: patch, after: after, reimported: reimported)
    }

    static let inputs: [String] = ["Scenarios/pipelines/skeleton-key.yml", "Scenarios/pipelines/hardened.yml"].map(PackagePaths.path)
        + ["fix-prt-publish", "fix-pins", "self-hosted", "cache", "gh-token-push", "gh-crown-jewels", "secrets-per-job", "gitlab-includes",
           "gitlab-structure", "gitlab-protected", "pinning", "gh-publisher-environment"].map(ImportFixtures.path)

    /// The SLSA generator's reusable workflows must be referenced by a version tag (they check
    /// their own ref): the advisor does not propose pinning them by commit, which would break the
    /// release's provenance, and the weakness list says the tag must stay. Another third
    /// party's tag it does propose to pin.
    @Test func theSLSAGeneratorIsNotProposedForACommitPin() throws {
        let repository = try ScratchRepository(files: [".github/workflows/release.yml": """
            on: {push: {tags: ["v*"]}}
            permissions: {contents: read}
            jobs:
              build:
                runs-on: ubuntu-latest
                permissions: {contents: write}
                outputs: {hashes: "${{ steps.hash.outputs.hashes }}"}
                steps:
                  - uses: acme/build-action@v2
                  - run: gh release create "$GITHUB_REF_NAME" dist/*
              provenance:
                needs: build
                permissions: {actions: read, id-token: write, contents: write}
                uses: slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml@v2.1.0
                with: {base64-subjects: "${{ needs.build.outputs.hashes }}", upload-assets: true}
            """])
        let model = try InputLoader.load(path: repository.root).model
        let library = try Examples.library().scenarios.filter { $0.id == "compromised-third-party-action" }
        let advice = FixAdvisor(model: model, scenarios: library, keeps: [], writable: { _ in true }, written: nil).advise()
        let pinned = advice.candidates.map(\.change).filter { $0.kind == .pinStep }.map(\.subject.name)
        #expect(pinned.contains { $0.contains("acme/build-action@v2") }, "the control: another tag is proposed for a pin")
        #expect(!pinned.contains { $0.contains("slsa-github-generator") }, "\(pinned)")
        let weakness = try #require(model.allWeaknesses.first { $0.kind == .unpinnedUses && $0.detail.contains("slsa-github-generator") })
        #expect(weakness.detail.contains("stays on a version tag"), "\(weakness.detail)")
    }

    /// The context file a fix writes for a GitLab project says nothing of GitHub's approval of
    /// fork pull requests' runs (a fork's merge requests run in the fork's project); a GitHub
    /// repository's says what the import assumed of it.
    @Test func aGitLabProjectsNewContextFileHasNoForkApproval() throws {
        func newContextFile(_ files: [String: String]) throws -> String {
            let repository = try ScratchRepository(files: files)
            let model = try InputLoader.load(path: repository.root).model
            let writer = PatchWriter(model: model, input: .repository(root: repository.root, context: nil))
            let pool = try #require(model.runners.values.first { $0.hosting == .selfHosted })
            let patch = try writer.patch([ModelChange(.ephemeralRunner, pool.id)])
            return try #require(patch.files.first { $0.path.hasSuffix(InputLoader.contextFileName) }).patched
        }
        let gitlab = try newContextFile([".gitlab-ci.yml": "build: {tags: [build-box], script: [make]}\n"])
        #expect(gitlab.contains("lifecycle: ephemeral") && !gitlab.contains("forkPullRequests"), "\(gitlab)")
        let github = try newContextFile([".github/workflows/ci.yml": """
            on: push
            permissions: {}
            jobs: {build: {runs-on: [self-hosted, build-box], steps: [{run: make}]}}
            """])
        #expect(github.contains("forkPullRequests: {approval: first-time}"), "\(github)")
    }

    @Test(arguments: inputs)
    func theAppliedPatchGivesThePredictedBlastRadius(path: String) throws {
        let trip = try Self.roundTrip(path)
        #expect(trip.reimported.diagnostics.filter { $0.severity == .error }.isEmpty, "\(trip.reimported.diagnostics)")
        #expect(trip.after == trip.advice.after, "\(path): predicted \(trip.advice.after), applied \(trip.after)")
        #expect(trip.patch.byHand.isEmpty, "the set holds only changes the patch writes: \(trip.patch.byHand)")
    }

    /// What-ifs re-run only the scenarios whose facts touch a changed node or its neighbours:
    /// for every candidate, that answer equals a full re-run of every scenario.
    @Test(arguments: inputs)
    func whatIfsThatSkipUntouchedScenariosAgreeWithFullRuns(path: String) throws {
        let model = try InputLoader.load(path: path).model
        let advisor = FixAdvisor(model: model, scenarios: try Examples.library().scenarios)
        let baseline = advisor.baseline(advisor.simulate([]))
        let advice = advisor.advise()
        for candidate in advice.candidates {
            let full = advisor.simulate([candidate.change]).map(FixAdvice.Outcome.init)
            #expect(advisor.outcomes([candidate.change], base: baseline) == full, "\(path): \(candidate.change)")
        }
        let set = advice.minimalSet.map(\.change)
        #expect(advisor.outcomes(set, base: baseline) == advisor.simulate(set).map(FixAdvice.Outcome.init))
    }

    @Test func onSkeletonKeyTheSetLeavesOnlyTheBuildsOwnOutputReached() throws {
        let trip = try Self.roundTrip(PackagePaths.path("Scenarios/pipelines/skeleton-key.yml"))
        let reached = trip.advice.after.flatMap { outcome in outcome.crownJewels.map { "\(outcome.scenario) \($0)" } }
        #expect(reached == ["compromised-build-step resource:prod-cluster"])
        let remaining = try #require(trip.advice.remaining.first)
        #expect(remaining.uncontrolled && remaining.path.map(\.rule) == ["foothold", "build-output", "artifact-deploy"])
        #expect(trip.advice.minimalSet.allSatisfy { !$0.rules.isEmpty })
        #expect(FixAdvice.total(trip.advice.before).crownJewels == 50)
        // A setting of a node is made where the node is declared, not on the hop's line (an actor's).
        let protect = try #require(trip.advice.minimalSet.first { $0.change.kind == .protectBranch })
        #expect(protect.change.subject == NodeID(.branch, "main") && protect.location.line == 31, "\(protect.location)")
        let pool = try #require(trip.advice.minimalSet.first { $0.change.kind == .ephemeralRunner })
        #expect(pool.location.line == 44, "runner pool 'shared-pool' is declared at line 44: \(pool.location)")
    }

    @Test func onGitHubAJobsOwnCacheKeyIsNeverTheFix() throws {
        // Every run in the default branch's context writes GitHub's cache scope whatever the key:
        // the advice is to restore no cache, never to give a job a key of its own.
        let trip = try Self.roundTrip(PackagePaths.path("Scenarios/pipelines/skeleton-key.yml"))
        #expect(!trip.advice.candidates.contains { $0.change.kind == .separateCache })
        let restores = trip.advice.minimalSet.filter { $0.change.kind == .dropCacheRestore }.map(\.change.subject.name)
        #expect(restores.contains("deploy"), "\(trip.advice.minimalSet.map(\.change))")
        #expect(trip.after == trip.advice.after)
    }

    @Test func aKeepThatLeavesNoControlIsNamed() throws {
        // The build keeps the deploy key and the key stays as it is: nothing cuts the build's read of it.
        let keeps = try ["job:build reads secret:AWS_DEPLOY_KEY", "identity:ci-deployer"].map(KeepConstraint.init(parsing:))
        let trip = try Self.roundTrip(PackagePaths.path("Scenarios/pipelines/skeleton-key.yml"), keeps: keeps)
        #expect(trip.advice.blockedByKeeps)
        let blocked = try #require(trip.advice.remaining.first {
            $0.scenario == "compromised-build-step" && $0.crownJewel == NodeID(.secret, "AWS_DEPLOY_KEY")
        })
        #expect(blocked.blockedBy == ["identity:ci-deployer", "job:build reads secret:AWS_DEPLOY_KEY"])
        #expect(!trip.advice.minimalSet.contains { $0.change.touches.contains(NodeID(.identity, "ci-deployer")) })
        #expect(trip.after == trip.advice.after)
    }

    @Test func keepingATriggerKeepsItsJobsAsTheyAre() throws {
        let keep = try KeepConstraint(parsing: "trigger:pull_request_target")
        let trip = try Self.roundTrip(ImportFixtures.path("fix-prt-publish"), keeps: [keep], scenarios: ["malicious-fork-pr"])
        #expect(!trip.advice.minimalSet.contains { $0.change.kind == .dropUntrustedInput })
        #expect(trip.advice.candidates.contains { $0.change.kind == .dropUntrustedInput && $0.forbiddenBy == ["trigger:pull_request_target"] })
    }

    @Test func thePullRequestTargetPatchLeavesTheRegistryTokenUnreached() throws {
        let trip = try Self.roundTrip(ImportFixtures.path("fix-prt-publish"), scenarios: ["malicious-fork-pr"])
        #expect(FixAdvice.total(trip.advice.before).crownJewels > 0)
        let token = NodeID(.secret, "NPM_TOKEN")
        #expect(trip.advice.before.contains { $0.crownJewels.contains(token) })
        #expect(trip.after.allSatisfy { !$0.crownJewels.contains(token) })
        #expect(trip.reimported.diagnostics.isEmpty, "\(trip.reimported.diagnostics)")
        let diff = trip.patch.unifiedDiff
        #expect(diff.contains("--- a/.github/workflows/preview.yml") && diff.contains("-          ref: ${{ github.event.pull_request.head.sha }}"))
    }

    @Test func aPinIsAMarkedPlaceholderNamingTheVersionItReplaces() throws {
        let trip = try Self.roundTrip(ImportFixtures.path("gitlab-includes"))
        let diff = trip.patch.unifiedDiff
        #expect(diff.contains("+  - component: gitlab.com/acme/components/scan@0000000000000000000000000000000000000000  # firebreak: placeholder"))
        #expect(diff.contains("that main points to today"))
        #expect(diff.contains("+    ref: 0000000000000000000000000000000000000000  # firebreak: placeholder — pin the full commit (or digest) that v3.0.0"))
    }

    @Test func pinsKeepQuotesAndFindTheReferenceBelowAStepsName() throws {
        let trip = try Self.roundTrip(ImportFixtures.path("fix-pins"), scenarios: ["compromised-third-party-action"])
        let diff = trip.patch.unifiedDiff
        #expect(diff.contains("+      image: \"node:20-bookworm@sha256:\(String(repeating: "0", count: 64))\"  # firebreak: placeholder"))
        #expect(diff.contains("+        uses: actions/checkout@\(String(repeating: "0", count: 40))  # firebreak: placeholder"))
        #expect(!diff.contains("+      - name: Check out"), "the name line stays as it is")
        #expect(trip.reimported.diagnostics.isEmpty)
        #expect(trip.after.allSatisfy { $0.crownJewels.isEmpty })
    }

    /// The printed patch is one `git apply` accepts: hunks at a file's end, a new context file.
    @Test(arguments: ["fix-prt-publish", "fix-pins", "self-hosted", "cache", "gitlab-includes"])
    func gitAppliesThePatch(fixture: String) throws {
        let trip = try Self.roundTrip(ImportFixtures.path(fixture))
        let diff = trip.patch.unifiedDiff
        #expect(!diff.isEmpty)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("firebreak-apply-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let root = ImportFixtures.path(fixture)
        for file in ImporterCatalogue.inputFiles(root: root) {
            let target = (folder as NSString).appendingPathComponent(file)
            try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: (root as NSString).appendingPathComponent(file), toPath: target)
        }
        let patchFile = (folder as NSString).appendingPathComponent("fix.diff")
        try Data(diff.utf8).write(to: URL(fileURLWithPath: patchFile))
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = ["git", "-C", folder, "apply", "--check", "fix.diff"]
        let errors = Pipe()
        git.standardError = errors
        try git.run()
        git.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(git.terminationStatus == 0, "\(fixture): \(message)\n\(diff)")
    }

    @Test func malformedKeepsAreRefusedWithTheAcceptedForms() {
        for text in ["release", "job:release reads", "job:release steals secret:X", "secret:X reads secret:Y"] {
            #expect(throws: KeepError.self) { try KeepConstraint(parsing: text) }
        }
    }
}
