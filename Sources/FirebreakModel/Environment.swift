/// A deployment gate: who must approve, from which branches, and the secrets behind it.
public struct Environment: Sendable, Hashable {
    /// The environment's fields, in one shared box (`SharedFields`): the graph's indexes and the
    /// rules copy environments out of the model (by reviewer, by job), and a copy is then one reference.
    private struct Fields: Sendable, Hashable {
        var name: String
        var reviewers: [Reference]
        var requiredApprovals: Int
        var preventSelfReview: Bool
        var allowedBranches: [String]
        var allowedTags: [String]
        var waitMinutes: Int
        var production: Bool
        var criticality: Criticality?
        var location: SourceLocation
    }

    private var fields: SharedFields<Fields>

    public var name: String {
        get { fields.value.name }
        _modify { yield &fields.value.name }
    }
    public var reviewers: [Reference] {
        get { fields.value.reviewers }
        _modify { yield &fields.value.reviewers }
    }
    /// Distinct approvals needed; zero when nobody reviews.
    public var requiredApprovals: Int {
        get { fields.value.requiredApprovals }
        _modify { yield &fields.value.requiredApprovals }
    }
    /// Whether the person who started a run may approve it.
    public var preventSelfReview: Bool {
        get { fields.value.preventSelfReview }
        _modify { yield &fields.value.preventSelfReview }
    }
    /// Branch names or patterns that may deploy here; empty means any (unless `allowedTags`
    /// says which tags may).
    public var allowedBranches: [String] {
        get { fields.value.allowedBranches }
        _modify { yield &fields.value.allowedBranches }
    }
    /// Tag names or patterns whose runs may deploy here (GitHub's deployment tag rules); with
    /// `allowedBranches` empty as well, any ref may.
    public var allowedTags: [String] {
        get { fields.value.allowedTags }
        _modify { yield &fields.value.allowedTags }
    }
    public var waitMinutes: Int {
        get { fields.value.waitMinutes }
        _modify { yield &fields.value.waitMinutes }
    }
    public var production: Bool {
        get { fields.value.production }
        _modify { yield &fields.value.production }
    }
    public var criticality: Criticality? {
        get { fields.value.criticality }
        _modify { yield &fields.value.criticality }
    }
    public var location: SourceLocation {
        get { fields.value.location }
        _modify { yield &fields.value.location }
    }

    public init(name: String, reviewers: [Reference], requiredApprovals: Int, preventSelfReview: Bool,
                allowedBranches: [String], allowedTags: [String] = [], waitMinutes: Int, production: Bool, criticality: Criticality?,
                location: SourceLocation) {
        fields = SharedFields(Fields(name: name, reviewers: reviewers, requiredApprovals: requiredApprovals, preventSelfReview: preventSelfReview,
                                     allowedBranches: allowedBranches, allowedTags: allowedTags, waitMinutes: waitMinutes,
                                     production: production, criticality: criticality, location: location))
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
