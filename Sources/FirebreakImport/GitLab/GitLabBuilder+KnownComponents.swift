import FirebreakModel

extension GitLabBuilder {
    /// The job a known component adds (`GitLabKnownComponent`), as its published file describes
    /// it: in the pipelines its rules admit, on its runner and image, taking in the artifacts of
    /// the job its input names and delivering them to its target with the ID token it mints.
    /// What is taken from the file read, not from the version included, is stated at the include.
    mutating func importKnownComponent(_ known: GitLabKnownComponent, include: GitLabConfig.ExternalInclude, pin: PinState) {
        let at = include.location
        model.definitions[include.name]?.takenAs = known.readFrom
        let name = prefix + (include.inputs[known.jobNameInput] ?? known.defaultJobName)
        guard model.jobs[name] == nil else { return }
        if model.resources[known.target] == nil {
            model.resources[known.target] = Resource(name: known.target, kind: known.targetKind, zone: nil, criticality: .critical,
                                                     production: true, networkAccess: nil, location: at)
        }
        let delivered = include.inputs[known.deliveredJobInput].map { prefix + $0 }.flatMap { model.jobs[$0] != nil ? $0 : nil }
        let artifact = delivered.map { "\($0) artifacts" }.flatMap { model.artifacts[$0] != nil ? $0 : nil }
        let consumes = artifact.map { [Job.Consumption(artifact: Reference($0, at: at), use: .deploy, verifies: false,
                                                       deploysTo: Reference(known.target, at: at), canaryPercent: nil, location: at)] } ?? []
        var runs = GitLabRuns(tags: true)
        runs.protectedTagsOnly = known.protectedTagsOnly
        var token = [Grant(target: model.repository.id, level: .read, location: at)]
        if known.tokenAudience != nil { token.append(Grant(target: NodeID(.resource, known.target), level: .write, location: at)) }
        model.jobs[name] = Job(
            name: name, role: .release, definition: Reference(include.name, at: at), triggers: declareTriggers(runs, at: at),
            runsOn: declareRunner(tags: known.runnerTags, at: at), needs: delivered.map { [Reference($0, at: at)] } ?? [],
            runsRepositoryCode: false, token: token, oidc: known.tokenAudience != nil, consumes: consumes,
            steps: [Step(name: "\(name)/\(include.name)", uses: include.name, kind: .template, pin: pin, location: at),
                    Step(name: "\(name)/\(known.image)", uses: known.image, kind: .image, pin: ImageReference(known.image).pin, location: at)],
            platform: .gitlab, location: at)
        let when = known.protectedTagsOnly ? "on a protected tag" : "on a tag"
        let takes = delivered.map { "takes job '\($0)''s artifacts and " } ?? ""
        // Any job may mint a token for any audience: the target is taken to check the token's claims.
        let credential = known.tokenAudience.map { " with an ID token for audience '\($0)', which the target is taken to accept from this job only, \(when)" } ?? ""
        builder.assume(NodeID(.job, name),
                       "'\(include.name)' is taken to add what Firebreak read of it (\(known.readFrom)): \(when), job '\(name)' on runner \(known.runnerTags.joined(separator: ", ")) in image \(known.image) \(takes)\(known.delivers)\(credential); the version included may do more",
                       settle: "read the component at the version included and describe its jobs in a native model if they differ", at: at)
    }
}
