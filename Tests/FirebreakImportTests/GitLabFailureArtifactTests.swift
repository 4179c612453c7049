import FirebreakImport
import FirebreakModel
import FirebreakTestSupport
import Testing

/// Artifacts a job keeps only when it fails (`artifacts: when: on_failure`) reach no later job
/// that runs on success: a failed job stops the later stages, unless it may fail.
@Suite struct GitLabFailureArtifactTests {
    static func consumes(lint extra: String = "", dist distExtra: String = "") throws -> [String] {
        let repository = try ScratchRepository(files: [".gitlab-ci.yml": """
            stages: [check, build]
            lint:
              stage: check
              script: [pre-commit run --all-files]
              artifacts:
                when: on_failure
                paths: [pre-commit.log]
            \(extra)
            dist:
              stage: build
              script: [meson dist -C _build]
            \(distExtra)
            """])
        let model = try InputLoader.load(path: repository.root).model
        return model.jobs["dist"]?.consumes.map(\.artifact.name) ?? []
    }

    @Test func aFailuresLogReachesNoJobThatRunsOnSuccess() throws {
        #expect(try Self.consumes().isEmpty)
    }

    @Test func aJobThatMayFailOrOneThatRunsAfterAFailureTakesThem() throws {
        // The controls: a job allowed to fail lets the later stages run; a job that runs always gets the log.
        #expect(try Self.consumes(lint: "  allow_failure: true") == ["lint artifacts"])
        #expect(try Self.consumes(dist: "  when: always") == ["lint artifacts"])
    }
}
