import FirebreakEngine
import FirebreakModel
import Testing

/// A workflow file changed by a personal token needs the token's `workflow` scope, which no
/// file says: each hop the rewritten pipeline gives rests on that, and says so.
@Suite struct WorkflowScopeTests {
    static func run(tokenType: String) throws -> FactStore {
        let model = try ModelLoader().load(text: ExampleModel.wrap("""
            definitions: {ci: {path: .github/workflows/ci.yml}}
            secrets: {NPM_TOKEN: {}}
            identities: {bot: {type: \(tokenType), grants: {repository:acme/app: write}}}
            """), file: "scope.yml")
        let footholds = [Conclusion(Fact(.hold, NodeID(.identity, "bot")), rule: "foothold", premises: [], why: "leaked", at: .implicit("scope.yml"))]
        return Simulator().run(AttackGraph(model), footholds: footholds)
    }

    @Test func aPersonalTokensRewrittenPipelineRestsOnItsWorkflowScope() throws {
        let store = try Self.run(tokenType: "personal-token")
        let read = try #require(store.derivation(of: Fact(.read, NodeID(.secret, "NPM_TOKEN"))))
        #expect(read.rule == "poisoned-pipeline")
        #expect(read.caveats.first == "assumed: token 'bot' may change workflow files (the `workflow` scope)")
    }

    @Test func aDeployKeyNeedsNoScopeToChangeWorkflowFiles() throws {
        let store = try Self.run(tokenType: "deploy-key")
        let read = try #require(store.derivation(of: Fact(.read, NodeID(.secret, "NPM_TOKEN"))))
        #expect(read.rule == "poisoned-pipeline")
        #expect(!read.caveats.contains { $0.contains("workflow") })
    }
}
