import Yams

/// Reads the sections of a native model into typed values, reporting problems to the sink.
final class ModelReader {
    let file: String
    let sink: DiagnosticSink
    var assumptions: [Assumption] = []
    /// For a context file: the repository name to use when the file gives none; nil for a model.
    let contextRepository: String?

    init(file: String, sink: DiagnosticSink, contextRepository: String? = nil) {
        self.file = file
        self.sink = sink
        self.contextRepository = contextRepository
    }

    func read(_ top: YAMLFields) -> PipelineModel? {
        top.require("firebreak", what: "format version", help: "start the file with `firebreak: \(ModelLoader.formatVersion)`")
        if top.has("firebreak"), let version = top.int("firebreak", in: 0...Int.max), version != ModelLoader.formatVersion {
            sink.error(top.valueLocation(of: "firebreak"), "format version \(version) is not supported",
                       help: "this Firebreak reads `firebreak: \(ModelLoader.formatVersion)`")
        }
        let repository: Repository?
        if let contextRepository, !top.has("repository") {
            repository = Repository(name: contextRepository, visibility: .public, defaultBranch: "main", forkApproval: .firstTime,
                                    forkPullRequestsGetSecrets: false, location: top.location)
            assume(NodeID(.repository, contextRepository), "the repository is public: anyone may fork it and open pull requests; a first-time contributor's runs wait for approval (GitHub's default)",
                   settle: "add `repository: {visibility: private}` to the context file if it is not", at: top.location)
        } else {
            top.require("repository", what: "repository section", help: "add a `repository:` section with at least `name:`")
            repository = top.fields("repository", keys: ["name", "visibility", "defaultBranch", "forkPullRequests", "criticality", "protectedTags"])
                .flatMap { readRepository($0) }
        }
        let platform = top.choice("platform", Platform.self) ?? .generic
        let name = top.string("name") ?? String(file.split(separator: "/").last ?? "pipeline")
            .replacingOccurrences(of: ".yml", with: "").replacingOccurrences(of: ".yaml", with: "")
        guard let repository else { return nil }

        var model = PipelineModel(name: name, description: top.string("description"), platform: platform,
                                  repository: repository, file: file)
        model.actors = section(top, "actors", readActor)
        model.branches = section(top, "branches", readBranch)
        model.definitions = section(top, "definitions", readDefinition)
        model.triggers = section(top, "triggers", readTrigger)
        model.runners = section(top, "runners", readRunner)
        model.zones = section(top, "zones", readZone)
        model.identities = section(top, "identities", readIdentity)
        model.secrets = section(top, "secrets", readSecret)
        model.environments = section(top, "environments", readEnvironment)
        model.resources = section(top, "resources", readResource)
        model.artifacts = section(top, "artifacts", readArtifact)
        model.caches = section(top, "caches", readCache)
        model.jobs = section(top, "jobs", readJob)
        guard contextRepository == nil else { return model }
        addImplicitNodes(&model)
        ReferenceChecker(model: model, sink: sink).check()
        model.assumptions = assumptions.sorted()
        return model
    }

    /// Reads a named section with one reader per entry.
    private func section<Value>(_ top: YAMLFields, _ key: String,
                                         _ read: (String, SourceLocation, Yams.Node) -> Value?) -> [String: Value] {
        var result: [String: Value] = [:]
        for entry in top.named(key) {
            if let value = read(entry.name, entry.location, entry.value) {
                result[entry.name] = value
            }
        }
        return result
    }

    private func fields(_ node: Yams.Node, _ what: String, _ keys: [String]) -> YAMLFields? {
        YAMLFields(node, what: what, keys: keys, file: file, sink: sink)
    }

    private func assume(_ subject: NodeID?, _ statement: String, settle: String, at location: SourceLocation) {
        assumptions.append(Assumption(subject: subject, statement: statement, settle: settle, location: location))
    }

