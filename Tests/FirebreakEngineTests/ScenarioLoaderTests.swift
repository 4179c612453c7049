import FirebreakEngine
import FirebreakModel
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
