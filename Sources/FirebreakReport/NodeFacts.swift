import FirebreakModel

/// The attributes of a node that rules read, in a few words each (`role=build`, `manual`,
/// `pin=branch`), for `firebreak graph`: with the edges they say everything the import
/// understood. Defaults (nothing stated) are left out.
struct NodeFacts {
    private(set) var words: [String] = []

    private mutating func add(_ word: String, if set: Bool = true) { if set { words.append(word) } }
    private mutating func add(_ key: String, _ value: String?) { if let value { words.append("\(key)=\(value)") } }

    /// The facts of one node; `steps` indexes the model's steps by name (see `stepIndex`).
    static func of(_ id: NodeID, in model: PipelineModel, steps: [String: Step]) -> [String] {
        var facts = NodeFacts()
        switch id.kind {
        case .repository: facts.describe(model.repository)
        case .actor: facts.add("role", model.actors[id.name]?.role.rawValue)
        case .job: if let job = model.jobs[id.name] { facts.describe(job) }
        case .step: if let step = steps[id.name] { facts.add("kind", step.kind.rawValue); facts.add("pin", step.pin.rawValue) }
        case .definition: if let pin = model.definitions[id.name]?.pin { facts.add("external"); facts.add("pin", pin.rawValue) }
        case .trigger: if let trigger = model.triggers[id.name] { facts.describe(trigger) }
        case .runner: if let runner = model.runners[id.name] { facts.describe(runner) }
        case .secret: if let secret = model.secrets[id.name] { facts.describe(secret) }
        case .identity:
            if let identity = model.identities[id.name] {
                facts.add(identity.kind.rawValue)
                facts.add(identity.lifetime.rawValue)
                facts.add("criticality", identity.criticality?.rawValue)
            }
        case .resource:
            if let resource = model.resources[id.name] {
                facts.add(resource.kind.rawValue)
                facts.add("production", if: resource.production)
                facts.add("criticality", resource.criticality.rawValue)
            }
        case .environment:
            if let environment = model.environments[id.name] {
                facts.add("production", if: environment.production)
                facts.add("approvals", String(environment.requiredApprovals))
            }
        default: break
        }
        return facts.words
    }

    private mutating func describe(_ repository: Repository) {
        add("visibility", repository.visibility.rawValue)
        add("default-branch", repository.defaultBranch)
        add("fork-approval", repository.forkApproval.rawValue)
        add("fork-runs-get-secrets", if: repository.forkPullRequestsGetSecrets)
        add("criticality", repository.criticality?.rawValue)
    }

    private mutating func describe(_ job: Job) {
        add("role", job.role.rawValue)
        add("platform", job.platform?.rawValue)
        add("manual", if: job.manual)
        add("runs-no-repository-code", if: !job.runsRepositoryCode)
        add("installs-dependencies", if: job.installsDependencies)
        add("oidc", if: job.oidc)
        add("untrusted-input", job.untrustedInput == .none ? nil : job.untrustedInput.rawValue)
        add("guard", job.guardCondition == .none ? nil : job.guardCondition.rawValue)
    }

    private mutating func describe(_ trigger: Trigger) {
        add("event", trigger.platformEvent)
        add("from-forks", if: trigger.fromForks)
        add("protected-tags-only", if: trigger.protectedTagsOnly)
        add(trigger.event == .tag ? "tags" : "branches", trigger.branches.isEmpty ? nil : trigger.branches.joined(separator: ","))
    }

    private mutating func describe(_ runner: Runner) {
        add(runner.hosting.rawValue)
        add(runner.lifecycle.rawValue)
        add("platform", runner.platform?.rawValue)
        add("protected-only", if: runner.protectedBranchesOnly)
    }

    private mutating func describe(_ secret: Secret) {
        add("platform", secret.platform?.rawValue)
        add("protected-only", if: secret.protectedBranchesOnly)
        add("committed", if: secret.committed)
        add("production", if: secret.production)
        add("criticality", secret.criticality?.rawValue)
    }
}

extension NodeFacts {
    /// Every step of the model by node name, built once for a whole graph.
    static func stepIndex(_ model: PipelineModel) -> [String: Step] {
        var index: [String: Step] = [:]
        for job in model.jobs.values {
            for step in job.steps where index[step.name] == nil { index[step.name] = step }
        }
        return index
    }
}
