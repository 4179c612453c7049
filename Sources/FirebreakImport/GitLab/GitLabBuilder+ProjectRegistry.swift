import FirebreakModel

extension GitLabBuilder {
    /// Notes what job `id` does with the project's registry: where the pipeline names it, and
    /// whether this publishing job pushes there. Returns the images of the registry the job
    /// runs (its `image:` and `services:`; a digest-pinned one cannot be replaced), as the
    /// artifacts it consumes.
    mutating func projectRegistryImages(job id: String, images: [(image: String, pin: PinState, location: SourceLocation)],
                                        scripts: [(text: String, location: SourceLocation)], publishes: Bool) -> [Job.Consumption] {
        let ours = isProjectRegistryImage
        let naming = scripts.first { GitLabProjectRegistry.names($0.text) }?.location ?? images.first { ours($0.image) }?.location
        guard let naming else { return [] }
        if projectRegistry == nil { projectRegistry = GitLabProjectRegistry(location: naming, publisher: nil) }
        if publishes, projectRegistry?.publisher == nil, scripts.contains(where: { GitLabProjectRegistry.names($0.text) }) {
            projectRegistry?.publisher = id
        }
        return images.filter { ours($0.image) && $0.pin != .digest }.map { image in
            let name = GitLabProjectRegistry.artifactName(image.image)
            if model.artifacts[name] == nil {
                model.artifacts[name] = Artifact(name: name, store: Reference(GitLabProjectRegistry.name, at: image.location), signed: false,
                                                 criticality: nil, location: image.location)
            }
            let artifact = Reference(name, at: image.location)
            return Job.Consumption(artifact: artifact, use: .run, verifies: false, deploysTo: nil, canaryPercent: nil, location: image.location)
        }
    }

    /// Whether an image is kept in this project's registry (`$CI_REGISTRY_IMAGE/ci`, or its
    /// address under one of the project's paths): code the project's pushers and jobs put there,
    /// not a third party's.
    func isProjectRegistryImage(_ image: String) -> Bool {
        GitLabProjectRegistry.names(image) || GitLabProjectRegistry.isAddress(image, ofProjectAt: projectPaths)
    }

    /// The project paths the pipeline's rules give as its own, with the repository's name when
    /// the context file gives one (`group/app`): those its jobs', templates' and `workflow:`
    /// rules compare `$CI_PROJECT_PATH` with, equal or not (`!= "group/app"` then `when: never`
    /// keeps a job to that project as surely as `==` does). A template no job extends says it
    /// too: the pipeline is written to tell its project from the project's forks.
    func ownProjectPaths(_ mappings: [SourcedMapping], workflow: Sourced?) -> Set<String> {
        let rules = mappings.compactMap { $0["rules"]?.node } + [workflow?.node.value("rules")].compactMap { $0 }
        var paths = rules.reduce(into: Set<String>()) { $0.formUnion(GitLabIncludeRules.comparedProjectPaths($1)) }
        if model.repository.name.contains("/") { paths.insert(model.repository.name) }
        return paths
    }

    /// The registry as a resource every GitLab job's token writes, once the pipeline names it.
    mutating func declareProjectRegistry() {
        guard let registry = projectRegistry else { return }
        let id = NodeID(.resource, GitLabProjectRegistry.name)
        if model.resources[GitLabProjectRegistry.name] == nil {
            let published = registry.publisher != nil
            model.resources[GitLabProjectRegistry.name] = Resource(name: GitLabProjectRegistry.name, kind: .registry, zone: nil,
                                                                   criticality: published ? .critical : .high, production: published,
                                                                   networkAccess: nil, writableByPushers: true, location: registry.location)
            let use = registry.publisher.map { "job '\($0)' publishes images there, which others pull" }
                ?? "the pipeline keeps images there"
            // GitLab Docs, "Protected container repositories": by default anyone with the
            // Developer role pushes images there; a protection rule can raise that to Maintainer.
            builder.assume(id, "the project's container registry is enabled and \(use); every job's CI_REGISTRY_USER (its job token) may push to it, and so may anyone with the Developer role, no protection rule being known",
                           settle: "declare '\(GitLabProjectRegistry.name)' under `resources:` in firebreak.context.yml with its `criticality:` and `writableByPushers: true`, or `false` where a protection rule keeps Developers from pushing",
                           at: registry.location)
        }
        for (name, job) in model.jobs where job.platform == .gitlab && !(job.token ?? []).contains(where: { $0.target == id }) {
            model.jobs[name]!.token = (job.token ?? []) + [Grant(target: id, level: .write, location: registry.location)]
        }
    }
}
