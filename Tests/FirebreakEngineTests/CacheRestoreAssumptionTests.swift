import FirebreakEngine
import FirebreakModel
import FirebreakTestSupport
import Testing

/// Restoring a poisoned cache runs the planted code in a job that installs or builds; in one
/// that does neither by what Firebreak recognises (a Pages job that copies files), the hop
/// says it assumes so, since the cached paths are not traced into the job's scripts.
struct CacheRestoreAssumptionTests {
    static func caveats(role: String, installs: Bool) throws -> [String] {
        let model = try ModelLoader().load(text: ExampleModel.wrap("""
            caches: {deps: {}}
            triggers: {push: {event: push}}
            runners: {hosted: {hosting: hosted}}
            jobs: {restorer: {role: \(role), installsDependencies: \(installs), triggers: [push], runsOn: hosted, restoresCaches: [deps]}}
            """), file: "example.yml")
        let poison = Conclusion(Fact(.poison, NodeID(.cache, "deps")), rule: "foothold", premises: [], why: "example", at: .implicit("example.yml"))
        let rule = try #require(RuleCatalogue.rule(id: "cache-restore"))
        let store = Simulator(rules: [rule]).run(AttackGraph(model), footholds: [poison])
        return try #require(store.derivation(of: Fact(.exec, NodeID(.job, "restorer")))).caveats
    }

    @Test func aJobThatBuildsOrInstallsRunsWhatItRestores() throws {
        for (role, installs) in [("build", false), ("test", false), ("deploy", true)] {
            let caveats = try Self.caveats(role: role, installs: installs)
            #expect(!caveats.contains { $0.hasPrefix("assumed:") }, "\(role): \(caveats)")
        }
    }

    @Test func aJobThatNeitherBuildsNorInstallsRunsItOnAStatedAssumption() throws {
        let caveats = try Self.caveats(role: "deploy", installs: false)
        #expect(caveats.contains { $0.hasPrefix("assumed: job 'restorer' runs something the restored cache holds") }, "\(caveats)")
    }
}
