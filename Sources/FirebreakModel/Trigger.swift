/// An event that starts jobs.
public struct Trigger: Sendable, Hashable {
    /// The kinds of event a pipeline reacts to.
    public enum Event: String, CaseIterable, Sendable, Codable {
        case push, tag, schedule, manual, release
        /// A pull or merge request, run with the request's own code and, from forks, no secrets.
        case pullRequest = "pull_request"
        /// GitHub: a pull request event run in the base repository, with its secrets.
        case pullRequestTarget = "pull_request_target"
        /// GitLab: a merge request pipeline.
        case mergeRequest = "merge_request"
        /// GitHub: runs after another workflow, in the base repository.
        case workflowRun = "workflow_run"
        /// Comments on issues or pull requests.
        case issueComment = "issue_comment"
        /// Issues opened or edited.
        case issues
        /// Called by another pipeline.
        case workflowCall = "workflow_call"

        /// Events an outsider fires on a public repository and that run in the base repository's context.
        public var isPrivilegedOutsiderEvent: Bool {
            switch self {
            case .pullRequestTarget, .workflowRun, .issueComment, .issues: true
            default: false
            }
        }

        /// Events that run a pull or merge request's own code in its own context.
        public var isRequestEvent: Bool { self == .pullRequest || self == .mergeRequest }

        /// Events started by a push of commits to a branch.
        public var isPushEvent: Bool { self == .push }
    }

    public var name: String
    public var event: Event
    /// The event's name on its platform (`pull_request_review`, `create`), which can be more
    /// specific than `event`.
    public var platformEvent: String
    /// Branch names or patterns the trigger listens to; empty means every branch. For a tag
    /// trigger, the tag names or patterns (empty: every tag).
    public var branches: [String]
    /// For pull and merge requests: whether requests from forks start it.
    public var fromForks: Bool
    /// For tags: whether it runs only for protected tags (GitLab: a rule that requires
    /// `$CI_COMMIT_REF_PROTECTED == "true"`), which whoever pushes cannot create.
    public var protectedTagsOnly: Bool
    public var location: SourceLocation

    public init(name: String, event: Event, platformEvent: String? = nil, branches: [String], fromForks: Bool,
                protectedTagsOnly: Bool = false, location: SourceLocation) {
        self.name = name
        self.event = event
        self.platformEvent = platformEvent ?? event.rawValue
        self.branches = branches
        self.fromForks = fromForks
        self.protectedTagsOnly = protectedTagsOnly
        self.location = location
    }

    public var id: NodeID { NodeID(.trigger, name) }

    /// Whether a push to `branch` (a name or the pattern of a branch node) fires the trigger.
    public func fires(onBranch branch: String) -> Bool {
        branches.isEmpty || branches.contains { BranchPattern.matches($0, branch) }
    }
}