    /// `*` stands for any branch the model does not name; the default branch always exists; each
    /// job token becomes an identity.
    func addImplicitNodes(_ model: inout PipelineModel) {
        if model.branches[Branch.anyOther] == nil {
            model.branches[Branch.anyOther] = Branch(name: Branch.anyOther, protection: nil, location: model.repository.location)
            assume(NodeID(.branch, Branch.anyOther),
                   "anyone who can push may create new branches, and they are unprotected",
                   settle: "declare `branches: {\"*\": {requiredReviews: 1}}` if a ruleset protects every branch",
                   at: model.repository.location)
        }
        if model.branches[model.repository.defaultBranch] == nil {
            let name = model.repository.defaultBranch
            // GitLab protects a project's default branch unless its instance or group says
            // otherwise ("Fully protected": only Maintainers push or merge); GitHub protects nothing by default.
            let gitlab = model.platform == .gitlab
            let maintainers = model.actors.values.filter { $0.role == .maintainer || $0.role == .admin }.map(\.name).sorted()
                .map { Reference(NodeID(.actor, $0).description, at: model.repository.location) }
            model.branches[name] = Branch(name: name, protection: gitlab ? Branch.Protection(pushers: maintainers) : nil,
                                          location: model.repository.location)
            assume(NodeID(.branch, name),
                   gitlab ? "the default branch '\(name)' has GitLab's default protection: only Maintainers push to it or merge into it, so a Developer's change reaches it through a Maintainer's merge"
                       : "the default branch '\(name)' has no protection",
                   settle: gitlab ? "declare it under `branches:` if the instance or group changed the default (`protected: false`, or its rules)"
                       : "declare it under `branches:` with its protection", at: model.repository.location)
        }
        for job in model.jobs.values {
            guard let token = job.token else { continue }
            let identity = Identity(name: job.tokenIdentityName, kind: .jobToken, lifetime: .shortLived, owner: nil,
                                    grants: token, trust: nil, criticality: nil, location: token.first?.location ?? job.location)
            model.identities[identity.name] = identity
        }
    }

    // MARK: Sections

    private func readRepository(_ fields: YAMLFields) -> Repository? {
        if contextRepository == nil { fields.require("name", help: "name the repository, e.g. `name: acme/storefront`") }
        guard let name = fields.string("name") ?? contextRepository else { return nil }
        let id = NodeID(.repository, name)
        let visibility = fields.choice("visibility", Repository.Visibility.self)
        if !fields.has("visibility") {
            assume(id, "the repository is public: anyone may fork it and open pull requests",
                   settle: "add `visibility: private` under `repository:` if it is not", at: fields.location)
        }
        var approval: Repository.ForkApproval = .none
        var forkSecrets = false
        if let fork = fields.fields("forkPullRequests", keys: ["approval", "secrets"]) {
            approval = fork.choice("approval", Repository.ForkApproval.self) ?? .none
            forkSecrets = fork.bool("secrets") ?? false
            if !fork.has("approval") {
                assume(id, "runs for fork pull requests start without a maintainer's approval",
                       settle: "add `approval: all` under `forkPullRequests:` if every outside run waits for approval",
                       at: fork.location)
            }
        } else if visibility ?? .public == .public {
            assume(id, "runs for fork pull requests start without a maintainer's approval",
                   settle: "add `forkPullRequests: {approval: all}` under `repository:` if every outside run waits for approval",
                   at: fields.location)
        }
        return Repository(name: name, visibility: visibility ?? .public, defaultBranch: fields.string("defaultBranch") ?? "main",
                          forkApproval: approval, forkPullRequestsGetSecrets: forkSecrets,
                          criticality: fields.choice("criticality", Criticality.self),
                          protectedTags: fields.has("protectedTags") ? fields.strings("protectedTags").map(\.text) : nil, location: fields.location)
    }

    private func readActor(_ name: String, _ location: SourceLocation, _ node: Yams.Node) -> Actor? {
        guard let f = fields(node, "actor '\(name)'", ["role", "holds"]) else { return nil }
        f.require("role", help: "write one of: \(Actor.Role.allCases.map(\.rawValue).joined(separator: ", "))")
        guard let role = f.choice("role", Actor.Role.self) else { return nil }
        return Actor(name: name, role: role, holds: f.references("holds"), location: location)
    }

