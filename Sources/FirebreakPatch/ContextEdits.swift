import FirebreakImport
import FirebreakModel

/// Settings a repository's files cannot say, written into its context file: runner pools,
/// branch protection, environment rules and the fork policy. An entry the context file does
/// not declare yet is declared with everything the import assumed of it, so that only the
/// change differs.
struct ContextEdits {
    let model: PipelineModel

    /// The changes a context file can express whether or not it declares their node.
    static let kinds: Set<ModelChange.Kind> = [
        .ephemeralRunner, .protectRunner, .dropRoute, .requireForkApproval, .preventSelfReview, .restrictEnvironment, .protectBranch, .protectTags,
        .requirePublisherEnvironment,
    ]

    /// Changes to what the context file itself declares (an identity's grants, a secret's scope).
    static func canWrite(_ change: ModelChange, declaredIn context: YAMLTextEditor?) -> Bool {
        if kinds.contains(change.kind) { return true }
        guard let context else { return false }
        switch change.kind {
        case .dropGrant:
            return context.value(at: ["identities", .key(change.subject.name), "grants", .key(change.object?.description ?? "")]) != nil
        case .protectSecret, .uncommitSecret:
            return context.value(at: ["secrets", .key(change.subject.name)]) != nil
        case .scopeSecret:
            return context.value(at: ["secrets", .key(change.subject.name)]) != nil
                && context.value(at: ["environments", .key(change.object?.name ?? "")]) != nil
        default:
            return false
        }
    }

    /// A context file for a repository that had none: what the import assumed, said explicitly.
    func newFile() -> String {
        let repository = model.repository
        var fork = "approval: \(repository.forkApproval.rawValue)"
        if repository.forkPullRequestsGetSecrets { fork += ", secrets: true" }
        // The approval of fork pull requests' runs is GitHub's setting; a GitLab project says only
        // whether its fork merge requests run in the parent project with its variables.
        let github = model.jobs.values.contains { model.platform(of: $0) != .gitlab }
        if !github, repository.forkPullRequestsGetSecrets { fork = "secrets: true" }
        var text = """
        # Written by `firebreak fix`: what the import assumed of this repository, said explicitly,
        # and the settings the fix changes. Check each line against the repository's settings.
        firebreak: 1
        repository:
          name: \(YAMLValue.quoted(repository.name))
          visibility: \(repository.visibility.rawValue)
          defaultBranch: \(YAMLValue.quoted(repository.defaultBranch))

        """
        if github || repository.forkPullRequestsGetSecrets { text += "  forkPullRequests: {\(fork)}\n" }
        if let tags = repository.protectedTags {
            text += "  protectedTags: [\(tags.map(YAMLValue.quoted).joined(separator: ", "))]\n"
        }
        let people = model.actors.values.filter { $0.role != .external }.sorted { $0.name < $1.name }
        if !people.isEmpty {
            text += "actors:\n" + people.map { "  \(YAMLValue.quoted($0.name)): {role: \($0.role.rawValue)}\n" }.joined()
        }
        return text
    }

    func write(_ change: ModelChange, into editor: inout YAMLTextEditor) throws(PatchError) {
        let name = change.subject.name
        switch change.kind {
        case .ephemeralRunner, .protectRunner, .dropRoute:
            guard let runner = model.runners[name] else { return }
            if editor.value(at: ["runners", .key(name)]) == nil {
                for zone in runner.reaches.map(\.name).sorted() where editor.value(at: ["zones", .key(zone)]) == nil {
                    try editor.set(["zones", .key(zone)], to: .mapping([]))
                }
                try editor.set(["runners", .key(name)], to: Self.declaration(of: runner))
            }
        case .preventSelfReview, .restrictEnvironment:
            guard let environment = model.environments[name] else { return }
            if editor.value(at: ["environments", .key(name)]) == nil {
                try editor.set(["environments", .key(name)], to: Self.declaration(of: environment))
            }
        case .requirePublisherEnvironment:
            guard let registry = model.resources[name] else { return }
            if editor.value(at: ["resources", .key(name)]) == nil {
                try editor.set(["resources", .key(name)], to: Self.declaration(of: registry))
            }
        case .protectBranch:
            if editor.value(at: ["branches", .key(name)]) == nil {
                try editor.set(["branches", .key(name)], to: .mapping([YAMLEntry("protected", .scalar("false"))]))
            }
        default:
            break
        }
        try NativeEdits(model: model).write(change, into: &editor)
    }

    private static func declaration(of runner: Runner) -> YAMLValue {
        var entries = [YAMLEntry("hosting", .scalar(runner.hosting.rawValue)), YAMLEntry("lifecycle", .scalar(runner.lifecycle.rawValue))]
        if !runner.labels.isEmpty { entries.append(YAMLEntry("labels", .sequence(runner.labels.map(YAMLValue.scalar)))) }
        if !runner.reaches.isEmpty { entries.append(YAMLEntry("reaches", .sequence(runner.reaches.map { .scalar($0.name) }))) }
        if runner.protectedBranchesOnly { entries.append(YAMLEntry("protectedBranchesOnly", .scalar("true"))) }
        if let platform = runner.platform { entries.append(YAMLEntry("platform", .scalar(platform.rawValue))) }
        return .mapping(entries)
    }

    private static func declaration(of resource: Resource) -> YAMLValue {
        .mapping([YAMLEntry("type", .scalar(resource.kind.rawValue)), YAMLEntry("criticality", .scalar(resource.criticality.rawValue)),
                  YAMLEntry("production", .scalar(String(resource.production)))])
    }

    private static func declaration(of environment: Environment) -> YAMLValue {
        var entries = [YAMLEntry("production", .scalar(String(environment.production)))]
        if !environment.allowedBranches.isEmpty {
            entries.append(YAMLEntry("allowedBranches", .sequence(environment.allowedBranches.map(YAMLValue.scalar))))
        }
        if !environment.allowedTags.isEmpty {
            entries.append(YAMLEntry("allowedTags", .sequence(environment.allowedTags.map(YAMLValue.scalar))))
        }
        if environment.waitMinutes > 0 { entries.append(YAMLEntry("waitMinutes", .scalar(String(environment.waitMinutes)))) }
        return .mapping(entries)
    }
}
