import FirebreakEngine
import FirebreakModel
import FirebreakTestSupport
import Testing

/// Restoring a poisoned cache runs the planted code in a job that installs or builds; in one
/// that does neither by what Firebreak recognises (a Pages job that copies files), the hop
/// says it assumes so, since the cached paths are not traced into the job's scripts. Not on
/// GitHub, where the archive is unpacked with absolute paths over the steps after the restore.
struct CacheRestoreAssumptionTests {
    static func derivation(role: String, installs: Bool, platform: String = "generic") throws -> Derivation {
        let model = try ModelLoader().load(text: ExampleModel.wrap("""
            caches: {deps: {}}
            triggers: {push: {event: push}}
            runners: {hosted: {hosting: hosted}}
            jobs: {restorer: {role: \(role), installsDependencies: \(installs), triggers: [push], runsOn: hosted, restoresCaches: [deps], platform: \(platform)}}
            """), file: "example.yml")
        let poison = Conclusion(Fact(.poison, NodeID(.cache, "deps")), rule: "foothold", premises: [], why: "example", at: .implicit("example.yml"))
        let rule = try #require(RuleCatalogue.rule(id: "cache-restore"))
        let store = Simulator(rules: [rule]).run(AttackGraph(model), footholds: [poison])
        return try #require(store.derivation(of: Fact(.exec, NodeID(.job, "restorer"))))
    }

    static func caveats(role: String, installs: Bool) throws -> [String] {
        try derivation(role: role, installs: installs).caveats
    }

    /// GitHub: actions/toolkit unpacks the cache archive with `tar -P`, so a planted archive may
    /// replace the files of the steps after the restore; the hop says so, and assumes nothing.
    @Test func onGitHubTheHopSaysHowARestoreRunsThePlantedCode() throws {
        let github = try Self.derivation(role: "deploy", installs: false, platform: "github")
        #expect(!github.caveats.contains { $0.hasPrefix("assumed:") }, "\(github.caveats)")
        #expect(github.why.hasSuffix("whose archive is unpacked with absolute paths: a planted one may replace the files of the steps after the restore (an action's code, a script), whatever the cached paths hold"), "\(github.why)")
        // The control: one that installs runs what it restored, and the hop needs no more words.
        let installs = try Self.derivation(role: "deploy", installs: true, platform: "github")
        #expect(installs.why == "job 'restorer' restores cache 'deps'", "\(installs.why)")
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
