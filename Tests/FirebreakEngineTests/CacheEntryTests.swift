import FirebreakEngine
import FirebreakModel
import FirebreakTestSupport
import Testing

/// GitHub never overwrites a saved cache entry (GitHub Docs, *Caching dependencies*), so a
/// poisoning hop says what it needs; GitLab saves over the cache, so its hop says nothing.
struct CacheEntryTests {
    static func caveats(platform: String) throws -> [String] {
        let model = try ModelLoader().load(text: ExampleModel.wrap("""
            caches: {deps: {}}
            triggers: {push: {event: push}}
            runners: {hosted: {hosting: hosted}}
            jobs: {test: {triggers: [push], runsOn: hosted, savesCaches: [deps]}}
            """, platform: platform), file: "example.yml")
        let start = Conclusion(Fact(.exec, NodeID(.job, "test")), rule: "foothold", premises: [], why: "example", at: .implicit("example.yml"))
        let rule = try #require(RuleCatalogue.rule(id: "cache-poisoning"))
        let store = Simulator(rules: [rule]).run(AttackGraph(model), footholds: [start])
        return try #require(store.derivation(of: Fact(.poison, NodeID(.cache, "deps")))).caveats
    }

    @Test func aGitHubCacheEntryIsNeverOverwritten() throws {
        #expect(try Self.caveats(platform: "github") == [Caveat.immutableCacheEntry])
        #expect(try Self.caveats(platform: "gitlab").isEmpty)
    }
}
