import FirebreakEngine
@testable import FirebreakImport
import FirebreakModel
import FirebreakTestSupport
import Testing

/// A downloaded artifact is run when a command is a file inside it, when a build tool or
/// interpreter is asked to run or install something inside it, or when the script enters it
/// and builds; a command that is only handed it as data (an upload, a coverage tool) does not
/// run it, whatever else the script runs.
@Suite struct DownloadRunTests {
    @Test(arguments: [
        "./dist/tool --version", "bash dist/run.sh", "pip install dist/app-1.0-py3-none-any.whl", "uv run python dist/check.py",
        "cd dist && make install", "sudo java -jar dist/app.jar", "python -m pip install dist/*.whl", "tar xzf app.tgz\nchmod +x dist/app; dist/app", "chmod +x dist/tool",
    ])
    func aScriptThatRunsTheDownloadRunsIt(script: String) {
        #expect(ActionsKnowledge.runsDownload(namedAnyOf: ["dist"], in: script))
    }

    @Test(arguments: [
        "uv run smokeshow upload dist", "go tool covdata textfmt -i=dist/server -o out.txt", "aws s3 cp --recursive \\\n  dist/ \\\n  s3://bucket/\nmake check",
        "cd dist && ls", "echo dist; npm test", "cat <<EOF\n./dist/tool\nEOF\nmake", "./scripts/redistribute.sh", "bash distribute.sh",
    ])
    func aScriptThatReadsTheDownloadAsDataDoesNotRunIt(script: String) {
        #expect(!ActionsKnowledge.runsDownload(namedAnyOf: ["dist"], in: script))
    }

    /// A job that turns downloaded coverage into a report with the Go toolchain and uploads it
    /// reads the coverage as data: a compromised producer does not run code in it (nor reach
    /// the analysis token it holds), where one that runs a downloaded tool does.
    @Test func coverageReadByGoToolsIsDataAndADownloadedToolRuns() throws {
        func analyze(_ script: String) throws -> Job.Consumption.Use? {
            let repository = try ScratchRepository(files: [".github/workflows/ci.yml": """
                on: {push: {branches: [main]}}
                permissions: {contents: read}
                jobs:
                  e2e:
                    runs-on: ubuntu-latest
                    steps:
                      - run: make e2e
                      - uses: actions/upload-artifact@0123456789abcdef0123456789abcdef01234567
                        with: {name: e2e-coverage, path: cover}
                  analyze:
                    needs: e2e
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/download-artifact@0123456789abcdef0123456789abcdef01234567
                        with: {name: e2e-coverage, path: e2e-coverage}
                      - run: \(script)
                        env: {SONAR_TOKEN: "${{ secrets.SONAR_TOKEN }}"}
                """])
            return try InputLoader.load(path: repository.root).model.jobs["ci/analyze"]?.consumes.first?.use
        }
        #expect(try analyze("go tool covdata textfmt -i=e2e-coverage/server -o report.out") == .data)
        #expect(try analyze("./e2e-coverage/merge-tool report.out") == .run)
        #expect(try analyze("tar -xzf e2e-coverage/site.tgz -C site && git -C site add .") == .run, "unpacked where git runs")
    }

    /// A download whose folder the job puts on PATH (`GITHUB_PATH`, before or after the
    /// download) runs: later commands resolve to its files first. Listing the folder does not;
    /// nor does putting another folder, or the whole workspace, on PATH.
    @Test func aDownloadFolderOnThePathRuns() throws {
        func use(_ before: String, _ after: String, path: String = "${{ env.BIN_OUT }}") throws -> Job.Consumption.Use? {
            let repository = try ScratchRepository(files: [".github/workflows/ci.yml": """
                on: {push: {branches: [main]}}
                permissions: {contents: read}
                jobs:
                  build:
                    runs-on: windows-latest
                    steps:
                      - run: make
                      - uses: actions/upload-artifact@0123456789abcdef0123456789abcdef01234567
                        with: {name: binaries, path: out}
                  test:
                    needs: build
                    runs-on: windows-latest
                    env: {BIN_OUT: "${{ github.workspace }}/out"}
                    steps:
                      - run: \(before)
                      - uses: actions/download-artifact@0123456789abcdef0123456789abcdef01234567
                        with: {name: binaries, path: "\(path)"}
                      - run: \(after)
                """])
            return try InputLoader.load(path: repository.root).model.jobs["ci/test"]?.consumes.first?.use
        }
        let onPath = #"Write-Output "${{ env.BIN_OUT }}" | Out-File -FilePath $env:GITHUB_PATH -Append"#
        #expect(try use(onPath, "docker version") == .run, "put on PATH before the download")
        #expect(try use("echo start", onPath) == .run, "put on PATH after it")
        #expect(try use("echo start", "echo \"bin\" >> \"$GITHUB_PATH\"", path: "bin/") == .run, "a plain folder, with its slash")
        #expect(try use("echo start", "ls ${{ env.BIN_OUT }}") == .data)
        #expect(try use("echo start", #"Write-Output "${{ env.BIN_OUT }}2" | Out-File -FilePath $env:GITHUB_PATH -Append"#) == .data)
        #expect(try use("echo start", "echo \"${{ github.workspace }}\" >> $GITHUB_PATH", path: "${{ github.workspace }}") == .data)
        #expect(try use("echo start", "echo \"${{ github.workspace }}\" >> $GITHUB_PATH", path: "${{ github.workspace }}/") == .data, "with its slash too")
    }

