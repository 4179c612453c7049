import FirebreakEngine
import FirebreakImport
import FirebreakModel
import FirebreakPatch
import FirebreakTestSupport
import Foundation
import Testing

/// A registry that takes a workflow's OIDC token (trusted publishing) checks the workflow
/// file, and the environment only where its trusted publisher names one (optional on npm and
/// PyPI). An environment that keeps a branch out does not keep out a rewrite of the workflow
/// that drops `environment:`, unless the registry requires that environment.
struct PublisherEnvironmentTests {
    static let fixture = ImportFixtures.path("gh-publisher-environment")
    static let npm = Fact(.access, NodeID(.resource, "npm"), .write)

    /// The fixture copied with `extra` appended to its context file.
    static func copy(appending extra: String, environments: String? = nil) throws -> String {
        var context = try String(contentsOfFile: (fixture as NSString).appendingPathComponent(InputLoader.contextFileName), encoding: .utf8)
        let workflow = try String(contentsOfFile: (fixture as NSString).appendingPathComponent(".github/workflows/publish.yml"), encoding: .utf8)
        if let environments { context = context.replacingOccurrences(of: "  npm: {allowedBranches: [main]}\n", with: environments) }
        let repository = try ScratchRepository(named: "widgets", files: [
            ".github/workflows/publish.yml": workflow, InputLoader.contextFileName: context + extra,
        ])
        return repository.root
    }

    @Test func aBranchTheEnvironmentKeepsOutStillPublishesThroughTheRewrittenWorkflow() throws {
        let loaded = try InputLoader.load(path: Self.fixture)
        #expect(loaded.model.environments["npm"]?.allowedBranches == ["main"], "the context keeps side branches out of the environment")
        let result = try Examples.run("poisoned-pipeline-definition", on: loaded.model)
        let hop = try #require(result.facts.derivation(of: Self.npm), "npm trusts the workflow file, not the environment")
        #expect(hop.rule == "poisoned-pipeline")
        #expect(hop.why.contains("without environment 'npm'"), "\(hop.why)")
        #expect(hop.caveats.contains { $0.hasPrefix("assumed: npm's trusted publisher names no environment") }, "\(hop.caveats)")
        #expect(!result.facts.contains(Fact(.exec, NodeID(.job, "publish/publish"), .unprotected)), "the job as written does not run on a side branch")
        // The assumption is listed, with how to settle it.
        let listed = try #require(loaded.model.assumptions.first { $0.statement == Resource.openTrustedPublisher("npm") })
        #expect(listed.subject == NodeID(.resource, "npm") && listed.settle.contains("trustedPublisherEnvironment"))
    }

    /// Only the paths that run the workflow outside the publishing job's environment rest on
    /// the registry not requiring it: the publishing job's own token does not.
    @Test func thePublishingJobsOwnPathDoesNotRestOnTheOpenPublisher() throws {
        let loaded = try InputLoader.load(path: Self.fixture)
        let result = try Examples.run("compromised-build-step", on: loaded.model)
        let hop = try #require(result.facts.derivation(of: Self.npm))
        #expect(hop.rule == "identity-grants")
        #expect(!hop.caveats.contains { $0.contains("names no environment") }, "\(hop.caveats)")
    }

    @Test func aPublisherThatRequiresTheEnvironmentKeepsTheBranchOut() throws {
        let root = try Self.copy(appending: "resources:\n  npm: {type: package-registry, criticality: critical, trustedPublisherEnvironment: npm}\n")
        let loaded = try InputLoader.load(path: root)
        #expect(loaded.diagnostics.filter { $0.severity == .error }.isEmpty, "\(loaded.diagnostics)")
        let result = try Examples.run("poisoned-pipeline-definition", on: loaded.model)
        #expect(!result.facts.contains(Self.npm))
    }

