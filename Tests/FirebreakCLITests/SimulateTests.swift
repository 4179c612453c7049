import Foundation
import FirebreakTestSupport
import Testing

@Suite struct SimulateTests {
    static let skeleton = "Scenarios/pipelines/skeleton-key.yml"
    static let hardened = "Scenarios/pipelines/hardened.yml"

    @Test func jsonFollowsTheContract() throws {
        let result = try CommandRunner.run(["simulate", Self.skeleton, "--format", "json"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["firebreakVersion"] is String)
        #expect(json["assumptions"] is [Any])
        let scenarios = try #require(json["scenarios"] as? [[String: Any]])
        #expect(scenarios.count == 10)
        for scenario in scenarios {
            for key in ["id", "title", "score", "crownJewelsReached", "reached"] {
                #expect(scenario[key] != nil, "scenario lacks \(key)")
            }
            let reached = try #require(scenario["reached"] as? [[String: Any]])
            #expect(!reached.isEmpty)
            for entry in reached {
                for key in ["kind", "name", "id", "criticality", "hops", "path"] { #expect(entry[key] != nil, "entry lacks \(key)") }
                for hop in try #require(entry["path"] as? [[String: Any]]) {
                    for key in ["rule", "from", "to", "why"] { #expect(hop[key] is String, "hop lacks \(key)") }
                }
            }
        }
    }

    /// A file that could not be read may hold what a scenario starts from: "not applicable"
    /// then says it is so only in the files read, and the run exits 2.
    @Test func notApplicableIsQualifiedWhenFilesWereLeftOut() throws {
        let broken = try ScratchRepository(files: [
            ".github/workflows/ci.yml": "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps: [{uses: ./setup}, {run: make}]\n",
        ])
        let result = try CommandRunner.run(["simulate", broken.root])
        #expect(result.status == 2)
        #expect(result.stderr.contains("ci.yml:5:"), "the problem is located: \(result.stderr)")
        #expect(result.stdout.contains("not applicable in the files read (1 input problem left files out, where a scenario may still apply):\n"))
        let whole = try ScratchRepository(files: [".github/workflows/ci.yml": SampleWorkflow.build()])
        #expect(try CommandRunner.run(["simulate", whole.root]).stdout.contains("not applicable here:\n"))
    }

    @Test func jsonIsTheSameBytesEveryRun() throws {
        let first = try CommandRunner.run(["simulate", Self.skeleton, "--format", "json"])
        let second = try CommandRunner.run(["simulate", Self.skeleton, "--format", "json"])
        #expect(first.stdout == second.stdout)
        #expect(!first.stdout.isEmpty)
    }

    @Test func textShowsEachCrownJewelsPathWithLocations() throws {
        let result = try CommandRunner.run(["simulate", Self.hardened, "--scenario", "compromised-build-step"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("compromised-build-step — A build step turns hostile"))
        #expect(result.stdout.contains("score 59, 1 crown jewel reached"))
        #expect(result.stdout.contains("""
              exec job:build  [foothold] Scenarios/pipelines/hardened.yml:118:3
              └ write artifact:storefront-image  [build-output] Scenarios/pipelines/hardened.yml:129:16
                └ access resource:prod-cluster (deploy)  ◆ crown jewel, critical  [artifact-deploy] …/hardened.yml:159:7
            """), "the path as a tree, one hop per line with its rule and location, within 120 columns")
        #expect(result.stdout.contains("note: limited to the canary's 5% until automated rollback"))
        let why = try CommandRunner.run(["simulate", Self.hardened, "--scenario", "compromised-build-step", "--why"])
        #expect(why.stdout.contains("why: job 'deploy' deploys artifact 'storefront-image' to 'prod-cluster'"))
        #expect(!result.stdout.contains("\u{1B}["), "no colour when NO_COLOR is set")
    }

    @Test func twoModelsPrintATableSideBySide() throws {
        let result = try CommandRunner.run(["simulate", Self.skeleton, Self.hardened])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.contains("skeleton-key") == true && lines.first?.contains("hardened") == true)
        #expect(lines.contains { $0.hasPrefix("malicious-fork-pr") })
    }

    @Test func unknownScenarioExitsTwoWithASuggestion() throws {
        let result = try CommandRunner.run(["simulate", Self.skeleton, "--scenario", "leaked-god-tokn"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("did you mean 'leaked-god-token'?"))
    }

    @Test func userScenarioFolderIsValidatedWithLocations() throws {
        let file = try temporaryFile(named: "mine.yml", contents: "id: mine\ntitle: t\nnarrative: n\nattacker: a\nfootholds:\n  - jobz: {}\n    why: w\n")
        let folder = (file as NSString).deletingLastPathComponent
        let result = try CommandRunner.run(["simulate", Self.skeleton, "--scenarios", folder])
        #expect(result.status == 2)
        #expect(result.stderr.contains("mine.yml:6:5: error: unknown key 'jobz' in a foothold"))
        #expect(result.stderr.contains("did you mean 'jobs'?"))
    }

    @Test func userScenarioRunsBesideTheBundledOnes() throws {
        let file = try temporaryFile(named: "deploy-step.yml", contents: """
            id: compromised-deploy-step
            title: The deploy job's tool is compromised
            narrative: A deployment tool turns hostile.
            attacker: Whoever controls the deploy tool.
            footholds:
              - jobs: {role: [deploy]}
                why: the deploy tool runs the attacker's code
            """)
        let folder = (file as NSString).deletingLastPathComponent
        let result = try CommandRunner.run(["simulate", Self.hardened, "--scenarios", folder, "--scenario", "compromised-deploy-step"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("DB_PASSWORD"))
    }

    @Test func explainPrintsARulesDocumentation() throws {
        let result = try CommandRunner.run(["explain", "runner-hijack"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("control: Ephemeral runners"))
        #expect(result.stdout.contains("Fires: the deploy job sharing the owned pool is hijacked"))
        let missing = try CommandRunner.run(["explain", "runner-hijak"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("did you mean 'runner-hijack'?"))
    }

    @Test func invalidModelExitsTwo() throws {
        let result = try CommandRunner.run(["simulate", "Tests/FirebreakModelTests/Fixtures/err/unknown-key.yml"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown-key.yml:12:5: error: unknown key 'runsOnn'"))
        #expect(result.stdout.isEmpty)
    }

    /// A trainer's handout of the library, and a custom scenario explained from its folder.
    @Test func scenariosPrintAsAHandoutAndCustomOnesExplain() throws {
        let handout = try CommandRunner.run(["scenarios", "--markdown"])
        #expect(handout.status == 0)
        for id in ["malicious-fork-pr", "leaked-god-token", "compromised-build-step"] {
            #expect(handout.stdout.contains("\n## \(id)\n"), "\(id) has a section")
        }
        #expect(handout.stdout.contains("**Starts from:**") && handout.stdout.contains("**Sources:**"))
        let folder = (try temporaryFile(named: "leaked-key.yml", contents: """
            id: leaked-key
            title: A key leaks
            narrative: A key is pasted in a chat.
            attacker: Whoever reads it.
            footholds:
              - identities: {type: [static-key]}
                why: it was pasted
            """) as NSString).deletingLastPathComponent
        let explained = try CommandRunner.run(["explain", "--scenarios", folder, "leaked-key"])
        #expect(explained.status == 0, "\(explained.stderr)")
        #expect(explained.stdout.hasPrefix("leaked-key: A key leaks") && explained.stdout.contains("identities where type static-key: it was pasted"))
    }
}
