import FirebreakEngine
import FirebreakModel
import FirebreakReport
import FirebreakTestSupport
import Testing

/// `compare` names the model change that cut each hop: a node gone, an attribute changed, an
/// edge removed.
struct ModelDifferenceTests {
    static func model(_ runner: String) throws -> PipelineModel {
        try ModelLoader().load(text: ExampleModel.wrap("""
            actors: {stranger: {role: external}}
            triggers: {pr: {event: pull_request}, push: {event: push, branches: [main]}}
            runners: {hosted: {hosting: hosted}, pool: \(runner)}
            secrets: {DEPLOY_KEY: {criticality: critical}}
            jobs: {test: {triggers: [pr], runsOn: hosted}, deploy: {triggers: [push], runsOn: pool, secrets: [DEPLOY_KEY]}}
            """), file: "m.yml")
    }

    @Test func theCutHopNamesTheAttributeThatChanged() throws {
        let before = try Self.model("{hosting: self-hosted, lifecycle: persistent}")
        let after = try Self.model("{hosting: self-hosted, lifecycle: ephemeral}")
        let scenario = try #require(try Examples.library().scenario(id: "malicious-fork-pr"))
        var comparison = ReportComparison(before: SimulationReport(model: before, results: [Simulation(model: before).run(scenario)], assumptions: []),
                                          after: SimulationReport(model: after, results: [Simulation(model: after).run(scenario)], assumptions: []))
        comparison.explainCuts(ModelDifference(before: before, after: after))
        let removed = try #require(comparison.scenarios.first?.removed.first { $0.id == "secret:DEPLOY_KEY" })
        #expect(removed.cut?.to == "runner:pool")
        #expect(removed.changedBy == ["runner:pool persistent → ephemeral"])
        let text = ComparisonText(comparison).text
        #expect(text.contains("by: runner:pool persistent → ephemeral"))
    }

    @Test func aRemovedEdgeIsNamed() throws {
        let before = try Self.model("{hosting: self-hosted, lifecycle: persistent}")
        var after = before
        after.jobs["deploy"]?.secrets = []
        let difference = ModelDifference(before: before, after: after)
        #expect(difference.changes(at: [NodeID(.secret, "DEPLOY_KEY")]) == ["edge secret:DEPLOY_KEY -exposes-> job:deploy removed"])
        #expect(difference.changes(at: [NodeID(.runner, "pool")]).isEmpty, "nothing changed there")
    }
}