    /// An archive from the download unpacked into a folder where git then runs brings its own
    /// `.git/config` or hooks, which git runs (`core.fsmonitor` on `git add`, a hook on a commit).
    @Test(arguments: [
        "git -C site rm 'manual/*.md' || true\ntar -xzvf linux/manual.tar.gz -C site\ngit -C site add 'manual/*.md'",
        "unzip -o linux/site.zip -d site\ncd site\ngit commit -m update", "tar xzf linux/docs.tgz --directory=site && git -C site status",
        "tar -xf linux/tree.tar\ngit add -A", "pushd site\ntar -xzf ../linux/manual.tar.gz\ngit commit -m x",
        "tar -xzf linux/manual.tar.gz -C site\ngit -C site/docs status", "tar -xzf linux/manual.tar.gz\ngit -C site add .",
    ])
    func anArchiveUnpackedWhereGitRunsRunsIt(script: String) {
        #expect(GitTreeUnpacking.gitTree(unpackedFrom: ["linux"], in: script) != nil)
    }

    @Test(arguments: [
        "tar -tzvf linux/manual.tar.gz\ngit -C site add .", "tar -xzf linux/manual.tar.gz -C docs\ngit -C site commit -m x",
        "tar -czf linux/manual.tar.gz -C site .\ngit -C site add .", "tar -xzf other/manual.tar.gz -C site\ngit -C site add .",
        "git -C site add .\ntar -xzf linux/manual.tar.gz -C site", "unzip other.zip -d linux/site\ngit -C linux/site add .",
    ])
    func anArchiveUnpackedWhereGitDoesNotRunIsData(script: String) {
        #expect(GitTreeUnpacking.gitTree(unpackedFrom: ["linux"], in: script) == nil)
    }

    /// A download without `name:` puts each artifact in a folder of its name (actions/download-artifact
    /// README): a script that runs what one folder holds runs that artifact, not the others; with
    /// `merge-multiple: true` the artifacts share one folder, and no folder names one of them.
    /// A compromised build whose archive the release unpacks into the site it commits runs code
    /// in the release, with its secrets.
    @Test func eachArtifactInItsOwnFolderRunsWhenItsFolderDoes() throws {
        func release(_ download: String) throws -> (model: PipelineModel, uses: [String: Job.Consumption.Use]) {
            let repository = try ScratchRepository(files: [".github/workflows/deploy.yml": """
                on: {workflow_dispatch: {}}
                permissions: {contents: read}
                jobs:
                  linux:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@0123456789abcdef0123456789abcdef01234567
                      - run: make manual
                      - uses: actions/upload-artifact@0123456789abcdef0123456789abcdef01234567
                        with: {name: linux, path: dist/manual.tar.gz}
                  macos:
                    runs-on: macos-latest
                    steps:
                      - uses: actions/checkout@0123456789abcdef0123456789abcdef01234567
                      - run: make dmg
                      - uses: actions/upload-artifact@0123456789abcdef0123456789abcdef01234567
                        with: {name: macos, path: dist/app.dmg}
                  release:
                    needs: [linux, macos]
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/download-artifact@0123456789abcdef0123456789abcdef01234567
                        \(download)
                      - uses: actions/checkout@0123456789abcdef0123456789abcdef01234567
                        with: {repository: example/site, path: site, token: "${{ secrets.SITE_TOKEN }}"}
                      - run: |
                          tar -xzvf linux/manual.tar.gz -C site
                          git -C site add manual
                          git -C site commit -m "manual"
                """])
            let model = try InputLoader.load(path: repository.root).model
            let uses = Dictionary(model.jobs["deploy/release"]?.consumes.map { ($0.artifact.name, $0.use) } ?? [], uniquingKeysWith: { $1 })
            return (model, uses)
        }
        let folders = try release("with: {}")
        #expect(folders.uses == ["deploy/linux": .run, "deploy/macos": .data])
        let result = try Examples.run("compromised-build-step", on: folders.model)
        #expect(result.footholds.contains(Fact(.exec, NodeID(.job, "deploy/linux"))))
        #expect(result.reaches("exec job:deploy/release"))
        #expect(result.reaches("read secret:SITE_TOKEN"))
        let hop = try #require(result.facts.derivation(of: Fact(.exec, NodeID(.job, "deploy/release"))))
        #expect(hop.rule == "artifact-execution" && hop.why.contains("unpacks an archive of it into 'site', where git then runs"), "\(hop.why)")
        let merged = try release("with: {merge-multiple: true}")
        #expect(merged.uses == ["deploy/linux": .data, "deploy/macos": .data], "the control: one folder for all, which `linux/` is not")
    }

