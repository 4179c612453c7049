import FirebreakModel

extension GitLabBuilder {
    /// The job a known component adds (`GitLabKnownComponent`), as its published file describes
    /// it: in the pipelines its rules admit, on its runner and image, taking in the artifacts of
    /// the job its input names and delivering them to its target with the ID token it mints.
    /// What is taken from the file read, not from the version included, is stated at the include.
    /// `unread`: the includes whose jobs are not read, where a job its input names but no file
    /// read defines is taken to come from (`importUnreadDeliveredJob`), with the pipeline's
    /// `triggers` and the included jobs' `runnerTags`.
    mutating func importKnownComponent(_ known: GitLabKnownComponent, include: GitLabConfig.ExternalInclude, pin: PinState,
                                       unread: [GitLabConfig.ExternalInclude], triggers: [String], runnerTags: [String]) {
        let at = include.location
        model.definitions[include.name]?.takenAs = known.readFrom
        let name = prefix + (include.inputs[known.jobNameInput] ?? known.defaultJobName)
        guard model.jobs[name] == nil else { return }
        if let named = include.inputs[known.deliveredJobInput], model.jobs[prefix + named] == nil {
            importUnreadDeliveredJob(prefix + named, namedBy: include, input: known.deliveredJobInput, from: unread,
                                     triggers: triggers, runnerTags: runnerTags)
        }
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

    /// The job a known component's input names for it to deliver (`dist-job-name: build-gnomeos`)
    /// when no file read defines it: it comes from an include whose jobs are not read (the
    /// pipeline would fail on a `needs:` of a job that does not exist). Taken, pessimistically and
    /// stated, as that include's job building the delivered files from the repository's code in
    /// every pipeline, tags included, with artifacts the component takes in. Of several such
    /// includes, the one whose name shares a word with the job's (`gnomeos-basic-ci` for
    /// `build-gnomeos`), else the first.
    mutating func importUnreadDeliveredJob(_ name: String, namedBy include: GitLabConfig.ExternalInclude, input: String,
                                           from unread: [GitLabConfig.ExternalInclude], triggers: [String], runnerTags: [String]) {
        guard !triggers.isEmpty, let first = unread.first else { return }
        let words = Set(name.lowercased().split { !$0.isLetter && !$0.isNumber }.filter { $0.count >= 4 })
        let sharing = unread.filter { candidate in
            candidate.name.lowercased().split { !$0.isLetter && !$0.isNumber }.contains { words.contains($0) }
        }
        let source = sharing.count == 1 ? sharing[0] : first
        let at = include.location
        let artifact = "\(name) artifacts"
        model.artifacts[artifact] = Artifact(name: artifact, store: nil, signed: false, criticality: nil, location: at)
        model.jobs[name] = Job(
            name: name, role: .build, definition: Reference(source.name, at: source.location),
            triggers: triggers.map { Reference($0, at: at) }, runsOn: declareRunner(tags: runnerTags, at: at),
            runsRepositoryCode: true, installsDependencies: true,
            token: [Grant(target: model.repository.id, level: .read, location: at)],
            produces: [Reference(artifact, at: at)],
            steps: [Step(name: "\(name)/\(source.name)", uses: source.name, kind: .template, pin: PinState.infer(fromVersion: source.ref),
                         location: source.location)],
            platform: .gitlab, location: at)
        let others = unread.filter { $0.name != source.name }.map { "'\($0.name)'" }
        let which = sharing.count == 1 || others.isEmpty ? "'\(source.name)', whose jobs are not read"
            : "one of the includes whose jobs are not read, taken to be '\(source.name)' (or \(others.prefix(3).joined(separator: ", "))\(others.count > 3 ? " and \(others.count - 3) more" : ""))"
        let place = builder.assume(NodeID(.job, name),
                       "job '\(name)', which '\(include.name)' takes the files it delivers from (`\(input)`), is defined in none of the files read: it is taken to come from \(which), and to build those files from the repository's code in every pipeline, tags included",
                       settle: "read the included file and describe job '\(name)' in a native model (docs/model-format.md)", at: at)
        builder.extend(assumptionAt: place, to: NodeID(.artifact, artifact))
    }
}
