import FirebreakModel

/// A job's role from what it does — the actions it uses, the commands it runs, the
/// environment it deploys through — never from what it is called: renaming a job changes no
/// verdict. Shared by the GitHub and GitLab importers.
enum JobRoles {
    /// The evidence of one job.
    struct Evidence {
        /// `uses:` of its steps, lowercased without the ref (`docker/build-push-action`).
        var actions: [String] = []
        /// Its shell scripts.
        var scripts: [String] = []
        /// Whether it deploys through an environment.
        var deploysThroughEnvironment = false
        /// Whether a build-and-push action is told to push.
        var pushesImage = false
        /// Token scopes the job is granted write on (`packages`, `deployments`, `id-token`).
        var writeScopes: Set<String> = []
        /// Registries whose upload token a step hands its tool in the tool's own variable
        /// (`CARGO_REGISTRY_TOKEN`: `RegistryVariables`): the job uploads there.
        var registriesByToolVariable: Set<String> = []
        /// Whether a step sets up npm's authentication for its registry (setup-node's
        /// `registry-url: https://registry.npmjs.org`): a publishing job publishes there too.
        var authenticatesToNpm = false

        /// Whether the job sets npm up to publish with its OIDC token and runs what says it
        /// publishes: setup-node's authentication for npm's registry, `id-token: write` (which
        /// npm's trusted publishing needs: npm Docs, *Trusted publishing*), and a command, not a
        /// dry run, that names publishing or a release (`./scripts/ui_release.sh --publish`, `npm
        /// run release`). It is taken to publish to npm, though no publish command is read. The
        /// setup and the token alone say nothing: a test job installs private packages with the
        /// one and uploads coverage with the other.
        var preparesNpmTrustedPublishing: Bool {
            guard authenticatesToNpm, writeScopes.contains("id-token") else { return false }
            return JobRoles.commandsThatMayPublish(scripts).contains { command in
                command.split(separator: " ").contains { word in
                    let lowered = word.lowercased()
                    // `--release` is a build's option; `--publish`, `ui_release.sh` and `release` name publishing.
                    return lowered.contains("publish") || (!lowered.hasPrefix("-") && lowered.contains("release"))
                }
            }
        }

        /// Whether npm is among the registries the job publishes to only by its setup
        /// (`preparesNpmTrustedPublishing`): no npm command or action of its own is read.
        var publishesToNpmOnlyBySetup: Bool {
            guard preparesNpmTrustedPublishing else { return false }
            var unread = self
            unread.authenticatesToNpm = false
            return !JobRoles.registries(unread).contains("npm")
        }

        /// Whether a step uses one of the actions named (by prefix: `actions/attest` is also
        /// `actions/attest-build-provenance`).
        func uses(anyOf names: [String]) -> Bool { actions.contains { action in names.contains { action.hasPrefix($0) } } }
    }

    static func role(_ evidence: Evidence) -> Job.Role {
        let script = ShellWords(evidence.scripts.joined(separator: "\n"))
        func runs(_ phrases: CommandPhrases) -> Bool { phrases.occur(in: script) }
        // Only a script that names a publishing command needs its dry runs set apart.
        let namesAPublisher = runs(publishingCommands) || BuildToolPublishing.programs.contains(where: script.vocabulary.contains)
        let publishes = namesAPublisher && publishingCommands.occur(in: ShellWords(commandsThatMayPublish(evidence.scripts).joined(separator: "\n")))
        if evidence.uses(anyOf: publishingActions) || publishes || evidence.pushesImage || evidence.writeScopes.contains("packages")
            || !evidence.registriesByToolVariable.isEmpty || evidence.preparesNpmTrustedPublishing { return .release }
        if evidence.deploysThroughEnvironment || evidence.uses(anyOf: deployingActions) || runs(deployingCommands) || evidence.writeScopes.contains("deployments") { return .deploy }
        // Installing cosign is not signing (tests verify with it): it says so with an OIDC token to sign with.
        let installsSigner = evidence.uses(anyOf: ["sigstore/cosign-installer"]) && evidence.writeScopes.contains("id-token")
        if evidence.uses(anyOf: signingActions) || installsSigner || runs(signingCommands) { return .sign }
        if evidence.uses(anyOf: scanningActions) || runs(scanningCommands) { return .scan }
        if runs(testingCommands) || MakeTestRuns.occur(in: evidence.scripts) { return .test }
        // A repository script named for the tests or the build does what its name says (read
        // only for a job no test command already names).
        let scripted = RepositoryScriptRole.role(of: evidence.scripts)
        if scripted == .test { return .test }
        if evidence.uses(anyOf: ["docker/build-push-action", "actions/upload-artifact"]) || runs(buildingCommands) || scripted == .build { return .build }
        return .other
    }

