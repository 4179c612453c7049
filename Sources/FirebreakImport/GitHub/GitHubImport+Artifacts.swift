import FirebreakModel

extension GitHubImport {
    /// Links each download to the uploads it takes. An artifact belongs to the run that uploads
    /// it (a workflow's jobs and those of the workflows it calls), so a download takes the
    /// uploads of its own run: the one it names, those whose names fit its `pattern:` glob, or,
    /// with neither, all of them; a download from another run (`run-id:`) takes those of any run
    /// (GitHub Docs, actions/download-artifact). A download no upload fits is an artifact of its
    /// own run that nothing here writes.
    mutating func linkArtifacts() {
        let github = model.jobs.values.filter { $0.platform == .github }.sorted { $0.name < $1.name }
        // Each run's uploads, by the name written in the workflow.
        var uploads: [String: [String: String]] = [:]
        for job in github {
            let run = Self.run(of: job.name)
            for artifact in job.produces { uploads[run, default: [:]][Self.writtenName(artifact.name, ofRun: run)] = artifact.name }
        }
        for job in github where !job.consumes.isEmpty {
            let run = Self.run(of: job.name)
            var consumes: [Job.Consumption] = []
            for use in job.consumes {
                let written = use.artifact.name
                let otherRun = otherRunDownloads[job.name]?.contains(written) ?? false
                let candidates = otherRun ? uploads.values.flatMap { $0 } : (uploads[run] ?? [:]).map { $0 }
                // An upload whose name holds an expression may be any name: it fits a plain name too.
                let fitting = candidates.filter { upload in
                    upload.key == written || (ArtifactNamePattern.isPattern(written) || ArtifactNamePattern.isPattern(upload.key))
                        && ArtifactNamePattern.overlaps(written, upload.key)
                }.map(\.value).sorted()
                let names = fitting.isEmpty ? [Self.artifact(written, ofRun: run)] : fitting
                // A name held in an expression no file here gives the value of (a step's output) is
                // taken to fit every upload it may: pessimistic, and said on the hops through it.
                // An upload written with the very same text is the one it names.
                let exact = Set(candidates.filter { $0.key == written }.map(\.value))
                let guessed = written.contains("${{") ? Set(fitting).subtracting(exact) : []
                if !guessed.isEmpty {
                    let which = otherRun ? "of any run (`run-id:`)" : "of its run"
                    assume(NodeID(.job, job.name), "job '\(job.name)' downloads an artifact named `\(written)`, which Firebreak cannot evaluate: taken to be any upload \(which) whose name fits (\(guessed.count))",
                           settle: "name the artifact in the download step, or check what the expression yields", at: use.artifact.location)
                }
                let folders = use.use == .run ? nil
                    : artifactFolderDownloads[job.name]?.first { $0.written == written && $0.location == use.artifact.location }
                for name in names {
                    var linked = use
                    linked.artifact = Reference(name, at: use.artifact.location)
                    if guessed.contains(name) { linked.assumedFrom = written }
                    // Each artifact in a folder of its name: a script that runs what that folder holds runs it.
                    if let folders, let run = Self.folderRun(folders, artifact: Self.writtenName(name, ofRun: Self.run(of: name))) {
                        linked.use = .run
                        linked.deploysTo = nil
                        linked.how = run.how
                    }
                    guard !consumes.contains(linked) else { continue }
                    consumes.append(linked)
                    if model.artifacts[name] == nil {
                        model.artifacts[name] = Artifact(name: name, store: nil, signed: false, criticality: nil, location: use.artifact.location)
                    }
                }
            }
            model.jobs[job.name]!.consumes = consumes
        }
    }

    /// Whether the scripts after a download that puts each artifact in a folder of its name run
    /// what `artifact`'s folder holds (`DownloadRun`), and how.
    static func folderRun(_ download: (written: String, location: SourceLocation, path: String?, scripts: [String]), artifact: String) -> DownloadRun? {
        let base = download.path.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }.flatMap { $0.isEmpty || $0 == "." ? nil : $0 }
        let folder = base.map { "\($0)/\(artifact)" } ?? artifact
        guard !folder.contains("$"), !ArtifactNamePattern.isPattern(artifact) else { return nil }
        return DownloadRun.reading([folder], in: download.scripts)
    }

    /// The run a job belongs to: its workflow's jobs and those of the workflows it calls share
    /// the first part of their names.
    static func run(of job: String) -> String { String(job.prefix { $0 != "/" }) }

    /// An artifact's node name: the run, then the name the workflow writes.
    static func artifact(_ written: String, ofRun run: String) -> String { "\(run)/\(written)" }

    /// The name a workflow writes, from an artifact's node name.
    static func writtenName(_ artifact: String, ofRun run: String) -> String { String(artifact.dropFirst(run.count + 1)) }

    /// Links each image a job runs by tag to the jobs that push it (`PushedImages`): the image is
    /// an artifact the pushers produce and the job runs, kept in the registry the pushers publish
    /// to (GitHub Packages for `ghcr.io`, else the container registry), where whoever writes the
    /// registry replaces it, and not a third party (no step of the job). A digest names one image,
    /// which no push replaces.
    mutating func linkPushedImages() {
        guard !pushedImages.isEmpty else { return }
        let pushers = pushedImages.sorted { $0.key < $1.key }
        for name in model.jobs.keys.sorted() {
            guard let job = model.jobs[name], job.platform == .github else { continue }
            for step in job.steps where step.kind == .image && step.pin != .digest {
                let sources = pushers.filter { $0.key != name && $0.value.contains { PushedImages.fits(pushed: $0.image, image: step.uses) } }
                guard !sources.isEmpty else { continue }
                let repository = PushedImages.repository(step.uses)
                let artifact = "image:\(repository)"
                if model.artifacts[artifact] == nil {
                    let registry = repository.hasPrefix("ghcr.io/") && model.resources["github-packages"] != nil ? "github-packages"
                        : model.resources["container-registry"] != nil ? "container-registry" : nil
                    model.artifacts[artifact] = Artifact(name: artifact, store: registry.map { Reference($0, at: step.location) }, signed: false,
                                                         criticality: nil, location: step.location)
                }
                for (pusher, images) in sources where !(model.jobs[pusher]?.produces.contains { $0.name == artifact } ?? true) {
                    let at = images.first { PushedImages.fits(pushed: $0.image, image: step.uses) }!.location
                    model.jobs[pusher]!.produces.append(Reference(artifact, at: at))
                }
                if !job.consumes.contains(where: { $0.artifact.name == artifact }) {
                    model.jobs[name]!.consumes.append(Job.Consumption(artifact: Reference(artifact, at: step.location), use: .run, verifies: false,
                                                                      deploysTo: nil, canaryPercent: nil, location: step.location))
                }
                // The pipeline's own image is no third party's: whoever moves its tag holds the
                // registry's credential, the artifact's store (artifact-tampering starts there).
                model.jobs[name]!.steps.removeAll { $0.name == step.name }
            }
        }
    }
}