    @Test func aRequiredEnvironmentThatAdmitsTheBranchLetsItPublish() throws {
        let root = try Self.copy(appending: """
            resources:
              npm: {type: package-registry, criticality: critical, trustedPublisherEnvironment: staging}
            """ + "\n", environments: "  npm: {allowedBranches: [main]}\n  staging: {}\n")
        let loaded = try InputLoader.load(path: root)
        #expect(loaded.diagnostics.filter { $0.severity == .error }.isEmpty, "\(loaded.diagnostics)")
        let result = try Examples.run("poisoned-pipeline-definition", on: loaded.model)
        let hop = try #require(result.facts.derivation(of: Self.npm))
        #expect(hop.why.contains("in environment 'staging'"), "\(hop.why)")
        #expect(!hop.caveats.contains { $0.contains("names no environment") }, "the requirement is known: \(hop.caveats)")
    }

    @Test func anUndeclaredRequiredEnvironmentIsAnError() throws {
        let root = try Self.copy(appending: "resources:\n  npm: {type: package-registry, trustedPublisherEnvironment: nmp}\n")
        let error = #expect(throws: (any Error).self) { try InputLoader.load(path: root) }
        let text = error.map { "\($0)" } ?? ""
        #expect(text.contains("firebreak.context.yml:12:3") && text.contains("trusted publisher of 'npm' requires undeclared environment 'nmp'"), "\(text)")
    }

    @Test func theFixRequiresTheEnvironmentInTheRegistrysPublisher() throws {
        let trip = try FixAdvisorTests.roundTrip(Self.fixture, scenarios: ["poisoned-pipeline-definition"])
        #expect(trip.advice.minimalSet.map(\.change) == [ModelChange(.requirePublisherEnvironment, NodeID(.resource, "npm"), NodeID(.environment, "npm"))])
        let context = try #require(trip.patch.files.first { $0.path == InputLoader.contextFileName })
        #expect(context.patched.contains("trustedPublisherEnvironment: npm"), "\(context.patched)")
        #expect(trip.reimported.model.resources["npm"]?.trustedPublisherEnvironment == "npm")
        #expect(trip.after.allSatisfy { $0.crownJewels.isEmpty }, "\(trip.after)")
    }

    /// node-gyp's release workflow, in outline: `id-token: write` for the whole workflow, so the
    /// release-please job, whose action is pinned by tag, may mint the token npm trusts for the
    /// publishing job.
    static func siblingRelease(permissions: String) throws -> ImportResult {
        let repository = try ScratchRepository(files: [".github/workflows/release.yml": """
            on: {push: {branches: [main]}}
            \(permissions)
            jobs:
              prepare:
                runs-on: ubuntu-latest
                steps:
                  - uses: googleapis/release-please-action@v4
              publish:
                needs: prepare
                runs-on: ubuntu-latest
                permissions: {contents: read, id-token: write}
                steps:
                  - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
                  - run: npm publish
            """])
        return try InputLoader.load(path: repository.root)
    }

    @Test func anotherJobOfTheWorkflowThatMintsATokenPublishes() throws {
        let loaded = try Self.siblingRelease(permissions: "permissions: {contents: read, id-token: write}")
        let result = try Examples.run("compromised-third-party-action", on: loaded.model)
        let hop = try #require(result.facts.derivation(of: Self.npm), "the prepare job's token is one npm takes")
        #expect(hop.rule == "oidc-federation")
        #expect(hop.premises == [Fact(.exec, NodeID(.job, "release/prepare"))], "\(hop.premises)")
    }

    @Test func aJobWithoutIdTokenWriteDoesNotPublish() throws {
        let loaded = try Self.siblingRelease(permissions: "permissions: {contents: read}")
        let result = try Examples.run("compromised-third-party-action", on: loaded.model)
        #expect(result.facts.contains(Fact(.exec, NodeID(.job, "release/prepare"))), "the tag-pinned action runs in prepare")
        #expect(!result.facts.contains(Self.npm), "only the publishing job mints a token, and its steps are pinned")
    }

