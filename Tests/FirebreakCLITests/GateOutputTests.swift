import Foundation
import FirebreakTestSupport
import Testing

/// What the gate prints: the verdict first, severities code scanning can rank, and scenario
/// files that cannot select nothing by a typo.
@Suite struct GateOutputTests {
    @Test func aPassIsOneLineAndAFailureLeadsWithWhatGrew() throws {
        let baseline = try CompareAndGateTests.baseline()
        let pass = try CommandRunner.run(["gate", CompareAndGateTests.hardened, "--baseline", baseline])
        #expect(pass.status == 0)
        #expect(pass.stdout == "gate passed: no scenario reaches anything new or at a higher level\n")
        let widened = try temporaryFile(named: "widened.yml", contents: CompareAndGateTests.widenedText())
        let fail = try CommandRunner.run(["gate", widened, "--baseline", baseline])
        #expect(fail.status == 1)
        #expect(fail.stdout.hasPrefix("gate failed: the blast radius grew in "))
        #expect(fail.stdout.contains("--allow 'ID=REASON'"))
    }

    @Test func markdownStartsWithTheVerdict() throws {
        let baseline = try CompareAndGateTests.baseline()
        let pass = try CommandRunner.run(["gate", CompareAndGateTests.hardened, "--baseline", baseline, "--format", "markdown"])
        #expect(pass.stdout.hasPrefix("## ✅ Firebreak gate passed"))
        let widened = try temporaryFile(named: "widened.yml", contents: CompareAndGateTests.widenedText())
        let fail = try CommandRunner.run(["gate", widened, "--baseline", baseline, "--format", "markdown"])
        #expect(fail.stdout.hasPrefix("## ❌ Firebreak gate failed"))
        #expect(fail.stdout.contains("`--allow 'ID=REASON'`"))
    }

    @Test func sarifRanksWhatIsReachedByItsCriticality() throws {
        let baseline = try CompareAndGateTests.baseline()
        let widened = try temporaryFile(named: "widened.yml", contents: CompareAndGateTests.widenedText())
        let result = try CommandRunner.run(["gate", widened, "--baseline", baseline, "--format", "sarif"])
        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let run = try #require((sarif["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        let db = try #require(results.first { (($0["message"] as? [String: Any])?["text"] as? String ?? "").contains("secret:DB_PASSWORD") })
        #expect(db["level"] as? String == "error", "a critical secret")
        let rules = (run["tool"] as? [String: Any]).flatMap { ($0["driver"] as? [String: Any])?["rules"] as? [[String: Any]] } ?? []
        let rule = try #require(rules.first { $0["id"] as? String == db["ruleId"] as? String })
        #expect((rule["properties"] as? [String: Any])?["security-severity"] as? String == "9.5")
    }

    @Test func theFootholdCanBeExplained() throws {
        let result = try CommandRunner.run(["explain", "foothold"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("foothold — Where the attacker starts"))
    }

    @Test func aSelectorTypoIsAnErrorNotAnEmptyScenario() throws {
        let scenario = try temporaryFile(named: "typo.yml", contents: """
            id: typo
            title: A typo
            narrative: a role misspelt
            attacker: anyone
            footholds:
              - jobs: {role: [biuld]}
                why: a typo
            references: [none]
            """)
        let folder = (scenario as NSString).deletingLastPathComponent
        let result = try CommandRunner.run(["gate", CompareAndGateTests.hardened, "--baseline", try CompareAndGateTests.baseline(), "--scenarios", folder])
        #expect(result.status == 2)
        #expect(result.stderr.contains("typo.yml:6:19: error: 'biuld' is not a role of jobs"))
        #expect(result.stderr.contains("did you mean 'build'?"))
    }
}
