import FirebreakEngine
import FirebreakImport
import FirebreakModel
import FirebreakTestSupport
import Testing

/// A repository that calls its own action by full name (`owner/repo/path@main`) runs its own
/// code at its default branch: no third party moves it, and what the action does is read as a
/// local action's. At another ref it is whatever that ref holds. Only a repository that has a
/// name (its remote's or the context file's) owns an action: never by the folder it is in.
@Suite struct OwnActionTests {
    static let action = """
        name: build
        runs:
          using: composite
          steps:
            - uses: actions/setup-node@v4
            - run: npm ci && npm run build
              shell: bash
        """

    static let context = "firebreak: 1\nrepository: {name: acme/app, visibility: public, defaultBranch: main}\n"
    static let checkout = "actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683"

    static func workflow(_ uses: String) -> String {
        """
        on: push
        permissions: {contents: read}
        jobs:
          build:
            runs-on: ubuntu-latest
            steps:
              - uses: \(checkout)
              - uses: \(uses)
        """
    }

    @Test func anOwnActionAtTheDefaultBranchIsReadAsTheLocalOne() throws {
        let repository = try ScratchRepository(named: "app", files: [
            ".github/actions/build/action.yml": Self.action,
            ".github/workflows/ci.yml": Self.workflow("acme/app/.github/actions/build@main"),
            "firebreak.context.yml": Self.context,
        ])
        let imported = try InputLoader.load(path: repository.root)
        let model = imported.model
        let job = try #require(model.jobs["ci/build"])
        // Not a third party's step: the action's own steps are the job's.
        #expect(job.steps.map(\.uses) == [Self.checkout, "actions/setup-node@v4"], "\(job.steps.map(\.uses))")
        #expect(job.installsDependencies, "its `npm ci` is read")
        let start = try #require(try Examples.run("compromised-third-party-action", on: model).facts.derivation(of: Fact(.exec, job.id)))
        #expect(start.why.contains("'actions/setup-node@v4' is pinned by tag"), "the tag inside it is still a third party's: \(start.why)")
    }

    @Test func atAnotherRefOrWithoutTheActionHereItStaysAStep() throws {
        let otherRef = try ScratchRepository(named: "app", files: [
            ".github/actions/build/action.yml": Self.action,
            ".github/workflows/ci.yml": Self.workflow("acme/app/.github/actions/build@dev"),
            "firebreak.context.yml": Self.context,
        ])
        let dev = try InputLoader.load(path: otherRef.root).model
        // Whoever pushes `dev` changes what the default branch's job runs: pinned by a branch.
        #expect(dev.jobs["ci/build"]?.steps.map(\.uses) == [Self.checkout, "acme/app/.github/actions/build@dev"])
        #expect(dev.jobs["ci/build"]?.steps.last?.pin == .branch)
        let absent = try ScratchRepository(named: "app", files: [".github/workflows/ci.yml": Self.workflow("acme/app/.github/actions/build@main"),
                                                                 "firebreak.context.yml": Self.context])
        let unread = try InputLoader.load(path: absent.root)
        #expect(unread.model.jobs["ci/build"]?.steps.map(\.uses) == [Self.checkout, "acme/app/.github/actions/build@main"])
        #expect(!unread.hasErrors, "an action not here is another repository's, not a broken local one: \(unread.diagnostics)")
    }

    @Test func aNamedRepositoryNeedsNoGuessAndAnotherOwnersActionIsNotItsOwn() throws {
        let repository = try ScratchRepository(files: [
            ".github/actions/build/action.yml": Self.action,
            ".github/workflows/ci.yml": Self.workflow("acme/app/.github/actions/build@main"),
            ".github/workflows/other.yml": Self.workflow("vendor/tools/.github/actions/build@main"),
            "firebreak.context.yml": Self.context,
        ])
        let model = try InputLoader.load(path: repository.root).model
        #expect(model.jobs["ci/build"]?.steps.map(\.uses) == [Self.checkout, "actions/setup-node@v4"])
        #expect(!model.assumptions.contains { $0.statement.contains("is taken to be this repository") })
        // Another repository's action of the same folder name is that repository's.
        #expect(model.jobs["other/build"]?.steps.map(\.uses) == [Self.checkout, "vendor/tools/.github/actions/build@main"])
        // Without a name, nothing is this repository's, whatever its folder is called: a baseline
        // made in one clone holds in another.
        for folder in ["app", "acme__app", "checkout"] {
            let nameless = try ScratchRepository(named: folder, files: [
                ".github/actions/build/action.yml": Self.action,
                ".github/workflows/ci.yml": Self.workflow("acme/app/.github/actions/build@main"),
            ])
            let guessed = try InputLoader.load(path: nameless.root).model
            #expect(guessed.jobs["ci/build"]?.steps.map(\.uses) == [Self.checkout, "acme/app/.github/actions/build@main"], "\(folder)")
        }
    }
}
