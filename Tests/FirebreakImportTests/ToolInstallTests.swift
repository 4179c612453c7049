import FirebreakEngine
import FirebreakImport
import FirebreakModel
import FirebreakPatch
import FirebreakReport
import FirebreakTestSupport
import Testing

/// A tool a script installs from a registry by name runs whatever its publishers released last:
/// a step of the job that their account's new owner controls, unless the script names an
/// exact version, which registries keep as published.
@Suite struct ToolInstallTests {
    /// The package steps of the GitHub job that runs `script` with a secret, by what they install.
    static func installed(_ script: String) throws -> (model: PipelineModel, pins: [String: PinState]) {
        let repository = try ScratchRepository(files: [".github/workflows/ci.yml": """
            on: {push: {branches: [main]}}
            permissions: {contents: read}
            jobs:
              start:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@0123456789abcdef0123456789abcdef01234567
                  - run: |
            \(script.split(separator: "\n", omittingEmptySubsequences: false).map { "          " + $0 }.joined(separator: "\n"))
                    env: {CI_TOKEN: "${{ secrets.CI_TOKEN }}"}
            """])
        let model = try InputLoader.load(path: repository.root).model
        let steps = try #require(model.jobs["ci/start"]).steps.filter { $0.kind == .package }
        return (model, Dictionary(uniqueKeysWithValues: steps.map { ($0.uses, $0.pin) }))
    }

    /// A range moves with each version published inside it, not to "whatever is latest".
    @Test func aVersionRangeIsSaidToBeOne() throws {
        let (model, pins) = try Self.installed("pip install 'awscli<1.37.0'\nnpm install npm@11 -g")
        #expect(pins == ["pip:awscli": .range, "npm:npm": .range])
        let result = try Examples.run("compromised-third-party-action", on: model)
        let start = try #require(result.facts.derivation(of: Fact(.exec, NodeID(.job, "ci/start"))))
        #expect(start.why.hasSuffix("'pip:awscli' is pinned to a version range (the newest inside it) in job 'ci/start'"), "\(start.why)")
    }

    /// A version the job's matrix gives is the matrix's: one value, or full versions only, pins
    /// the tool in every run; values that differ in kind leave it unread.
    @Test func aVersionFromTheMatrixIsTheMatrixs() throws {
        func pin(_ values: String) throws -> PinState? {
            let repository = try ScratchRepository(files: [".github/workflows/lint.yml": """
                on: {push: {branches: [main]}}
                permissions: {contents: read}
                jobs:
                  rust:
                    runs-on: ubuntu-latest
                    strategy:
                      matrix:
                        raze: \(values)
                    steps:
                      - run: cargo install cargo-raze --version ${{ matrix.raze }} --locked
                """])
            let model = try InputLoader.load(path: repository.root).model
            return model.jobs["lint/rust"]?.steps.first { $0.uses == "cargo:cargo-raze" }?.pin
        }
        #expect(try pin("['0.16.1']") == .digest)
        #expect(try pin("['0.16.1', '0.16.0']") == .digest)
        #expect(try pin("['0.16.1', '^0.16']") == PinState.none, "one value is a requirement: not read")
    }

