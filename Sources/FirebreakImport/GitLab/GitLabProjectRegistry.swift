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

    /// The project paths a pipeline gives as its own in its rules (`$CI_PROJECT_PATH == "group/app"`).
    static let projectPathComparison = Patterns.regex(#"CI_PROJECT_PATH\}?\s*==\s*["']([^"']+)["']"#)

    /// Whether an image is written with this project's registry address: a registry host
    /// (`registry.…`) followed by one of the project's `paths` (`registry.gitlab.com/group/app:ci`,
    /// `registry.example.org/group/app/builder:1`).
    static func isAddress(_ image: String, ofProjectAt paths: Set<String>) -> Bool {
        let name = image.lowercased().split(separator: "@").first.map(String.init) ?? ""
        guard let slash = name.firstIndex(of: "/"), name[..<slash].hasPrefix("registry.") else { return false }
        let path = name[name.index(after: slash)...]
        return paths.contains { project in
            let project = project.lowercased()
            guard path.hasPrefix(project) else { return false }
            let rest = path.dropFirst(project.count)
            return rest.isEmpty || rest.first == "/" || rest.first == ":"
        }
    }

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
        let paths = projectPaths
        let ours = { (image: String) in GitLabProjectRegistry.names(image) || GitLabProjectRegistry.isAddress(image, ofProjectAt: paths) }
        let naming = scripts.first { GitLabProjectRegistry.names($0.text) }?.location ?? images.first { ours($0.image) }?.location
        guard let naming else { return [] }
        if projectRegistry == nil { projectRegistry = GitLabProjectRegistry(location: naming, publisher: nil) }
        if publishes, projectRegistry?.publisher == nil, scripts.contains(where: { GitLabProjectRegistry.names($0.text) }) {
            projectRegistry?.publisher = id
        }
        return images.filter { ours($0.image) && ImageReference($0.image).pin != .digest }.map { image in
            let name = GitLabProjectRegistry.artifactName(image.image)
            if model.artifacts[name] == nil {
                model.artifacts[name] = Artifact(name: name, store: Reference(GitLabProjectRegistry.name, at: image.location), signed: false,
                                                 criticality: nil, location: image.location)
            }
            let artifact = Reference(name, at: image.location)
            return Job.Consumption(artifact: artifact, use: .run, verifies: false, deploysTo: nil, canaryPercent: nil, location: image.location)
        }
    }

    /// The project paths the pipeline's rules give as its own, with the repository's name when
    /// the context file gives one (`group/app`).
    func ownProjectPaths(_ jobs: [SourcedMapping], workflow: Sourced?) -> Set<String> {
        var paths = Set<String>()
        var texts = jobs.compactMap { $0["rules"]?.node.items.compactMap { $0.value("if")?.scalarText } }.joined().map { $0 }
        texts += workflow?.node.value("rules")?.items.compactMap { $0.value("if")?.scalarText } ?? []
        for text in texts where text.contains("CI_PROJECT_PATH") {
            paths.formUnion(Patterns.captures(GitLabProjectRegistry.projectPathComparison, in: text))
        }
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
