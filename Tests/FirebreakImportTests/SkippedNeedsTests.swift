import FirebreakEngine
import FirebreakImport
import FirebreakModel
import FirebreakTestSupport
import Testing

/// GitHub skips a job whose needed job was skipped, unless its `if:` calls a status function:
/// a release gated by a job that runs only when dispatched by hand never runs for a pull
/// request (ruff's announce job was said to deploy "in the run that writes it
/// (release:pull_request)"), and a job that needs it runs on the dispatch alone too.
@Suite struct SkippedNeedsTests {
    static let release = """
        on: [pull_request, workflow_dispatch]
        permissions: {contents: read}
        jobs:
          build:
            if: github.event_name == 'pull_request'
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
              - run: npm ci && npm run build
              - uses: actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02
                with: {name: dist, path: dist/}
          gate:
            if: github.event_name == 'workflow_dispatch'
            runs-on: ubuntu-latest
            steps:
              - run: echo approved
          publish:
            needs: gate
            if: IF
            runs-on: ubuntu-latest
            steps:
              - uses: actions/download-artifact@d3f86a106a0bac45b974a628896c90dbdf5c8093
                with: {name: dist}
              - run: npm publish
                env:
                  NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}
          notify:
            needs: publish
            runs-on: ubuntu-latest
            steps:
              - run: echo published
        """

    private func model(publishIf condition: String) throws -> PipelineModel {
        let repository = try ScratchRepository(files: [".github/workflows/release.yml": Self.release.replacingOccurrences(of: "IF", with: condition)])
        return try InputLoader.load(path: repository.root).model
    }

    @Test func aJobNeedingOneThatRunsOnlyWhenDispatchedRunsOnlyThen() throws {
        let model = try model(publishIf: "github.repository == 'acme/app'")
        #expect(model.jobs["release/publish"]?.triggers.map(\.name) == ["release:workflow_dispatch"])
        #expect(model.jobs["release/notify"]?.triggers.map(\.name) == ["release:workflow_dispatch"], "a chain of needs carries the skip along")
        #expect(model.jobs["release/build"]?.triggers.map(\.name) == ["release:pull_request"], "its own `if:` is read as before")
    }

    /// With a status function, the needs the condition still requires to have succeeded decide
    /// (ruff's announce: `always() && needs.release-gate.result == 'success' && ...`).
    @Test func aJobRequiringANeedsSuccessPastAlwaysRunsOnlyWhereThatNeedRuns() throws {
        let gated = try model(publishIf: "${{ always() && needs.gate.result == 'success' }}")
        #expect(gated.jobs["release/publish"]?.triggers.map(\.name) == ["release:workflow_dispatch"])
        let either = try self.model(publishIf: "always() && (needs.gate.result == 'success' || github.event_name == 'pull_request')")
        #expect(either.jobs["release/publish"]?.triggers.count == 2, "a need required only on some branch of the condition is not required")
    }

    /// A reusable workflow's jobs run where the calling job does: after the jobs it needs.
    @Test func aCalledWorkflowsJobsRunOnlyWhereTheCallersNeedsRun() throws {
        let repository = try ScratchRepository(files: [
            ".github/workflows/release.yml": """
                on: [pull_request, workflow_dispatch]
                permissions: {contents: read}
                jobs:
                  gate:
                    if: github.event_name == 'workflow_dispatch'
                    runs-on: ubuntu-latest
                    steps:
                      - run: echo approved
                  publish:
                    needs: gate
                    uses: ./.github/workflows/publish.yml
                """,
            ".github/workflows/publish.yml": """
                on: {workflow_call: {}}
                jobs:
                  upload:
                    runs-on: ubuntu-latest
                    steps:
                      - run: npm publish
                """,
        ])
        let model = try InputLoader.load(path: repository.root).model
        #expect(model.jobs["release/publish/upload"]?.triggers.map(\.name) == ["release:workflow_dispatch"])
    }

    @Test func aJobThatRunsWhateverItsNeedsDidKeepsItsEvents() throws {
        let model = try model(publishIf: "always()")
        #expect(model.jobs["release/publish"]?.triggers.count == 2)
        #expect(model.jobs["release/notify"]?.triggers.count == 2)
    }
}
