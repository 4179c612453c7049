import Foundation
import FirebreakTestSupport
import Testing

@Suite struct CompareAndGateTests {
    static let skeleton = "Scenarios/pipelines/skeleton-key.yml"
    static let hardened = "Scenarios/pipelines/hardened.yml"

    static func hardenedText() throws -> String {
        try String(contentsOfFile: PackagePaths.path(hardened), encoding: .utf8)
    }

    /// The hardened model with the production database password made repository-wide.
    static func widenedText() throws -> String {
        let text = try hardenedText()
        let widened = text.replacingOccurrences(of: "DB_PASSWORD:    {environment: production, criticality: critical}",
                                                with: "DB_PASSWORD:    {criticality: critical}")
        #expect(widened != text)
        return widened
    }

    static func baseline() throws -> String {
        let path = try temporaryFile(named: "baseline.json", contents: "")
        let result = try CommandRunner.run(["gate", hardened, "--baseline", path, "--update-baseline"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("baseline \(path) updated"))
        return path
    }

    @Test func compareListsWhatEachScenarioLost() throws {
        let result = try CommandRunner.run(["compare", Self.skeleton, Self.hardened, "--format", "json"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let scenarios = try #require(json["scenarios"] as? [[String: Any]])
        #expect(scenarios.count == 10)
        let build = try #require(scenarios.first { $0["id"] as? String == "compromised-build-step" })
        let removed = try #require(build["removed"] as? [[String: Any]])
        let deployer = try #require(removed.first { $0["id"] as? String == "identity:ci-deployer" })
        let cut = try #require(deployer["cut"] as? [String: Any])
        #expect(cut["rule"] as? String == "job-secrets")
        #expect(cut["to"] as? String == "secret:AWS_DEPLOY_KEY")
        for scenario in scenarios {
            #expect(!(scenario["removed"] as? [Any] ?? []).isEmpty, "\(scenario["id"] ?? "") lost nothing")
        }
        let text = try CommandRunner.run(["compare", Self.skeleton, Self.hardened, "--scenario", "malicious-fork-pr"])
        #expect(text.stdout.contains("score 272 -> 2, crown jewels 6 -> 0"))
        #expect(text.stdout.contains("- secret:DB_PASSWORD (critical) no longer reached"))
        #expect(text.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 }, "text stays within 80 columns")
    }

    @Test func identicalModelPassesTheGate() throws {
        let baseline = try Self.baseline()
        let result = try CommandRunner.run(["gate", Self.hardened, "--baseline", baseline])
        #expect(result.status == 0)
        #expect(result.stdout.hasSuffix("gate passed: no scenario reaches anything new or at a higher level\n"))
    }

    @Test func wideningASecretsScopeFailsTheGateAndNamesTheSecret() throws {
        let baseline = try Self.baseline()
        let widened = try temporaryFile(named: "widened.yml", contents: Self.widenedText())
        let result = try CommandRunner.run(["gate", widened, "--baseline", baseline])
        #expect(result.status == 1)
        #expect(result.stdout.contains("+ secret:DB_PASSWORD (critical, full) newly reached"))
        #expect(result.stdout.contains("gate failed: the blast radius grew in"))
        #expect(result.stdout.contains("poisoned-pipeline-definition"))
    }

    @Test func growthInLevelOnlyFailsTheGate() throws {
        let baseline = try Self.baseline()
        let text = try Self.hardenedText()
        let raised = text.replacingOccurrences(of: "grants: {resource:image-registry: write}", with: "grants: {resource:image-registry: admin}")
        #expect(raised != text)
        let model = try temporaryFile(named: "raised.yml", contents: raised)
        let result = try CommandRunner.run(["gate", model, "--baseline", baseline, "--scenario", "compromised-build-step", "--format", "json"])
        #expect(result.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let scenarios = try #require(json["scenarios"] as? [[String: Any]])
        #expect(scenarios.count == 1)
        let scenario = try #require(scenarios.first { $0["id"] as? String == "compromised-build-step" })
        #expect((scenario["added"] as? [Any])?.isEmpty == true, "nothing new, only a higher level")
        let raisedEntries = try #require(scenario["raised"] as? [[String: Any]])
        #expect(raisedEntries.map { $0["id"] as? String } == ["resource:image-registry"])
        #expect(raisedEntries.first?["before"] as? String == "write")
        #expect(raisedEntries.first?["after"] as? String == "admin")
    }

    @Test func allowAcceptsANamedGrowthAndSaysWhyEveryRun() throws {
        let baseline = try Self.baseline()
        let widened = try temporaryFile(named: "widened.yml", contents: Self.widenedText())
        let result = try CommandRunner.run(["gate", widened, "--baseline", baseline,
                                            "--allow", "secret:DB_PASSWORD=migration window, tracked in SEC-12"])
        #expect(result.stderr.contains("allowed: poisoned-pipeline-definition reaches secret:DB_PASSWORD (full): migration window, tracked in SEC-12"))
        let unused = try CommandRunner.run(["gate", Self.hardened, "--baseline", baseline, "--allow", "secret:NOPE=old"])
        #expect(unused.status == 0)
        #expect(unused.stderr.contains("warning: --allow 'secret:NOPE' matched no growth; remove it"))
        let bad = try CommandRunner.run(["gate", Self.hardened, "--baseline", baseline, "--allow", "secret:X"])
        #expect(bad.status == 2)
    }

    @Test func sarifHasTheRequiredFieldsOfTwoPointOneZero() throws {
        let baseline = try Self.baseline()
        let widened = try temporaryFile(named: "widened.yml", contents: Self.widenedText())
        let result = try CommandRunner.run(["gate", widened, "--baseline", baseline, "--format", "sarif"])
        #expect(result.status == 1)
        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(sarif["version"] as? String == "2.1.0")
        let run = try #require((sarif["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "Firebreak")
        let ruleIDs = Set((driver["rules"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String })
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(!results.isEmpty)
        for result in results {
            let ruleID = try #require(result["ruleId"] as? String)
            #expect(ruleIDs.contains(ruleID), "rule \(ruleID) is not described in the driver")
            #expect(((result["message"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
            #expect(["error", "warning", "note", "none"].contains(result["level"] as? String ?? ""))
            let physical = try #require(((result["locations"] as? [[String: Any]])?.first)?["physicalLocation"] as? [String: Any])
            #expect((physical["artifactLocation"] as? [String: Any])?["uri"] is String)
            let line = (physical["region"] as? [String: Any])?["startLine"] as? Int
            #expect((line ?? 0) >= 1)
        }
        for rule in driver["rules"] as? [[String: Any]] ?? [] {
            #expect(((rule["shortDescription"] as? [String: Any])?["text"] as? String) != nil)
            #expect(((rule["help"] as? [String: Any])?["text"] as? String) != nil)
        }
        let db = results.first { ($0["message"] as? [String: Any])?["text"] as? String ?? "" ~= "secret:DB_PASSWORD" }
        #expect(db != nil)
    }

    @Test func markdownRendersAsATable() throws {
        let result = try CommandRunner.run(["compare", Self.skeleton, Self.hardened, "--format", "markdown"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let header = try #require(lines.firstIndex { $0.hasPrefix("| scenario |") })
        #expect(lines[header + 1].hasPrefix("| --- |"))
        let rows = lines[(header + 2)...].prefix { $0.hasPrefix("|") }
        #expect(rows.count == 10)
        let columns = lines[header].filter { $0 == "|" }.count
        #expect(rows.allSatisfy { $0.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count == columns })
    }

    @Test func badBaselineExitsTwo() throws {
        let bogus = try temporaryFile(named: "bogus.json", contents: "{\"scenarios\": 3}")
        let result = try CommandRunner.run(["gate", Self.hardened, "--baseline", bogus])
        #expect(result.status == 2)
        #expect(result.stderr.contains("bogus.json: error: not a Firebreak simulate report"))
    }

    @Test func gitRevisionsAreComparedWithoutTouchingTheWorkingTree() throws {
        let repository = (try temporaryFile(named: ".keep", contents: "") as NSString).deletingLastPathComponent
        func git(_ arguments: String...) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "-C", repository, "-c", "user.name=Test", "-c", "user.email=test@example.com"] + arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "git \(arguments.joined(separator: " ")) failed")
        }
        let model = (repository as NSString).appendingPathComponent("pipeline.yml")
        try git("init", "-q", "-b", "main")
        try Self.hardenedText().write(toFile: model, atomically: true, encoding: .utf8)
        try git("add", "pipeline.yml")
        try git("commit", "-q", "-m", "hardened")
        try Self.widenedText().write(toFile: model, atomically: true, encoding: .utf8)
        try git("commit", "-q", "-am", "widen the database password")

        let compare = try CommandRunner.run(["compare", "--repo", repository, "HEAD~1", "HEAD", "--model", "pipeline.yml",
                                             "--scenario", "poisoned-pipeline-definition"])
        #expect(compare.status == 0)
        #expect(compare.stdout.contains("before: HEAD~1:pipeline.yml"))
        #expect(compare.stdout.contains("+ secret:DB_PASSWORD (critical, full) newly reached"))
        #expect(compare.stdout.contains("(HEAD:pipeline.yml:"))

        let gate = try CommandRunner.run(["gate", "--repo", repository, "--against", "HEAD~1", "--model", "pipeline.yml"])
        #expect(gate.status == 1)
        let clean = try CommandRunner.run(["gate", "--repo", repository, "--against", "HEAD", "--model", "pipeline.yml"])
        #expect(clean.status == 0)
        let unknown = try CommandRunner.run(["gate", "--repo", repository, "--against", "no-such-branch", "--model", "pipeline.yml"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("cannot read 'pipeline.yml' at revision 'no-such-branch'"))
        #expect(try String(contentsOfFile: model, encoding: .utf8) == Self.widenedText(), "the working tree is untouched")
    }
}

private func ~= (text: String, needle: String) -> Bool { text.contains(needle) }
