import FirebreakModel
import Foundation

/// Nodes every platform's importer declares the same way: runner pools, environments and
/// their targets, cloud accounts and the identities that administer them. Each made-up node
/// comes with the assumption that describes it.
extension ModelBuilder {
    // MARK: Runners

    /// A pool of the platform's hosted machines, fresh for each job.
    mutating func hostedRunner(_ name: String, labels: [String], platform: Platform, at location: SourceLocation,
                               assuming statement: String? = nil, settle: String = "") -> Reference {
        if model.runners[name] == nil {
            model.runners[name] = Runner(name: name, hosting: .hosted, lifecycle: .ephemeral, reaches: [], protectedBranchesOnly: false,
                                         labels: labels, platform: platform, location: location)
            if let statement { assume(NodeID(.runner, name), statement, settle: settle, at: location) }
        }
        return Reference(name, at: location)
    }

    /// The self-hosted pool these labels (or tags) select: one the context describes, or one
    /// made up and assumed persistent.
    mutating func selfHostedRunner(labels: [String], platform: Platform, at location: SourceLocation) -> Reference {
        if let known = describedRunner(labels, at: location) { return known }
        let wanted = Set(labels.filter { $0 != "self-hosted" })
        let name = "self-hosted:" + (wanted.isEmpty ? "default" : wanted.sorted().joined(separator: ","))
        return pool(name, hosting: .selfHosted, lifecycle: .persistent, labels: labels, platform: platform, at: location,
                    statement: "self-hosted runners labelled \(labels.joined(separator: ", ")) are persistent, run any job that asks, and reach no internal network we know of",
                    settle: "describe the pool under `runners:` in firebreak.context.yml (labels, lifecycle, reaches, protectedBranchesOnly)")
    }

    /// A third-party hosted-runner provider's pool: a fresh machine per job.
    mutating func providerRunner(_ provider: String, labels: [String], platform: Platform, at location: SourceLocation) -> Reference {
        if let known = describedRunner(labels, at: location) { return known }
        return pool("\(provider)-hosted", hosting: .hosted, lifecycle: .ephemeral, labels: labels, platform: platform, at: location,
                    statement: "runners labelled \(labels.joined(separator: ", ")) are \(provider)'s hosted machines, fresh for each job and inside no internal network",
                    settle: "describe the pool under `runners:` in firebreak.context.yml if it is configured otherwise")
    }

    /// The pool the context file describes for these labels (or group), if any.
    private func describedRunner(_ labels: [String], at location: SourceLocation) -> Reference? {
        model.runners.values.sorted(by: { $0.name < $1.name }).first(where: { runner in
            !runner.labels.isEmpty && (Set(runner.labels).isSubset(of: Set(labels)) || runner.labels.contains { "group:\($0)" == labels.first })
        }).map { Reference($0.name, at: location) }
    }

    /// A pool made up from labels, declared once with the assumption that describes it. Two
    /// platforms asking for the same labels share it.
    private mutating func pool(_ name: String, hosting: Runner.Hosting, lifecycle: Runner.Lifecycle, labels: [String], platform: Platform,
                               at location: SourceLocation, statement: String, settle: String) -> Reference {
        if let existing = model.runners[name] {
            if existing.platform != platform { model.runners[name]?.platform = nil }
        } else {
            model.runners[name] = Runner(name: name, hosting: hosting, lifecycle: lifecycle, reaches: [], protectedBranchesOnly: false,
                                         labels: labels, platform: platform, location: location)
            assume(NodeID(.runner, name), statement, settle: settle, at: location)
        }
        return Reference(name, at: location)
    }

    // MARK: Environments and targets

