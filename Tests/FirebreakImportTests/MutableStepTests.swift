import FirebreakEngine
@testable import FirebreakImport
import FirebreakModel
import FirebreakReport
import FirebreakTestSupport
import Testing

/// A job that runs several references a third party can move starts the attacker at each: the
/// path names the most movable (a branch before a tag), and every one of them opens what the job
/// reaches. Another repository checked out at a branch and run is one reference, named for the
/// action it runs.
@Suite struct MutableStepTests {
    static let workflow = """
        on: {issues: {types: [closed]}}
        jobs:
          triage:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
                with: {repository: someone/triage-actions, ref: main, path: ./actions}
              - uses: ./actions/verify
                with: {token: "${{ secrets.TRIAGE_TOKEN }}"}
        """

    @Test func theBranchIsTheStartShownAndEveryMutableStepOpensTheJob() throws {
        let repository = try ScratchRepository(files: [".github/workflows/triage.yml": Self.workflow])
        let model = try InputLoader.load(path: repository.root).model
        #expect(model.jobs["triage/triage"]?.steps.map(\.uses) == ["actions/checkout@v4", "someone/triage-actions/verify@main"],
                "the checkout run through its action is one reference, not two")
        let result = try Examples.run("compromised-third-party-action", on: model)
        let start = try #require(result.facts.derivation(of: Fact(.exec, NodeID(.job, "triage/triage"))))
        #expect(start.why.contains("'someone/triage-actions/verify@main' is pinned by branch"), "\(start.why)")
        let report = WeaknessReport(model: model, results: [result])
        let unpinned = report.weaknesses.filter { $0.kind == "unpinned-uses" }
        #expect(unpinned.count == 2)
        #expect(unpinned.allSatisfy { $0.latent == nil && $0.scenarios == ["compromised-third-party-action"] },
                "pinning either one alone leaves the job a foothold")
    }

    /// A reference that names no version is said to be one, in the start and in the weakness:
    /// not "pinned by none".
    @Test func aReferenceWithNoVersionSaysWhateverIsLatest() throws {
        let repository = try ScratchRepository(files: [".github/workflows/ci.yml": SampleWorkflow.oneJob(
            "build", on: "push", permissions: "{}", container: "alpine", steps: ["run: make"])])
        let model = try InputLoader.load(path: repository.root).model
        let result = try Examples.run("compromised-third-party-action", on: model)
        let start = try #require(result.facts.derivation(of: Fact(.exec, NodeID(.job, "ci/build"))))
        #expect(start.why.hasSuffix("'alpine' is not pinned to any version (whatever is latest) in job 'ci/build'"), "\(start.why)")
        let unpinned = WeaknessReport(model: model, results: [result]).weaknesses.filter { $0.kind == "unpinned-uses" }
        #expect(unpinned.map(\.detail) == ["'alpine' is not pinned to any version (whatever is latest)"])
        // The control: a tag says so, and what a firm pin would be.
        let tagged = try ScratchRepository(files: [".github/workflows/ci.yml": SampleWorkflow.oneJob(
            "build", on: "push", permissions: "{}", container: "alpine:3.20", steps: ["run: make"])])
        let weaknesses = WeaknessReport(model: try InputLoader.load(path: tagged.root).model, results: []).weaknesses
        #expect(weaknesses.filter { $0.kind == "unpinned-uses" }.map(\.detail) == ["'alpine:3.20' is pinned by tag, not to a commit or digest"])
    }

    /// The ref the checkout names through the workflow's environment is the one pinned, and the
    /// reference is where the checkout names it: that is the line to change.
    @Test func theCheckedOutActionIsPinnedWhereTheCheckoutNamesItsRef() throws {
        let repository = try ScratchRepository(files: [".github/workflows/triage.yml": """
            on: {issues: {types: [closed]}}
            env: {TRIAGE_REF: v1.2.0}
            jobs:
              triage:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@0123456789abcdef0123456789abcdef01234567
                    with:
                      repository: someone/triage-actions
                      ref: ${{ env.TRIAGE_REF }}
                      path: ./actions
                  - uses: ./actions/verify
            """])
        let step = try #require(try InputLoader.load(path: repository.root).model.jobs["triage/triage"]?.steps.last)
        #expect(step.uses == "someone/triage-actions/verify@v1.2.0" && step.pin == .tag)
        #expect(step.location.line == 10, "the checkout's ref: line, \(step.location)")
    }

    /// A checkout of another repository whose scripts a later step runs is itself the reference.
    @Test func aCheckoutWhoseScriptsRunIsTheReference() throws {
        let repository = try ScratchRepository(files: [".github/workflows/triage.yml": SampleWorkflow.oneJob("triage", on: "{issues: {types: [closed]}}", steps: [
            "uses: actions/checkout@0123456789abcdef0123456789abcdef01234567\nwith: {repository: someone/triage-tools, ref: main}",
            "run: make triage",
        ])])
        let model = try InputLoader.load(path: repository.root).model
        #expect(model.jobs["triage/triage"]?.steps.contains { $0.uses == "someone/triage-tools@main" && $0.pin == .branch } == true)
    }

    /// Another repository checked out into a folder that no step running build tools names may
    /// be data: it is still taken as code the job runs, and that is said at its step; a step
    /// that names the folder runs it, with nothing to say.
    @Test func aCheckoutIntoAFolderNoBuildNamesIsAssumedToRun() throws {
        func assumptions(_ build: String) throws -> [String] {
            let repository = try ScratchRepository(files: [".github/workflows/sync.yml": """
                on: {schedule: [{cron: "0 3 * * *"}]}
                jobs:
                  sync:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@0123456789abcdef0123456789abcdef01234567
                      - uses: actions/checkout@0123456789abcdef0123456789abcdef01234567
                        with: {repository: python/typeshed, path: typeshed}
                      - run: cp -r typeshed/stdlib vendor/
                      - run: \(build)
                """])
            let model = try InputLoader.load(path: repository.root).model
            #expect(model.jobs["sync/sync"]?.steps.contains { $0.uses == "python/typeshed@(default branch)" } == true, "taken to run either way")
            return model.assumptions.filter { $0.subject == NodeID(.step, "sync/sync/python/typeshed@(default branch)") }.map(\.statement)
        }
        #expect(try assumptions("make vendor") == [
            "'python/typeshed' is checked out into 'typeshed', which no later step that runs build tools names; taken to run code from it all the same (a build file may reach into it)",
        ])
        #expect(try assumptions("make -C typeshed tests").isEmpty)
    }

    /// The start a path shows for a job rests on no assumption where one does: a community
    /// action at a tag before a foreign checkout only assumed to run, and before GitHub's own
    /// action at a tag; the assumed checkout is the start only where nothing else is.
    @Test func theStartShownIsTheOneThatRestsOnNoAssumption() throws {
        func start(_ extra: [String]) throws -> (why: String, caveats: [String]) {
            let repository = try ScratchRepository(files: [".github/workflows/release.yml": SampleWorkflow.oneJob("release", on: "{push: {tags: [\"v*\"]}}", steps: [
                "uses: actions/checkout@v4\nwith: {repository: acme/website, path: site}", "uses: actions/setup-go@v5",
            ] + extra + ["run: make release\nenv: {GH_TOKEN: \"${{ secrets.RELEASE_PAT }}\"}"])])
            let model = try InputLoader.load(path: repository.root).model
            let result = try Examples.run("compromised-third-party-action", on: model)
            let derivation = try #require(result.facts.derivation(of: Fact(.exec, NodeID(.job, "release/release"))))
            return (derivation.why, derivation.caveats)
        }
        let certain = try start(["uses: goreleaser/goreleaser-action@v6"])
        #expect(certain.why.contains("'goreleaser/goreleaser-action@v6' is pinned by tag"), "\(certain.why)")
        #expect(certain.caveats.isEmpty)
        // The control: without the stranger's action, GitHub's own tag-pinned one is the start,
        // still before the checkout of a branch only assumed to run.
        let own = try start([])
        #expect(own.why.contains("'actions/checkout@v4' is pinned by tag"), "\(own.why)")
        #expect(!own.why.contains("acme/website") && own.caveats.isEmpty)
    }
}
