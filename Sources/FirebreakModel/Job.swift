/// One unit of execution in the pipeline.
public struct Job: Sendable, Hashable {
    /// What a job is for; separation of duties gives each role its own identity.
    public enum Role: String, CaseIterable, Sendable, Codable {
        case build, test, scan, sign, stage, deploy, release, other
    }

    /// How untrusted input reaches code that runs with the base repository's privileges.
    public enum UntrustedInput: String, CaseIterable, Sendable, Codable {
        /// The job takes no pull-request code or text.
        case none
        /// The job checks out the pull request's head and builds or runs it.
        case checkout
        /// The job interpolates attacker-written text (a title, a branch name, a comment) into a script.
        case interpolation
    }

    /// A condition in front of a privileged job that is meant to keep outsiders out.
    public enum Guard: String, CaseIterable, Sendable, Codable {
        /// No condition.
        case none
        /// A sound check: the author is a member, or the head is in the same repository.
        case sound
        /// A check an outsider can satisfy, such as the actor's name.
        case spoofable
        /// A label or comment set by a maintainer: sound at the moment of the check, but the
        /// outsider may push new commits between the check and the checkout.
        case label
    }

    /// How a job uses an artifact it downloads.
    public struct Consumption: Sendable, Hashable {
        /// What the job does with the artifact.
        public enum Use: String, CaseIterable, Sendable, Codable {
            /// Ships it to `deploysTo`.
            case deploy
            /// Executes it (a script, a binary, a tool).
            case run
            /// Reads it as data only.
            case data
        }

        public var artifact: Reference
        public var use: Use
        /// Whether the job verifies the artifact's signature before use.
        public var verifies: Bool
        /// The resource the artifact is delivered to, when `use` is deploy.
        public var deploysTo: Reference?
        /// Percent of traffic a canary with automated rollback exposes first, if any.
        public var canaryPercent: Int?
        public var location: SourceLocation

        public init(artifact: Reference, use: Use, verifies: Bool, deploysTo: Reference?, canaryPercent: Int?,
                    location: SourceLocation) {
            self.artifact = artifact
            self.use = use
            self.verifies = verifies
            self.deploysTo = deploysTo
            self.canaryPercent = canaryPercent
            self.location = location
        }
    }

    public var name: String
    public var role: Role
    public var definition: Reference?
    public var triggers: [Reference]
    public var runsOn: Reference?
    public var environment: Reference?
    public var needs: [Reference]
    /// Whether the job runs code from the repository (build scripts, tests, Makefiles).
    public var runsRepositoryCode: Bool
    public var untrustedInput: UntrustedInput
    public var guardCondition: Guard
    /// Secrets the job references by name.
    public var secrets: [Reference]
    /// Grants of the job's own automatic token, if it has one.
    public var token: [Grant]?
    /// Whether the job may mint OIDC tokens for cloud roles.
    public var oidc: Bool
    public var produces: [Reference]
    public var consumes: [Consumption]
    public var restoresCaches: [Reference]
    public var savesCaches: [Reference]
    public var steps: [Step]
    public var location: SourceLocation

    /// The platform whose semantics apply to the job (which secrets reach it unasked); nil: the model's.
    public var platform: Platform?
    /// Whether the job waits for a person with access to the project to start it (GitLab's
    /// `when: manual`): no outsider's event starts it.
    public var manual: Bool

    /// A job; everything but its name, role and location defaults to "nothing stated", so an
    /// importer names only what it found.
    public init(name: String, role: Role, definition: Reference? = nil, triggers: [Reference] = [], runsOn: Reference? = nil,
                environment: Reference? = nil, needs: [Reference] = [], runsRepositoryCode: Bool = true,
                untrustedInput: UntrustedInput = .none, guardCondition: Guard = .none, secrets: [Reference] = [], token: [Grant]? = nil,
                oidc: Bool = false, produces: [Reference] = [], consumes: [Consumption] = [], restoresCaches: [Reference] = [],
                savesCaches: [Reference] = [], steps: [Step] = [], platform: Platform? = nil, manual: Bool = false,
                location: SourceLocation) {
        self.platform = platform
        self.manual = manual
        self.name = name
        self.role = role
        self.definition = definition
        self.triggers = triggers
        self.runsOn = runsOn
        self.environment = environment
        self.needs = needs
        self.runsRepositoryCode = runsRepositoryCode
        self.untrustedInput = untrustedInput
        self.guardCondition = guardCondition
        self.secrets = secrets
        self.token = token
        self.oidc = oidc
        self.produces = produces
        self.consumes = consumes
        self.restoresCaches = restoresCaches
        self.savesCaches = savesCaches
        self.steps = steps
        self.location = location
    }

    public var id: NodeID { NodeID(.job, name) }

    /// The id of the identity that stands for the job's automatic token.
    public var tokenIdentityName: String { "\(name).token" }
}
