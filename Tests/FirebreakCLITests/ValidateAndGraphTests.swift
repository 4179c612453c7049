import Foundation
import FirebreakTestSupport
import Testing

@Suite struct ValidateAndGraphTests {
    @Test func bundledExamplesValidate() throws {
        let result = try CommandRunner.run(["validate", "Scenarios/pipelines/skeleton-key.yml", "Scenarios/pipelines/hardened.yml"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("ok: Scenarios/pipelines/skeleton-key.yml"))
        #expect(result.stderr.isEmpty)
    }

    @Test(arguments: [
        ("syntax-error", "err/syntax-error.yml:8:11: error: YAML syntax error"),
        ("unknown-key", "err/unknown-key.yml:12:5: error: unknown key 'runsOnn' in job 'build'"),
        ("dangling-reference", "err/dangling-reference.yml:15:13: error: job 'build' runs on undeclared runner 'shared-pol'"),
    ])
    func invalidFilesExitTwoNamingTheLocation(name: String, expected: String) throws {
        let result = try CommandRunner.run(["validate", "Tests/FirebreakModelTests/Fixtures/err/\(name).yml"])
        #expect(result.status == 2)
        let normalised = result.stderr.replacingOccurrences(of: "Tests/FirebreakModelTests/Fixtures/", with: "")
        #expect(normalised.contains(expected))
    }

    @Test func oneBadFileAmongGoodOnesStillFails() throws {
        let result = try CommandRunner.run(["validate", "Scenarios/pipelines/hardened.yml", "Tests/FirebreakModelTests/Fixtures/err/unknown-key.yml"])
        #expect(result.status == 2)
        #expect(result.stdout.contains("ok: Scenarios/pipelines/hardened.yml"))
    }

    @Test func missingFileExitsTwo() throws {
        let result = try CommandRunner.run(["validate", "no/such/file.yml"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no/such/file.yml: error: no such file or folder"))
    }

    @Test func usageErrorsExitTwo() throws {
        let result = try CommandRunner.run(["graph"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("Missing expected argument"))
    }

    @Test func graphJSONListsNodesOfAtLeastTenKinds() throws {
        let result = try CommandRunner.run(["graph", "Scenarios/pipelines/skeleton-key.yml", "--format", "json"])
        #expect(result.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let nodes = json?["nodes"] as? [[String: Any]] ?? []
        let kinds = Set(nodes.compactMap { $0["kind"] as? String })
        #expect(kinds.count >= 10)
        let edges = json?["edges"] as? [[String: Any]] ?? []
        #expect(edges.contains { $0["kind"] as? String == "exposes" && $0["from"] as? String == "secret:AWS_DEPLOY_KEY" })
        #expect(json?["firebreakVersion"] as? String != nil)
    }

    @Test func graphOutputIsDeterministic() throws {
        let first = try CommandRunner.run(["graph", "Scenarios/pipelines/hardened.yml", "--format", "json"])
        let second = try CommandRunner.run(["graph", "Scenarios/pipelines/hardened.yml", "--format", "json"])
        #expect(first.stdout == second.stdout)
    }

    @Test func helpListsOnlyBuiltSubcommands() throws {
        let result = try CommandRunner.run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("validate"))
        #expect(result.stdout.contains("graph"))
    }
}
