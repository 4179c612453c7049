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

    func footholds(_ identities: String, repository: String = ExampleModel.publicRepository) throws -> [Fact] {
        let model = try ModelLoader().load(text: ExampleModel.wrap("""
            resources: {db: {type: database, criticality: critical}, wiki: {type: other, criticality: low}}
            identities: \(identities)
            """, repository: repository), file: "broadest.yml")
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

    /// Writing the repository counts as administering it (its pipeline holds the secrets and
    /// deploys); among as broad, the one that writes the repository is taken.
    @Test func aTokenThatWritesTheRepositoryIsAsBroadAsAnAdministratorAndTakenFirst() throws {
        let critical = "{name: acme/app, visibility: public, criticality: critical, forkPullRequests: {approval: none}}"
        let picked = try footholds("""
            {a-cloud-key: {type: static-key, grants: {resource:db: admin}},
             z-repo-token: {type: personal-token, grants: {repository:acme/app: write}}}
            """, repository: critical)
        #expect(picked == [Fact(.hold, NodeID(.identity, "z-repo-token"))])
        let reader = try footholds("""
            {a-cloud-key: {type: static-key, grants: {resource:db: admin}},
             z-repo-token: {type: personal-token, grants: {repository:acme/app: read}}}
            """, repository: critical)
        #expect(reader == [Fact(.hold, NodeID(.identity, "a-cloud-key"))], "the control: a token that only reads it is narrower")
    }
}