    /// The package registries a publishing job uploads to, from its actions and commands
    /// (`pypi`, `npm`, `crates.io`, `rubygems`, `nuget`, `snap-store`, `maven`, `container-registry`, `github-releases`).
    static func registries(_ evidence: Evidence) -> [String] {
        let script = ShellWords(commandsThatMayPublish(evidence.scripts).joined(separator: "\n"))
        var found: [String] = []
        for (registry, actions, commands) in registryEvidence {
            let byAction = evidence.uses(anyOf: actions)
            if byAction || commands.occur(in: script) { found.append(registry) }
        }
        if evidence.pushesImage, !found.contains("container-registry") { found.append("container-registry") }
        for registry in evidence.registriesByToolVariable.sorted() where !found.contains(registry) { found.append(registry) }
        // Asked only of a publishing job: setting up npm's authentication says where it publishes.
        if evidence.authenticatesToNpm, !found.isEmpty || evidence.preparesNpmTrustedPublishing, !found.contains("npm") { found.append("npm") }
        return found
    }

    /// The commands of scripts that may publish, each as its words joined by spaces (lines continued
    /// with a backslash read as one, cut at `;`, `&` and `|`: `ShellCommands`): a dry run
    /// (`--dry-run`, goreleaser's `--snapshot`) publishes nothing, nor does an upload to a test
    /// index (`--repository-url https://test.pypi.org/legacy/`, `-r testpypi`), which is not the
    /// registry others install from. Elsewhere `--snapshot` still publishes (`changeset publish
    /// --snapshot` ships a snapshot version to npm). A Gradle or Maven command that publishes is
    /// followed by the phrase it stands for (`BuildToolPublishing`).
    static func commandsThatMayPublish(_ scripts: [String]) -> [String] {
        var commands: [String] = []
        for script in scripts {
            _ = ShellCommands.contains(in: script) { words in
                let command = words.joined(separator: " ")
                if !command.contains("--dry-run"), !command.contains("--dry_run"), !(command.contains("--snapshot") && command.contains("goreleaser")),
                   !namesATestIndex(command) {
                    commands.append(command)
                    // A build tool's publishing task, among its options, as the phrase it stands for.
                    if let phrase = BuildToolPublishing.phrase(of: ShellCommands.commandWords(words)) { commands.append(phrase) }
                }
                return false
            }
        }
        return commands
    }

    /// Whether a secret's name says it is a test index's or a test account's (`TEST_PYPI_TOKEN`,
    /// `UV_TEST_PUBLISH_TOKEN`, `TESTPYPI_PASSWORD`): it ships nothing to users.
    static func namesATestAccount(_ secret: String) -> Bool {
        secret.uppercased().split(separator: "_").contains { $0 == "TEST" || $0 == "TESTPYPI" }
    }

    /// Whether a secret's name says it only reads (`DOCKERHUB_TOKEN_RO`, `REGISTRY_READONLY_TOKEN`,
    /// `NPM_READ_TOKEN`): a token kept to pull or to avoid rate limits, which publishes nothing.
    static func namesAReadOnlyCredential(_ secret: String) -> Bool {
        let words = NameWords.of(secret)
        return words.contains { $0 == "RO" || $0.hasPrefix("READ") }
    }

