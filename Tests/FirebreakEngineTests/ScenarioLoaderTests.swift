import FirebreakEngine
import FirebreakModel
import FirebreakTestSupport
import Foundation
import Testing

@Suite struct ScenarioLoaderTests {
    @Test func problemsAreReportedWithLocations() {
        let text = """
        id: Bad_ID
        title: t
        narrative: n
        attacker: a
        footholds:
          - jobs: {roel: [build]}
            why: w
          - runners: {}
            identities: {}
            why: w
        """
        #expect {
            _ = try ScenarioLoader().load(text: text, file: "s.yml")
        } throws: { error in
            let text = (error as? LoadError)?.description ?? ""
            return text.contains("s.yml:1:5: error: scenario id 'Bad_ID' must be lowercase words joined by hyphens")
                && text.contains("s.yml:6:12: error: unknown key 'roel' in 'jobs' in a foothold")
                && text.contains("help: did you mean 'role'?")
                && text.contains("s.yml:8:5: error: a foothold selects exactly one of")
        }
    }

    /// `uncounted:` is read as one sentence, its lines joined.
    @Test func uncountedIsReadAsOneSentence() throws {
        let scenario = try ScenarioLoader().load(text: """
            id: my-scenario
            title: t
            narrative: n
            attacker: a
            footholds:
              - jobs: {role: [build]}
                why: w
            uncounted: |
              the secrets no file
              names
            """, file: "s.yml")
        #expect(scenario.uncounted == "the secrets no file names")
    }

    /// `through:` names a capability the engine knows and how reports say it; a typo is an
    /// error at its place, with the closest capability.
    @Test func throughNamesAKnownCapability() throws {
        func scenario(_ through: String) -> String {
            """
            id: my-scenario
            title: t
            narrative: n
            attacker: a
            footholds:
              - jobs: {role: [test]}
                why: w
            through: \(through)
            """
        }
        let loaded = try ScenarioLoader().load(text: scenario("{capability: poison, says: a poisoned cache}"), file: "s.yml")
        #expect(loaded.through == Scenario.Mechanism(capability: .poison, says: "a poisoned cache"))
        #expect {
            _ = try ScenarioLoader().load(text: scenario("{capability: poisson, says: a poisoned cache}"), file: "s.yml")
        } throws: { error in
            let text = (error as? LoadError)?.description ?? ""
            return text.contains("s.yml:8:23: error: 'poisson' is not a valid capability") && text.contains("poison")
        }
        #expect(throws: LoadError.self) { try ScenarioLoader().load(text: scenario("{capability: poison}"), file: "s.yml") }
    }

    /// The example in docs/scenario-format.md is a scenario the loader accepts, and every
    /// closed list of values the document gives is the loader's own.
    @Test func theScenarioFormatDocumentIsTrue() throws {
        let document = try String(contentsOfFile: PackagePaths.path("docs/scenario-format.md"), encoding: .utf8)
        let example = try #require(document.components(separatedBy: "```yaml\n").dropFirst().first?.components(separatedBy: "```").first)
        let scenario = try ScenarioLoader().load(text: example, file: "example.yml")
        #expect(scenario.id == "leaked-deploy-key" && scenario.footholds.first?.target == .identities)
        for target in FootholdSelector.Target.allCases {
            #expect(document.contains("| `\(target.rawValue)` |"), "\(target) is documented")
            for key in FootholdSelector.conditionKeys(for: target) {
                let values = FootholdSelector.allowedValues(for: target, key: key) ?? []
                #expect(document.contains("`\(key)`"), "\(target).\(key) is documented")
                if key != "pin", !values.isEmpty, values.count < 10 {
                    #expect(document.contains("`\(key)` (" + values.sorted().joined(separator: ", ")) || values.allSatisfy { document.contains($0) },
                            "\(target).\(key): \(values)")
                }
            }
        }
    }

    @Test func selectorsPickWhatTheySay() throws {
        let text = """
        id: my-scenario
        title: t
        narrative: n
        attacker: a
        footholds:
          - identities: {lifetime: [static]}
            pick: broadest
            why: leaked
        """
        let scenario = try ScenarioLoader().load(text: text, file: "s.yml")
        #expect(scenario.footholds.first?.pick == .broadest)
        #expect(scenario.footholds.first?.conditions["lifetime"] == ["static"])
    }
}
