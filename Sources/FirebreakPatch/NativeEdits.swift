import FirebreakImport
import FirebreakModel

/// Each model change written in the native model format, at the entries it alters.
struct NativeEdits {
    let model: PipelineModel

    func write(_ change: ModelChange, into editor: inout YAMLTextEditor) throws(PatchError) {
        let name = change.subject.name
        let other = change.object?.name ?? ""
        let yes = YAMLValue.scalar("true")
        switch change.kind {
        case .pinStep:
            for job in model.sortedJobs {
                for (index, step) in job.steps.enumerated() where step.name == name {
                    try pinLine(step, in: &editor)
                    try editor.edit(["jobs", .key(job.name), "steps", .index(index), "pin"]) { old in old == nil ? nil : .scalar("digest") }
                }
            }
        case .pinDefinition:
            try editor.set(["definitions", .key(name), "pin"], to: .scalar("digest"))
        case .ephemeralRunner:
            try editor.set(["runners", .key(name), "lifecycle"], to: .scalar("ephemeral"))
        case .protectRunner:
            try editor.set(["runners", .key(name), "protectedBranchesOnly"], to: yes)
        case .dropRoute:
            try removeItem(other, at: ["runners", .key(name), "reaches"], in: &editor)
        case .authenticateCallers:
            try editor.set(["resources", .key(name), "networkAccess"], to: .scalar("none"))
        case .scopeSecret:
            if model.environments[other] == nil {
                let tags = model.releaseTags(usingSecret: name)
                try editor.set(["environments", .key(other)],
                               to: .mapping([YAMLEntry("allowedBranches", .sequence([.scalar(model.repository.defaultBranch)]))]
                                            + (tags.isEmpty ? [] : [YAMLEntry("allowedTags", .sequence(tags.map(YAMLValue.scalar)))])))
            }
            try editor.set(["secrets", .key(name), "environment"], to: .scalar(other))
            for job in model.sortedJobs where job.environment == nil && job.secrets.contains(where: { $0.name == name }) {
                try editor.set(["jobs", .key(job.name), "environment"], to: .scalar(other))
            }
        case .protectSecret:
            try editor.set(["secrets", .key(name), "protectedBranchesOnly"], to: yes)
        case .withholdSecret:
            try removeItem(other, at: ["jobs", .key(name), "secrets"], in: &editor)
        case .readOnlyToken:
            // What the job's OIDC token is granted stays, as `PipelineModel.applying` keeps it.
            let job = model.jobs[name]
            try editor.edit(["jobs", .key(name), "token", "grants"]) { old in
                guard case .mapping(let entries)? = old else { return old }
                return .mapping(entries.map { entry in
                    guard case .scalar(let level) = entry.value, let access = AccessLevel(rawValue: level), access > .read else { return entry }
                    if let job, let target = NodeID(parsing: entry.key),
                       model.isGrantedToOIDCToken(Grant(target: target, level: access, location: job.location), of: job) { return entry }
                    return YAMLEntry(entry.key, .scalar("read"))
                })
            }
        case .dropGrant:
            try editor.remove(["identities", .key(name), "grants", .key(change.object?.description ?? "")])
        case .shortLivedCredential:
            let changed = model.applying([change])
            guard let identity = changed.identities[name] else { return }
            for secret in model.secrets.values.sorted(by: { $0.name < $1.name }) where secret.carries?.name == name {
                for job in model.sortedJobs where job.secrets.contains(where: { $0.name == secret.name }) {
                    try removeItem(secret.name, at: ["jobs", .key(job.name), "secrets"], in: &editor)
                    try editor.set(["jobs", .key(job.name), "oidc"], to: yes)
                }
                try editor.remove(["secrets", .key(secret.name)])
            }
            try editor.set(["identities", .key(name), "type"], to: .scalar("cloud-role"))
            try editor.remove(["identities", .key(name), "lifetime"])
            try editor.remove(["identities", .key(name), "owner"])
            try editor.set(["identities", .key(name), "trust"], to: Self.trust(identity.trust!))
            try dropHoldings(of: name, in: &editor)
        case .machineIdentity:
            try editor.set(["identities", .key(name), "type"], to: .scalar("service-account"))
            try editor.remove(["identities", .key(name), "owner"])
            try dropHoldings(of: name, in: &editor)
        case .requireReviewers:
            guard let environment = model.applying([change]).environments[name] else { return }
            try editor.set(["environments", .key(name), "reviewers"], to: .sequence(environment.reviewers.map { .scalar($0.name) }))
            try editor.set(["environments", .key(name), "requiredApprovals"], to: .scalar(String(environment.requiredApprovals)))
            try editor.set(["environments", .key(name), "preventSelfReview"], to: yes)
        case .preventSelfReview:
            try editor.set(["environments", .key(name), "preventSelfReview"], to: yes)
        case .restrictEnvironment:
            try editor.set(["environments", .key(name), "allowedBranches"], to: .sequence([.scalar(model.repository.defaultBranch)]))
        case .protectTags:
            let tags = model.applying([change]).repository.protectedTags ?? []
            try editor.set(["repository", "protectedTags"], to: .sequence(tags.map(YAMLValue.scalar)))
        case .protectBranch:
            guard let protection = model.applying([change]).branches[name]?.protection else { return }
            try editor.remove(["branches", .key(name), "protected"])
            try editor.remove(["branches", .key(name), "bypass"])
            try editor.set(["branches", .key(name), "requiredReviews"], to: .scalar(String(protection.requiredReviews)))
            try editor.set(["branches", .key(name), "enforceAdmins"], to: yes)
        case .signArtifact:
            try editor.set(["artifacts", .key(name), "signed"], to: yes)
            for job in model.sortedJobs where job.consumes.contains(where: { $0.artifact.name == name }) {
                try editor.set(["jobs", .key(job.name), "consumes", .key(name), "verifies"], to: yes)
            }
        case .separateCache:
            let own = Cache.ownName(of: other, for: name)
            let key = model.caches[other]?.key.map { YAMLValue.mapping([YAMLEntry("key", .scalar("\(name)-\($0)"))]) } ?? .mapping([])
            try editor.set(["caches", .key(own)], to: key)
            for list in ["restoresCaches", "savesCaches"] {
                try editor.edit(["jobs", .key(name), .key(list)]) { old in
                    guard case .sequence(let items)? = old else { return old }
                    return .sequence(items.map { $0 == .scalar(other) ? .scalar(own) : $0 })
                }
            }
        case .dropCacheRestore:
            try editor.edit(["jobs", .key(name), "restoresCaches"]) { old in
                guard case .sequence(let items)? = old else { return old }
                return .sequence(items.filter { $0 != .scalar(other) })
            }
        case .dropUntrustedInput:
            try editor.set(["jobs", .key(name), "untrustedInput"], to: .scalar("none"))
        case .requireForkApproval:
            try editor.set(["repository", "forkPullRequests", "approval"], to: .scalar("all"))
        case .narrowTrust:
            guard let trust = model.applying([change]).identities[name]?.trust else { return }
            try editor.set(["identities", .key(name), "trust"], to: Self.trust(trust))
        case .requirePublisherEnvironment:
            try editor.set(["resources", .key(name), "trustedPublisherEnvironment"], to: .scalar(other))
        case .uncommitSecret:
            try editor.set(["secrets", .key(name), "committed"], to: .scalar("false"))
        case .dataOnly:
            try editor.set(["jobs", .key(name), "consumes", .key(other), "use"], to: .scalar("data"))
        }
    }