    /// An environment the files name and no context file declares: no required reviewers, and
    /// every branch admitted unless `admitting` lists those the platform itself admits (with
    /// `statement` saying why); production by its name. `platform` words the assumption: a GitLab
    /// environment is protected by who may deploy to it, not by branch (GitLab Docs, *Protected
    /// environments*).
    mutating func declareEnvironment(_ name: String, at location: SourceLocation, admitting branches: [String] = [], statement: String? = nil,
                                     platform: Platform = .github) -> Reference {
        if model.environments[name] == nil {
            let production = name.lowercased().contains("prod") || name.lowercased() == "live"
            model.environments[name] = Environment(name: name, reviewers: [], requiredApprovals: 0, preventSelfReview: false,
                                                   allowedBranches: branches, waitMinutes: 0, production: production, criticality: nil, location: location)
            let unprotected = platform == .gitlab
                ? "environment '\(name)' is not protected: any job of any pipeline, on any branch, deploys to it with no approval"
                : "environment '\(name)' has no required reviewers and admits every branch"
            let settle = platform == .gitlab
                ? "declare it under `environments:` in firebreak.context.yml: its approvers as `reviewers:` and `requiredApprovals:`, and, where only Maintainers may deploy, the protected branches they deploy from as `allowedBranches:`"
                : "declare it under `environments:` in firebreak.context.yml with its reviewers and allowedBranches"
            assume(NodeID(.environment, name), statement ?? unprotected + (production ? "; it is production" : ""), settle: settle, at: location)
        }
        return Reference(name, at: location)
    }

    /// The resource a job deploying through an environment delivers to. `page`: the environment's
    /// `url:`; when it is a public registry's package page (`RegistryPages`), what the jobs deliver
    /// is published there for others to install: a release, a crown jewel, whatever the
    /// environment is called.
    mutating func declareDeployTarget(for environment: Reference, page: String? = nil) -> Reference {
        let name = "\(environment.name) target", id = NodeID(.resource, name)
        let registry = page.flatMap(RegistryPages.registry(ofPage:))
        let delivers = "jobs in environment '\(environment.name)' deliver what they download to '\(name)'"
        let published = registry.map { "\(delivers), which publishes them on \($0): the environment's url (\(page ?? "")) is the page others install from, so it is a crown jewel" }
        if model.resources[name] == nil {
            let production = registry != nil || (model.environments[environment.name]?.production ?? false)
            model.resources[name] = Resource(name: name, kind: .other, zone: nil,
                                             criticality: production ? .critical : .high,
                                             production: production, networkAccess: nil, location: environment.location)
            assume(id, published ?? delivers, settle: "declare the real target under `resources:` in firebreak.context.yml", at: environment.location)
        } else if let published, var target = model.resources[name], target.criticality != .critical,
                  model.assumptions.contains(where: { $0.subject == id && $0.statement == delivers }) {
            // A later job of the environment names the registry page: the target is that registry.
            target.criticality = .critical
            target.production = true
            model.resources[name] = target
            reword(assumptionAbout: id, ending: delivers, as: published)
        }
        return Reference(name, at: environment.location)
    }

    /// The project's Pages site (GitLab's, or GitHub's): what its readers take for the
    /// project's own word (documentation, install instructions), so whoever deploys it speaks
    /// for the project.
    mutating func declarePagesSite(on platform: Platform = .gitlab, at location: SourceLocation) -> NodeID {
        let name = platform == .github ? "github-pages" : "gitlab-pages"
        if model.resources[name] == nil {
            model.resources[name] = Resource(name: name, kind: .other, zone: nil, criticality: .high, production: true,
                                             networkAccess: nil, deployedByPlatform: true, location: location)
            let how = platform == .github
                ? "the GitHub Pages site is the project's public face (documentation, install instructions): a job that deploys it (actions/deploy-pages) decides what it serves, and the site's artifact it takes in from its run is what it publishes"
                : "the GitLab Pages site is the project's public face (documentation, install instructions): the `pages` job's run decides what it serves, from whatever ref runs it, and what the job takes in from the jobs it needs is taken to be what it publishes"
            assume(NodeID(.resource, name), how,
                   settle: "declare '\(name)' under `resources:` in firebreak.context.yml with its `criticality:`", at: location, valuation: true)
        }
        return NodeID(.resource, name)
    }

    // MARK: Secrets

