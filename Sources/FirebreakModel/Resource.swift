/// Something of value outside the pipeline.
public struct Resource: Sendable, Hashable {
    /// The sort of resource.
    public enum Kind: String, CaseIterable, Sendable, Codable {
        case registry
        case artifactStore = "artifact-store"
        case packageRegistry = "package-registry"
        case cluster
        case cloudAccount = "cloud-account"
        case database
        case signingService = "signing-service"
        case other
    }

    public var name: String
    public var kind: Kind
    public var zone: Reference?
    public var criticality: Criticality
    public var production: Bool
    /// What anything inside the resource's zone may do without credentials.
    public var networkAccess: AccessLevel?
    /// For a registry that takes a workflow's OIDC token (trusted publishing): the environment
    /// its trusted publisher requires the run to be in. Nil: none known, so any run of the
    /// workflow file is taken to be accepted (the setting is optional on npm, PyPI, crates.io,
    /// RubyGems and NuGet).
    public var trustedPublisherEnvironment: String?
    /// Whether whoever may push to the repository writes the resource with their own
    /// credentials, no pipeline needed (a GitLab project's container registry takes a
    /// Developer's pushes unless a protection rule says otherwise): an insider who reaches it
    /// through a job reaches nothing new.
    public var writableByPushers: Bool
    public var location: SourceLocation

    public init(name: String, kind: Kind, zone: Reference?, criticality: Criticality, production: Bool,
                networkAccess: AccessLevel?, trustedPublisherEnvironment: String? = nil, writableByPushers: Bool = false,
                location: SourceLocation) {
        self.name = name
        self.kind = kind
        self.zone = zone
        self.criticality = criticality
        self.production = production
        self.networkAccess = networkAccess
        self.trustedPublisherEnvironment = trustedPublisherEnvironment
        self.writableByPushers = writableByPushers
        self.location = location
    }

    public var id: NodeID { NodeID(.resource, name) }

    /// The resource that stands for the Sigstore identity of `workflow` (a definition's path):
    /// what a keyless signature made by any job of that file is certified as.
    public static func sigstoreIdentity(of workflow: String) -> NodeID { NodeID(.resource, "sigstore-identity:\(workflow)") }

    /// What is assumed of registry `name` while no `trustedPublisherEnvironment` is known: the
    /// statement the import lists and the rules that rest on it say on their hops.
    public static func openTrustedPublisher(_ name: String) -> String {
        "\(name)'s trusted publisher names no environment (optional on the registry), so it takes the OIDC token of any job in a run of the workflow it trusts, in any environment or none"
    }
}
