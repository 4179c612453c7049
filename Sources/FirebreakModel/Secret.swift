/// A stored value that the platform hands to jobs.
public struct Secret: Sendable, Hashable {
    /// The name of the node that stands for the secrets no workflow names, which a job that reads
    /// every secret at once (`toJSON(secrets)`, `secrets: inherit`) receives.
    public static let everyRepositorySecret = "(every-repository-secret)"

    /// The secret's fields, in one shared box (`SharedFields`): rules copy secrets out of the
    /// model for every job that receives one, and a copy is then one reference.
    private struct Fields: Sendable, Hashable {
        var name: String
        var environment: Reference?
        var protectedBranchesOnly: Bool
        var carries: Reference?
        var criticality: Criticality?
        var production: Bool
        var committed: Bool
        var platform: Platform?
        var location: SourceLocation
    }

    private var fields: SharedFields<Fields>

    public var name: String {
        get { fields.value.name }
        _modify { yield &fields.value.name }
    }
    /// When set, only jobs gated by this environment receive the secret.
    public var environment: Reference? {
        get { fields.value.environment }
        _modify { yield &fields.value.environment }
    }
    /// When set, only jobs running on protected branches receive the secret.
    public var protectedBranchesOnly: Bool {
        get { fields.value.protectedBranchesOnly }
        _modify { yield &fields.value.protectedBranchesOnly }
    }
    /// The identity whose credential the secret holds, if any.
    public var carries: Reference? {
        get { fields.value.carries }
        _modify { yield &fields.value.carries }
    }
    public var criticality: Criticality? {
        get { fields.value.criticality }
        _modify { yield &fields.value.criticality }
    }
    public var production: Bool {
        get { fields.value.production }
        _modify { yield &fields.value.production }
    }
    /// Whether the value is written in the repository's files, where whoever reads the
    /// repository reads it.
    public var committed: Bool {
        get { fields.value.committed }
        _modify { yield &fields.value.committed }
    }
    /// The platform that stores the secret: it reaches only that platform's jobs; nil: any job.
    public var platform: Platform? {
        get { fields.value.platform }
        _modify { yield &fields.value.platform }
    }
    public var location: SourceLocation {
        get { fields.value.location }
        _modify { yield &fields.value.location }
    }

    public init(name: String, environment: Reference?, protectedBranchesOnly: Bool, carries: Reference?,
                criticality: Criticality?, production: Bool, committed: Bool = false, platform: Platform? = nil,
                location: SourceLocation) {
        fields = SharedFields(Fields(name: name, environment: environment, protectedBranchesOnly: protectedBranchesOnly, carries: carries,
                                     criticality: criticality, production: production, committed: committed, platform: platform,
                                     location: location))
    }

    public var id: NodeID { NodeID(.secret, name) }
}