    /// The secrets the pipeline uses and no context file declares, in name order: each high,
    /// unless `credential` recognises what it carries. `scope` says who receives it.
    /// `namedOnly`: whether only the jobs that name a secret receive it (GitHub), so that the
    /// assumption about its level is one about its receivers (`Assumption.receivers`).
    mutating func declareFoundSecrets(_ found: [String: SourceLocation], platform: Platform, scope: (String) -> String, settle: String,
                                      namedOnly: Bool = false, credential: (inout ModelBuilder, String) -> Reference?) {
        for (name, location) in found.sorted(by: { $0.key < $1.key }) where model.secrets[name] == nil {
            let carries = credential(&self, name)
            let setting = carries == nil && Self.namesASetting(name)
            let keystore = carries == nil && !setting && Self.namesASigningKeystore(name)
            model.secrets[name] = Secret(name: name, environment: nil, protectedBranchesOnly: false, carries: carries,
                                         criticality: carries != nil ? nil : setting ? .low : keystore ? .critical : .high, production: false,
                                         platform: platform, location: location)
            let opens = carries != nil ? "" : setting ? "; its name says it holds a setting (a user name, an address, an id, a count or a switch), not a credential, so it counts as low"
                : keystore ? "; its name says it holds a signing keystore or what unlocks one (KEYSTORE): whoever holds it signs what the project ships as the project, so it is a crown jewel"
                : Self.opensUnknown + Self.countsAsHigh
            let place = assume(NodeID(.secret, name), scope(name) + opens, settle: settle, at: location)
            if namedOnly { model.assumptions[place].receivers = true }
        }
    }

    /// How a found secret's assumption ends when nothing says what it opens; the criticality
    /// clause goes when evidence (a publishing job) makes it a crown jewel instead.
    static let opensUnknown = "; what it opens is unknown"
    static let countsAsHigh = ", so it counts as high"

    /// Whether a secret's name says it is a chat service's token or webhook (`SLACK_BOT_TOKEN`,
    /// `DISCORD_WEBHOOK`): it posts messages, and ships nothing anyone installs, even from a
    /// publishing job.
    static func namesAChatService(_ name: String) -> Bool {
        let services: Set<Substring> = ["SLACK", "DISCORD", "TEAMS", "MSTEAMS", "MATTERMOST", "TELEGRAM", "GITTER", "ZULIP", "MASTODON", "TWITTER"]
        return NameWords.of(name).contains(where: services.contains)
    }

    /// Whether a secret's name says it holds a signing keystore or its password (`ANDROID_KEYSTORE_ENC`,
    /// `KEYSTORE_PASS`): an Android or Java keystore holds the key that signs what the project
    /// ships (apps, jars), whichever job uses it.
    static func namesASigningKeystore(_ name: String) -> Bool {
        NameWords.of(name).contains("KEYSTORE")
    }

    /// Whether a secret's name says it holds a setting rather than a credential: a user name, an
    /// address, an identifier, a branch list, an image or project name, a chat channel or a job
    /// count kept secret for tidiness, or set by the runner (`DOCKERHUB_USERNAME`, `STS_API_URL`,
    /// `AWS_ACCOUNT_ID`, `REPO_REBASE_BRANCHES`, `COVERITY_SCAN_PROJECT_NAME`, `FDO_CI_CONCURRENT`,
    /// Apple's `_TEAM_ID` and `_APPLE_ID`, an account's address), or the public half of a signing
    /// key and what names it (`GPG_PUBKEY`, `GPG_KEYGRIP`, `WINDOWS_PUBLIC_KEY_B64` whatever its encoding).
    /// Half of a key pair (`AWS_ACCESS_KEY_ID`) is not one of these, nor a `_PATH`: a GitLab file
    /// variable's value is the path of a file that holds the secret.
    static func namesASetting(_ name: String) -> Bool {
        var upper = name.uppercased()
        // How the value is written says nothing of what it is (`WINDOWS_PUBLIC_KEY_B64`).
        if let encoding = ["_B64", "_BASE64", "_PEM"].first(where: { upper.hasSuffix($0) }) { upper = String(upper.dropLast(encoding.count)) }
        // SonarQube's `sonar.login` takes the analysis token (`SONAR_LOGIN`); elsewhere a
        // `_LOGIN` is the user name beside a password (`DOCKER_HUB_LOGIN` set as `DOCKER_USER`).
        if upper.hasPrefix("SONAR") && upper.hasSuffix("_LOGIN") { return false }
        let suffixes = ["USERNAME", "_USER", "_LOGIN", "_URL", "_URI", "_HOST", "_HOSTNAME", "_ENDPOINT", "_EMAIL", "_REGION",
                        "_ORG", "_ORGANIZATION", "_ACCOUNT_ID", "_PROJECT_ID", "_TENANT_ID", "_SUBSCRIPTION_ID", "_SUB_ID", "_CLIENT_ID",
                        "_APP_ID", "_BUCKET", "_DOMAIN", "_PORT", "_BRANCH", "_BRANCHES", "_VERSION", "_CHANNEL", "_CHANNEL_ID", "_TAG",
                        "_IMAGE", "_NAME", "_CONCURRENT", "_PUBKEY", "_PUB_KEY", "_PUBLIC_KEY", "_KEYGRIP", "_FINGERPRINT", "_TEAM_ID", "_APPLE_ID", "_ALIAS"]
        return upper == "USER" || upper == "USERNAME" || suffixes.contains { upper.hasSuffix($0) }
    }

