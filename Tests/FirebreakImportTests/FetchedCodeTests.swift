import FirebreakEngine
import FirebreakImport
import FirebreakModel
import FirebreakReport
import FirebreakTestSupport
import Testing

/// Code a script downloads into a shell or clones and builds is third-party code the job runs:
/// whoever controls the URL controls it, unless the script pins a full commit.
@Suite struct FetchedCodeTests {
    static func model(_ script: String) throws -> PipelineModel {
        let repository = try ScratchRepository(files: [
            ".gitlab-ci.yml": """
                sign:
                  stage: build
                  script:
                \(script.split(separator: "\n").map { "    - " + $0 }.joined(separator: "\n"))
                """,
            "firebreak.context.yml": "firebreak: 1\nrepository: {name: acme/app, visibility: private}\n",
        ])
        return try InputLoader.load(path: repository.root).model
    }

    static func fetched(_ model: PipelineModel) -> [String: PinState] {
        Dictionary(uniqueKeysWithValues: model.jobs["sign"]!.steps.filter { $0.kind == .script }.map { ($0.uses, $0.pin) })
    }

    @Test func aClonedToolAndAPipedInstallerAreThirdPartyCodeTheJobRuns() throws {
        let model = try Self.model("""
            git clone --depth 1 https://github.com/someone/android-builder.git builder
            curl -sSf https://sh.example.dev/install.sh | sudo bash -s --
            ./builder/build --release
            """)
        #expect(Self.fetched(model) == ["https://github.com/someone/android-builder.git": PinState.none,
                                         "https://sh.example.dev/install.sh": PinState.none])
        let result = try Examples.run("compromised-third-party-action", on: model)
        #expect(result.footholds.contains(Fact(.exec, NodeID(.job, "sign"))))
    }

    @Test func theAdviceFixesWhatIsFetchedWhereAURLHasNoCommitToPin() throws {
        let model = try Self.model("curl -sSf https://sh.example.dev/install.sh | sudo bash -s --")
        let step = try #require(model.jobs["sign"]!.steps.first { $0.kind == .script })
        let sentence = ChangeWording.sentence(ModelChange(.pinStep, step.id))
        #expect(sentence.hasPrefix("fetch 'https://sh.example.dev/install.sh' in job 'sign' at a fixed revision"), "\(sentence)")
        #expect(!sentence.contains("by full commit or digest"))
    }

    @Test func aCommitPinnedFetchTheRepositorysOwnCloneAndAVariableURLAreNot() throws {
        let model = try Self.model("""
            git clone https://github.com/someone/android-builder.git builder
            git -C builder checkout 0123456789abcdef0123456789abcdef01234567
            make -C builder
            curl -fsSL https://raw.githubusercontent.com/someone/tools/89abcdef0123456789abcdef0123456789abcdef/install.sh | sh
            git clone https://gitlab.com/acme/app.git again
            git clone $CI_REPOSITORY_URL copy
            echo installing
            """)
        #expect(Self.fetched(model) == ["https://github.com/someone/android-builder.git": .digest,
                                         "https://raw.githubusercontent.com/someone/tools/89abcdef0123456789abcdef0123456789abcdef/install.sh": .digest])
        let result = try Examples.run("compromised-third-party-action", on: model)
        #expect(!result.footholds.contains(Fact(.exec, NodeID(.job, "sign"))))
    }

    /// A clone the job only reads (test data kept as an artifact, a bare mirror, one a remote
    /// machine makes) runs nothing here; a downloaded script run afterwards does.
    @Test func aCloneOnlyReadIsNotCodeTheJobRunsButADownloadedScriptRunLaterIs() throws {
        let model = try Self.model("""
            git clone https://gitlab.com/someone/test-data tmp/test-data
            git clone --bare https://github.com/someone/mirror.git
            ssh builder@vm "git clone https://github.com/someone/remote-tool && cd remote-tool && make"
            wget https://gitlab.com/someone/tools/-/raw/master/scripts/trigger-build.rb
            ./trigger-build.rb docs deploy
            git clone https://github.com/someone/lib.git && cd lib && ./configure && make install
            """)
        #expect(Self.fetched(model) == ["https://gitlab.com/someone/tools/-/raw/master/scripts/trigger-build.rb": PinState.none,
                                         "https://github.com/someone/lib.git": PinState.none])
    }

    /// Short options come clustered: `curl -sSLO URL` saves under the URL's name and
    /// `curl -sSLo file URL` under `file`; a script run from either is fetched code.
    @Test func aDownloadWithClusteredOptionsThenRunIsFetchedCode() throws {
        let model = try Self.model("""
            curl -sSLO https://raw.githubusercontent.com/someone/tools/master/linkcheck.sh
            sh linkcheck.sh --all
            curl -fsSLo setup.sh https://example.com/setup.sh
            bash setup.sh
            curl -sSLO https://example.com/data.json
            """)
        #expect(Self.fetched(model) == ["https://raw.githubusercontent.com/someone/tools/master/linkcheck.sh": PinState.none,
                                         "https://example.com/setup.sh": PinState.none], "data.json is downloaded, never run")
    }

    /// A URL whose path names a version (`/v1.35.3/`, `/0.10.8/`) is that version, which its
    /// publisher can still replace: pinned by tag, not "whatever is latest".
    @Test func aDownloadWhosePathNamesAVersionIsPinnedByTag() throws {
        let model = try Self.model("""
            curl -LsSf https://astral.sh/uv/0.10.8/install.sh | sh
            curl -sSLO https://dl.k8s.io/release/v1.35.3/bin/linux/amd64/kubectl && chmod +x kubectl && ./kubectl version
            curl -fsSL https://example.com/v1/install.sh | bash
            """)
        #expect(Self.fetched(model) == ["https://astral.sh/uv/0.10.8/install.sh": .tag,
                                         "https://dl.k8s.io/release/v1.35.3/bin/linux/amd64/kubectl": .tag,
                                         "https://example.com/v1/install.sh": PinState.none], "a lone major number is no version named")
    }

    /// A download read as data (`| python3 -c`, `| jq`), a fallback after `||`, and a commit
    /// checked out in another clone's folder pin or run nothing.
    @Test func dataReadersFallbacksAndAnotherClonesPinAreNotMistaken() throws {
        let model = try Self.model("""
            curl -s https://api.github.com/repos/someone/tool/releases/latest | python3 -c "import json,sys; print(json.load(sys.stdin))"
            curl -fsSL https://example.com/a.tgz -o a.tgz || bash scripts/fallback.sh
            git clone https://github.com/someone/good.git pinned && git -C pinned checkout 0123456789abcdef0123456789abcdef01234567
            git clone https://github.com/someone/evil.git tool && make -C tool
            make -C pinned
            """)
        #expect(Self.fetched(model) == ["https://github.com/someone/good.git": .digest, "https://github.com/someone/evil.git": PinState.none])
    }

    /// `pushd` enters the clone as `cd` does (GnuTLS builds nettle's master branch this way);
    /// after `popd` the job's own scripts run, not the clone's.
    @Test func aCloneEnteredWithPushdAndBuiltRuns() throws {
        let entered = try Self.model("""
            git clone --depth 1 --branch $LIB_BRANCH https://gitlab.com/someone/lib.git lib-git
            pushd lib-git
            ./.bootstrap
            popd
            """)
        #expect(Self.fetched(entered) == ["https://gitlab.com/someone/lib.git": .branch], "a branch: whoever pushes to it changes the code")
        let left = try Self.model("""
            git clone https://gitlab.com/someone/data.git data-git
            pushd data-git
            popd
            ./configure
            """)
        #expect(Self.fetched(left).isEmpty, "\(Self.fetched(left))")
    }

    /// `git clone --revision` checks out one revision: a full commit written there pins the
    /// clone; one a variable names (read from a file the import does not evaluate) is taken to
    /// move, and the foothold says it assumes so.
    @Test func aCloneAtARevisionIsPinnedOnlyByAFullCommitWrittenThere() throws {
        let written = try Self.model("""
            git clone --revision=0123456789abcdef0123456789abcdef01234567 --depth 1 https://github.com/someone/ui.git
            pushd ui && pnpm install && popd
            """)
        #expect(Self.fetched(written) == ["https://github.com/someone/ui.git": .digest])
        let variable = try Self.model("""
            git clone --revision=${UI_COMMIT} --depth 1 https://github.com/someone/ui.git
            pushd ui && pnpm install && popd
            """)
        #expect(Self.fetched(variable) == ["https://github.com/someone/ui.git": .branch])
        let result = try Examples.run("compromised-third-party-action", on: variable)
        let start = try #require(result.facts.derivation(of: Fact(.exec, NodeID(.job, "sign"))))
        #expect(start.caveats.contains { $0.hasPrefix("assumed: the script clones 'https://github.com/someone/ui.git' at '${UI_COMMIT}', a variable") },
                "\(start.caveats)")
        // `--branch` names a branch or tag, which moves whatever the variable holds: nothing to assume.
        let branch = try Self.model("git clone --branch $UI_BRANCH https://github.com/someone/ui.git\npushd ui && pnpm install && popd")
        #expect(Self.fetched(branch) == ["https://github.com/someone/ui.git": .branch])
        #expect(branch.assumptions.allSatisfy { !$0.statement.contains("a variable whose value") })
    }

    /// The same in a GitHub workflow, whose steps are named for each job that uses them: the
    /// assumption is about the step the foothold starts from, and a quoted revision is one word.
    @Test func aGitHubCloneAtAVariableRevisionSaysItOnTheFoothold() throws {
        let repository = try ScratchRepository(files: [".github/workflows/ci.yml": """
            on: {push: {branches: [main]}}
            permissions: {contents: read}
            jobs:
              ui:
                runs-on: ubuntu-latest
                steps:
                  - run: |
                      git clone --revision="${UI_COMMIT}" --depth 1 https://github.com/someone/ui.git
                      pushd ui && pnpm install && popd
            """])
        let model = try InputLoader.load(path: repository.root).model
        let step = try #require(model.jobs["ci/ui"]?.steps.first { $0.uses == "https://github.com/someone/ui.git" })
        #expect(step.pin == .branch)
        #expect(model.assumptions.contains { $0.subject == step.id && $0.statement.contains("a variable whose value") }, "\(model.assumptions)")
        let result = try Examples.run("compromised-third-party-action", on: model)
        let start = try #require(result.facts.derivation(of: Fact(.exec, NodeID(.job, "ci/ui"))))
        #expect(start.caveats.contains { $0.hasPrefix("assumed: the script clones 'https://github.com/someone/ui.git' at '${UI_COMMIT}'") }, "\(start.caveats)")
    }

    /// A command a variable names (`$builder build`, its value set from a string the reading
    /// takes as data) run inside a clone is taken to run the clone's code, and the foothold says
    /// so; a wrapper's name inside that string (`export builder="sudo ..."`) is no command.
    @Test func aCommandAVariableNamesInsideACloneIsTakenToRunItAndSaysSo() throws {
        let model = try Self.model("""
            git clone --depth 1 https://gitlab.com/someone/recipes.git
            cd recipes
            export builder="sudo --preserve-env --user ci env HOME=/home/ci tool"
            $builder build --latest app
            """)
        #expect(Self.fetched(model) == ["https://gitlab.com/someone/recipes.git": PinState.none], "its default branch")
        let result = try Examples.run("compromised-third-party-action", on: model)
        let start = try #require(result.facts.derivation(of: Fact(.exec, NodeID(.job, "sign"))))
        #expect(start.caveats.contains { $0.hasPrefix("assumed: the script runs `$builder` inside its clone of 'https://gitlab.com/someone/recipes.git'") },
                "\(start.caveats)")
        let outside = try Self.model("""
            git clone --depth 1 https://gitlab.com/someone/recipes.git
            ls recipes
            $builder build --latest app
            """)
        #expect(Self.fetched(outside).isEmpty, "the control: the variable's command runs outside the clone")
    }
}
