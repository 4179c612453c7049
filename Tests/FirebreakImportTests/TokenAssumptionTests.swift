import FirebreakEngine
import FirebreakImport
import FirebreakModel
import FirebreakTestSupport
import Testing

/// A workflow that sets no `permissions:` gives its jobs' GITHUB_TOKEN the legacy default, which
/// the import assumes broad (write); the assumption is listed once for the workflow and said
/// on the hop into each of its jobs' tokens, where the reach rests on it.
struct TokenAssumptionTests {
    static func tokenHop(_ permissions: String) throws -> (caveats: [String], assumptions: Int) {
        let repository = try ScratchRepository(files: [".github/workflows/ci.yml": """
            on: {push: {branches: [main]}}
            \(permissions)
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
                  - run: make
              docs:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
                  - run: make docs
            """])
        let model = try InputLoader.load(path: repository.root).model
        let result = try Examples.run("compromised-build-step", on: model)
        let hop = try #require(result.facts.derivation(of: Fact(.hold, NodeID(.identity, "ci/build.token"))), "the build job's token is held")
        return (hop.caveats, model.assumptions.filter { $0.statement.contains("sets no `permissions:`") }.count)
    }

    @Test func aTokenWithTheAssumedDefaultSaysSoOnItsHop() throws {
        let (caveats, assumptions) = try Self.tokenHop("")
        #expect(caveats.contains("assumed: workflow '.github/workflows/ci.yml' sets no `permissions:`, so its GITHUB_TOKEN is assumed to have the broad legacy default (write)"),
                "\(caveats)")
        #expect(assumptions == 1, "listed once for the workflow, not once per job")
    }

    @Test func aTokenWithDeclaredPermissionsAssumesNothing() throws {
        let (caveats, assumptions) = try Self.tokenHop("permissions: {contents: write}")
        #expect(!caveats.contains { $0.hasPrefix("assumed:") }, "\(caveats)")
        #expect(assumptions == 0)
    }
}