    private func readBranch(_ name: String, _ location: SourceLocation, _ node: Yams.Node) -> Branch? {
        guard let f = fields(node, "branch '\(name)'",
                             ["protected", "requiredReviews", "codeOwnerReview", "bypass", "pushers", "enforceAdmins"]) else { return nil }
        let rules = ["requiredReviews", "codeOwnerReview", "bypass", "pushers", "enforceAdmins"].contains { f.has($0) }
        let protected = f.bool("protected") ?? rules
        if !protected, rules {
            sink.error(f.location(of: "protected"), "branch '\(name)' is marked unprotected but has protection rules",
                       help: "remove `protected: false` or the rules")
        }
        guard protected else { return Branch(name: name, protection: nil, location: location) }
        let protection = Branch.Protection(
            requiredReviews: f.int("requiredReviews", in: 0...20) ?? 0,
            codeOwnerReview: f.bool("codeOwnerReview") ?? false,
            bypass: f.references("bypass"),
            pushers: f.has("pushers") ? f.references("pushers") : nil,
            enforceAdmins: f.bool("enforceAdmins") ?? false)
        if protection.codeOwnerReview, protection.requiredReviews == 0 {
            sink.error(f.location(of: "codeOwnerReview"), "branch '\(name)' requires code owner review but no reviews at all",
                       help: "set `requiredReviews: 1` or more; code owner review applies to pull request reviews")
        }
        return Branch(name: name, protection: protection, location: location)
    }

    private func readDefinition(_ name: String, _ location: SourceLocation, _ node: Yams.Node) -> Definition? {
        guard let f = fields(node, "definition '\(name)'", ["path", "owners", "from", "pin"]) else { return nil }
        f.require("path", help: "give the file's path, e.g. `path: .github/workflows/release.yml`")
        let source: Definition.Source
        if let from = f.string("from") {
            let parts = from.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard let repository = parts.first, !repository.isEmpty else {
                sink.error(f.location(of: "from"), "definition '\(name)' comes `from:` no repository ('\(from)')",
                           help: "write `from: owner/repo@ref`")
                return nil
            }
            let ref = parts.count > 1 ? parts[1] : nil
            let pin = f.choice("pin", PinState.self) ?? PinState.infer(fromVersion: ref)
            source = .external(repository: repository, ref: ref, pin: pin)
        } else {
            if f.has("pin") {
                sink.error(f.location(of: "pin"), "definition '\(name)' is a local file, which has no pin",
                           help: "add `from: owner/repo@ref` for a template included from elsewhere, or remove `pin`")
            }
            source = .local
        }
        return Definition(name: name, path: f.string("path") ?? name, owners: f.strings("owners").map(\.text),
                          source: source, location: location)
    }

    private func readTrigger(_ name: String, _ location: SourceLocation, _ node: Yams.Node) -> Trigger? {
        guard let f = fields(node, "trigger '\(name)'", ["event", "branches", "fromForks", "protectedTagsOnly"]) else { return nil }
        f.require("event", help: "write one of: \(Trigger.Event.allCases.map(\.rawValue).joined(separator: ", "))")
        guard let event = f.choice("event", Trigger.Event.self) else { return nil }
        if f.has("fromForks"), !event.isRequestEvent {
            sink.error(f.location(of: "fromForks"), "'fromForks' applies to pull_request and merge_request triggers, not \(event.rawValue)")
        }
        if f.has("protectedTagsOnly"), event != .tag {
            sink.error(f.location(of: "protectedTagsOnly"), "'protectedTagsOnly' applies to tag triggers, not \(event.rawValue)")
        }
        return Trigger(name: name, event: event, branches: f.strings("branches").map(\.text),
                       fromForks: event.isRequestEvent ? (f.bool("fromForks") ?? true) : false,
                       protectedTagsOnly: event == .tag && f.bool("protectedTagsOnly") == true, location: location)
    }

    private func readRunner(_ name: String, _ location: SourceLocation, _ node: Yams.Node) -> Runner? {
        guard let f = fields(node, "runner '\(name)'", ["hosting", "lifecycle", "reaches", "protectedBranchesOnly", "labels", "platform"]) else { return nil }
        f.require("hosting", help: "write `hosting: hosted` or `hosting: self-hosted`")
        guard let hosting = f.choice("hosting", Runner.Hosting.self) else { return nil }
        var lifecycle = f.choice("lifecycle", Runner.Lifecycle.self)
        if lifecycle == nil, !f.has("lifecycle") {
            if hosting == .selfHosted {
                assume(NodeID(.runner, name), "self-hosted runner '\(name)' is persistent: a machine runs job after job",
                       settle: "add `lifecycle: ephemeral` if every job gets a fresh machine", at: location)
                lifecycle = .persistent
            } else {
                lifecycle = .ephemeral
            }
        }
        if hosting == .hosted, lifecycle == .persistent {
            sink.error(f.location(of: "lifecycle"), "hosted runner '\(name)' cannot be persistent: hosted machines are discarded after each job",
                       help: "write `hosting: self-hosted`, or remove `lifecycle`")
        }
        return Runner(name: name, hosting: hosting, lifecycle: lifecycle ?? .persistent, reaches: f.references("reaches"),
                      protectedBranchesOnly: f.bool("protectedBranchesOnly") ?? false, labels: f.strings("labels").map(\.text),
                      platform: f.choice("platform", Platform.self), location: location)
    }