    @Test func toolsInstalledByNameAreStepsTheirPublishersControl() throws {
        let (model, pins) = try Self.installed("""
            npm install -g @node-core/utils
            sudo pip install --upgrade pip twine
            python -m pip install "black[jupyter]>=24"
            cargo install cargo-deny
            go install golang.org/x/vuln/cmd/govulncheck@latest
            npm i -g npm@latest
            gem install bundler

            uvx ruff check .
            pip install "numpy==2.0.*" --index-url https://download.example.org/whl
            .\\uv.exe pip install anyio
            ./uv --directory tools pip install nox
            uv tool run --with keyrings.alt twine check
            go run golang.org/x/tools/cmd/stringer@main
            go get github.com/dvyukov/go-fuzz/go-fuzz-dep@latest
            npm install -g @angular/cli@^17
            """)
        #expect(pins == ["npm:@node-core/utils": PinState.none, "pip:pip": .none, "pip:twine": .none, "pip:black": .range, "npm:@angular/cli": .range,
                         "cargo:cargo-deny": .none, "go:golang.org/x/vuln/cmd/govulncheck": .none, "npm:npm": .tag,
                         "gem:bundler": .none, "pip:ruff": .none, "pip:numpy": .range, "pip:anyio": .none, "pip:nox": .none,
                         "pip:keyrings.alt": .none, "go:golang.org/x/tools/cmd/stringer": .branch,
                         "go:github.com/dvyukov/go-fuzz/go-fuzz-dep": .none])
        // A compromised release of one of them runs in the job, which holds the secret.
        let result = try Examples.run("compromised-third-party-action", on: model)
        #expect(result.reached.contains { $0.node == NodeID(.secret, "CI_TOKEN") })
        // Each at its own place, blank lines counted: the weakness list names each.
        let steps = try #require(model.jobs["ci/start"]).steps.filter { $0.kind == .package }
        func place(_ uses: String) -> String { steps.first { $0.uses == uses }.map { "\($0.location.line):\($0.location.column)" } ?? "none" }
        #expect(place("npm:@node-core/utils") == "9:26")
        #expect(place("pip:pip") == "10:38" && place("pip:twine") == "10:42")
        #expect(place("pip:ruff") == "17:15")
        #expect(Set(model.allWeaknesses.filter { $0.kind == .unpinnedUses }.map(\.location)).count == steps.count)
        let weaknesses = model.allWeaknesses.filter { $0.kind == .unpinnedUses }.map(\.detail)
        #expect(weaknesses.contains("'npm:@node-core/utils' is installed at its newest version as the job runs, not at an exact version"))
        #expect(weaknesses.contains("'npm:npm' is installed at a tag its publishers move, not at an exact version"))
    }

    @Test func anExactVersionAndTheRepositorysOwnDependenciesAreNot() throws {
        // The control: exact versions, manifests and lock files, local paths, archives, URLs and
        // names from variables or expressions.
        let (model, pins) = try Self.installed("""
            npm install -g @node-core/utils@5.16.2
            pip install twine==5.1.1 -r requirements-${{ matrix.backend }}.txt --progress-bar off
            pip install -e . ./tools dist/*.whl git+https://github.com/acme/lib "$EXTRA"
            pip install --group tests --editable .[all]
            npm ci
            npm install
            cargo install --locked cargo-deny@0.16.1
            go install golang.org/x/vuln/cmd/govulncheck@v1.1.3
            go install ./cmd/...
            go get -u ./...
            gem install bundler -v 2.5.6
            uvx ruff@0.8.4 check
            pip install "keyring == 25.5.0"
            """)
        #expect(pins.values.allSatisfy { $0 == .digest }, "\(pins)")
        #expect(Set(pins.keys) == ["npm:@node-core/utils", "pip:twine", "cargo:cargo-deny", "go:golang.org/x/vuln/cmd/govulncheck",
                                   "gem:bundler", "pip:ruff", "pip:keyring"])
        let result = try Examples.run("compromised-third-party-action", on: model)
        #expect(result.footholds.isEmpty)
    }

    @Test func aConstraintsFileIsNotOpenedAndSaidSo() throws {
        let (model, pins) = try Self.installed("pip install -c constraints.txt pytest")
        #expect(pins == ["pip:pytest": PinState.none])
        let assumption = try #require(model.assumptions.first { $0.subject == NodeID(.step, "ci/start/pip:pytest") })
        #expect(assumption.statement.contains("constraints in 'constraints.txt', which this reading does not open"))
        // The control: an exact version needs no constraints file.
        let (pinned, _) = try Self.installed("pip install -c constraints.txt pytest==8.3.4")
        #expect(!pinned.assumptions.contains { $0.subject == NodeID(.step, "ci/start/pip:pytest") })
    }

    @Test func aGitLabScriptLineInstallsAtItsLine() throws {
        let repository = try ScratchRepository(files: [".gitlab-ci.yml": """
            publish:
              script:
                - pip install twine
                - twine upload dist/*
            """])
        let model = try InputLoader.load(path: repository.root).model
        let step = try #require(model.jobs["publish"]?.steps.first { $0.kind == .package })
        #expect(step.uses == "pip:twine" && step.pin == PinState.none)
        #expect(step.location.line == 3 && step.location.column == 19)
    }

    @Test func aGitLabInstallerNamedByAVariableIsRead() throws {
        // The file's own variable holds the installer and its options; the project's settings
        // may hold more, which are not read.
        let repository = try ScratchRepository(files: [".gitlab-ci.yml": """
            variables:
              pip: pip3 --timeout 100 --retries 10
            audit:
              script:
                - $pip install safety
                - safety check --key "$SAFETY_API_KEY"
                - $pip install bandit==1.8.0
            """])
        let model = try InputLoader.load(path: repository.root).model
        let steps = try #require(model.jobs["audit"]).steps.filter { $0.kind == .package }
        #expect(steps.map(\.uses) == ["pip:safety", "pip:bandit"])
        #expect(steps.first?.pin == PinState.none && steps.last?.pin == .digest)
        #expect(steps.first?.location.line == 5)
    }

    @Test func aReachOnlyAnExactVersionCutsIsLeftToTheReader() throws {
        // A publishing job that pins its actions and installs its release tool by name.
        let repository = try ScratchRepository(files: [".github/workflows/release.yml": """
            on: {push: {tags: ["v*"]}}
            permissions: {contents: read}
            jobs:
              publish:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@0123456789abcdef0123456789abcdef01234567
                  - run: pip install twine
                  - run: twine upload dist/*
                    env: {TWINE_PASSWORD: "${{ secrets.PYPI_TOKEN }}"}
            """])
        let model = try InputLoader.load(path: repository.root).model
        let scenarios = try Examples.library().scenarios.filter { $0.id == "compromised-third-party-action" }
        let writer = PatchWriter(model: model, input: .repository(root: repository.root, context: nil))
        #expect(!writer.canWrite(ModelChange(.pinStep, NodeID(.step, "release/publish/pip:twine"))), "no patch edits a script")
        let advice = FixAdvisor(model: model, scenarios: scenarios, keeps: [], writable: { writer.canWrite($0) }, written: nil).advise()
        let text = FixReport(model: model, advice: advice, diff: "", byHand: []).text()
        #expect(text.contains("only changes made by hand cut it (settings, or edits no patch writes): install an exact version of 'pip:twine'"),
                "\(text)")
        #expect(!text.contains("only settings"))
    }

    @Test func theAdvisorAsksForAnExactVersionAndLeavesTheScriptToTheReader() throws {
        let change = ModelChange(.pinStep, NodeID(.step, "ci/start/npm:@node-core/utils"))
        #expect(ChangeWording.sentence(change)
                == "install an exact version of 'npm:@node-core/utils' in job 'ci/start' (a version is fixed once published)")
    }
}
