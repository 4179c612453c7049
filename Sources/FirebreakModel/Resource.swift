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

    /// The resource's fields, in one shared box (`SharedFields`): the graph's indexes and the
    /// rules copy resources out of the model (by zone, by grant), and a copy is then one reference.
    private struct Fields: Sendable, Hashable {
        var name: String
        var kind: Kind
        var zone: Reference?
        var criticality: Criticality
        var production: Bool
        var networkAccess: AccessLevel?
        var trustedPublisherEnvironment: String?
        var writableByPushers: Bool
        var deployedByPlatform: Bool
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
    public var zone: Reference? {
        get { fields.value.zone }
        _modify { yield &fields.value.zone }
    }
    public var criticality: Criticality {
        get { fields.value.criticality }
        _modify { yield &fields.value.criticality }
    }
    public var production: Bool {
        get { fields.value.production }
        _modify { yield &fields.value.production }
    }
    /// What anything inside the resource's zone may do without credentials.
    public var networkAccess: AccessLevel? {
        get { fields.value.networkAccess }
        _modify { yield &fields.value.networkAccess }
    }
    /// For a registry that takes a workflow's OIDC token (trusted publishing): the environment
    /// its trusted publisher requires the run to be in. Nil: none known, so any run of the
    /// workflow file is taken to be accepted (the setting is optional on npm, PyPI, crates.io,
    /// RubyGems and NuGet).
    public var trustedPublisherEnvironment: String? {
        get { fields.value.trustedPublisherEnvironment }
        _modify { yield &fields.value.trustedPublisherEnvironment }
    }
    /// Whether whoever may push to the repository writes the resource with their own
    /// credentials, no pipeline needed (a GitLab project's container registry takes a
    /// Developer's pushes unless a protection rule says otherwise): an insider who reaches it
    /// through a job reaches nothing new.
    public var writableByPushers: Bool {
        get { fields.value.writableByPushers }
        _modify { yield &fields.value.writableByPushers }
    }
    /// Whether the platform itself publishes what a job hands it (a Pages site): a deployment
    /// there needs no credential of the job's, so a side branch's run of the job deploys as any
    /// run does, whatever its variables.
    public var deployedByPlatform: Bool {
        get { fields.value.deployedByPlatform }
        _modify { yield &fields.value.deployedByPlatform }
    }
    public var location: SourceLocation {
        get { fields.value.location }
        _modify { yield &fields.value.location }
    }

    public init(name: String, kind: Kind, zone: Reference?, criticality: Criticality, production: Bool,
                networkAccess: AccessLevel?, trustedPublisherEnvironment: String? = nil, writableByPushers: Bool = false,
                deployedByPlatform: Bool = false, location: SourceLocation) {
        fields = SharedFields(Fields(name: name, kind: kind, zone: zone, criticality: criticality, production: production,
                                     networkAccess: networkAccess, trustedPublisherEnvironment: trustedPublisherEnvironment,
                                     writableByPushers: writableByPushers, deployedByPlatform: deployedByPlatform, location: location))
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
