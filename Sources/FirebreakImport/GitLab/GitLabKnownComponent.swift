import FirebreakModel

/// What a widely used CI/CD component's job does, read once from its published file, for an
/// include Firebreak does not fetch: the job it adds, whose artifacts it delivers where, on
/// which runner and image, and in which pipelines. The version a project includes may differ
/// from the one read: the import states it as an assumption where the job is used.
struct GitLabKnownComponent: Sendable {
    /// The component's address without its version, as `include: component:` writes it.
    let address: String
    /// Where its file was read.
    let readFrom: String
    /// The input that names its job, and the name it takes when none is given.
    let jobNameInput: String
    let defaultJobName: String
    /// The input that names the pipeline's job whose artifacts it takes in and delivers.
    let deliveredJobInput: String
    /// Where it delivers them: a resource outside the pipeline.
    let target: String
    let targetKind: Resource.Kind
    /// What it does, in a sentence, for the stated assumption.
    let delivers: String
    let image: String
    let runnerTags: [String]
    /// Whether its rules run it only in pipelines of protected tags.
    let protectedTagsOnly: Bool
    /// The audience of the ID token it mints (`id_tokens:`), which the target takes as the job's credential.
    let tokenAudience: String?

    /// The components Firebreak knows.
    static let all = [
        // GNOME/citemplates, templates/release-service.yml: on a protected tag, job
        // `release-service` (runner tag `gnome-release-service`, image release-cli:latest) takes
        // the dist job's artifacts (`needs: … artifacts: true`) and posts the tarball to GNOME's
        // release service with an ID token whose audience is `gnome-release-service`; the service
        // installs it as the module's release on GNOME's download server.
        GitLabKnownComponent(address: "gitlab.gnome.org/GNOME/citemplates/release-service",
                             readFrom: "GNOME/citemplates templates/release-service.yml",
                             jobNameInput: "job-name", defaultJobName: "release-service", deliveredJobInput: "dist-job-name",
                             target: "gnome-release-service", targetKind: .packageRegistry,
                             delivers: "uploads the release tarball to GNOME's release service, which installs it on GNOME's download server",
                             image: "registry.gitlab.com/gitlab-org/release-cli:latest", runnerTags: ["gnome-release-service"],
                             protectedTagsOnly: true, tokenAudience: "gnome-release-service"),
    ]

    /// The known component an include names (`component:ADDRESS@VERSION`), if any.
    static func named(_ include: GitLabConfig.ExternalInclude) -> GitLabKnownComponent? {
        guard include.name.hasPrefix("component:") else { return nil }
        let address = include.source.lowercased()
        // `$CI_SERVER_FQDN/group/project/name`: the instance the pipeline runs on, whatever its host.
        let onThisInstance = ["$ci_server_fqdn/", "${ci_server_fqdn}/"].first { address.hasPrefix($0) }.map { String(address.dropFirst($0.count)) }
        return all.first { known in
            let written = known.address.lowercased()
            // The known address's path, its host left out.
            let path = String(written.drop { $0 != "/" }.dropFirst())
            return written == address || onThisInstance == path
        }
    }
}
