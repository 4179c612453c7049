/// A pool of machines that run jobs.
public struct Runner: Sendable, Hashable {
    /// Who operates the machines.
    public enum Hosting: String, CaseIterable, Sendable, Codable {
        case hosted
        case selfHosted = "self-hosted"
    }

    /// Whether a machine outlives the job it ran.
    public enum Lifecycle: String, CaseIterable, Sendable, Codable {
        /// A fresh machine per job.
        case ephemeral
        /// The same machine runs job after job; what one job leaves, the next one meets.
        case persistent
    }

    public var name: String
    public var hosting: Hosting
    public var lifecycle: Lifecycle
    /// Network zones the machines reach.
    public var reaches: [Reference]
    /// Whether only jobs on protected branches may use the pool.
    public var protectedBranchesOnly: Bool
    /// The labels (or runner group) that jobs select the pool by, as imported pipelines name it.
    public var labels: [String]
    /// The platform whose jobs the pool serves; nil: any job.
    public var platform: Platform?
    public var location: SourceLocation

    public init(name: String, hosting: Hosting, lifecycle: Lifecycle, reaches: [Reference],
                protectedBranchesOnly: Bool, labels: [String] = [], platform: Platform? = nil, location: SourceLocation) {
        self.name = name
        self.platform = platform
        self.labels = labels
        self.hosting = hosting
        self.lifecycle = lifecycle
        self.reaches = reaches
        self.protectedBranchesOnly = protectedBranchesOnly
        self.location = location
    }

    public var id: NodeID { NodeID(.runner, name) }
}
