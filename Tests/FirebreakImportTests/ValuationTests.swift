import FirebreakEngine
import FirebreakImport
import FirebreakModel
import FirebreakTestSupport
import Testing

/// What reaching something is worth: a secret whose name says it holds a setting is not a
/// crown jewel even in a publishing job, and reading a repository is not what makes it critical.
struct ValuationTests {
    @Test func aPublishingJobsSettingsAreNotCrownJewelsButItsTokenIs() throws {
        let repository = try ScratchRepository(files: [".github/workflows/release.yml": """
            on: {push: {tags: ["v*"]}}
            jobs:
              release:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - run: npm publish
                    env:
                      NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}
                      REGISTRY_USERNAME: ${{ secrets.DOCKERHUB_USERNAME }}
                      STS: ${{ secrets.STS_API_URL }}
                      BRANCHES: ${{ secrets.REBASE_BRANCHES }}
                      CHANNEL: ${{ secrets.RELEASE_CHANNEL }}
                      PROJECT: ${{ secrets.COVERITY_SCAN_PROJECT_NAME }}
                      JOBS: ${{ secrets.FDO_CI_CONCURRENT }}
                      SUBSCRIPTION: ${{ secrets.AZURE_SUB_ID }}
                      GPG_PUBLIC: ${{ secrets.GPG_PUBKEY }}
                      GPG_GRIP: ${{ secrets.GPG_KEYGRIP }}
                      KEY_FILE: ${{ secrets.SIGNING_KEY_PATH }}
                      TEAM: ${{ secrets.MACOS_NOTARIZATION_TEAM_ID }}
                      ACCOUNT: ${{ secrets.MACOS_NOTARIZATION_APPLE_ID }}
                      CERT: ${{ secrets.WINDOWS_PUBLIC_KEY_B64 }}
                      KEY: ${{ secrets.WINDOWS_PRIVATE_KEY_B64 }}
            """])
        let model = try InputLoader.load(path: repository.root).model
        let result = try Examples.run("compromised-third-party-action", on: model)
        #expect(result.crownJewels.contains(NodeID(.secret, "NPM_TOKEN")))
        #expect(result.crownJewels.contains(NodeID(.secret, "SIGNING_KEY_PATH")), "a file variable's path stands for the key")
        #expect(result.crownJewels.contains(NodeID(.secret, "WINDOWS_PRIVATE_KEY_B64")), "an encoded private key is the key")
        for setting in ["DOCKERHUB_USERNAME", "STS_API_URL", "REBASE_BRANCHES", "RELEASE_CHANNEL", "COVERITY_SCAN_PROJECT_NAME", "FDO_CI_CONCURRENT", "AZURE_SUB_ID",
                        "GPG_PUBKEY", "GPG_KEYGRIP", "MACOS_NOTARIZATION_TEAM_ID", "MACOS_NOTARIZATION_APPLE_ID", "WINDOWS_PUBLIC_KEY_B64"] {
            let asset = try #require(result.asset(NodeID(.secret, setting)), "\(setting) is still reached")
            #expect(!asset.crownJewel && asset.criticality == .low, "\(setting) holds a setting, not a credential")
            #expect(model.assumptions.contains { $0.subject == NodeID(.secret, setting) && $0.statement.contains("holds a setting") })
        }
    }

    /// A secret whose name says it holds a signing keystore (GNOME libadwaita's
    /// `ANDROID_KEYSTORE_ENC`, decoded for `apksigner`) is a crown jewel in any job, stated; the
    /// key's alias beside it is a setting.
    @Test func aSigningKeystoreIsACrownJewelByItsName() throws {
        let repository = try ScratchRepository(files: [".gitlab-ci.yml": """
            build-android:
              script:
                - echo "$ANDROID_KEYSTORE_ENC" | base64 -d > keystore.jks
                - ./gradlew assembleRelease -Palias="$ANDROID_KEYSTORE_ALIAS" -Ptoken="$ANDROID_SDK_TOKEN"
            """])
        let model = try InputLoader.load(path: repository.root).model
        #expect(model.isCrownJewel(NodeID(.secret, "ANDROID_KEYSTORE_ENC")))
        #expect(model.assumptions.contains { $0.subject == NodeID(.secret, "ANDROID_KEYSTORE_ENC") && $0.statement.contains("signing keystore") })
        // The controls: the alias is a setting; another credential's use stays unknown.
        #expect(model.secrets["ANDROID_KEYSTORE_ALIAS"]?.criticality == .low)
        #expect(model.secrets["ANDROID_SDK_TOKEN"]?.criticality == .high)
    }

