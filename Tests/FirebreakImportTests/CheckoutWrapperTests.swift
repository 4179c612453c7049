import FirebreakImport
import FirebreakModel
import FirebreakTestSupport
import Testing

/// A remote action named for a checkout (a project's own wrapper around `actions/checkout`)
/// has steps Firebreak does not read: it is taken to check the repository out, and out at the
/// ref it is handed, and says so; an action that only names a checkout in its owner's name does not.
@Suite struct CheckoutWrapperTests {
    static func job(_ on: String, checkout: String, with: String = "{fetch-depth: 1}") throws -> (job: Job, model: PipelineModel) {
        let repository = try ScratchRepository(files: [".github/workflows/ci.yml": """
            on: \(on)
            permissions: {contents: read}
            jobs:
              labels:
                runs-on: ubuntu-latest
                steps:
                  - uses: \(checkout)
                    with: \(with)
                  - run: python3 .github/scripts/check_labels.py
            """])
        let model = try InputLoader.load(path: repository.root).model
        return (try #require(model.jobs["ci/labels"]), model)
    }

    static let wrapper = "acme/app/.github/actions/checkout-app@main"

    @Test func aCheckoutWrapperMakesTheJobRunTheRepositorysCode() throws {
        let (job, model) = try Self.job("pull_request", checkout: Self.wrapper)
        #expect(job.runsRepositoryCode)
        #expect(model.assumptions.contains { $0.statement.hasPrefix("'\(Self.wrapper)' is named for a checkout") })
        // The control: an action that is no checkout leaves the job running no repository code.
        let (other, _) = try Self.job("pull_request", checkout: "acme/labeler@0123456789abcdef0123456789abcdef01234567")
        #expect(!other.runsRepositoryCode)
    }

    @Test func aWrapperHandedThePullRequestsHeadChecksItOutInAPrivilegedRun() throws {
        let (head, _) = try Self.job("pull_request_target", checkout: Self.wrapper, with: "{ref: \"${{ github.event.pull_request.head.sha }}\"}")
        #expect(head.untrustedInput == .checkout)
        let (base, _) = try Self.job("pull_request_target", checkout: Self.wrapper)
        #expect(base.untrustedInput != .checkout)
        // After a checkout of its own, the wrapper handed the head still checks it out, and says so.
        let repository = try ScratchRepository(files: [".github/workflows/ci.yml": """
            on: pull_request_target
            permissions: {contents: read}
            jobs:
              labels:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
                  - uses: \(Self.wrapper)
                    with: {ref: "${{ github.event.pull_request.head.sha }}"}
                  - run: python3 .github/scripts/check_labels.py
            """])
        let model = try InputLoader.load(path: repository.root).model
        #expect(model.jobs["ci/labels"]?.untrustedInput == .checkout)
        #expect(model.assumptions.contains { $0.statement.hasPrefix("'\(Self.wrapper)' is named for a checkout") })
    }
}
