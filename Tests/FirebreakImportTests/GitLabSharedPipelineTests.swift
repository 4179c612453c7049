@testable import FirebreakImport
import FirebreakModel
import FirebreakTestSupport
import Testing

/// A job that names neither `needs:` nor `dependencies:` takes the artifacts of the earlier
/// stages' jobs of its own pipeline: none of a job whose rules never let it into the same
/// pipeline (a schedule-only triage job and the push-only builds).
@Suite struct GitLabSharedPipelineTests {
    static func consumes(triageRule: String) throws -> [String] {
        let repository = try ScratchRepository(files: [".gitlab-ci.yml": """
            stages: [build, report]
            build:
              stage: build
              script: [make]
              artifacts: {paths: [out/]}
              rules:
                - if: $CI_PIPELINE_SOURCE != "schedule"
            triage:
              stage: report
              script: [./triage.sh]
              rules:
                - if: \(triageRule)
            """])
        let model = try InputLoader.load(path: repository.root).model
        return try #require(model.jobs["triage"]).consumes.map(\.artifact.name)
    }

    /// `only:` names refs, whatever started their pipeline: a schedule on `main` runs an
    /// `only: [main]` job, so its artifacts are kept.
    @Test func onlyRefsKeepTheirArtifactEdges() throws {
        let repository = try ScratchRepository(files: [".gitlab-ci.yml": """
            stages: [build, report]
            build: {stage: build, script: [make], artifacts: {paths: [out/]}, only: [main]}
            triage: {stage: report, script: [./triage.sh], rules: [{if: $CI_PIPELINE_SOURCE == "schedule"}]}
            """])
        let model = try InputLoader.load(path: repository.root).model
        #expect(try #require(model.jobs["triage"]).consumes.map(\.artifact.name) == ["build artifacts"])
    }

    @Test func aJobTakesNoArtifactsOfAJobItNeverSharesAPipelineWith() throws {
        #expect(try Self.consumes(triageRule: "$CI_PIPELINE_SOURCE == \"schedule\"").isEmpty)
        // The control: on the default branch's pushes they meet.
        #expect(try Self.consumes(triageRule: "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH") == ["build artifacts"])
    }

    @Test func runsMeetOnlyInAPipelineOfTheSameSource() {
        let schedules = GitLabRuns(schedules: true)
        let pushes = GitLabRuns(branches: ["main"])
        #expect(!schedules.mayShareAPipeline(with: pushes))
        #expect(pushes.mayShareAPipeline(with: GitLabRuns(branches: ["*"])))
        #expect(!pushes.mayShareAPipeline(with: GitLabRuns(branches: ["release/*"])))
        #expect(GitLabRuns(branches: ["release/1.0"]).mayShareAPipeline(with: GitLabRuns(branches: ["release/*"])))
        // The default branch, by its symbol, may be the branch a rule names; two patterns may meet.
        #expect(GitLabRuns(branches: [GitLabPipelines.defaultBranch]).mayShareAPipeline(with: pushes))
        #expect(GitLabRuns(branches: ["release/*"]).mayShareAPipeline(with: GitLabRuns(branches: ["*-stable"])))
    }
}
