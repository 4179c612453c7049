@testable import FirebreakImport
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
    ])
    func relativePathCommands(script: String, runs: Bool) {
        #expect(ActionsKnowledge.runsRelativePath(script) == runs, "\(script)")
    }

    @Test func aJobThatRunsARepositoryScriptRunsRepositoryCode() {
        #expect(ActionsKnowledge.runsBuildTool("script/sign dist/gh_macOS.zip"))
        #expect(!ActionsKnowledge.runsBuildTool("echo hello/world"))
    }
}
