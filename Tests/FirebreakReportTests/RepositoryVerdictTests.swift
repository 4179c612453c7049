import FirebreakEngine
import FirebreakModel
import FirebreakReport
import FirebreakTestSupport
import Testing

/// The organisation table counts each crown jewel once across scenarios: a secret and the
/// identity it stores are one, even when one scenario reaches the secret and another only the
/// identity.
@Suite struct RepositoryVerdictTests {
    @Test func aSecretAndItsIdentityAreOneCrownJewelAcrossScenarios() throws {
        let model = try ModelLoader().load(text: ExampleModel.wrap("""
            resources: {cluster: {type: cluster, criticality: critical, production: true}}
            identities: {deployer: {type: static-key, grants: {"resource:cluster": deploy}}}
            secrets: {DEPLOY_KEY: {carries: deployer}}
            actors: {ops: {role: reviewer, holds: [deployer]}}
            triggers: {push: {event: push, branches: [main]}}
            runners: {hosted: {hosting: hosted}}
            jobs: {build: {role: build, triggers: [push], runsOn: hosted, secrets: [DEPLOY_KEY]}}
            """), file: "m.yml")
        let account = Scenario(id: "ops-account", title: "An operator's account is taken", narrative: "", attacker: "",
                               footholds: [FootholdSelector(target: .actors, conditions: ["name": ["ops"]], pick: .all, level: .write,
                                                            why: "the account is taken", location: .implicit("test"))],
                               references: [], location: .implicit("test"))
        let results = [try Examples.run("compromised-build-step", on: model), Simulation(model: model).run(account)]
        #expect(results[1].crownJewels.contains(NodeID(.identity, "deployer")), "that scenario reaches the identity alone")
        let verdict = RepositoryVerdict(path: "m.yml", name: "m", model: model, results: results, problems: [])
        #expect(verdict.crownJewels == [NodeID(.resource, "cluster"), NodeID(.secret, "DEPLOY_KEY")], "\(verdict.crownJewels)")
    }
}
