extension PipelineModel {
    /// Every weak construct of the model, sorted by place: what the importer recorded
    /// (`weaknesses`) and what the graph's facts say by themselves — unpinned third-party
    /// code, persistent self-hosted runners, static keys, environments whose approvers may
    /// approve their own runs, committed credentials, downloaded code run unverified, jobs that
    /// check out untrusted code in a privileged run, and triggers that run with secrets for
    /// outsiders' events. Each construct is listed once.
    public var allWeaknesses: [Weakness] {
        var found = weaknesses
        for job in jobs.values.sorted(byName: \.name) {
            for step in job.steps where step.pin != .digest {
                found.append(Weakness(.unpinnedUses, subject: job.id, detail: step.unpinnedDetail, at: step.location))
            }
            if job.untrustedInput == .checkout {
                found.append(Weakness(.untrustedCheckout, subject: job.id, detail: "job '\(job.name)' checks out and runs code a pull request brings",
                                      at: job.location))
            }
            for consumption in job.consumes where consumption.use == .run && !consumption.verifies {
                found.append(Weakness(.unverifiedDownload, subject: job.id,
                                      detail: "job '\(job.name)' runs artifact '\(consumption.artifact.name)' without verifying it", at: consumption.location))
            }
        }
        // A downstream project's pipeline runs there, and a template ships with the GitLab server:
        // neither is code this pipeline pulls in at a version it could pin.
        for definition in definitions.values.sorted(byName: \.name) where definition.isExternal && definition.pin != .digest
            && !definition.name.hasPrefix("downstream:") && !definition.name.hasPrefix("template:") {
            found.append(Weakness(.unpinnedUses, subject: definition.id,
                                  detail: "'\(definition.name)' is \((definition.pin ?? .none).phrase(ratherThan: "a commit"))", at: definition.location))
        }
        for runner in runners.values.sorted(byName: \.name) where runner.hosting == .selfHosted && runner.lifecycle == .persistent {
            found.append(Weakness(.persistentRunner, subject: runner.id, detail: "self-hosted runner '\(runner.name)' keeps what one job leaves for the next",
                                  at: runner.location))
        }
        for identity in identities.values.sorted(byName: \.name) where identity.kind == .staticKey {
            found.append(Weakness(.staticKey, subject: identity.id, detail: "'\(identity.name)' is a long-lived cloud key", at: identity.location))
        }
        for environment in environments.values.sorted(byName: \.name) where environment.requiredApprovals > 0 && !environment.preventSelfReview {
            found.append(Weakness(.selfApproval, subject: environment.id,
                                  detail: "a reviewer of '\(environment.name)' may approve a run they started", at: environment.location))
        }
        for secret in secrets.values.sorted(byName: \.name) where secret.committed {
            found.append(Weakness(.committedCredential, subject: secret.id, detail: "'\(secret.name)' is written in the repository", at: secret.location))
        }
        for trigger in triggers.values.sorted(byName: \.name) where trigger.event.isPrivilegedOutsiderEvent {
            found.append(Weakness(.privilegedTrigger, subject: trigger.id,
                                  detail: "\(trigger.platformEvent) runs with the repository's secrets and a write token for events outsiders cause",
                                  at: trigger.location))
        }
        // Each table walked in order of name, so that of the repeats of a place the one kept (a
        // template's step, which every job extending it holds) is the same in every run.
        var seen = Set<String>()
        return found.filter { seen.insert("\($0.kind.rawValue)|\($0.location)").inserted }
            .sorted { ($0.location.file, $0.location.line, $0.location.column, $0.kind.rawValue, $0.subject) < ($1.location.file, $1.location.line, $1.location.column, $1.kind.rawValue, $1.subject) }
    }
}
