import FirebreakEngine
import FirebreakImport
import FirebreakModel
import FirebreakTestSupport
import Testing

/// A repository that calls its own reusable workflow by its full name
/// (`owner/repo/.github/workflows/x.yml@main`) runs its own code on that ref: whoever moves the
/// ref is whoever pushes to the repository, not a third party.
@Suite struct OwnReusableWorkflowTests {
    static func files(calling uses: String, context: String? = nil) -> [String: String] {
        var files = [
            ".github/workflows/nightly.yml": """
                on: {schedule: [{cron: "0 3 * * *"}]}
                permissions: {contents: read}
                jobs:
                  run:
                    uses: \(uses)
                    secrets: inherit
                """,
            ".github/workflows/integration.yml": """
                on: {workflow_call: {}}
                permissions: {contents: read}
                jobs:
                  test:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
                      - run: make integration
                        env: {CLOUD_CREDS: "${{ secrets.CLOUD_CREDS }}"}
                """,
        ]
        if let context { files["firebreak.context.yml"] = context }
        return files
    }

    @Test func aCallToTheRepositorysOwnWorkflowByFullNameImportsItsJobs() throws {
        let repository = try ScratchRepository(files: Self.files(calling: "acme/app/.github/workflows/integration.yml@main"))
        let model = try InputLoader.load(path: repository.root).model
        #expect(model.jobs["nightly/run/test"] != nil, "the called workflow's jobs are this repository's")
        #expect(!model.definitions.values.contains { $0.isExternal })
        #expect(model.assumptions.contains { $0.statement.contains("'acme/app' is taken to be this repository") })
        let result = try Examples.run("compromised-third-party-action", on: model)
        #expect(result.footholds.isEmpty, "no third party can move it")
    }

    @Test func anotherRepositorysWorkflowStaysAThirdPartys() throws {
        let context = "firebreak: 1\nrepository: {name: acme/app, visibility: private}\n"
        let repository = try ScratchRepository(files: Self.files(calling: "vendor/ci/.github/workflows/integration.yml@main", context: context))
        let model = try InputLoader.load(path: repository.root).model
        #expect(model.jobs["nightly/run/test"] == nil)
        #expect(model.definitions["vendor/ci/.github/workflows/integration.yml@main"]?.isExternal == true)
        let result = try Examples.run("compromised-third-party-action", on: model)
        #expect(result.footholds.contains(Fact(.exec, NodeID(.job, "nightly/run"))))
    }

    /// GitHub Docs, *Reusing workflows*: `secrets: inherit` passes the secrets only within one
    /// organisation or enterprise. Whether another owner shares the caller's enterprise is not
    /// in the files: taken so, and said about the calling job; the same owner's needs no word.
    @Test func inheritingIntoAnotherOwnersWorkflowSaysItAssumesOneEnterprise() throws {
        let other = "firebreak: 1\nrepository: {name: acme/app, visibility: private}\n"
        let repository = try ScratchRepository(files: Self.files(calling: "vendor/ci/.github/workflows/integration.yml@main", context: other))
        let model = try InputLoader.load(path: repository.root).model
        let statement = "'vendor' is taken to be in one organisation or enterprise with 'acme'"
        #expect(model.assumptions.contains { $0.subject == NodeID(.job, "nightly/run") && $0.statement.hasPrefix(statement) })
        // About the calling job only: another job's `toJSON(secrets)` rests on no such thing.
        #expect(!model.assumptions.contains { $0.statement.hasPrefix(statement) && !$0.alsoAbout.isEmpty })
        // The same owner's workflow is in its organisation: nothing to assume.
        let own = try ScratchRepository(files: Self.files(calling: "acme/tools/.github/workflows/integration.yml@main", context: other))
        #expect(!(try InputLoader.load(path: own.root).model.assumptions.contains { $0.statement.contains("one organisation or enterprise") }))
    }

    @Test func aWorkflowCallingAnotherRepositorysFileOfItsOwnNameIsNotCallingItself() throws {
        let repository = try ScratchRepository(files: [".github/workflows/zizmor.yml": """
            on: {push: {branches: [main]}}
            permissions: {contents: read}
            jobs:
              run:
                uses: vendor/.github/.github/workflows/zizmor.yml@main
            """])
        let model = try InputLoader.load(path: repository.root).model
        #expect(model.definitions["vendor/.github/.github/workflows/zizmor.yml@main"]?.isExternal == true)
        #expect(!model.assumptions.contains { $0.statement.contains("is taken to be this repository") })
    }
}
