import FirebreakModel

/// What must stay true while fixing: a node left as it is (`trigger:pull_request_target`),
/// or a relation a job needs (`job:release reads secret:NPM_TOKEN`).
public struct KeepConstraint: Sendable, Hashable, CustomStringConvertible {
    /// A relation a job keeps.
    public enum Relation: String, CaseIterable, Sendable {
        /// The job still receives the secret.
        case reads
        /// The job still obtains the identity (through a secret, OIDC or its token).
        case holds
        /// The job can still write the repository or resource.
        case writes
    }

    public var subject: NodeID
    public var relation: Relation?
    public var object: NodeID?
    /// As the user wrote it.
    public var description: String

    /// Parses `KIND:NAME` or `job:NAME RELATION KIND:NAME`; the error says what is accepted.
    public init(parsing text: String) throws(KeepError) {
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        description = words.joined(separator: " ")
        guard let first = words.first, let subject = NodeID(parsing: first) else { throw KeepError(text: text) }
        self.subject = subject
        switch words.count {
        case 1:
            relation = nil
            object = nil
        case 3:
            guard subject.kind == .job, let relation = Relation(rawValue: words[1]), let object = NodeID(parsing: words[2])
            else { throw KeepError(text: text) }
            self.relation = relation
            self.object = object
        default:
            throw KeepError(text: text)
        }
    }

    /// Whether the constraint holds in `model`, given the unchanged `original` (a bare node
    /// must be left as it was: no change may touch it).
    public func holds(in model: PipelineModel, changes: [ModelChange], original: PipelineModel) -> Bool {
        guard let relation, let object else {
            return !changes.contains { touches($0, in: original) }
        }
        guard let job = model.jobs[subject.name] else { return false }
        switch relation {
        case .reads:
            return model.secrets[object.name].map { model.exposes($0, to: job) } ?? false
        case .holds:
            return heldIdentities(of: job, in: model).contains(object.name)
        case .writes:
            return heldIdentities(of: job, in: model).contains { name in
                let grants = name == job.tokenIdentityName ? (job.token ?? []) : (model.identities[name]?.grants ?? [])
                return grants.contains { $0.target == object && $0.level >= .write }
            }
        }
    }

    /// Whether a change alters the kept node, or, for a trigger, what the jobs it starts do with it.
    private func touches(_ change: ModelChange, in model: PipelineModel) -> Bool {
        if change.touches.contains(subject) { return true }
        guard subject.kind == .trigger, change.kind == .dropUntrustedInput, let job = model.jobs[change.subject.name] else { return false }
        return job.triggers.contains { reference in
            reference.name == subject.name || model.triggers[reference.name]?.platformEvent == subject.name
                || model.triggers[reference.name]?.event.rawValue == subject.name
        }
    }

    private func heldIdentities(of job: Job, in model: PipelineModel) -> Set<String> {
        var held = Set(model.exposedSecrets(to: job).compactMap { $0.secret.carries?.name })
        for identity in model.identities.values where model.trusts(identity, job) { held.insert(identity.name) }
        if job.token?.isEmpty == false { held.insert(job.tokenIdentityName) }
        return held
    }
}

/// A `--keep` that is not one of the accepted forms.
public struct KeepError: Error, Sendable, CustomStringConvertible {
    public var text: String
    public var description: String {
        "cannot read --keep '\(text)': write a node as KIND:NAME (trigger:pull_request_target, runner:deployers), or a job's need as "
            + "'job:NAME reads secret:NAME', 'job:NAME holds identity:NAME' or 'job:NAME writes KIND:NAME'"
    }
}
