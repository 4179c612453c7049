import FirebreakImport
import FirebreakModel
import FirebreakTestSupport
import Testing

/// An include's `rules:` decide whether its file is part of the project's pipelines: one written
/// only for forks (`$CI_PROJECT_PATH` is not the project's) is left out, and its jobs and
/// settings no longer mix with the ones the project runs.
@Suite struct GitLabIncludeRuleTests {
    static let own = #"$CI_PROJECT_PATH == "acme/app" || $CI_PROJECT_PATH == "acme/security/app""#

    static func model(rules forkRules: String = "\n      - if: \(own)\n        when: never\n      - if: $CI_PROJECT_PATH",
                      context: String? = nil) throws -> PipelineModel {
        var files = [
            ".gitlab-ci.yml": """
            include:
              - local: ci/canonical.yml
                rules:
                  - if: \(own)
                    when: always
              - local: ci/fork.yml
                rules:\(forkRules)
            """,
            "ci/canonical.yml": """
            publish:
              rules:
                - if: $CI_COMMIT_TAG
              script:
                - ./publish.sh "$RELEASE_TOKEN"
            """,
            "ci/fork.yml": """
            fork-preview:
              script:
                - ./preview.sh
            """,
        ]
        if let context { files["firebreak.context.yml"] = context }
        return try InputLoader.load(path: ScratchRepository(files: files).root).model
    }

    @Test func anIncludeForForksOnlyIsLeftOutAndSaidSo() throws {
        let model = try Self.model()
        #expect(model.jobs["publish"] != nil)
        #expect(model.jobs["fork-preview"] == nil, "the fork's file is no part of the project's pipelines")
        let assumption = try #require(model.assumptions.first { $0.statement.contains("left out") })
        #expect(assumption.location.file.hasSuffix(".gitlab-ci.yml") && assumption.location.line == 6, "\(assumption.location)")
        #expect(assumption.statement.contains("acme/app, acme/security/app"))
        #expect(assumption.settle.contains("repository:"))
    }

    @Test func theContextsPathDecidesAndIsNoAssumption() throws {
        // Analysed as a fork: the fork's file is taken in, the project's left out.
        let model = try Self.model(context: "firebreak: 1\nrepository: {name: someone/app}\n")
        #expect(model.jobs["fork-preview"] != nil)
        #expect(model.jobs["publish"] == nil)
        #expect(!model.assumptions.contains { $0.statement.contains("left out") })
    }

    @Test func rulesThatMayMatchKeepTheInclude() throws {
        // The control: rules that do not tell the project apart, or may match, keep the file.
        for rules in ["\n      - if: $CI_PIPELINE_SOURCE == \"merge_request_event\"",
                      "\n      - if: $DEPLOY_PREVIEW == \"yes\"",
                      "\n      - changes: [docs/**/*]",
                      "\n      - exists: [preview.sh]"] {
            let model = try Self.model(rules: rules)
            #expect(model.jobs["fork-preview"] != nil, "\(rules)")
            #expect(!model.assumptions.contains { $0.statement.contains("left out") }, "\(rules)")
        }
    }

    @Test func anIncludeNoPipelineTakesIsLeftOutWithoutAnAssumption() throws {
        let model = try Self.model(rules: "\n      - when: never")
        #expect(model.jobs["fork-preview"] == nil)
        #expect(!model.assumptions.contains { $0.statement.contains("left out") })
    }
}
