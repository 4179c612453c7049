import FirebreakEngine
import FirebreakImport
import FirebreakModel
import FirebreakReport
import FirebreakTestSupport
import Foundation
import Testing

/// What the GitHub semantics change on real repositories of `../shared/corpus`: the false
/// alarms a reviewer found are gone and nothing is dropped. Skipped when the corpus is absent.
@Suite(.enabled(if: PackagePaths.sharedCorpus != nil, "../shared/corpus is not beside this checkout"))
struct CorpusSemanticsTests {
    static func repository(_ name: String) throws -> String {
        "\(try #require(PackagePaths.sharedCorpus))/\(name)"
    }

    @Test func aJobTokensPushToASideBranchStartsNothingInGhaHazmat() throws {
        let model = try InputLoader.load(path: Self.repository("woodruffw__gha-hazmat")).model
        let result = try Examples.run("malicious-fork-pr", on: model)
        let defaultBranch = model.repository.defaultBranch
        for asset in result.reached where asset.node.kind == .secret {
            for hop in asset.path where hop.rule == "push-trigger" {
                #expect(hop.why.contains("'\(defaultBranch)'"), "\(asset.node): \(hop.why)")
                #expect(asset.caveats.contains(Caveat.nextRun), "\(asset.node) is reached only at the next legitimate run")
            }
        }
        #expect(!result.reaches("push branch:*"), "a job token's push is not a push that starts runs")
    }

    @Test func gitlabRunnersNonSecretsAreNotSecretsAndForkMergeRequestsStayInTheFork() throws {
        let model = try InputLoader.load(path: Self.repository("gitlabhq__gitlab-runner")).model
        let secrets = Set(model.secrets.keys)
        // A PowerShell built-in, a bash array, a parallel:matrix key, and variables scripts assign.
        for name in ["LASTEXITCODE", "BRANCHES", "PKGS", "GPG_KEYID", "GPG_PASSPHRASE"] {
            #expect(!secrets.contains(name), "\(name) is not a CI/CD variable")
        }
        #expect(secrets.contains("REPO_REBASE_PUSH_TOKEN") && secrets.contains("HOSTED_RUNNERS_BRIDGE_TOKEN"))
        let fork = try Examples.run("malicious-fork-pr", on: model)
        let parent = fork.reached.filter { [.runner, .job, .secret].contains($0.node.kind) }
        #expect(parent.isEmpty, "a fork's merge request pipeline runs in the fork project: \(parent.map(\.node))")
    }

    @Test func everyRepositoryGetsAVerdictForEveryScenario() throws {
        let corpus = try #require(PackagePaths.sharedCorpus)
        let scenarios = try Examples.library().scenarios
        var repositories = 0, applicable = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: corpus).sorted() {
            guard !ImporterCatalogue.pipelineFiles(in: "\(corpus)/\(name)").values.allSatisfy(\.isEmpty) else { continue }
            repositories += 1
            let model: PipelineModel
            do { model = try InputLoader.load(path: "\(corpus)/\(name)").model } catch {
                Issue.record("\(name) gives no verdict: \(error.diagnostics.first.map(\.message) ?? "")")
                continue
            }
            let simulation = Simulation(model: model)
            for scenario in scenarios {
                let result = simulation.run(scenario)
                // Reach, nothing reached, or not applicable with the foothold it lacks.
                if result.footholds.isEmpty { #expect(!scenario.footholds.map(\.summary).joined().isEmpty) } else { applicable += 1 }
            }
        }
        #expect(repositories >= 80)
        #expect(applicable >= repositories * 5, "most scenarios start on real repositories: \(applicable) of \(repositories * scenarios.count)")
    }

    @Test func ruffsDefaultTextFitsOnAScreenOf120Characters() throws {
        let model = try InputLoader.load(path: Self.repository("astral-sh__ruff")).model
        let simulation = Simulation(model: model)
        let results = try Examples.library().scenarios.map(simulation.run)
        let text = SimulationText(model: model, results: results, assumptions: simulation.assumptions).text
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        // About a screen: 80 lines, 81 since the hop into a secret says when its scope is assumed,
        // 82 since a leaked token's rewritten workflow says it needs the `workflow` scope, 85
        // since a verdict sentence comes first and notes are wrapped instead of cut, 90 since
        // the mirror's R2 keys (in `AWS_*` variables) are static keys a stolen-key scenario starts
        // from, 91 since the hop into what such a key opens says that this is assumed, 96 since
        // a scenario whose one drawn path leaves crown jewels undrawn names them in a line, 98
        // since a cache restored by a job that neither installs nor builds says it is assumed to run,
        // 100 since a GitHub cache poisoning says a saved entry is never overwritten, 102 since
        // a leaked token's push says the token is only assumed to write the repository, and 104
        // since typeshed's checkout, which no step running build tools names, is said to be
        // taken to run all the same (a line that wraps), 105 since the verdict names the
        // assumption most of the crown jewels rest on, 106 since that assumption is named up to
        // the end of a clause instead of cut at 110 characters.
        #expect(lines.count <= 106, "\(lines.count) lines")
        #expect((lines.map(\.count).max() ?? 0) <= 120)
        let table = lines.firstIndex { $0.hasPrefix("scenario") } ?? lines.endIndex
        #expect(lines[1].hasPrefix("verdict: ") && table <= 6, "the verdict, then the table")
    }

    @Test func uvsSelfRepositoryCallsAreImportedAndNoThirdPartyReachesThroughThem() throws {
        let model = try InputLoader.load(path: Self.repository("astral-sh__uv")).model
        #expect(!model.definitions.keys.contains { $0.hasPrefix("$/") })
        #expect(model.definitions.keys.contains(".github/workflows/plan.yml"))
        let result = try Examples.run("compromised-third-party-action", on: model)
        for foothold in result.footholds { #expect(!foothold.node.name.contains("$/"), "\(foothold)") }
    }

    @Test func anActionRepositorysReleaseTagsAreACrownJewel() throws {
        let model = try InputLoader.load(path: Self.repository("tj-actions__changed-files")).model
        #expect(model.isCrownJewel(model.repository.id))
        #expect(model.assumptions.contains { $0.subject == model.repository.id && $0.statement.contains("moves the tags") })
    }

    @Test func everyWorkflowFileIsImportedOrReported() throws {
        let corpus = try #require(PackagePaths.sharedCorpus)
        var files = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: corpus).sorted() {
            let repository = "\(corpus)/\(name)"
            let workflows = ImporterCatalogue.pipelineFiles(in: repository)["github-actions"] ?? []
            guard !workflows.isEmpty, let imported = try? InputLoader.load(path: repository) else { continue }
            for workflow in workflows {
                files += 1
                let imported = imported.model.definitions[workflow] != nil
                let reported = imported || (try? InputLoader.load(path: repository).diagnostics.contains { $0.location.file.hasSuffix(workflow) }) == true
                #expect(imported || reported, "\(name)/\(workflow) was neither imported nor reported")
            }
        }
        #expect(files > 600)
    }
}
