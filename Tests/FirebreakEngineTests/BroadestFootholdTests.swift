@testable import FirebreakEngine
import FirebreakModel
import Testing

/// `pick: broadest` starts from the one identity whose grants reach furthest, the first by name
/// among as broad.
struct BroadestFootholdTests {
    static let scenario = """
        id: broadest-test
        title: t
        narrative: t
        attacker: t
        footholds:
          - identities: {lifetime: [static]}
            pick: broadest
            why: the broadest leaked
        """

    func footholds(_ identities: String) throws -> [Fact] {
        let model = try ModelLoader().load(text: ExampleModel.wrap("""
            resources: {db: {type: database, criticality: critical}, wiki: {type: other, criticality: low}}
            identities: \(identities)
            """), file: "broadest.yml")
        let scenario = try ScenarioLoader().load(text: Self.scenario, file: "broadest-test.yml")
        return FootholdResolver(graph: AttackGraph(model)).footholds(for: scenario).map(\.fact)
    }

    @Test func theIdentityReachingFurthestIsTakenWhateverItsName() throws {
        let picked = try footholds("""
            {a-narrow: {type: static-key, grants: {resource:wiki: admin}},
             z-broad: {type: static-key, grants: {resource:db: write}}}
            """)
        #expect(picked == [Fact(.hold, NodeID(.identity, "z-broad"))])
    }

    @Test func amongAsBroadTheFirstByNameIsTaken() throws {
        let picked = try footholds("""
            {m-key: {type: static-key, grants: {resource:db: write}},
             b-key: {type: static-key, grants: {resource:db: write}},
             short: {type: cloud-role, trust: {branches: [main]}, grants: {resource:db: admin}}}
            """)
        #expect(picked == [Fact(.hold, NodeID(.identity, "b-key"))], "the short-lived role is not a static credential")
    }
}
