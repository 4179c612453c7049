@testable import FirebreakImport
import FirebreakModel
import FirebreakTestSupport
import Testing

/// Whether a `run:` script executes a file of the repository by a relative path, as
/// `script/release` does, without taking arguments, quoted text or here-documents for commands.
@Suite struct RepositoryScriptTests {
    @Test(arguments: [
        ("script/release --local \"$TAG_NAME\" --platform macos", true),
        ("FOO=1 tools/build.sh", true),
        ("set -e; scripts/check", true),
        ("sudo env CI=1 ci/run-tests", true),
        ("echo \"done; see docs/readme\"", false),
        ("cat <<EOF > config.yml\npaths/to: value\nEOF\necho ok", false),
        ("echo start \\\n  dist/file.zip", false),
        ("curl -sSf https://example.com/install.sh", false),
        ("/usr/bin/true", false),
        ("# scripts/old is gone", false),
        ("IFS=',' read -ra BRANCHES <<< \"$LIST\"\nscripts/rebase", true),
        ("cat <<\\EOF\nnot/a-command\nEOF\ntools/next", true),
        ("cat <<EOF\r\nnot/a-command\r\nEOF\r\ntools/next", true),
        (".gitlab-ci/run-test.sh 2>&1 | tee /tmp/test.log", true),
        ("../elsewhere/run", false),
    ])
    func relativePathCommands(script: String, runs: Bool) {
        #expect(ActionsKnowledge.runsRelativePath(script) == runs, "\(script)")
    }

    /// A repository script named for the tests or the build gives the job that role; one named
    /// otherwise, or a tool outside the repository, gives none.
    @Test(arguments: [
        (".gitlab-ci/run-test.sh 2>&1 | tee /tmp/nm-test.log", Job.Role.test),
        ("bash ci/integration_tests.sh --verbose", .test),
        ("CC=clang scripts/build.sh", .build),
        ("./tools/compile --release", .build),
        ("scripts/build.sh && ci/run-tests", .test),
    ])
    func aScriptNamedForTheTestsOrTheBuildGivesItsRole(script: String, role: Job.Role) {
        #expect(RepositoryScriptRole.role(of: [script]) == role, "\(script)")
    }

    @Test func aScriptNamedOtherwiseGivesNoRole() {
        for script in ["scripts/publish-docs.sh", "/usr/local/bin/build.sh", "echo tests/done", "curl https://example.com/build.sh", "latest/protest"] {
            #expect(RepositoryScriptRole.role(of: [script]) == nil, "\(script)")
        }
    }

    /// A GitLab job whose script is the repository's test script is a test job, and so the
    /// start of a hostile build dependency; the same job running a script named otherwise is not.
    @Test func aGitLabJobRunningTheTestScriptIsATestJob() throws {
        func role(_ script: String) throws -> Job.Role? {
            let repository = try ScratchRepository(files: [".gitlab-ci.yml": """
                t_fedora:
                  image: fedora:44
                  script:
                    - \(script)
                """])
            return try InputLoader.load(path: repository.root).model.jobs["t_fedora"]?.role
        }
        #expect(try role(".gitlab-ci/run-test.sh 2>&1 | tee /tmp/nm-test.log") == .test)
        #expect(try role(".gitlab-ci/notify.sh") == .other)
    }

    @Test func aJobThatRunsARepositoryScriptRunsRepositoryCode() {
        #expect(ActionsKnowledge.runsBuildTool("script/sign dist/gh_macOS.zip"))
        #expect(!ActionsKnowledge.runsBuildTool("echo hello/world"))
    }
}
