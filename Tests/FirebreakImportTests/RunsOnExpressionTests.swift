import FirebreakEngine
import FirebreakImport
import FirebreakModel
import FirebreakTestSupport
import Testing

/// `runs-on:` written as an expression takes the values the file gives it: a literal matrix, a
/// called workflow's input set by its caller or by its default. A value that names the
/// repository's own machines puts the job there; only an unknown value is assumed hosted.
@Suite struct RunsOnExpressionTests {
    static let called = """
        on:
          workflow_call:
            inputs:
              runner: {type: string, default: ubuntu-latest}
        permissions: {contents: read}
        jobs:
          test:
            runs-on: ${{ inputs.runner }}
            steps:
              - run: make test
        """

    static func model(caller: String) throws -> PipelineModel {
        let repository = try ScratchRepository(files: [".github/workflows/_job.yml": called, ".github/workflows/ci.yml": caller])
        return try InputLoader.load(path: repository.root).model
    }

    static func caller(_ with: String) -> String {
        """
        on: {pull_request: {}}
        permissions: {contents: read}
        jobs:
          linux:
            uses: ./.github/workflows/_job.yml
        \(with)
        """
    }

    @Test func anInputTheCallerSetsToAMachineLabelPutsTheJobOnThatMachine() throws {
        let model = try Self.model(caller: Self.caller("    with: {runner: linux.2xlarge}"))
        let runner = try #require(model.jobs["ci/linux/test"]?.runsOn?.name)
        #expect(model.runners[runner]?.hosting == .selfHosted)
        #expect(model.runners[runner]?.labels.contains("linux.2xlarge") == true)
        #expect(!model.assumptions.contains { $0.statement.contains("is an expression; assumed GitHub-hosted") })
    }

