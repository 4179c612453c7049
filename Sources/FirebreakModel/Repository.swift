/// The code host repository the pipeline belongs to.
public struct Repository: Sendable, Hashable {
    /// Who can see the repository (and so open pull requests from forks).
    public enum Visibility: String, CaseIterable, Sendable, Codable {
        case `public`, `internal`, `private`
    }

    /// Whether runs for pull requests from forks need a maintainer's approval first.
    public enum ForkApproval: String, CaseIterable, Sendable, Codable {
        /// Runs start at once.
        case none
        /// First-time contributors wait for approval.
        case firstTime = "first-time"
        /// Every outside contributor waits for approval.
        case all
    }

    public var name: String
    public var visibility: Visibility
    public var defaultBranch: String
    public var forkApproval: ForkApproval
    /// Whether pipelines for fork pull requests receive the repository's secrets and a write token.
    public var forkPullRequestsGetSecrets: Bool
    /// How much write access to the repository is worth; `high` unless said (an action or
    /// library others run by tag is `critical`: whoever moves its tags runs code in theirs).
    public var criticality: Criticality?
    /// Tag name patterns only maintainers and administrators may create (GitLab's protected tags,
    /// a GitHub tag ruleset that restricts creations); nil when unknown, which the simulation
    /// takes as none: whoever pushes creates any tag.
    public var protectedTags: [String]?
    public var location: SourceLocation

    public init(name: String, visibility: Visibility, defaultBranch: String, forkApproval: ForkApproval,
                forkPullRequestsGetSecrets: Bool, criticality: Criticality? = nil, protectedTags: [String]? = nil, location: SourceLocation) {
        self.criticality = criticality
        self.protectedTags = protectedTags
        self.name = name
        self.visibility = visibility
        self.defaultBranch = defaultBranch
        self.forkApproval = forkApproval
        self.forkPullRequestsGetSecrets = forkPullRequestsGetSecrets
        self.location = location
    }

    public var id: NodeID { NodeID(.repository, name) }
}