    private func readZone(_ name: String, _ location: SourceLocation, _ node: Yams.Node) -> Zone? {
        guard fields(node, "zone '\(name)'", ["description"]) != nil else { return nil }
        return Zone(name: name, location: location)
    }

    private func readIdentity(_ name: String, _ location: SourceLocation, _ node: Yams.Node) -> Identity? {
        guard let f = fields(node, "identity '\(name)'", ["type", "lifetime", "owner", "grants", "trust", "criticality"]) else { return nil }
        f.require("type", help: "write one of: \(Identity.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        guard let kind = f.choice("type", Identity.Kind.self) else { return nil }
        var trust: TrustPolicy?
        if let t = f.fields("trust", keys: ["branches", "environments", "events"]) {
            if kind != .cloudRole {
                sink.error(f.location(of: "trust"), "only a cloud-role has an OIDC trust policy, and '\(name)' is a \(kind.rawValue)",
                           help: "write `type: cloud-role`, or remove `trust`")
            }
            let events = t.strings("events").compactMap { item -> Trigger.Event? in
                YAMLFields.choice(item.text, at: item.location, key: "event", what: "the trust of '\(name)'", sink: sink)
            }
            trust = TrustPolicy(branches: t.strings("branches").map(\.text), environments: t.strings("environments").map(\.text),
                                events: events, location: t.location)
        } else if kind == .cloudRole {
            sink.error(location, "cloud role '\(name)' has no `trust:` policy, so no pipeline can assume it",
                       help: "add `trust: {branches: [main], environments: [production]}` naming the runs it accepts")
        }
        if f.has("owner"), kind != .personalToken {
            sink.error(f.location(of: "owner"), "'owner' names the person behind a personal-token, and '\(name)' is a \(kind.rawValue)")
        }
        return Identity(name: name, kind: kind, lifetime: f.choice("lifetime", Identity.Lifetime.self) ?? kind.usualLifetime,
                        owner: f.reference("owner"), grants: readGrants(f, "grants", of: "'\(name)'"), trust: trust,
                        criticality: f.choice("criticality", Criticality.self), location: location)
    }

    /// `grants:` maps a `resource:name` or `repository:name` id to an access level. `owner`
    /// names whose grants they are, for messages ("'deployer'"); a job token only reads or writes.
    func readGrants(_ f: YAMLFields, _ key: String, of owner: String, jobToken: Bool = false) -> [Grant] {
        var grants: [Grant] = []
        for entry in f.named(key) {
            guard let target = NodeID(parsing: entry.name), [.resource, .repository, .trigger].contains(target.kind) else {
                sink.error(entry.location, "grant target '\(entry.name)' of \(owner) is not a resource, repository or trigger id",
                           help: "write `resource:NAME: write`, `repository:NAME: read`, or `trigger:NAME: write` for a credential that may start it")
                continue
            }
            let location = YAMLFields.location(of: entry.value, file: file)
            guard case .scalar(let scalar) = entry.value else {
                sink.error(location, "the level granted on '\(entry.name)' must be one of read, write, deploy, admin")
                continue
            }
            guard let level: AccessLevel = YAMLFields.choice(scalar.string, at: location, key: "access level",
                                                             what: "the grants of \(owner)", sink: sink) else { continue }
            if jobToken, level > .write {
                sink.error(location, "a job token cannot \(level.rawValue) '\(entry.name)': job tokens read or write",
                           help: "model an admin credential as an identity carried by a secret")
                continue
            }
            if target.kind == .repository, level == .deploy {
                sink.error(location, "a repository is written or administered, not deployed to",
                           help: "write `write` (push) or `admin` (change protections)")
                continue
            }
            if target.kind == .trigger, level != .write {
                sink.error(location, "a trigger is started (`write`), not given \(level.rawValue) access",
                           help: "write `\(entry.name): write` for a credential that may start it")
                continue
            }
            grants.append(Grant(target: target, level: level, location: entry.location))
        }
        return grants.sorted { $0.target < $1.target }
    }

    private func readSecret(_ name: String, _ location: SourceLocation, _ node: Yams.Node) -> Secret? {
        guard let f = fields(node, "secret '\(name)'",
                             ["environment", "protectedBranchesOnly", "carries", "criticality", "production", "committed", "platform"]) else { return nil }
        return Secret(name: name, environment: f.reference("environment"),
                      protectedBranchesOnly: f.bool("protectedBranchesOnly") ?? false, carries: f.reference("carries"),
                      criticality: f.choice("criticality", Criticality.self), production: f.bool("production") ?? false,
                      committed: f.bool("committed") ?? false, platform: f.choice("platform", Platform.self), location: location)
    }

    private func readEnvironment(_ name: String, _ location: SourceLocation, _ node: Yams.Node) -> Environment? {
        guard let f = fields(node, "environment '\(name)'",
                             ["reviewers", "requiredApprovals", "preventSelfReview", "allowedBranches", "allowedTags", "waitMinutes",
                              "production", "criticality"]) else { return nil }
        let reviewers = f.references("reviewers")
        let required = f.int("requiredApprovals", in: 0...10) ?? (reviewers.isEmpty ? 0 : 1)
        if required > reviewers.count {
            sink.error(f.has("requiredApprovals") ? f.valueLocation(of: "requiredApprovals") : location,
                       "environment '\(name)' needs \(required) approvals but has \(reviewers.count) reviewers, so no deployment can ever pass",
                       help: "add reviewers or lower `requiredApprovals`")
        }
        if !reviewers.isEmpty, !f.has("preventSelfReview") {
            assume(NodeID(.environment, name), "the person who starts a deployment to '\(name)' may approve it",
                   settle: "add `preventSelfReview: true` under environment '\(name)' if self-review is prevented", at: location)
        }
        return Environment(name: name, reviewers: reviewers, requiredApprovals: required,
                           preventSelfReview: f.bool("preventSelfReview") ?? false,
                           allowedBranches: f.strings("allowedBranches").map(\.text), allowedTags: f.strings("allowedTags").map(\.text), waitMinutes: f.int("waitMinutes", in: 0...43_200) ?? 0,
                           production: f.bool("production") ?? false, criticality: f.choice("criticality", Criticality.self),
                           location: location)
    }

    private func readResource(_ name: String, _ location: SourceLocation, _ node: Yams.Node) -> Resource? {
        guard let f = fields(node, "resource '\(name)'",
                             ["type", "zone", "criticality", "production", "networkAccess", "trustedPublisherEnvironment", "writableByPushers",
                              "deployedByPlatform"]) else { return nil }
        f.require("type", help: "write one of: \(Resource.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        guard let kind = f.choice("type", Resource.Kind.self) else { return nil }
        let zone = f.reference("zone")
        var networkAccess: AccessLevel?
        if f.has("networkAccess") {
            if let text = f.string("networkAccess"), text != "none" {
                networkAccess = YAMLFields.choice(text, at: f.valueLocation(of: "networkAccess"), key: "networkAccess",
                                                  what: "resource '\(name)'", sink: sink)
            }
        } else if zone != nil {
            networkAccess = .read
            assume(NodeID(.resource, name), "anything inside the zone of '\(name)' can read it without credentials",
                   settle: "add `networkAccess: none` under resource '\(name)' if it always asks for credentials", at: location)
        }
        return Resource(name: name, kind: kind, zone: zone, criticality: f.choice("criticality", Criticality.self) ?? .medium,
                        production: f.bool("production") ?? false, networkAccess: networkAccess,
                        trustedPublisherEnvironment: f.string("trustedPublisherEnvironment"),
                        writableByPushers: f.bool("writableByPushers") ?? false, deployedByPlatform: f.bool("deployedByPlatform") ?? false,
                        location: location)
    }

    private func readArtifact(_ name: String, _ location: SourceLocation, _ node: Yams.Node) -> Artifact? {
        guard let f = fields(node, "artifact '\(name)'", ["store", "signed", "criticality"]) else { return nil }
        return Artifact(name: name, store: f.reference("store"), signed: f.bool("signed") ?? false,
                        criticality: f.choice("criticality", Criticality.self), location: location)
    }

    private func readCache(_ name: String, _ location: SourceLocation, _ node: Yams.Node) -> Cache? {
        guard let f = fields(node, "cache '\(name)'", ["key", "criticality", "scope"]) else { return nil }
        return Cache(name: name, key: f.string("key"), criticality: f.choice("criticality", Criticality.self),
                     scope: f.choice("scope", Cache.Scope.self) ?? .shared, location: location)
    }
}
