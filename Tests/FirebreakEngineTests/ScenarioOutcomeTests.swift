import FirebreakEngine
import FirebreakModel
import FirebreakTestSupport
import Testing

/// Each scenario fires on the skeleton-key pipeline and is stopped by the hardened one's control.
@Suite struct ScenarioOutcomeTests {
    static let ids = [
        "artifact-tampering", "cache-poisoning", "compromised-build-step", "compromised-runner",
        "compromised-third-party-action", "insider-self-approval", "leaked-god-token", "malicious-fork-pr",
        "poisoned-pipeline-definition", "stolen-static-key",
    ]

    /// For each scenario: a fact the skeleton key gives the attacker and the hardened pipeline does not.
    static let decisive: [String: String] = [
        "artifact-tampering": "access resource:prod-cluster deploy",
        "cache-poisoning": "exec job:deploy",
        "compromised-build-step": "read secret:AWS_DEPLOY_KEY",
        "compromised-runner": "exec job:deploy",
        "compromised-third-party-action": "exec job:deploy",
        "insider-self-approval": "approve environment:production",
        "leaked-god-token": "access resource:prod-cluster admin",
        "malicious-fork-pr": "read secret:DB_PASSWORD",
        "poisoned-pipeline-definition": "read secret:DB_PASSWORD",
        "stolen-static-key": "access resource:prod-cluster admin",
    ]

    @Test func libraryHoldsExactlyTheTenScenarios() throws {
        #expect(try Examples.library().scenarios.map(\.id) == Self.ids)
        for scenario in try Examples.library().scenarios {
            #expect(!scenario.narrative.isEmpty && !scenario.attacker.isEmpty && !scenario.references.isEmpty)
        }
    }

    @Test(arguments: ids)
    func firesOnSkeletonKeyAndReachesACrownJewel(id: String) throws {
        let result = try Examples.run(id, on: Examples.model("skeleton-key"))
        #expect(!result.crownJewels.isEmpty, "\(id) reaches no crown jewel on skeleton-key")
        let fact = try #require(Fact(parsing: Self.decisive[id]!))
        #expect(result.facts.has(fact.capability, fact.node, atLeast: fact.level), "\(id) should give \(fact)")
    }

    @Test(arguments: ids)
    func blockedOnHardened(id: String) throws {
        let result = try Examples.run(id, on: Examples.model("hardened"))
        let fact = try #require(Fact(parsing: Self.decisive[id]!))
        #expect(!result.facts.has(fact.capability, fact.node, atLeast: fact.level), "\(id) should not give \(fact) on hardened")
    }

    @Test(arguments: ["leaked-god-token", "malicious-fork-pr", "stolen-static-key"])
    func hardenedKeepsProductionCredentialsAway(id: String) throws {
        let model = try Examples.model("hardened")
        let result = try Examples.run(id, on: model)
        let credentials = result.reached.filter { ($0.node.kind == .secret || $0.node.kind == .identity) && model.isProduction($0.node) }
        #expect(credentials.isEmpty, "\(id) reaches \(credentials.map(\.node))")
        #expect(result.crownJewels.isEmpty)
    }

    @Test func compromisedBuildInHardenedReachesProductionOnlyThroughTheNextRelease() throws {
        let model = try Examples.model("hardened")
        let result = try Examples.run("compromised-build-step", on: model)
        #expect(result.asset(NodeID(.artifact, "storefront-image")) != nil)
        #expect(result.asset(NodeID(.identity, "deployer-role")) == nil)
        #expect(result.asset(NodeID(.secret, "DB_PASSWORD")) == nil)
        let production = try #require(result.asset(NodeID(.resource, "prod-cluster")))
        #expect(production.level == .deploy)
        #expect(production.path.map(\.rule) == ["foothold", "build-output", "artifact-deploy"])
        #expect(production.caveats.contains(Caveat.legitimateRelease))
        #expect(production.caveats.contains(Caveat.canary(5)))
        #expect(result.crownJewels == [NodeID(.resource, "prod-cluster")])
    }

    @Test func scenarioWithoutFootholdReachesNothing() throws {
        let result = try Examples.run("stolen-static-key", on: Examples.model("hardened"))
        #expect(result.footholds.isEmpty)
        #expect(result.reached.isEmpty)
        #expect(result.score == 0)
    }

    @Test func everyHopNamesARuleAndASourceLine() throws {
        let model = try Examples.model("skeleton-key")
        for id in Self.ids {
            for asset in try Examples.run(id, on: model).reached {
                #expect(asset.path.first?.rule == "foothold")
                #expect(asset.hops == asset.path.count - 1)
                for hop in asset.path {
                    #expect(hop.location.line > 0, "\(id): \(asset.node): hop \(hop.rule) has no source line")
                    #expect(!hop.why.isEmpty)
                }
            }
        }
    }
}