    @Test func aCallersMatrixGivesTheInputItsValuesAndAnUnknownValueIsNotTheDefault() throws {
        let matrix = try Self.model(caller: """
            on: {pull_request: {}}
            permissions: {contents: read}
            jobs:
              linux:
                strategy: {matrix: {runner_type: [linux.g5.4xlarge.nvidia.gpu]}}
                uses: ./.github/workflows/_job.yml
                with: {runner: "${{ matrix.runner_type }}"}
            """)
        let runner = try #require(matrix.jobs["ci/linux/test"]?.runsOn?.name)
        #expect(matrix.runners[runner]?.labels.contains("linux.g5.4xlarge.nvidia.gpu") == true)
        let unknown = try Self.model(caller: Self.caller("    with: {runner: \"${{ github.event.inputs.where }}\"}"))
        #expect(unknown.assumptions.contains { $0.statement.contains("runs-on '${{ inputs.runner }}'") && $0.statement.contains("assumed GitHub-hosted") },
                "the caller passes a value the files do not give: stated, not taken to be the default")
    }

    @Test func theInputsDefaultOrAHostedLabelIsGitHubHosted() throws {
        for with in ["", "    with: {runner: ubuntu-24.04}"] {
            let model = try Self.model(caller: Self.caller(with))
            let runner = try #require(model.jobs["ci/linux/test"]?.runsOn?.name)
            #expect(model.runners[runner]?.hosting == .hosted, "\(with)")
        }
    }

    @Test func aMatrixWithOneMachineOfItsOwnRunsThereAndAnUnknownValueIsAnAssumption() throws {
        let repository = try ScratchRepository(files: [".github/workflows/ci.yml": """
            on: {pull_request: {}}
            permissions: {contents: read}
            jobs:
              test:
                strategy: {matrix: {runner: [ubuntu-latest, macos-m1-stable]}}
                runs-on: ${{ matrix.runner }}
                steps: [{run: make test}]
              other:
                runs-on: ${{ github.event.inputs.where }}
                steps: [{run: make test}]
            """])
        let model = try InputLoader.load(path: repository.root).model
        let runner = try #require(model.jobs["ci/test"]?.runsOn?.name)
        #expect(model.runners[runner]?.hosting == .selfHosted)
        #expect(model.assumptions.contains { $0.statement.contains("runs-on '${{ github.event.inputs.where }}'") })
    }

    /// A runner group named by a matrix of mappings (`group: ${{ matrix.config.runner }}`) is
    /// the group it names, not an expression assumed GitHub-hosted.
    @Test func aGroupFromAMatrixOfMappingsIsThatGroup() throws {
        let repository = try ScratchRepository(files: [".github/workflows/ci.yml": """
            on: {pull_request: {}}
            permissions: {contents: read}
            jobs:
              test:
                strategy:
                  matrix:
                    config:
                      - {name: cpu, runner: aws-general-8}
                    include:
                      - config: {name: big, runner: aws-highmem-32}
                runs-on:
                  group: ${{ matrix.config.runner }}
                steps: [{run: make test}]
            """])
        let model = try InputLoader.load(path: repository.root).model
        let name = try #require(model.jobs["ci/test"]?.runsOn?.name)
        let runner = try #require(model.runners[name])
        #expect(runner.hosting == .selfHosted)
        #expect(runner.labels == ["group:aws-general-8", "group:aws-highmem-32"])
        #expect(!model.assumptions.contains { $0.statement.contains("is an expression") })
    }

    /// A whole runs-on from a matrix whose values are mappings (`runs-on: ${{ matrix.config.runner }}`
    /// with `runner: {group: aws-general-8-plus}`, as diffusers writes it) is the group they name.
    @Test func aRunsOnFromAMatrixOfGroupMappingsIsThatGroup() throws {
        func runner(_ value: String) throws -> (runner: Runner?, assumed: Bool) {
            let repository = try ScratchRepository(files: [".github/workflows/ci.yml": """
                on: {pull_request: {}}
                permissions: {contents: read}
                jobs:
                  test:
                    strategy:
                      matrix:
                        config:
                          - name: hub
                            runner: \(value)
                    runs-on: ${{ matrix.config.runner }}
                    steps: [{run: make test}]
                """])
            let model = try InputLoader.load(path: repository.root).model
            return (model.jobs["ci/test"]?.runsOn.flatMap { model.runners[$0.name] }, model.assumptions.contains { $0.statement.contains("is an expression") })
        }
        let group = try runner("{group: aws-general-8-plus}")
        #expect(group.runner?.hosting == .selfHosted)
        #expect(group.runner?.labels == ["group:aws-general-8-plus"])
        #expect(!group.assumed)
        let hosted = try runner("ubuntu-latest")
        #expect(hosted.runner?.hosting == .hosted, "a label the matrix gives as text is read as before")
    }

    /// A provider's label that carries an expression (RunsOn's `runs-on=${{ github.run_id }}`)
    /// still names the provider's machine, fresh per job, not an expression assumed GitHub-hosted.
    @Test func aProvidersLabelWithAnExpressionIsTheProviders() throws {
        let repository = try ScratchRepository(files: [".github/workflows/ci.yml": """
            on: {workflow_dispatch: {}}
            permissions: {contents: read}
            jobs:
              test:
                runs-on: ["runs-on=${{ github.run_id }}", runner=2cpu-linux-x64, image=ubuntu24-x64]
                steps: [{run: make test}]
            """])
        let model = try InputLoader.load(path: repository.root).model
        let runner = try #require(model.jobs["ci/test"]?.runsOn.flatMap { model.runners[$0.name] })
        #expect(runner.hosting == .hosted && runner.lifecycle == .ephemeral, "\(runner)")
        #expect(runner.name == "runs-on-hosted")
        #expect(!model.assumptions.contains { $0.statement.contains("is an expression") })
    }

    /// A condition that picks between literal labels takes either: the repository's own pool
    /// chosen when `github.repository` is the upstream's (as it is in a fork's pull request run)
    /// puts the job on that pool, where hosted labels on both sides keep it hosted. A side whose
    /// value is unknown leaves the labels unknown.
    @Test func aConditionThatPicksBetweenLabelsTakesEither() throws {
        func runner(_ runsOn: String) throws -> (runner: Runner?, assumed: Bool) {
            let repository = try ScratchRepository(files: [".github/workflows/ci.yml": """
                on: {pull_request: {}}
                permissions: {contents: read}
                jobs:
                  e2e:
                    runs-on: \(runsOn)
                    steps:
                      - run: make e2e
                """])
            let model = try InputLoader.load(path: repository.root).model
            let name = try #require(model.jobs["ci/e2e"]?.runsOn?.name)
            return (model.runners[name], model.assumptions.contains { $0.statement.contains("is an expression; assumed GitHub-hosted") })
        }
        let own = try runner("${{ github.repository == 'acme/app' && 'acme-gpu-16cpu' || 'ubuntu-24.04' }}")
        #expect(own.runner?.hosting == .selfHosted)
        #expect(own.runner?.labels.contains("acme-gpu-16cpu") == true)
        #expect(!own.assumed)
        let hosted = try runner("${{ github.event_name == 'push' && 'ubuntu-24.04' || 'ubuntu-22.04' }}")
        #expect(hosted.runner?.hosting == .hosted)
        #expect(!hosted.assumed)
        let unknown = try runner("${{ vars.RUNNER || 'ubuntu-latest' }}")
        #expect(unknown.assumed)
    }

    /// An input its caller sets from an expression has no known value: `inputs.runner ||
    /// 'ubuntu-latest'` may be any machine, and is assumed hosted with the assumption said,
    /// not taken as the hosted fallback alone.
    @Test func anInputSetFromAnExpressionLeavesTheFallbackUnknown() throws {
        let repository = try ScratchRepository(files: [
            ".github/workflows/_e2e.yml": """
                on: {workflow_call: {inputs: {runner: {type: string}}}}
                permissions: {contents: read}
                jobs:
                  e2e:
                    runs-on: ${{ inputs.runner || 'ubuntu-latest' }}
                    steps:
                      - run: make e2e
                """,
            ".github/workflows/ci.yml": """
                on: {pull_request: {}}
                permissions: {contents: read}
                jobs:
                  e2e:
                    uses: ./.github/workflows/_e2e.yml
                    with: {runner: "${{ vars.E2E_RUNNER }}"}
                """,
        ])
        let model = try InputLoader.load(path: repository.root).model
        #expect(model.assumptions.contains { $0.statement.contains("is an expression; assumed GitHub-hosted") })
    }
}