    // MARK: Registries

    /// A package registry the repository publishes to: what others install from it is this
    /// repository's release, so write access to it is a crown jewel (unless the context file
    /// describes the registry otherwise).
    mutating func declareRegistry(_ name: String, statement: String, at location: SourceLocation) -> NodeID {
        let id = NodeID(.resource, name)
        guard model.resources[name] == nil else { return id }
        model.resources[name] = Resource(name: name, kind: .packageRegistry, zone: nil, criticality: .critical, production: true,
                                         networkAccess: nil, location: location)
        assume(id, statement, settle: "declare '\(name)' under `resources:` in firebreak.context.yml with its `criticality:`", at: location)
        return id
    }

    /// The Sigstore identity of a workflow: a job of it that may mint an OIDC token gets a
    /// signing certificate naming the workflow, so whatever it signs passes a consumer's check
    /// of signatures or provenance made by that workflow (`cosign verify
    /// --certificate-identity`, `gh attestation verify`). A crown jewel: a forged release verifies.
    mutating func declareSigningIdentity(of workflow: String, job: String, at location: SourceLocation) -> NodeID {
        let id = Resource.sigstoreIdentity(of: workflow)
        let name = id.name
        guard model.resources[name] == nil else { return id }
        model.resources[name] = Resource(name: name, kind: .signingService, zone: nil, criticality: .critical, production: true,
                                         networkAccess: nil, location: location)
        assume(id, "job '\(job)' signs keyless with Sigstore (its OIDC token for a certificate), so its code signs as '\(workflow)'; consumers are taken to trust signatures and provenance made by that workflow from any ref (a verifier that pins the release's ref, `--certificate-identity …@refs/tags/…`, refuses a branch's run), a crown jewel",
               settle: "declare '\(name)' under `resources:` in firebreak.context.yml with its `criticality:`", at: location)
        return id
    }

    /// A registry job `job` publishes to, by what it runs.
    mutating func declarePublishedRegistry(_ registry: String, job: String, at location: SourceLocation) -> NodeID {
        declareRegistry(registry, statement: "job '\(job)' publishes to \(registry): whoever can upload there ships releases others install, a crown jewel",
                        at: location)
    }

    /// The registry upload token a secret holds: a long-lived credential that publishes to
    /// `registry` (a foothold of the leaked-token scenario), known by the registry tool's
    /// `variable` it is handed in, else by its name. Returns the identity's name.
    mutating func addRegistryToken(secret: String, registry: String, job: String, variable: String? = nil, at location: SourceLocation) -> Reference {
        let name = "registry-token:\(secret)"
        guard model.identities[name] == nil else { return Reference(name, at: location) }
        let target = declarePublishedRegistry(registry, job: job, at: location)
        model.identities[name] = Identity(name: name, kind: .serviceAccount, lifetime: .static, owner: nil,
                                          grants: [Grant(target: target, level: .write, location: location)], trust: nil, criticality: nil,
                                          location: location)
        assume(NodeID(.identity, name), "secret '\(secret)' of publishing job '\(job)' is a long-lived upload token for \(registry), \(variable.map { "handed to its upload tool in `\($0)`" } ?? "by its name")",
               settle: "declare it under `identities:` in firebreak.context.yml with its real `grants:`, and let the secret `carries:` it", at: location)
        return Reference(name, at: location)
    }

