import FirebreakEngine
import FirebreakImport
import FirebreakModel
import FirebreakTestSupport
import Testing

/// Manual jobs, child pipelines and multi-project pipelines, and who can start what from a
/// fork's merge request.
@Suite struct GitLabDownstreamTests {
    @Test func aChildPipelineIsImportedJobByJobWhereItsParentJobRuns() throws {
        let imported = try ImportFixtures.load("gitlab-downstream")
        #expect(!imported.hasErrors, "\(imported.diagnostics)")
        let model = imported.model
        let child = try #require(model.jobs["docs/docs-build"], "a child pipeline's job is named after the job that starts it")
        #expect(child.platform == .gitlab)
        #expect(child.triggers.map(\.name) == ["gitlab merge_request"], "it runs only where its parent job runs")
        #expect(child.runsOn?.name == "self-hosted:docs-runner")
        #expect(model.definitions["ci/docs child.yml"] != nil)
        #expect(model.jobs["docs/only-on-push"] == nil, "in a child pipeline the pipeline source is parent_pipeline, never push")
        #expect(model.jobs["docs"] == nil && model.jobs["charts"] == nil, "a trigger job runs no script of its own")
    }

    @Test func anotherProjectsPipelineIsAThirdPartyDefinition() throws {
        let model = try ImportFixtures.load("gitlab-downstream").model
        let charts = try #require(model.definitions["downstream:acme/helm-charts@main"])
        #expect(charts.pin == .branch)
        #expect(model.assumptions.contains { $0.subject == charts.id && $0.statement.contains("that project's variables") })
    }

    /// A child pipeline whose configuration is another project's file runs in this project, with
    /// its variables, where the trigger job runs: a definition from elsewhere, pinned by its ref,
    /// stood in for by one job, where it was left out with a warning.
    @Test func aChildPipelineFromAnotherProjectIsADefinitionFromElsewhere() throws {
        let repository = try ScratchRepository(files: [".gitlab-ci.yml": """
            qa:
              rules:
                - if: $CI_PIPELINE_SOURCE == "merge_request_event"
              trigger:
                include:
                  - project: acme/qa
                    file: ci/qa.gitlab-ci.yml
                    ref: master
                forward: {yaml_variables: true, pipeline_variables: true}
            """])
        let imported = try InputLoader.load(path: repository.root)
        let model = imported.model
        let definition = try #require(model.definitions.values.first { $0.isExternal && $0.name.contains("acme/qa") })
        #expect(definition.pin == .branch, "master moves")
        let standIn = try #require(model.jobs.values.first { $0.definition?.name == definition.name })
        #expect(standIn.name.hasPrefix("qa/"), "named after the job that starts it")
        #expect(standIn.triggers.compactMap { model.triggers[$0.name]?.event } == [.mergeRequest], "it runs where the trigger job runs")
        #expect(model.assumptions.contains { $0.subject == standIn.id && $0.statement.contains("child pipeline job 'qa' starts") })
        #expect(!imported.diagnostics.contains { $0.message.contains("not imported") })
        let moved = try Examples.run("compromised-third-party-action", on: model)
        #expect(moved.footholds.contains { $0.node == definition.id }, "a branch-pinned definition is a start")
    }

    /// A child pipeline whose trigger job waits for a member (`when: manual`) is made only once a
    /// member starts it: its jobs wait too, from this repository's files or from elsewhere.
    @Test func aManualTriggersChildPipelineWaitsForAMember() throws {
        let repository = try ScratchRepository(files: [
            ".gitlab-ci.yml": """
                qa-manual:
                  when: manual
                  trigger:
                    include:
                      - project: acme/qa
                        file: qa.yml
                docs:
                  when: manual
                  trigger: {include: ci/docs.yml}
                docs-auto:
                  trigger: {include: ci/docs.yml}
                """,
            "ci/docs.yml": "build-docs:\n  script: [make docs]\n",
        ])
        let model = try InputLoader.load(path: repository.root).model
        let standIn = try #require(model.jobs.values.first { $0.name.hasPrefix("qa-manual/") })
        #expect(standIn.manual)
        #expect(try #require(model.jobs["docs/build-docs"]).manual)
        #expect(try !#require(model.jobs["docs-auto/build-docs"]).manual, "the control: a trigger that runs by itself")
    }

