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

    @Test func aLeakedCredentialFoundAgainInItsSecretIsNoNewCrownJewel() throws {
        // The token leaks; pushing with it runs a job that reads the secret the token is kept in.
        let model = try ModelLoader().load(text: ExampleModel.wrap("""
            resources: {cluster: {type: cluster, criticality: critical, production: true}}
            identities:
              bot: {type: personal-token, grants: {"repository:acme/app": write, "resource:cluster": deploy}}
            secrets: {BOT_TOKEN: {carries: bot}, OTHER_KEY: {criticality: critical}}
            triggers: {push: {event: push}}
            runners: {hosted: {hosting: hosted}}
            jobs:
              sync: {triggers: [push], runsOn: hosted, secrets: [BOT_TOKEN, OTHER_KEY]}
            """), file: "m.yml")
        let scenario = Scenario(id: "bot-token", title: "The bot's token leaks", narrative: "", attacker: "",
                                footholds: [FootholdSelector(target: .identities, conditions: ["name": ["bot"]], pick: .all, level: .write,
                                                             why: "the token leaks", location: .implicit("test"))],
                                references: [], location: .implicit("test"))
        let simulation = Simulation(model: model)
        let result = simulation.run(scenario)
        #expect(result.reaches("read secret:BOT_TOKEN"), "the secret is still reached, and listed")
        #expect(result.crownJewels.contains(NodeID(.secret, "OTHER_KEY")), "\(result.crownJewels)")
        // Worth a crown jewel to anyone who did not hold the token already.
        #expect(result.reached.first { $0.node == NodeID(.secret, "BOT_TOKEN") }?.criticality == .critical)
        #expect(!result.crownJewels.contains(NodeID(.secret, "BOT_TOKEN")), "\(result.crownJewels)")
        #expect(simulation.outcome(scenario).crownJewels == result.crownJewels)
    }
}
