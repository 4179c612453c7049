import FirebreakEngine
import FirebreakImport
import FirebreakModel
import FirebreakReport
import FirebreakTestSupport
import Testing

/// A cache restored where what is built may ship is a weakness, and it says why it counts: a
/// job that publishes, or a release's run (keras runs its tests on `release: created`, which
/// publishes nothing itself); a test run on pushes to main alone is neither.
@Suite struct SharedCacheWeaknessTests {
    private func details(_ on: String, _ run: String) throws -> [String] {
        let repository = try ScratchRepository(files: [".github/workflows/ci.yml": """
            on: \(on)
            permissions: {contents: read}
            jobs:
              job:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
                  - uses: actions/cache@5a3ec84eff668545956fd18022155c47e93e2684
                    with: {path: ~/.cache/pip, key: pip}
                  - run: \(run)
            """])
        let model = try InputLoader.load(path: repository.root).model
        return WeaknessReport(model: model, results: []).weaknesses.filter { $0.kind == "shared-cache" }.map(\.detail)
    }

    @Test func theWeaknessSaysWhatMakesTheRunAPublishingOne() throws {
        #expect(try details("{release: {types: [created]}}", "pytest") == ["a release's run (a release event, a tag or a release branch) restores a cache other runs of the default branch write"])
        #expect(try details("{push: {branches: [main]}}", "twine upload dist/*") == ["a job that publishes restores a cache other runs of the default branch write"])
        #expect(try details("{push: {branches: [main]}}", "pytest").isEmpty)
    }
}