    /// Whether a text names a package index kept for trying uploads out (TestPyPI), whose
    /// packages nobody installs by default.
    static func namesATestIndex(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return lowered.contains("test.pypi.org") || lowered.contains("testpypi")
    }

    /// The registry a secret of a publishing job is the upload token of, by its name
    /// (`NPM_TOKEN`, `PYPI_API_TOKEN`, `CARGO_REGISTRY_TOKEN`, `DOCKERHUB_TOKEN`), among the
    /// registries the job publishes to.
    static func registryToken(_ secret: String, publishingTo registries: [String]) -> String? {
        let name = secret.uppercased()
        // `_RO`, `READ`: a read-only token, kept to avoid rate limits, uploads nothing.
        guard !namesAReadOnlyCredential(name), !name.contains("READ"), !namesATestAccount(name),
              !ModelBuilder.namesASetting(name), readsAsCredential(name) else { return nil }
        return registries.first { registry in (registryTokenHints[registry] ?? []).contains { name.contains($0) } }
    }

    /// Whether a secret's name says it is a credential (`DOCKERHUB_TOKEN`, `TWINE_PASSWORD`,
    /// `GEM_HOST_API_KEY`), or is nothing but a registry's name (`PYPI`, `DOCKERHUB_PROD`): a
    /// name with another word in it (`CI_DOCKER_CHANNEL`, a chat channel) names something else.
    static func readsAsCredential(_ name: String) -> Bool {
        let words = name.split(separator: "_").map(String.init)
        if credentialParts.contains(where: { name.contains($0) }) || words.contains(where: credentialWords.contains) { return true }
        let hints = registryTokenHints.values.joined()
        return words.allSatisfy { word in registryNameQualifiers.contains(word) || hints.contains { word.contains($0) } }
    }

    /// Parts of a name that make it a credential wherever they stand, and whole words that do.
    static let credentialParts = ["TOKEN", "PASSWORD", "PASSWD", "KEY", "SECRET", "AUTH", "CREDENTIAL", "ROBOT"]
    static let credentialWords: Set<String> = ["PAT", "PASS", "PW", "PWD"]
    /// Words that may stand beside a registry's name in its token's name.
    static let registryNameQualifiers: Set<String> = ["API", "HUB", "IO", "PROD", "PRODUCTION", "RELEASE", "PUBLISH", "UPLOAD", "DEPLOY", "ORG"]

    static let registryTokenHints: [String: [String]] = [
        "pypi": ["PYPI", "TWINE"], "npm": ["NPM", "NODE_AUTH"], "crates.io": ["CARGO", "CRATES"], "rubygems": ["RUBYGEMS", "GEM_HOST"],
        "nuget": ["NUGET"], "maven": ["MAVEN", "OSSRH", "SONATYPE", "NEXUS", "GRADLE_PUBLISH"], "snap-store": ["SNAPCRAFT", "SNAP_STORE"],
        "container-registry": ["DOCKER", "REGISTRY", "GHCR", "QUAY"],
    ]

    /// Registries that accept a workflow's OIDC token instead of a stored secret ("trusted
    /// publishing": PyPI, npm, crates.io, RubyGems, NuGet).
    static let trustedPublishers: Set<String> = ["pypi", "npm", "crates.io", "rubygems", "nuget"]