    static func trust(_ trust: TrustPolicy) -> YAMLValue {
        var entries: [YAMLEntry] = []
        if !trust.branches.isEmpty { entries.append(YAMLEntry("branches", .sequence(trust.branches.map(YAMLValue.scalar)))) }
        if !trust.environments.isEmpty { entries.append(YAMLEntry("environments", .sequence(trust.environments.map(YAMLValue.scalar)))) }
        if !trust.events.isEmpty { entries.append(YAMLEntry("events", .sequence(trust.events.map { .scalar($0.rawValue) }))) }
        return .mapping(entries)
    }

    private func pinLine(_ step: Step, in editor: inout YAMLTextEditor) throws(PatchError) {
        try editor.replaceLine(step.location.line) { line in PinPlaceholder.pin(line: line, uses: step.uses, kind: step.kind.rawValue) }
    }

    private func removeItem(_ item: String, at path: [YAMLTextEditor.Step], in editor: inout YAMLTextEditor) throws(PatchError) {
        try editor.edit(path) { old in
            guard case .sequence(let items)? = old else { return old }
            return .sequence(items.filter { $0 != .scalar(item) })
        }
    }

    private func dropHoldings(of identity: String, in editor: inout YAMLTextEditor) throws(PatchError) {
        for actor in model.actors.values.sorted(by: { $0.name < $1.name }) where actor.holds.contains(where: { $0.name == identity }) {
            try removeItem(identity, at: ["actors", .key(actor.name), "holds"], in: &editor)
        }
    }
}
