import FirebreakEngine
import FirebreakImport
import FirebreakModel
import FirebreakTestSupport
import Testing

/// A side branch's pipeline gets none of the protected variables (GitLab Docs, *Protect a CI/CD
/// variable*): a rewritten pipeline's deploy job, run there, deploys only with what such a run
/// receives, and a build's artifact reaches the deploy job of its own pipeline only.
@Suite struct GitLabSideBranchDeployTests {
    static let pipeline = """
        stages: [build, release]
        helper:
          stage: build
          script: [make helper]
          artifacts: {paths: [out/]}
        publish:
          stage: release
          script:
            - echo "$HUB_PASSWORD" | docker login -u bot --password-stdin
            - docker push acme/app:edge
          environment: edge
          needs: [helper]
        check:
          stage: release
          script: [./verify.sh]
          environment: edge
          needs: [helper]
        """

    /// `pipeline` with only the job that names no variable deploying.
    static let checkOnly = pipeline.replacingOccurrences(of: "  environment: edge\n  needs: [helper]\ncheck:", with: "  needs: [helper]\ncheck:")

    /// A scenario played on `file` in a private project with a contributor, `secrets` saying
    /// what the context file says of them.
    static func run(_ scenario: String, file: String = pipeline, secrets: String = "") throws -> BlastRadius {
        let repository = try ScratchRepository(files: [".gitlab-ci.yml": file, "firebreak.context.yml": """
            firebreak: 1
            repository: {name: acme/app, visibility: private}
            actors: {dev: {role: contributor}}
            \(secrets)
            """])
        return try Examples.run(scenario, on: try InputLoader.load(path: repository.root).model)
    }

    static let target = NodeID(.resource, "edge target")