    /// GitLab nests child pipelines two levels deep: a third level from another project is not
    /// made, and is not stood in for.
    @Test func aChildPipelineFromElsewhereNestsNoDeeperThanGitLabAllows() throws {
        func trigger(_ include: String) -> String { "trigger: {include: \(include)}" }
        let repository = try ScratchRepository(files: [
            ".gitlab-ci.yml": "first:\n  \(trigger("ci/first.yml"))\n",
            "ci/first.yml": "second:\n  \(trigger("ci/second.yml"))\n",
            "ci/second.yml": "third:\n  \(trigger("[{project: acme/qa, file: qa.yml, ref: main}]"))\n",
        ])
        let imported = try InputLoader.load(path: repository.root)
        #expect(!imported.model.definitions.values.contains { $0.name.contains("acme/qa") })
        #expect(imported.diagnostics.contains { $0.message.contains("nests deeper than GitLab allows") })
    }

    @Test func aManualJobWaitsForAMemberEvenWhenForkPipelinesRunInTheParent() throws {
        let model = try ImportFixtures.load("gitlab-downstream").model
        #expect(model.jobs["review-app"]?.manual == true)
        #expect(model.jobs["build"]?.manual == false)
        let fork = try Examples.run("malicious-fork-pr", on: model)
        #expect(fork.reaches("exec job:docs/docs-build untrusted"), "the child pipeline of a fork's merge request runs in the parent")
        #expect(fork.reaches("own runner:self-hosted:docs-runner"))
        #expect(!fork.reaches("exec job:review-app untrusted"), "a stranger cannot press play")
        #expect(fork.reaches("read secret:REVIEW_TOKEN"), "an unprotected variable reaches the child pipeline's job as well")
        var protected = model
        protected.runners["self-hosted:docs-runner"]?.protectedBranchesOnly = true
        let kept = try Examples.run("malicious-fork-pr", on: protected)
        #expect(!kept.reaches("own runner:self-hosted:docs-runner") && !kept.reaches("exec job:docs/docs-build untrusted"),
                "a merge request pipeline never runs on a protected runner")
    }

    @Test func byDefaultAForksMergeRequestRunsInTheFork() throws {
        var model = try ImportFixtures.load("gitlab-downstream").model
        model.repository.forkPullRequestsGetSecrets = false
        let fork = try Examples.run("malicious-fork-pr", on: model)
        #expect(!fork.reaches("exec job:docs/docs-build untrusted"))
        #expect(!fork.reaches("own runner:self-hosted:docs-runner"), "the fork's pipeline uses the fork's runners")
        #expect(!fork.reaches("read secret:REVIEW_TOKEN"))
    }

    @Test func manyJobsStartingTheSameChildImportItOnceAndSelfTriggersStopAtGitLabsDepth() throws {
        // Six trigger jobs start the same child, which starts the project's own file again.
        var parent = ""
        for index in 0..<6 { parent += "start-\(index):\n  trigger: {include: child.yml}\n" }
        let child = "work:\n  script: [make]\nagain:\n  trigger: {include: .gitlab-ci.yml}\n"
        let repository = try ScratchRepository(files: [".gitlab-ci.yml": parent, "child.yml": child])
        let imported = try InputLoader.load(path: repository.root)
        let jobs = imported.model.jobs.keys.filter { $0.hasSuffix("/work") }.sorted()
        #expect(jobs == ["start-0/work"], "one child, imported once: \(jobs)")
        #expect(imported.model.jobs.count < 20)
        #expect(imported.diagnostics.contains { $0.message.contains("nests deeper than GitLab allows") })
    }

    @Test func aJobPublishingWithAnIDTokenHoldsTheRegistry() throws {
        let repository = try ScratchRepository(files: [".gitlab-ci.yml": """
            publish:
              id_tokens: {PYPI_ID_TOKEN: {aud: pypi}}
              rules: [{if: $CI_COMMIT_TAG}]
              script: [uv build, uv publish --trusted-publishing always]
            """])
        let model = try InputLoader.load(path: repository.root).model
        let pypi = try #require(model.resources["pypi"])
        #expect(model.isCrownJewel(pypi.id))
        #expect(model.jobs["publish"]?.token?.contains { $0.target == pypi.id && $0.level == .write } == true)
        #expect(model.isCrownJewel(model.repository.id), "its releases are published for others")
    }

    @Test func aPublishingJobsRegistryVariableIsAnUploadToken() throws {
        let repository = try ScratchRepository(files: [".gitlab-ci.yml": """
            publish:
              rules: [{if: $CI_COMMIT_TAG}]
              script:
                - echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc
                - npm publish
            """])
        let model = try InputLoader.load(path: repository.root).model
        #expect(model.secrets["NPM_TOKEN"]?.carries?.name == "registry-token:NPM_TOKEN")
        #expect(model.identities["registry-token:NPM_TOKEN"]?.grants.map(\.target) == [NodeID(.resource, "npm")])
        let leaked = try Examples.run("leaked-god-token", on: model)
        #expect(leaked.crownJewels.contains(NodeID(.resource, "npm")))
    }

    /// A variable the trigger job passes down outranks any the child defines (GitLab Docs,
    /// *CI/CD variables*, precedence), so the child's rules are read with it: a child job kept for
    /// another pipeline type never runs there. A value that names another variable, or rules that
    /// pass different values, leave it unknown, and the child's job is kept (pessimistic).
    @Test func aChildsRulesAreReadWithTheVariablesItsTriggerPassesDown() throws {
        func childJobs(_ passed: String) throws -> [String] {
            let repository = try ScratchRepository(files: [
                ".gitlab-ci.yml": """
                    .child-variables:
                      PIPELINE_TYPE: \(passed)
                    package:
                      trigger:
                        include: ci/child.yml
                      rules:
                        - if: $CI_COMMIT_BRANCH
                          variables: !reference [.child-variables]
                    """,
                "ci/child.yml": """
                    build:
                      script: [make]
                      rules:
                        - if: '$PIPELINE_TYPE == "CE_TRIGGERED"'
                    pages:
                      script: [make pages]
                      rules:
                        - if: '$PIPELINE_TYPE == "PAGES_UPDATE"'
                    """,
            ])
            return try InputLoader.load(path: repository.root).model.jobs.keys.sorted()
        }
        #expect(try childJobs("CE_TRIGGERED") == ["package/build"])
        #expect(try childJobs("PAGES_UPDATE") == ["package/pages"])
        #expect(try childJobs("${EDITION}_TRIGGERED") == ["package/build"], "whatever EDITION holds, the value ends in _TRIGGERED")
        #expect(try childJobs("${PIPELINE_KIND}") == ["package/build", "package/pages"], "the control: a value not known here")
    }

    /// A credential the file names where no script is still names a CI/CD variable the project
    /// holds: in the global `variables:` every job receives, in a trigger job's `variables:` its
    /// downstream jobs receive, in a `rules: if:` that tests it. Settings named there are not
    /// taken for credentials.
    @Test func aCredentialNamedOutsideAnyScriptIsAVariableTheProjectHolds() throws {
        let repository = try ScratchRepository(files: [
            ".gitlab-ci.yml": """
                variables:
                  MIRROR_PASSWORD: $MIRROR_PASSWORD_RO
                  MIRROR_URL: $MIRROR_HOST/repo
                deploy:
                  script: [rake deploy]
                  rules:
                    - if: $DEPLOYER_TOKEN == null
                      when: never
                    - if: $CI_COMMIT_TAG
                check:
                  trigger:
                    include: ci/check.yml
                  variables:
                    repo_token: "${STAGING_REPO_TOKEN}:@"
                    repo: $STAGING_REPO
                """,
            "ci/check.yml": "verify:\n  script: [./verify.sh]\n",
        ])
        let model = try InputLoader.load(path: repository.root).model
        for name in ["MIRROR_PASSWORD_RO", "DEPLOYER_TOKEN", "STAGING_REPO_TOKEN"] {
            #expect(model.secrets[name] != nil, "\(name): \(model.secrets.keys.sorted())")
        }
        #expect(model.secrets["MIRROR_HOST"] == nil && model.secrets["STAGING_REPO"] == nil, "the control: settings")
        let secret = try #require(model.secrets["STAGING_REPO_TOKEN"])
        #expect(secret.location.line == 14, "where the trigger job passes it on: \(secret.location)")
    }
}