    /// GitLab restores an earlier job's artifacts into a later job's project folder at their
    /// paths (GitLab Docs, *Job artifacts*): a job that installs or runs what they hold, or unpacks
    /// an archive of them where git runs, runs the earlier job's code; one that uploads them does not.
    @Test func aGitLabJobThatRunsAnEarlierJobsArtifactsRunsIt() throws {
        func release(_ script: String) throws -> Job.Consumption.Use? {
            let repository = try ScratchRepository(files: [".gitlab-ci.yml": """
                stages: [build, release]
                build:
                  stage: build
                  script: [make wheel]
                  artifacts: {paths: ["dist/*.whl", build/]}
                release:
                  stage: release
                  script: ["\(script)", "twine upload --repository pypi dist/*"]
                  rules: [{if: $CI_COMMIT_TAG}]
                """])
            return try InputLoader.load(path: repository.root).model.jobs["release"]?.consumes.first { $0.artifact.name == "build artifacts" }?.use
        }
        #expect(try release("pip install dist/tool-1.0-py3-none-any.whl") == .run)
        #expect(try release("meson install -C build") == .run, "a tool handed the artifact's folder")
        #expect(try release("tar -xzf build/site.tgz -C site && git -C site add .") == .run, "unpacked where git runs")
        #expect(try release("ls dist") != .run, "the control: listed, then uploaded")
        // A command run inside a D-Bus session, on a virtual display or under a time limit is
        // still the command run.
        #expect(try release("dbus-run-session -- meson test -C build --timeout-multiplier 5") == .run)
        #expect(try release("xvfb-run -a ./build/tests/app-test") == .run)
        #expect(try release("timeout -k 10 600 ./build/tool --check") == .run)
        #expect(try release("timeout 600 ls build") != .run, "the control: the time limit's command only lists it")
    }
}

/// The command a wrapper runs is found where the wrapper's options and operands end.
@Suite struct CommandWrapperTests {
    /// The words of `script` that start a command.
    private func commands(_ script: String) -> [String] {
        let words = ShellWords(script)
        return words.words.indices.filter { words.startsCommand[$0] }.map { String(words.words[$0]) }
    }

    @Test func theWrappedCommandStartsACommand() {
        #expect(commands("dbus-run-session -- meson test -C build") == ["dbus-run-session", "meson"])
        #expect(commands("xvfb-run -a -n 99 ./app") == ["xvfb-run", "./app"])
        #expect(commands("timeout --signal KILL 600 ./tool") == ["timeout", "./tool"], "the duration is no command")
        #expect(commands("nice -n 10 make install") == ["nice", "make"])
        #expect(commands("stdbuf -oL ./run.sh") == ["stdbuf", "./run.sh"])
        #expect(commands("echo timeout 600 ./tool") == ["echo"], "the control: a wrapper's name as an argument runs nothing")
    }

    @Test func aCommandIsFoundPastAssignmentsAndWrappers() {
        func command(_ text: String) -> String? {
            let words = text.split(separator: " ")
            return ShellCommands.commandPlace(in: words).map { String(words[$0]) }
        }
        #expect(command("sudo -u ci env CI=1 ./build/tool") == "./build/tool")
        #expect(command("xvfb-run -a dbus-run-session -- gjs test.js") == "gjs")
        #expect(command("timeout 600 make check") == "make")
        #expect(command("command -v yarn") == "command", "asks where yarn is: yarn does not run")
        #expect(command("sudo") == "sudo")
    }
}