    static let registryEvidence: [(String, [String], CommandPhrases)] = [
        ("pypi", ["pypa/gh-action-pypi-publish"], CommandPhrases(["twine upload", "uv publish", "poetry publish", "flit publish", "hatch publish", "maturin publish", "maturin upload"])),
        ("npm", ["js-devtools/npm-publish", "changesets/action"], CommandPhrases(["npm publish", "yarn publish", "yarn npm publish", "pnpm publish", "lerna publish", "changeset publish", "semantic-release"])),
        ("crates.io", ["rust-lang/crates-io-auth-action"], CommandPhrases(["cargo publish"])),
        ("rubygems", ["rubygems/release-gem", "rubygems/configure-rubygems-credentials"], CommandPhrases(["gem push", "rake release"])),
        ("nuget", [], CommandPhrases(["dotnet nuget push", "nuget push"])),
        // Snapcraft uploads (and with `--release`, releases) a snap to the Snap Store.
        ("snap-store", ["snapcore/action-publish"], CommandPhrases(["snapcraft upload", "snapcraft push"])),
        ("maven", [], CommandPhrases(["mvn deploy", "gradle publish", "./gradlew publish"])),
        ("container-registry", [], CommandPhrases(["docker push", "docker buildx imagetools create", "crane push", "skopeo copy", "oras push", "helm push"])),
        // Release assets people download: what a release job attaches is the release.
        ("github-releases", ["softprops/action-gh-release", "ncipollo/release-action", "svenstaro/upload-release-action", "mikepenz/action-gh-release",
                             "goreleaser/goreleaser-action"],
         CommandPhrases(["gh release create", "gh release upload", "goreleaser release"])),
    ]

    static let publishingActions = [
        "pypa/gh-action-pypi-publish", "softprops/action-gh-release", "ncipollo/release-action", "js-devtools/npm-publish",
        "goreleaser/goreleaser-action", "changesets/action", "rust-lang/crates-io-auth-action", "actions/create-release",
        "svenstaro/upload-release-action", "cycjimmy/semantic-release-action", "mikepenz/action-gh-release",
        "rubygems/release-gem", "rubygems/configure-rubygems-credentials", "snapcore/action-publish",
    ]
    static let deployingActions = [
        "azure/webapps-deploy", "azure/k8s-deploy", "azure/functions-action", "aws-actions/amazon-ecs-deploy-task-definition",
        "google-github-actions/deploy-", "actions/deploy-pages", "peaceiris/actions-gh-pages", "jamesives/github-pages-deploy-action",
        "cloudflare/wrangler-action", "cloudflare/pages-action", "amondnet/vercel-action", "nwtgck/actions-netlify",
    ]
    static let signingActions = ["actions/attest", "slsa-framework/slsa-github-generator", "sigstore/gh-action-sigstore-python"]
    /// Whether a job signs with Sigstore keyless, with a certificate for its OIDC identity (its
    /// workflow) rather than a stored key: the attestation actions, the SLSA generator,
    /// sigstore-python's action, `cosign sign`/`attest` (also `./cosign`) without `--key`, a
    /// make target named keyless, `sigstore sign`, `npm publish --provenance`; or cosign
    /// installed in a job whose OIDC token nothing else explains (no cloud sign-in) and that
    /// signs with no key in sight (goreleaser's own signing, a make target).
    static func signsKeyless(_ evidence: Evidence) -> Bool {
        if evidence.uses(anyOf: keylessSigningActions) { return true }
        var keyed = false
        // Only scripts that name a signer are read command by command.
        let keyless = evidence.scripts.contains { script in
            ["cosign", "keyless", "sigstore", "--provenance"].contains { TextSearch.contains(script, $0) }
                && ShellCommands.contains(in: script) { words in
                let withKey = words.contains { $0 == "--key" || $0.hasPrefix("--key=") }
                for (place, word) in words.enumerated() where place + 1 < words.count {
                    let next = words[place + 1]
                    if word == "cosign" || word.hasSuffix("/cosign"), ["sign", "sign-blob", "attest", "attest-blob"].contains(next) {
                        if !withKey { return true }
                        keyed = true
                    }
                    if word == "make", next.contains("keyless") { return true }
                    if word == "sigstore", next == "sign" { return true }
                    if word == "npm", next == "publish", words.contains("--provenance") { return true }
                }
                return false
            }
        }
        return keyless || (evidence.uses(anyOf: ["sigstore/cosign-installer"]) && !keyed && !evidence.uses(anyOf: cloudSignInActions))
    }
    static let cloudSignInActions = ["google-github-actions/auth", "aws-actions/configure-aws-credentials", "azure/login"]
    static let keylessSigningActions = ["actions/attest", "slsa-framework/slsa-github-generator", "sigstore/gh-action-sigstore-python"]
    static let scanningActions = [
        "github/codeql-action", "ossf/scorecard-action", "zizmorcore/zizmor-action", "aquasecurity/trivy-action",
        "snyk/actions", "anchore/scan-action", "returntocorp/semgrep-action", "semgrep/semgrep-action",
    ]

