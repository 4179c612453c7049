import FirebreakModel
import Foundation

extension ModelBuilder {
    /// Crown jewels from evidence, where no context file says otherwise: the secrets a publishing
    /// job uses, and write access to a repository others run by tag (an action at its root).
    mutating func markCrownJewels(context: PipelineModel?) {
        for name in model.jobs.keys.sorted() {
            guard let job = model.jobs[name], job.role == .release else { continue }
            for reference in job.secrets where context?.secrets[reference.name] == nil && reference.name != SecretUses.everySecretName {
                guard var secret = model.secrets[reference.name], secret.carries == nil, secret.criticality != .critical else { continue }
                secret.criticality = .critical
                model.secrets[reference.name] = secret
                assume(secret.id, "secret '\(secret.name)' is used by publishing job '\(name)', so it is taken to publish releases: a crown jewel",
                       settle: "declare its `criticality:` under `secrets:` in \(InputLoader.contextFileName)", at: reference.location)
            }
        }
        guard context == nil || context?.repository.criticality == nil, model.repository.criticality == nil,
              ["action.yml", "action.yaml"].contains(where: { RepositoryFile.exists($0, under: root) }) else { return }
        model.repository.criticality = .critical
        assume(model.repository.id, "the repository is an action others run by tag: whoever can write it moves the tags and runs code in every workflow that uses it, so write access is a crown jewel",
               settle: "set `criticality:` under `repository:` in \(InputLoader.contextFileName)", at: model.repository.location)
    }
}
