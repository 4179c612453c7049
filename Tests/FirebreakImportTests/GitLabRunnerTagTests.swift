import FirebreakImport
import FirebreakModel
import FirebreakTestSupport
import Testing

/// GitLab puts CI/CD variables into a job's tags: a pool named by a variable the file defines is
/// the pool its value names, one pool for the jobs that name it through different variables.
@Suite struct GitLabRunnerTagTests {
    @Test func aTagNamedByTheFilesVariableIsItsValue() throws {
        let repository = try ScratchRepository(files: [".gitlab-ci.yml": """
            variables:
              RUNNER_TAG_DEFAULT: linux-amd64
              RUNNER_TAG_LARGE: linux-amd64
            build:
              tags: [$RUNNER_TAG_DEFAULT]
              script: [make]
            test:
              tags: ["${RUNNER_TAG_LARGE}"]
              script: [make test]
            other:
              tags: [$UNSET_TAG]
              script: [make lint]
            """])
        let model = try InputLoader.load(path: repository.root).model
        #expect(model.jobs["build"]?.runsOn?.name == "self-hosted:linux-amd64")
        #expect(model.jobs["test"]?.runsOn?.name == "self-hosted:linux-amd64")
        // The control: a variable the file does not define stays as written.
        #expect(model.jobs["other"]?.runsOn?.name == "self-hosted:$UNSET_TAG")
    }
}