    @Test func aRewrittenPipelineDeploysFromItsBranchWithAVariableThatReachesIt() throws {
        let open = try Self.run("poisoned-pipeline-definition")
        let deploy = try #require(open.facts.derivation(of: Fact(.access, Self.target, .deploy)))
        #expect(deploy.rule == "artifact-deploy")
        // What the side branch's deployment rests on: the variable the job deploys with reaches it.
        #expect(deploy.caveats.contains { $0.hasPrefix("assumed: job '") && $0.contains("deploys with a secret a side branch's run receives (HUB_PASSWORD:") },
                "\(deploy.caveats)")
        #expect(deploy.caveats.contains { $0.hasPrefix("assumed: environment 'edge' is not protected") }, "\(deploy.caveats)")
        #expect(deploy.caveats.contains { $0.hasPrefix("assumed: jobs in environment 'edge' deliver what they download") }, "\(deploy.caveats)")
    }

    @Test func aProtectedVariableKeepsTheSideBranchsRunFromDeploying() throws {
        let closed = try Self.run("poisoned-pipeline-definition", secrets: "secrets: {HUB_PASSWORD: {protectedBranchesOnly: true}}")
        #expect(closed.facts.best(.exec, NodeID(.job, "publish")) == .unprotected, "the rewritten pipeline still runs the deploy job")
        #expect(!closed.facts.has(.access, Self.target, atLeast: .deploy))
    }

    /// A job that names no variable deploys with those GitLab hands it unnamed: none in a side
    /// branch's run when every one is protected.
    @Test func aJobNamingNoVariableDeploysOnlyWithOneThatReachesTheBranch() throws {
        let open = try Self.run("poisoned-pipeline-definition", file: Self.checkOnly)
        #expect(open.facts.has(.access, Self.target, atLeast: .deploy))
        let closed = try Self.run("poisoned-pipeline-definition", file: Self.checkOnly, secrets: "secrets: {HUB_PASSWORD: {protectedBranchesOnly: true}}")
        #expect(!closed.facts.has(.access, Self.target, atLeast: .deploy))
    }

    /// The legitimate pipeline still ships what its own hijacked build made, with the protected
    /// variable; the hop says the artifact went no further than that pipeline.
    @Test func aHijackedBuildShipsThroughItsOwnPipeline() throws {
        let result = try Self.run("compromised-build-step", secrets: "secrets: {HUB_PASSWORD: {protectedBranchesOnly: true}}")
        let deploy = try #require(result.facts.derivation(of: Fact(.access, Self.target, .deploy)))
        #expect(deploy.caveats.contains(Caveat.legitimateReleaseInPipeline))
        #expect(!deploy.caveats.contains(Caveat.legitimateRelease))
    }

    /// GitLab hands a hijacked build every variable: the fix scopes the deploy credential to the
    /// environment its users deploy through, and never proposes withholding it from one job,
    /// which GitLab cannot do.
    @Test func theFixScopesAVariableToItsUsersEnvironment() throws {
        var file = Self.pipeline
        file = file.replacingOccurrences(of: "check:\n  stage: release\n  script: [./verify.sh]\n  environment: edge\n  needs: [helper]\n", with: "")
        let repository = try ScratchRepository(files: [".gitlab-ci.yml": file, "firebreak.context.yml": "firebreak: 1\nrepository: {name: acme/app}\n"])
        let model = try InputLoader.load(path: repository.root).model
        let library = try Examples.library().scenarios.filter { $0.id == "compromised-build-step" }
        let advice = FixAdvisor(model: model, scenarios: library, keeps: [], writable: { _ in true }, written: nil).advise()
        let changes = advice.candidates.map(\.change) + advice.remaining.flatMap(\.byHand)
        #expect(changes.contains(ModelChange(.scopeSecret, NodeID(.secret, "HUB_PASSWORD"), NodeID(.environment, "edge"))), "\(changes)")
        #expect(!changes.contains { $0.kind == .withholdSecret }, "\(changes)")
    }

    /// A job that does not name a variable still receives it, and its hop says so: the place it
    /// cites is where another job names the variable.
    @Test func aJobReceivesAVariableItDoesNotNameAndSaysSo() throws {
        func why(helperScript: String) throws -> String {
            let file = Self.pipeline.replacingOccurrences(of: "script: [make helper]", with: "script: [\(helperScript)]")
            let repository = try ScratchRepository(files: [".gitlab-ci.yml": file])
            let result = try Examples.run("compromised-build-step", on: try InputLoader.load(path: repository.root).model)
            let read = try #require(result.facts.derivation(of: Fact(.read, NodeID(.secret, "HUB_PASSWORD"))))
            return read.why
        }
        #expect(try why(helperScript: "make helper").contains("receives secret 'HUB_PASSWORD' for its whole run without naming it (GitLab hands"))
        #expect(try !why(helperScript: "make helper HUB=$HUB_PASSWORD").contains("without naming it"))
    }

    /// GitLab publishes the `pages` job's site from whatever ref runs it, with no credential of
    /// the job's: a side branch's rewritten pipeline deploys it whatever the variables' protection,
    /// and the hop rests on no variable.
    @Test func aPagesJobDeploysFromASideBranchWithNoVariable() throws {
        let file = """
            docs:
              stage: build
              script: [make docs, echo $HUB_PASSWORD >/dev/null]
              artifacts: {paths: [site/]}
            pages:
              stage: deploy
              script: [mv site public]
              artifacts: {paths: [public]}
              needs: [docs]
            """
        let result = try Self.run("poisoned-pipeline-definition", file: file, secrets: "secrets: {HUB_PASSWORD: {protectedBranchesOnly: true}}")
        let deploy = try #require(result.facts.derivation(of: Fact(.access, NodeID(.resource, "gitlab-pages"), .deploy)))
        #expect(!deploy.caveats.contains { $0.contains("deploys with a secret") }, "\(deploy.caveats)")
    }

    /// A deploy job that names only a protected variable still deploys from a side branch with
    /// what such a run holds: its own job token, or another variable it uses through one the
    /// file sets (GitLab hands a job every variable).
    @Test func aSideBranchDeploysWithTheJobTokenOrAVariableItUsesUnnamed() throws {
        func reaches(_ script: String, top: String = "", environment: String = "edge") throws -> Bool {
            let file = """
                \(top)
                stages: [build, release]
                helper: {stage: build, script: [make], artifacts: {paths: [out/]}}
                publish:
                  stage: release
                  script: ["echo $SIGNING_PASS | gpg --batch --passphrase-fd 0 -s out/app", "\(script)"]
                  environment: \(environment)
                  needs: [helper]
                """
            let result = try Self.run("poisoned-pipeline-definition", file: file, secrets: "secrets: {SIGNING_PASS: {protectedBranchesOnly: true}}")
            return result.facts.has(.access, Self.target, atLeast: .deploy)
        }
        #expect(try reaches("curl --header JOB-TOKEN:$CI_JOB_TOKEN --upload-file out/app $CI_API_V4_URL/packages"))
        #expect(try reaches("docker login -p $REGISTRY_AUTH hub.example.com", top: "variables: {REGISTRY_AUTH: $HUB_TOKEN}"))
        // The controls: nothing but the protected variable to deploy with; a job token that opens
        // the project's registry, where the environment's page is Docker Hub's (gitlab-runner).
        #expect(try !reaches("./upload.sh out/app"))
        #expect(try !reaches("docker login -u $CI_REGISTRY_USER -p $CI_REGISTRY_PASSWORD $CI_REGISTRY && docker push $CI_REGISTRY_IMAGE/app",
                             environment: "{name: edge, url: 'https://hub.docker.com/r/acme/app/tags'}"))
    }
}
