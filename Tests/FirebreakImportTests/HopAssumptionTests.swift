import FirebreakEngine
import FirebreakImport
import FirebreakModel
import FirebreakReport
import FirebreakTestSupport
import Testing

/// What the import assumed is said on the hop that rests on it. A workflow that sets no
/// `permissions:` gives its jobs' GITHUB_TOKEN the legacy default, which the import assumes
/// broad (write): listed once for the workflow, said on the hop into each of its jobs' tokens.
/// A cloud role's trust, assumed to take any ref of the repository, is said on every hop into it.
struct HopAssumptionTests {
    static func tokenHop(_ permissions: String) throws -> (caveats: [String], assumptions: Int) {
        let repository = try ScratchRepository(files: [".github/workflows/ci.yml": """
            on: {push: {branches: [main]}}
            \(permissions)
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
                  - run: make
              docs:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
                  - run: make docs
            """])
        let model = try InputLoader.load(path: repository.root).model
        let result = try Examples.run("compromised-build-step", on: model)
        let hop = try #require(result.facts.derivation(of: Fact(.hold, NodeID(.identity, "ci/build.token"))), "the build job's token is held")
        return (hop.caveats, model.assumptions.filter { $0.statement.contains("sets no `permissions:`") }.count)
    }

    @Test func aTokenWithTheAssumedDefaultSaysSoOnItsHop() throws {
        let (caveats, assumptions) = try Self.tokenHop("")
        #expect(caveats.contains("assumed: workflow '.github/workflows/ci.yml' sets no `permissions:`, so its GITHUB_TOKEN is assumed to have the broad legacy default (write)"),
                "\(caveats)")
        #expect(assumptions == 1, "listed once for the workflow, not once per job")
    }

    @Test func aTokenWithDeclaredPermissionsAssumesNothing() throws {
        let (caveats, assumptions) = try Self.tokenHop("permissions: {contents: write}")
        #expect(!caveats.contains { $0.hasPrefix("assumed:") }, "\(caveats)")
        #expect(assumptions == 0)
    }

    /// A personal token seen only where a step takes it is assumed to write the repository: the
    /// branch or tag push that rests on that says so, where the path starts from the token itself (the leaked
    /// token's foothold has no hop into it to say it on). A token the model declares says nothing there.
    @Test func aPushWithAnAssumedTokenSaysSoOnThePush() throws {
        let repository = try ScratchRepository(files: [".github/workflows/docs.yml": """
            on: {push: {branches: [main]}}
            permissions: {contents: write}
            jobs:
              publish:
                runs-on: ubuntu-latest
                steps:
                  - run: git clone "https://x-access-token:${DOCS_PAT}@github.com/acme/docs.git" && ./docs/push.sh
                    env: {DOCS_PAT: "${{ secrets.DOCS_PAT }}"}
                  - run: gh pr create --repo acme/docs --fill
                    env: {GH_TOKEN: "${{ secrets.DOCS_PAT }}"}
            """, ".github/workflows/release.yml": """
            on: {push: {tags: ["v*"]}}
            permissions: {contents: read}
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
                  - run: make dist
            """])
        let model = try InputLoader.load(path: repository.root).model
        let leaked = try Examples.run("leaked-god-token", on: model)
        let push = try #require(leaked.facts.derivation(of: Fact(.push, NodeID(.branch, "*"))), "the token pushes a branch")
        #expect(push.caveats.contains { $0.hasPrefix("assumed: secret 'DOCS_PAT'") }, "\(push.caveats)")
        let tagged = try #require(leaked.facts.derivation(of: Fact(.start, NodeID(.job, "release/build"), .unprotected)), "the token pushes a tag")
        #expect(tagged.caveats.contains { $0.hasPrefix("assumed: secret 'DOCS_PAT'") }, "\(tagged.caveats)")
        let declared = try ModelLoader().load(text: ExampleModel.wrap("""
            branches: {main: {requiredReviews: 1}}
            identities: {docs-pat: {type: personal-token, lifetime: static, grants: {repository:acme/app: write}}}
            """), file: "declared.yml")
        let declaredPush = try #require(try Examples.run("leaked-god-token", on: declared).facts.derivation(of: Fact(.push, NodeID(.branch, "*"))))
        #expect(!declaredPush.caveats.contains { $0.hasPrefix("assumed: secret") }, "the control: a declared token's grant is no assumption: \(declaredPush.caveats)")
    }

    @Test func anAssumedTrustIsSaidOnThePoisonedPipelinesHopIntoTheRole() throws {
        let repository = try ScratchRepository(files: [".github/workflows/deploy.yml": """
            on: {push: {branches: [main]}}
            permissions: {id-token: write, contents: read}
            jobs:
              deploy:
                runs-on: ubuntu-latest
                steps:
                  - uses: aws-actions/configure-aws-credentials@e3dd6a429d7300a6a4c196c26e071d42e0343502
                    with: {role-to-assume: "arn:aws:iam::123456789012:role/deploy", aws-region: eu-west-1}
                  - run: ./deploy.sh
            """])
        let model = try InputLoader.load(path: repository.root).model
        let role = try #require(model.identities.values.first { $0.trust != nil })
        #expect(model.assumptions.contains { $0.subject == role.id }, "the role's trust is not in the repository: assumed")
        let result = try Examples.run("poisoned-pipeline-definition", on: model)
        let hop = try #require(result.facts.derivation(of: Fact(.hold, role.id)))
        #expect(hop.rule == "poisoned-pipeline")
        #expect(hop.caveats.contains { $0.hasPrefix("assumed:") }, "\(hop.caveats)")
    }

    /// A static key found in a workflow is assumed to administer its cloud: the hop into the
    /// cloud says so. One declared with its grants (a native model) assumes nothing.
    @Test func aStaticKeysAssumedGrantIsSaidOnTheHopItOpens() throws {
        let repository = try ScratchRepository(files: [".github/workflows/upload.yml": """
            on: {push: {branches: [main]}}
            permissions: {contents: read}
            jobs:
              upload:
                runs-on: ubuntu-latest
                steps:
                  - run: aws s3 cp dist s3://example-dist/
                    env: {AWS_SECRET_ACCESS_KEY: "${{ secrets.DIST_KEY }}"}
            """])
        let found = try InputLoader.load(path: repository.root).model
        let hop = try #require(try Examples.run("stolen-static-key", on: found).facts.derivation(of: Fact(.access, NodeID(.resource, "aws-account"), .admin)))
        #expect(hop.caveats.contains { $0.hasPrefix("assumed: static key 'aws-key:DIST_KEY' administers") }, "\(hop.caveats)")
        let declared = try ModelLoader().load(text: ExampleModel.wrap("""
            resources: {aws-account: {type: cloud-account, criticality: critical}}
            identities: {dist-key: {type: static-key, grants: {resource:aws-account: admin}}}
            """), file: "declared.yml")
        let declaredHop = try #require(try Examples.run("stolen-static-key", on: declared).facts.derivation(of: Fact(.access, NodeID(.resource, "aws-account"), .admin)))
        #expect(!declaredHop.caveats.contains { $0.hasPrefix("assumed:") }, "\(declaredHop.caveats)")
    }

    /// A repository taken to be a crown jewel because a job publishes its releases: the hop that
    /// writes it says so (a verdict counts it as resting on an assumption), and says nothing of
    /// the repository's other assumptions, which are not about its value.
    static func repositoryHop(context: String?) throws -> (caveats: [String], model: PipelineModel) {
        var files = [".github/workflows/release.yml": """
            on: {push: {tags: ["v*"]}}
            permissions: {contents: write}
            jobs:
              release:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
                  - run: npm ci
                  - run: gh release create "$GITHUB_REF_NAME" dist/*
            """]
        if let context { files[InputLoader.contextFileName] = context }
        let model = try InputLoader.load(path: try ScratchRepository(files: files).root).model
        let result = try Examples.run("compromised-build-step", on: model)
        let hop = try #require(result.facts.derivation(of: Fact(.access, model.repository.id, .write)), "the release job's token writes the repository")
        return (hop.caveats, model)
    }

    @Test func aRepositoryValuedByItsReleasesSaysSoOnTheHopIntoIt() throws {
        let (caveats, model) = try Self.repositoryHop(context: nil)
        #expect(model.repository.criticality == .critical)
        #expect(caveats.contains { $0.hasPrefix("assumed: the repository's releases are published for others") }, "\(caveats)")
        #expect(!caveats.contains { $0.contains("the repository is public") }, "\(caveats)")
    }

    @Test func aRepositoryWhoseValueTheContextGivesAssumesNothingOnTheHop() throws {
        let (caveats, _) = try Self.repositoryHop(context: "firebreak: 1\nrepository: {name: acme/app, criticality: critical}\n")
        #expect(!caveats.contains { $0.hasPrefix("assumed:") }, "\(caveats)")
    }
}