    static let publishingCommands = CommandPhrases([
        "npm publish", "yarn publish", "yarn npm publish", "pnpm publish", "twine upload", "cargo publish", "gem push",
        "docker push", "docker buildx imagetools create", "gh release create", "gh release upload", "uv publish", "poetry publish",
        "flit publish", "hatch publish", "mvn deploy", "gradle publish", "./gradlew publish", "dotnet nuget push", "nuget push",
        "vsce publish", "ovsx publish", "helm push", "oras push", "semantic-release", "goreleaser release", "lerna publish",
        "changeset publish", "skopeo copy", "crane push", "make publish", "make release", "make upload", "rake release",
        "snapcraft upload", "snapcraft push",
    ])
    static let deployingCommands = CommandPhrases([
        "kubectl apply", "kubectl set image", "kubectl rollout", "helm upgrade", "helm install", "terraform apply", "tofu apply",
        "pulumi up", "cdk deploy", "serverless deploy", "sls deploy", "flyctl deploy", "fly deploy", "vercel deploy", "vercel --prod",
        "netlify deploy", "wrangler deploy", "wrangler publish", "gcloud run deploy", "gcloud app deploy", "gcloud functions deploy",
        "az webapp deploy", "aws ecs update-service", "aws s3 sync", "aws lambda update-function-code", "firebase deploy",
        "ansible-playbook", "eb deploy", "kamal deploy", "cap production deploy", "make deploy",
    ])
    static let signingCommands = CommandPhrases(["cosign sign", "cosign attest", "gpg --detach-sign", "gpg --sign", "gpg -b", "codesign", "signtool sign", "minisign -S", "apksigner sign", "jarsigner"])
    static let scanningCommands = CommandPhrases(["zizmor", "trivy", "semgrep", "bandit", "gosec", "actionlint", "codeql database", "grype", "osv-scanner"])
    /// Test runners by name; make's test targets are read by `MakeTestRuns`.
    static let testingCommands = CommandPhrases([
        "pytest", "python -m pytest", "npm test", "npm run test", "yarn test", "pnpm test", "cargo test", "cargo nextest", "go test",
        "tox", "nox", "ctest", "mvn test", "mvn verify", "gradle test", "gradle check", "./gradlew test",
        "./gradlew check", "swift test", "dotnet test", "rspec", "bundle exec rake test", "jest", "vitest", "phpunit", "mocha",
        "meson test", "bazel test",
        // Checks that compile the code as the tests do (a linter that builds it runs the build's dependencies).
        "cargo check", "cargo clippy",
    ])
    static let buildingCommands = CommandPhrases([
        "make", "cargo build", "go build", "npm run build", "npm ci", "npm install", "yarn build", "yarn install", "pnpm build",
        "pnpm install", "pip install", "python -m build", "uv build", "uv sync", "poetry build", "poetry install", "mvn package",
        "mvn install", "gradle build", "gradle assemble", "./gradlew build", "./gradlew assemble", "docker build", "docker buildx build",
        "cmake", "meson setup", "meson compile", "ninja", "swift build", "dotnet build", "bazel build", "cargo install", "go install",
        "maturin build", "cibuildwheel",
    ])
}