    /// A secret of unknown use counts as high, unless a publishing job makes it a crown jewel: then
    /// its assumptions say that alone, not both.
    @Test func aSecretsAssumptionsAgreeOnWhatItIsWorth() throws {
        let repository = try ScratchRepository(files: [".github/workflows/ci.yml": """
            on: {push: {tags: ["v*"]}}
            jobs:
              lint:
                runs-on: ubuntu-latest
                steps:
                  - run: make lint
                    env: {TOKEN: "${{ secrets.LINT_SERVICE_KEY }}"}
              release:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - run: npm publish
                    env: {RELEASE_SIGNING_KEY: "${{ secrets.DOCKER_HUB_PASSWORD }}"}
            """])
        let model = try InputLoader.load(path: repository.root).model
        func statements(_ secret: String) -> [String] { model.assumptions.filter { $0.subject == NodeID(.secret, secret) }.map(\.statement) }
        #expect(model.secrets["DOCKER_HUB_PASSWORD"]?.criticality == .critical)
        #expect(statements("DOCKER_HUB_PASSWORD").contains { $0.hasSuffix("so it is taken to publish releases: a crown jewel") })
        #expect(statements("DOCKER_HUB_PASSWORD").contains { $0.hasSuffix("what it opens is unknown") })
        #expect(!statements("DOCKER_HUB_PASSWORD").contains { $0.contains("counts as high") }, "\(statements("DOCKER_HUB_PASSWORD"))")
        #expect(model.secrets["LINT_SERVICE_KEY"]?.criticality == .high)
        #expect(statements("LINT_SERVICE_KEY").contains { $0.hasSuffix("what it opens is unknown, so it counts as high") })
    }

    /// A context file that says only where a secret lives (its environment, as the settle hint
    /// asks) leaves what it is worth to the evidence: a publishing job's token stays a crown
    /// jewel; one that gives a criticality keeps it.
    @Test func aSecretTheContextPlacesButDoesNotRateIsWeighedFromTheEvidence() throws {
        func model(context secret: String) throws -> PipelineModel {
            let repository = try ScratchRepository(files: [
                ".github/workflows/release.yml": SampleWorkflow.oneJob("publish", on: "{push: {tags: [\"v*\"]}}", environment: "release", steps: [
                    "run: cargo publish\nenv: {CARGO_REGISTRY_TOKEN: \"${{ secrets.CARGO_REGISTRY_TOKEN }}\"}",
                ]),
                "firebreak.context.yml": """
                    firebreak: 1
                    repository: {name: acme/app}
                    environments: {release: {allowedTags: ["v*"]}}
                    secrets: {CARGO_REGISTRY_TOKEN: \(secret)}
                    """])
            return try InputLoader.load(path: repository.root).model
        }
        let placed = try model(context: "{environment: release}")
        let token = try #require(placed.secrets["CARGO_REGISTRY_TOKEN"])
        #expect(token.environment?.name == "release" && (token.criticality == .critical || token.carries != nil), "\(token)")
        let result = try Examples.run("compromised-build-step", on: placed)
        #expect(result.crownJewels.contains(NodeID(.secret, "CARGO_REGISTRY_TOKEN")), "the publishing token is still worth a crown jewel")
        let rated = try model(context: "{environment: release, criticality: low}")
        #expect(rated.secrets["CARGO_REGISTRY_TOKEN"]?.criticality == .low, "the context's own rating stands")
    }

    @Test(arguments: [("public", Criticality.low), ("private", Criticality.medium)])
    func readingTheRepositoryIsNotACrownJewel(visibility: String, worth: Criticality) throws {
        let model = try ModelLoader().load(text: """
            firebreak: 1
            name: reader
            platform: github
            repository: {name: acme/app, visibility: \(visibility), criticality: critical}
            actors: {dev: {role: contributor}}
            triggers: {push: {event: push}}
            runners: {hosted: {hosting: hosted}}
            jobs: {test: {role: build, triggers: [push], runsOn: hosted, token: {grants: {repository:acme/app: read}}}}
            """, file: "reader.yml")
        let result = try Examples.run("compromised-build-step", on: model)
        let asset = try #require(result.asset(NodeID(.repository, "acme/app")))
        #expect(asset.level == .read)
        #expect(!asset.crownJewel && asset.criticality == worth)
        #expect(!result.crownJewels.contains(NodeID(.repository, "acme/app")))
    }
}