/// The verdict names the assumption most of the worst scenario's crown jewels rest on: the first
/// thing to settle before believing them.
@Suite struct VerdictAssumptionTests {
    static func verdict(runner: String) throws -> String {
        let repository = try ScratchRepository(files: [
            ".github/workflows/ci.yml": """
                on: pull_request
                permissions: {contents: read}
                jobs:
                  test:
                    runs-on: \(runner)
                    steps:
                      - run: make test
                """,
            ".github/workflows/release.yml": """
                on: {push: {branches: [main]}}
                permissions: {contents: read}
                jobs:
                  publish:
                    runs-on: \(runner)
                    steps:
                      - run: npm publish
                        env: {NODE_AUTH_TOKEN: "${{ secrets.NPM_TOKEN }}"}
                """,
        ])
        let model = try InputLoader.load(path: repository.root).model
        let simulation = Simulation(model: model)
        let library = try Examples.library()
        let results = ["malicious-fork-pr", "compromised-build-step"].compactMap { library.scenario(id: $0) }.map { simulation.run($0) }
        return SimulationText(model: model, results: results, assumptions: simulation.assumptions).text
            .components(separatedBy: "\n").prefix(4).joined(separator: " ")
    }

    @Test func theVerdictNamesTheAssumptionTheCrownJewelsRestOn() throws {
        let verdict = try Self.verdict(runner: "[self-hosted, linux]")
        #expect(verdict.contains("the worst, malicious-fork-pr"), "\(verdict)")
        #expect(verdict.contains("every one resting on an assumption, 2 on: self-hosted runners labelled self-hosted, linux are persistent"), "\(verdict)")
    }

