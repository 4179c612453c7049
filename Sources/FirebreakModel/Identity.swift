/// Anything that authenticates: a token, a role, a key.
public struct Identity: Sendable, Hashable {
    /// The sort of credential.
    public enum Kind: String, CaseIterable, Sendable, Codable {
        case jobToken = "job-token"
        case cloudRole = "cloud-role"
        case staticKey = "static-key"
        case personalToken = "personal-token"
        case deployKey = "deploy-key"
        case signingKey = "signing-key"
        case serviceAccount = "service-account"

        /// The lifetime an identity of this kind has unless the model says otherwise.
        public var usualLifetime: Lifetime {
            switch self {
            case .jobToken, .cloudRole: .shortLived
            default: .static
            }
        }
    }

    /// How long a stolen copy stays useful.
    public enum Lifetime: String, CaseIterable, Sendable, Codable {
        /// Valid until someone revokes it.
        case `static`
        /// Expires within the hour.
        case shortLived = "short-lived"
    }

    public var name: String
    public var kind: Kind
    public var lifetime: Lifetime
    /// The person a personal token belongs to.
    public var owner: Reference?
    public var grants: [Grant]
    /// For cloud roles: the OIDC claims the role accepts.
    public var trust: TrustPolicy?
    public var criticality: Criticality?
    public var location: SourceLocation

    public init(name: String, kind: Kind, lifetime: Lifetime, owner: Reference?, grants: [Grant],
                trust: TrustPolicy?, criticality: Criticality?, location: SourceLocation) {
        self.name = name
        self.kind = kind
        self.lifetime = lifetime
        self.owner = owner
        self.grants = grants
        self.trust = trust
        self.criticality = criticality
        self.location = location
    }

    public var id: NodeID { NodeID(.identity, name) }
}