    /// npm and crates.io match the run's top-level workflow (`workflow_ref`: the caller of a
    /// reusable workflow), PyPI the file that holds the job (`job_workflow_ref`, checked by
    /// Warehouse): a job of the caller that may mint a token publishes to npm as the called
    /// workflow's npm job does, not to PyPI; a poisoned pipeline rewrites the file each checks.
    static func calledPublishers() throws -> ImportResult {
        let called = { (registry: String, step: String) in """
            on: {workflow_call: {}}
            jobs:
              upload:
                runs-on: ubuntu-latest
                environment: release
                permissions: {id-token: write}
                steps:
                  - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
                  - \(step)
            """ + (registry.isEmpty ? "" : "\n") }
        let repository = try ScratchRepository(files: [
            ".github/workflows/release.yml": """
                on: {push: {tags: ["v*"]}}
                permissions: {contents: read, id-token: write}
                jobs:
                  docker:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: docker/build-push-action@v6
                  pypi:
                    uses: ./.github/workflows/publish-pypi.yml
                  npm:
                    uses: ./.github/workflows/publish-npm.yml
                """,
            ".github/workflows/publish-pypi.yml": called("pypi", "uses: pypa/gh-action-pypi-publish@dc37677b2e1c63e2034f94d8a5b11f265b73ba33"),
            ".github/workflows/publish-npm.yml": called("npm", "run: npm publish"),
            InputLoader.contextFileName: """
                firebreak: 1
                repository: {name: acme/tool, defaultBranch: main}
                branches: {main: {requiredReviews: 1, enforceAdmins: true}}
                environments: {release: {allowedBranches: [main], allowedTags: ["v*"]}}
                """,
        ])
        return try InputLoader.load(path: repository.root)
    }

    @Test func eachRegistryMatchesTheWorkflowItChecks() throws {
        let loaded = try Self.calledPublishers()
        #expect(loaded.model.jobs["release/npm/upload"]?.calledFrom?.name == ".github/workflows/release.yml")
        let npm = Fact(.access, NodeID(.resource, "npm"), .write), pypi = Fact(.access, NodeID(.resource, "pypi"), .write)
        let third = try Examples.run("compromised-third-party-action", on: loaded.model)
        let hop = try #require(third.facts.derivation(of: npm), "the docker job's tag-pinned action mints the token npm takes")
        #expect(hop.rule == "oidc-federation" && hop.premises.first?.node == NodeID(.job, "release/docker"), "\(hop)")
        #expect(hop.why.contains("naming '.github/workflows/release.yml'"), "\(hop.why)")
        #expect(hop.caveats.contains { $0.contains("names no environment") }, "the publisher runs in 'release', docker in none: \(hop.caveats)")
        #expect(!third.facts.contains(pypi), "PyPI checks job_workflow_ref: the docker job's names release.yml, not publish-pypi.yml")

        let poisoned = try Examples.run("poisoned-pipeline-definition", on: loaded.model)
        let rewrittenNPM = try #require(poisoned.facts.derivation(of: npm))
        #expect(rewrittenNPM.why.hasPrefix("'.github/workflows/release.yml' rewritten on"), "npm trusts the caller: \(rewrittenNPM.why)")
        let rewrittenPyPI = try #require(poisoned.facts.derivation(of: pypi))
        #expect(rewrittenPyPI.why.hasPrefix("'.github/workflows/publish-pypi.yml' rewritten on"), "PyPI trusts the called file: \(rewrittenPyPI.why)")
    }

    /// A GitLab job's ID tokens carry only the audiences its `id_tokens:` lists: a job with a
    /// token for Vault cannot present one PyPI accepts, unlike a GitHub job, which asks for any.
    @Test func aGitLabJobsTokensAreForTheAudiencesItLists() throws {
        let repository = try ScratchRepository(files: [".gitlab-ci.yml": """
            build:
              id_tokens: {VAULT_TOKEN: {aud: "https://vault.example.com"}}
              script: [curl -fsSL https://get.example.dev/install.sh | bash]
            publish:
              id_tokens: {PYPI_ID_TOKEN: {aud: pypi}}
              script: [twine upload dist/*]
              rules: [{if: $CI_COMMIT_TAG}]
            """])
        let model = try InputLoader.load(path: repository.root).model
        #expect(model.jobs["publish"]?.token?.contains { $0.trustedPublishing && $0.target == NodeID(.resource, "pypi") } == true)
        let result = try Examples.run("compromised-third-party-action", on: model)
        #expect(result.facts.contains(Fact(.exec, NodeID(.job, "build"))))
        #expect(result.facts.derivation(of: Fact(.access, NodeID(.resource, "pypi"), .write))?.rule != "oidc-federation", "\(String(describing: result.facts.derivation(of: Fact(.access, NodeID(.resource, "pypi"), .write))))")
    }
}
