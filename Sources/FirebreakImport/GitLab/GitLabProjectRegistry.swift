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