    /// Write grants on each registry among `registries` that accepts a job's OIDC token
    /// ("trusted publishing"), for a publishing job that may mint one (`token` says how).
    mutating func trustedPublishingGrants(_ registries: [String], job: String, token: String, at location: SourceLocation) -> [Grant] {
        registries.filter(JobRoles.trustedPublishers.contains).map { registry in
            let target = declareRegistry(registry, statement: "job '\(job)' publishes to \(registry) with \(token): the registry trusts its OIDC token (trusted publishing), so whoever runs code in the job publishes releases others install, a crown jewel",
                                         at: location)
            return Grant(target: target, level: .write, trustedPublishing: true, location: location)
        }
    }

    /// Where a job publishes by trusted publishing from an environment and nothing says whether
    /// the registry requires it, the pessimistic reading is listed once per registry: only the
    /// paths that run the workflow outside that environment rest on it (the rules say it there).
    mutating func assumeOpenTrustedPublishers() {
        // A registry some job publishes to from no environment requires none: the files say so.
        var listed = Set(model.sortedJobs.filter { $0.environment == nil }.flatMap { job in
            (job.token ?? []).filter(\.trustedPublishing).map(\.target.name)
        })
        for job in model.sortedJobs where job.environment != nil {
            for grant in job.token ?? [] where grant.trustedPublishing {
                guard let registry = model.resources[grant.target.name], registry.trustedPublisherEnvironment == nil,
                      listed.insert(registry.name).inserted else { continue }
                let place = assume(registry.id, Resource.openTrustedPublisher(registry.name),
                                   settle: "set `trustedPublisherEnvironment:` under resource '\(registry.name)' in \(InputLoader.contextFileName) if its trusted publisher names one",
                                   at: grant.location)
                model.assumptions[place].saidOnHops = false
            }
        }
    }

    // MARK: Clouds

    mutating func declareCloud(_ name: String, at location: SourceLocation) {
        guard model.resources[name] == nil else { return }
        model.resources[name] = Resource(name: name, kind: .cloudAccount, zone: nil, criticality: .critical, production: true,
                                         networkAccess: nil, location: location)
        assume(NodeID(.resource, name), "the cloud account behind '\(name)' holds production",
               settle: "declare it under `resources:` in firebreak.context.yml with its criticality", at: location)
    }

    /// A cloud role assumed through OIDC, unless the context describes it: assumed to trust
    /// every run of the repository.
    mutating func addCloudRole(_ name: String, cloud: String, at location: SourceLocation) {
        addCloudIdentity(name, kind: .cloudRole, cloud: cloud, trust: TrustPolicy(branches: [], environments: [], events: [], location: location),
                         statement: "cloud role '\(name)' trusts every run of this repository and administers '\(cloud)'",
                         settle: "declare it under `identities:` in firebreak.context.yml with its `trust:` conditions and `grants:`", at: location)
    }

    /// A static cloud key held in a secret, unless the context describes it.
    @discardableResult
    mutating func addStaticKey(_ name: String, cloud: String, at location: SourceLocation) -> Reference {
        defer { addCloudIdentity(name, kind: .staticKey, cloud: cloud, trust: nil, statement: "static key '\(name)' administers '\(cloud)'",
                         settle: "declare it under `identities:` in firebreak.context.yml with its real `grants:`", at: location) }
        return Reference(name, at: location)
    }

    /// An identity administering a cloud account, with the assumption that says so.
    private mutating func addCloudIdentity(_ name: String, kind: Identity.Kind, cloud: String, trust: TrustPolicy?, statement: String,
                                           settle: String, at location: SourceLocation) {
        guard model.identities[name] == nil else { return }
        declareCloud(cloud, at: location)
        model.identities[name] = Identity(name: name, kind: kind, lifetime: kind.usualLifetime, owner: nil,
                                          grants: [Grant(target: NodeID(.resource, cloud), level: .admin, location: location)],
                                          trust: trust, criticality: nil, location: location)
        assume(NodeID(.identity, name), statement, settle: settle, at: location)
    }
}
