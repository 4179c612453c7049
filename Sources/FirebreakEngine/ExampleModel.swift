/// Builds the small models that rule examples are written in.
public enum ExampleModel {
    /// The repository examples use unless they say otherwise: public, fork runs unapproved.
    public static let publicRepository = "{name: acme/app, visibility: public, forkPullRequests: {approval: none}}"

    /// A complete model: the format version and `repository`, followed by `body`.
    public static func wrap(_ body: String, repository: String = publicRepository, platform: String = "github") -> String {
        """
        firebreak: 1
        platform: \(platform)
        repository: \(repository)
        \(body)
        """
    }
}
