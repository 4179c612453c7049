import FirebreakEngine
import FirebreakModel
import FirebreakTestSupport
import Testing

/// A secret that stores a credential and the identity it holds are one crown jewel: reading
/// the secret is holding the identity. What the identity opens counts on its own.
@Suite struct CrownJewelCountTests {
    static let model = """
        resources: {cluster: {type: cluster, criticality: critical, production: true}}
        identities:
          deployer: {type: static-key, grants: {"resource:cluster": deploy}}
        secrets: {DEPLOY_KEY: {carries: deployer}}
        triggers: {push: {event: push, branches: [main]}}
        runners: {hosted: {hosting: hosted}}
        jobs:
          build: {role: build, triggers: [push], runsOn: hosted, secrets: [DEPLOY_KEY]}
        """

    @Test func theSecretAndTheIdentityItStoresCountOnce() throws {
        let model = try ModelLoader().load(text: ExampleModel.wrap(Self.model), file: "m.yml")
        let result = try Examples.run("compromised-build-step", on: model)
        #expect(result.reaches("hold identity:deployer"), "the identity is still reached, and drawn")
        #expect(result.crownJewels == [NodeID(.resource, "cluster"), NodeID(.secret, "DEPLOY_KEY")], "\(result.crownJewels)")
        #expect(result.reached.first { $0.node == NodeID(.identity, "deployer") }?.crownJewel == false)
        // The fix advisor's what-if counts the same way.
        let outcome = Simulation(model: model).outcome(try #require(try Examples.library().scenario(id: "compromised-build-step")))
        #expect(outcome.crownJewels == result.crownJewels)
    }

    @Test func anIdentityReachedWithoutItsSecretIsACrownJewelOfItsOwn() throws {
        // Someone who holds the key themselves: no secret is read on the way to it.
        let model = try ModelLoader().load(text: ExampleModel.wrap(Self.model + """

            actors: {ops: {role: reviewer, holds: [deployer]}}
            """), file: "m.yml")
        let scenario = Scenario(id: "ops-account", title: "An operator's account is taken", narrative: "", attacker: "",
                                footholds: [FootholdSelector(target: .actors, conditions: ["name": ["ops"]], pick: .all, level: .write,
                                                             why: "the account is taken", location: .implicit("test"))],
                                references: [], location: .implicit("test"))
        let result = Simulation(model: model).run(scenario)
        #expect(!result.reaches("read secret:DEPLOY_KEY"))
        #expect(result.crownJewels.contains(NodeID(.identity, "deployer")), "\(result.crownJewels)")
    }
}
