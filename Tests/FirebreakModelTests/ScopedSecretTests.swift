import FirebreakModel
import Testing

/// Moving a secret into a new environment keeps the runs that use it: the environment admits
/// the default branch, and the tags its jobs release from, where they release from tags.
@Suite struct ScopedSecretTests {
    static func model(trigger: String) throws -> PipelineModel {
        try ModelLoader().load(text: """
            firebreak: 1
            platform: github
            repository: {name: acme/app, visibility: public}
            secrets: {NPM_TOKEN: {}}
            triggers: {release: \(trigger)}
            runners: {hosted: {hosting: hosted}}
            jobs: {publish: {role: release, triggers: [release], runsOn: hosted, secrets: [NPM_TOKEN]}}
            """, file: "scoped.yml")
    }

    @Test func aTagReleasesJobsEnvironmentAdmitsItsTags() throws {
        let model = try Self.model(trigger: "{event: tag, branches: [\"v*\"]}")
        let changed = model.applying([ModelChange(.scopeSecret, NodeID(.secret, "NPM_TOKEN"), NodeID(.environment, Environment.defaultBranchOnly))])
        let environment = try #require(changed.environments[Environment.defaultBranchOnly])
        #expect(environment.allowedBranches == [model.repository.defaultBranch])
        #expect(environment.allowedTags == ["v*"])
        #expect(environment.admits(tagsMatching: ["v*"]))
        #expect(changed.jobs["publish"]?.environment?.name == Environment.defaultBranchOnly)
    }

    @Test func aPushReleasesJobsEnvironmentAdmitsTheDefaultBranchOnly() throws {
        // The control: a job that runs for pushes needs no tag.
        let model = try Self.model(trigger: "{event: push, branches: [main]}")
        let changed = model.applying([ModelChange(.scopeSecret, NodeID(.secret, "NPM_TOKEN"), NodeID(.environment, Environment.defaultBranchOnly))])
        #expect(changed.environments[Environment.defaultBranchOnly]?.allowedTags == [])
    }
}
