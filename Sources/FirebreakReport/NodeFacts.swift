import FirebreakModel

/// The attributes of a node that rules read, in a few words each (`role=build`, `manual`,
/// `pin=branch`), for `firebreak graph`: with the edges they say everything the import
/// understood. Defaults (nothing stated) are left out.
enum NodeFacts {
    static func of(_ id: NodeID, in model: PipelineModel) -> [String] {
        switch id.kind {
        case .repository:
            let repository = model.repository
            return ["visibility=\(repository.visibility.rawValue)", "default-branch=\(repository.defaultBranch)",
                    "fork-approval=\(repository.forkApproval.rawValue)"]
                + flag(repository.forkPullRequestsGetSecrets, "fork-runs-get-secrets") + criticality(repository.criticality)
        case .actor:
            return model.actors[id.name].map { ["role=\($0.role.rawValue)"] } ?? []
        case .job:
            guard let job = model.jobs[id.name] else { return [] }
            return ["role=\(job.role.rawValue)"] + (job.platform.map { ["platform=\($0.rawValue)"] } ?? [])
                + flag(job.manual, "manual") + flag(!job.runsRepositoryCode, "runs-no-repository-code") + flag(job.oidc, "oidc")
                + (job.untrustedInput == .none ? [] : ["untrusted-input=\(job.untrustedInput.rawValue)"])
                + (job.guardCondition == .none ? [] : ["guard=\(job.guardCondition.rawValue)"])
        case .step:
            guard let step = model.jobs.values.lazy.flatMap(\.steps).first(where: { $0.name == id.name }) else { return [] }
            return ["kind=\(step.kind.rawValue)", "pin=\(step.pin.rawValue)"]
        case .definition:
            guard let definition = model.definitions[id.name] else { return [] }
            return definition.pin.map { ["external", "pin=\($0.rawValue)"] } ?? []
        case .trigger:
            guard let trigger = model.triggers[id.name] else { return [] }
            return ["event=\(trigger.platformEvent)"] + flag(trigger.fromForks, "from-forks")
                + (trigger.branches.isEmpty ? [] : ["branches=\(trigger.branches.joined(separator: ","))"])
        case .runner:
            guard let runner = model.runners[id.name] else { return [] }
            return [runner.hosting.rawValue, runner.lifecycle.rawValue] + (runner.platform.map { ["platform=\($0.rawValue)"] } ?? [])
                + flag(runner.protectedBranchesOnly, "protected-only")
        case .secret:
            guard let secret = model.secrets[id.name] else { return [] }
            return (secret.platform.map { ["platform=\($0.rawValue)"] } ?? []) + flag(secret.protectedBranchesOnly, "protected-only")
                + flag(secret.committed, "committed") + flag(secret.production, "production") + criticality(secret.criticality)
        case .identity:
            guard let identity = model.identities[id.name] else { return [] }
            return [identity.kind.rawValue, identity.lifetime.rawValue] + criticality(identity.criticality)
        case .environment:
            guard let environment = model.environments[id.name] else { return [] }
            return flag(environment.production, "production") + ["approvals=\(environment.requiredApprovals)"]
        default:
            return []
        }
    }

    private static func flag(_ set: Bool, _ word: String) -> [String] { set ? [word] : [] }

    private static func criticality(_ value: Criticality?) -> [String] { value.map { ["criticality=\($0.rawValue)"] } ?? [] }
}