    @Test func aVerdictOnNoAssumptionNamesNone() throws {
        // The control: a native model that states everything leaves nothing to name.
        let model = try Examples.model("skeleton-key")
        let simulation = Simulation(model: model)
        let text = SimulationText(model: model, results: simulation.run(try Examples.library().scenarios), assumptions: []).text
        let verdict = text.components(separatedBy: "\n").prefix(3).joined(separator: " ")
        #expect(verdict.contains("the worst, malicious-fork-pr"), "\(verdict)")
        #expect(!verdict.contains("resting on") && !verdict.contains(" on: "), "\(verdict)")
    }
}

/// A secret's level (repository or environment) decides which jobs receive it, not whether the
/// job that names it does: that job's run as written reads it either way, and its hop says
/// nothing of the level; a rewritten job's run does rest on it, and says so.
@Suite struct SecretLevelHopTests {
    static func readCaveats(_ scenario: String) throws -> [String] {
        let repository = try ScratchRepository(files: [".github/workflows/ci.yml": """
            on: {push: {branches: ["**"]}}
            permissions: {contents: read}
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - run: make
                    env: {SIGNING_PASSWORD: "${{ secrets.SIGNING_PASSWORD }}"}
            """])
        let model = try InputLoader.load(path: repository.root).model
        let result = try Examples.run(scenario, on: model)
        let hop = try #require(result.facts.derivation(of: Fact(.read, NodeID(.secret, "SIGNING_PASSWORD"))), "\(scenario)")
        return hop.caveats
    }

    @Test func theJobThatNamesTheSecretReadsItWhateverItsLevel() throws {
        #expect(!(try Self.readCaveats("compromised-build-step")).contains { $0.contains("is defined at repository level") })
    }

    @Test func aRewrittenJobsReadRestsOnItsLevel() throws {
        // The control: the attacker's job on a branch gets it only if no environment keeps it.
        #expect(try Self.readCaveats("poisoned-pipeline-definition").contains { $0.contains("is defined at repository level") })
    }
}
