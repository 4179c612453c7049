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
        /// Expires on its own: a job's token when its job ends, a federated or app token within hours.
        case shortLived = "short-lived"
    }

    /// The identity's fields, in one shared box (`SharedFields`): rules copy identities out of
    /// the model for every fact about one.
    private struct Fields: Sendable, Hashable {
        var name: String
        var kind: Kind
        var lifetime: Lifetime
        var owner: Reference?
        var grants: [Grant]
        var trust: TrustPolicy?
        var criticality: Criticality?
        var location: SourceLocation
    }

    private var fields: SharedFields<Fields>

    public var name: String {
        get { fields.value.name }
        _modify { yield &fields.value.name }
    }
    public var kind: Kind {
        get { fields.value.kind }
        _modify { yield &fields.value.kind }
    }
    public var lifetime: Lifetime {
        get { fields.value.lifetime }
        _modify { yield &fields.value.lifetime }
    }
    /// The person a personal token belongs to.
    public var owner: Reference? {
        get { fields.value.owner }
        _modify { yield &fields.value.owner }
    }
    public var grants: [Grant] {
        get { fields.value.grants }
        _modify { yield &fields.value.grants }
    }
    /// For cloud roles: the OIDC claims the role accepts.
    public var trust: TrustPolicy? {
        get { fields.value.trust }
        _modify { yield &fields.value.trust }
    }
    public var criticality: Criticality? {
        get { fields.value.criticality }
        _modify { yield &fields.value.criticality }
    }
    public var location: SourceLocation {
        get { fields.value.location }
        _modify { yield &fields.value.location }
    }

    public init(name: String, kind: Kind, lifetime: Lifetime, owner: Reference?, grants: [Grant],
                trust: TrustPolicy?, criticality: Criticality?, location: SourceLocation) {
        fields = SharedFields(Fields(name: name, kind: kind, lifetime: lifetime, owner: owner, grants: grants, trust: trust,
                                     criticality: criticality, location: location))
    }

    public var id: NodeID { NodeID(.identity, name) }
}
