/// A deployment gate: who must approve, from which branches, and the secrets behind it.
public struct Environment: Sendable, Hashable {
    public var name: String
    public var reviewers: [Reference]
    /// Distinct approvals needed; zero when nobody reviews.
    public var requiredApprovals: Int
    /// Whether the person who started a run may approve it.
    public var preventSelfReview: Bool
    /// Branch names or patterns that may deploy here; empty means any.
    public var allowedBranches: [String]
    public var waitMinutes: Int
    public var production: Bool
    public var criticality: Criticality?
    public var location: SourceLocation

    public init(name: String, reviewers: [Reference], requiredApprovals: Int, preventSelfReview: Bool,
                allowedBranches: [String], waitMinutes: Int, production: Bool, criticality: Criticality?,
                location: SourceLocation) {
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
        allowedBranches.isEmpty || allowedBranches.contains { BranchPattern.matches($0, branch) }
    }
}
