import FirebreakEngine
import FirebreakImport
import FirebreakModel
import FirebreakTestSupport
import Testing

/// GitLab merges an included file under the including one: its `default:`, `variables:` and a
/// job of the same name fill in what the pipeline's own jobs leave unset (a `before_script`, an
/// image, variables). Whoever moves a file included by a tag or branch so runs code in each job.
@Suite struct GitLabIncludeMergeTests {
    static func model(ref: String) throws -> PipelineModel {
        let repository = try ScratchRepository(files: [".gitlab-ci.yml": """
            include:
              - project: platform/ci-templates
                file: /templates/lint.yml
                ref: \(ref)
            publish:
              rules:
                - if: $CI_COMMIT_TAG
              script:
                - npm publish --token "$NPM_PUBLISH_TOKEN"
            """])
        return try InputLoader.load(path: repository.root).model
    }

    @Test func aFileIncludedByTagRunsCodeInThePipelinesOwnJobs() throws {
        let model = try Self.model(ref: "v2")
        let definition = "project:platform/ci-templates//templates/lint.yml@v2"
        #expect(model.jobs["publish"]?.mergedDefinitions.map(\.name) == [definition])
        let result = try Examples.run("compromised-third-party-action", on: model)
        let hop = try #require(result.facts.derivation(of: Fact(.exec, NodeID(.job, "publish"))))
        #expect(hop.rule == "definition-hijack" && hop.why.contains("takes what it leaves unset"), "\(hop.why)")
        #expect(hop.location.line == 2, "at the include: \(hop.location)")
        #expect(result.reached.contains { $0.node == NodeID(.secret, "NPM_PUBLISH_TOKEN") })
    }

    @Test func aFileIncludedAtACommitDoesNot() throws {
        // The control: a full commit fixes what the file writes.
        let model = try Self.model(ref: "0123456789abcdef0123456789abcdef01234567")
        #expect(model.jobs["publish"]?.mergedDefinitions.isEmpty == true)
        let result = try Examples.run("compromised-third-party-action", on: model)
        #expect(!result.reached.contains { $0.node == NodeID(.job, "publish") })
    }
}
