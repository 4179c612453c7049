import FirebreakModel

/// The project's own container registry, as the pipeline uses it. GitLab gives every job a
/// registry user with read-write access (`CI_REGISTRY_USER` and `CI_REGISTRY_PASSWORD`, the
/// job's token), and a job pushes only to its own project's registry (GitLab Docs,
/// "Authenticate with the container registry"). So whoever runs code in any job can replace
/// the images the project keeps there, and the jobs that run them run that code next.
struct GitLabProjectRegistry {
    static let name = "gitlab-container-registry"
    /// Where the pipeline first names the registry.
    var location: SourceLocation
    /// A publishing job that pushes there, if any: then its images are releases others pull.
    var publisher: String?

    /// Whether a text names this project's registry path. `$CI_REGISTRY/...` alone may be
    /// another project's path on the same registry, to which a job cannot push.
    static func names(_ text: String) -> Bool { text.contains("CI_REGISTRY_IMAGE") }

    /// The artifact that stands for an image a job runs from the registry.
    static func artifactName(_ image: String) -> String { "image \(image)" }
}

extension GitLabBuilder {
    /// Notes what job `id` does with the project's registry: where the pipeline names it, and
    /// whether this publishing job pushes there. Returns the images of the registry the job
    /// runs (its `image:` and `services:`; a digest-pinned one cannot be replaced), as the
    /// artifacts it consumes.
    mutating func projectRegistryImages(job id: String, images: [(image: String, location: SourceLocation)],
                                        scripts: [(text: String, location: SourceLocation)], publishes: Bool) -> [Job.Consumption] {
        let naming = scripts.first { GitLabProjectRegistry.names($0.text) }?.location
            ?? images.first { GitLabProjectRegistry.names($0.image) }?.location
        guard let naming else { return [] }
        if projectRegistry == nil { projectRegistry = GitLabProjectRegistry(location: naming, publisher: nil) }
        if publishes, projectRegistry?.publisher == nil, scripts.contains(where: { GitLabProjectRegistry.names($0.text) }) {
            projectRegistry?.publisher = id
        }
        return images.filter { GitLabProjectRegistry.names($0.image) && ImageReference($0.image).pin != .digest }.map { image in
            let name = GitLabProjectRegistry.artifactName(image.image)
            if model.artifacts[name] == nil {
                model.artifacts[name] = Artifact(name: name, store: Reference(GitLabProjectRegistry.name, at: image.location), signed: false,
                                                 criticality: nil, location: image.location)
            }
            let artifact = Reference(name, at: image.location)
            return Job.Consumption(artifact: artifact, use: .run, verifies: false, deploysTo: nil, canaryPercent: nil, location: image.location)
        }
    }

    /// The registry as a resource every GitLab job's token writes, once the pipeline names it.
    mutating func declareProjectRegistry() {
        guard let registry = projectRegistry else { return }
        let id = NodeID(.resource, GitLabProjectRegistry.name)
        if model.resources[GitLabProjectRegistry.name] == nil {
            let published = registry.publisher != nil
            model.resources[GitLabProjectRegistry.name] = Resource(name: GitLabProjectRegistry.name, kind: .registry, zone: nil,
                                                                   criticality: published ? .critical : .high, production: published,
                                                                   networkAccess: nil, location: registry.location)
            let use = registry.publisher.map { "job '\($0)' publishes images there, which others pull" }
                ?? "the pipeline keeps images there"
            builder.assume(id, "the project's container registry is enabled and \(use); every job's CI_REGISTRY_USER (its job token) may push to it",
                           settle: "declare '\(GitLabProjectRegistry.name)' under `resources:` in firebreak.context.yml with its `criticality:`",
                           at: registry.location)
        }
        for (name, job) in model.jobs where job.platform == .gitlab && !(job.token ?? []).contains(where: { $0.target == id }) {
            model.jobs[name]!.token = (job.token ?? []) + [Grant(target: id, level: .write, location: registry.location)]
        }
    }
}
