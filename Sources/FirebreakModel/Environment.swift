/// A deployment gate: who must approve, from which branches, and the secrets behind it.
public struct Environment: Sendable, Hashable {
    public var name: String
    public var reviewers: [Reference]
    /// Distinct approvals needed; zero when nobody reviews.
    public var requiredApprovals: Int
    /// Whether the person who started a run may approve it.
    public var preventSelfReview: Bool
    /// Branch names or patterns that may deploy here; empty means any (unless `allowedTags`
    /// says which tags may).
    public var allowedBranches: [String]
    /// Tag names or patterns whose runs may deploy here (GitHub's deployment tag rules); with
    /// `allowedBranches` empty as well, any ref may.
    public var allowedTags: [String]
    public var waitMinutes: Int
    public var production: Bool
    public var criticality: Criticality?
    public var location: SourceLocation

    public init(name: String, reviewers: [Reference], requiredApprovals: Int, preventSelfReview: Bool,
                allowedBranches: [String], allowedTags: [String] = [], waitMinutes: Int, production: Bool, criticality: Criticality?,
                location: SourceLocation) {
        self.allowedTags = allowedTags
        self.name = name
        self.reviewers = reviewers
        self.requiredApprovals = requiredApprovals
        self.preventSelfReview = preventSelfReview
        self.allowedBranches = allowedBranches
        self.waitMinutes = waitMinutes
        self.production = production
        self.criticality = criticality
        self.location = location
    }

    public var id: NodeID { NodeID(.environment, name) }

    /// The environment a fix creates to keep a secret away from every branch but the default one.
    public static let defaultBranchOnly = "default-branch"

    /// Whether a run from `branch` may use the environment.
    public func admits(branch: String) -> Bool {
        (allowedBranches.isEmpty && allowedTags.isEmpty) || allowedBranches.contains { BranchPattern.matches($0, branch) }
    }

    /// Whether a run for a tag the trigger's `patterns` match (any tag when empty) may use the
    /// environment: one with no rules at all admits it, one with tag rules when a rule and the
    /// patterns can name the same tag, one with branch rules only does not.
    public func admits(tagsMatching patterns: [String]) -> Bool {
        if allowedBranches.isEmpty && allowedTags.isEmpty { return true }
        return allowedTags.contains { rule in
            patterns.isEmpty || patterns.contains { BranchPattern.matches(rule, $0) || BranchPattern.matches($0, rule) }
        }
    }
}
