/// A write a job's own steps make with the job's automatic token, where the input shows it
/// (`gh release create` with the job's GITHUB_TOKEN, a `git push` through the credential the
/// checkout kept, a comment action on its default token): access a legitimate run uses, so a
/// fix that makes the token read-only breaks the job.
public struct TokenUse: Sendable, Hashable {
    /// The permission the write needs, by GitHub's name for it (`contents`, `packages`, `pull-requests`).
    public var scope: String
    /// What writes, in words: "`gh release create`", "softprops/action-gh-release".
    public var what: String
    /// Where the step that writes is.
    public var location: SourceLocation

    public init(scope: String, what: String, location: SourceLocation) {
        self.scope = scope
        self.what = what
        self.location = location
    }

    /// The permissions a GitHub job token is given by (GitHub Docs, "Controlling permissions for
    /// GITHUB_TOKEN"), which `scope` names.
    public static let scopes: Set<String> = [
        "actions", "attestations", "checks", "contents", "deployments", "discussions", "issues", "models", "packages", "pages",
        "pull-requests", "repository-projects", "security-events", "statuses",
    ]
}
