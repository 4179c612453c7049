/// A person or attacker profile.
public struct Actor: Sendable, Hashable {
    /// What an actor may do on the code host.
    public enum Role: String, CaseIterable, Sendable, Codable {
        /// Anyone on the internet: may fork, open pull requests, issues and comments on public repositories.
        case external
        /// May push branches (write access) but not administer.
        case contributor
        /// May push, merge and run workflows by hand.
        case maintainer
        /// Reviews deployments and changes; no push rights of their own.
        case reviewer
        /// Administers the repository: may change protections.
        case admin

        /// Whether the role may push to the repository at all.
        public var canPush: Bool { self == .contributor || self == .maintainer || self == .admin }
    }

    public var name: String
    public var role: Role
    /// Credentials this person holds (personal tokens, keys).
    public var holds: [Reference]
    public var location: SourceLocation

    public init(name: String, role: Role, holds: [Reference] = [], location: SourceLocation) {
        self.name = name
        self.role = role
        self.holds = holds
        self.location = location
    }

    public var id: NodeID { NodeID(.actor, name) }

    /// The name of the outsider the simulation adds to a public repository's model that
    /// declares none.
    public static let implicitOutsider = "anyone"
}
