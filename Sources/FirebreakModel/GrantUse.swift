/// What a job's own steps do with a grant of its token, where the import saw them do it
/// (`gh release create` with the job's GITHUB_TOKEN, a `git push` through the credential the
/// checkout kept, a release action on its default token): access a legitimate run uses, so a
/// fix that takes the grant away breaks the job.
public struct GrantUse: Sendable, Hashable {
    /// What uses it, in words: "`gh release create`", "softprops/action-gh-release".
    public var what: String
    /// Where the step that uses it is.
    public var location: SourceLocation

    public init(what: String, location: SourceLocation) {
        self.what = what
        self.location = location
    }
}
