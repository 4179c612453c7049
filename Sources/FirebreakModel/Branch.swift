/// A branch (or a branch pattern such as `release/*`) and its protection.
public struct Branch: Sendable, Hashable {
    /// The rules that stop direct pushes and merges.
    public struct Protection: Sendable, Hashable {
        /// Approvals a pull request needs before it merges; above zero, nobody pushes directly.
        public var requiredReviews: Int
        /// Whether the owners in CODEOWNERS must approve changes to the files they own.
        public var codeOwnerReview: Bool
        /// Actors or identities allowed to push directly despite the rules.
        public var bypass: [Reference]
        /// When set, only these actors or identities may push at all.
        public var pushers: [Reference]?
        /// Whether the rules bind administrators too.
        public var enforceAdmins: Bool

        public init(requiredReviews: Int = 0, codeOwnerReview: Bool = false, bypass: [Reference] = [],
                    pushers: [Reference]? = nil, enforceAdmins: Bool = false) {
            self.requiredReviews = requiredReviews
            self.codeOwnerReview = codeOwnerReview
            self.bypass = bypass
            self.pushers = pushers
            self.enforceAdmins = enforceAdmins
        }
    }

    /// The name or pattern (`main`, `release/*`, `*` for any other branch).
    public var name: String
    /// nil when the branch is unprotected.
    public var protection: Protection?
    public var location: SourceLocation

    public init(name: String, protection: Protection?, location: SourceLocation) {
        self.name = name
        self.protection = protection
        self.location = location
    }

    public var id: NodeID { NodeID(.branch, name) }
    public var isProtected: Bool { protection != nil }

    /// The name of the implicit branch that stands for any branch the model does not name.
    public static let anyOther = "*"
}
