import FirebreakModel
import FirebreakTestSupport
import Testing

@Suite struct ExampleModelTests {
    @Test(arguments: ["skeleton-key", "hardened"])
    func bundledExamplesLoad(name: String) throws {
        let model = try ModelLoader().load(path: PackagePaths.path("Scenarios/pipelines/\(name).yml"))
        #expect(model.name == name)
        let kinds = Set(model.nodes.map(\.id.kind))
        #expect(kinds.count >= 10)
        // Every edge points at declared nodes.
        for edge in model.edges {
            #expect(model.contains(edge.from), "\(edge.from) is not declared")
            #expect(model.contains(edge.to), "\(edge.to) is not declared")
        }
    }

    @Test func skeletonKeyExposesRepositorySecretsToBuildAndDeploy() throws {
        let model = try ModelLoader().load(path: PackagePaths.path("Scenarios/pipelines/skeleton-key.yml"))
        let exposed = model.edges.filter { $0.kind == .exposes && $0.from == NodeID(.secret, "AWS_DEPLOY_KEY") }.map(\.to.name)
        #expect(exposed == ["build", "deploy"])
        #expect(model.isCrownJewel(NodeID(.identity, "ci-deployer")))
    }

    @Test func hardenedGivesEachStageItsOwnRole() throws {
        let model = try ModelLoader().load(path: PackagePaths.path("Scenarios/pipelines/hardened.yml"))
        let trusts = model.edges.filter { $0.kind == .trusts }.map { "\($0.from.name)->\($0.to.name)" }
        #expect(trusts == ["builder-role->build", "deployer-role->deploy", "signer-role->sign"])
        let exposed = model.edges.filter { $0.kind == .exposes }.map { "\($0.from.name)->\($0.to.name)" }
        #expect(exposed == ["DB_PASSWORD->deploy"])
    }
}
