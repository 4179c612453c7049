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
        /// The name the job downloads by, when it is an expression that cannot be evaluated and
        /// `artifact` is only taken to fit it (read from GitHub workflows): hops through it say so.
        public var assumedFrom: String?
        /// How the job runs it, where that is more than running a file of it (read from the
        /// scripts: an archive of it unpacked where git runs): the hop into the job says so.
        public var how: String?

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

    /// The job's some twenty fields, in one shared box (`SharedFields`).
    private struct Fields: Sendable, Hashable {
        // The fields the rules read for every job they reach come first, in the box's first
        // cache line beside its reference count (a struct keeps its fields in the order declared).
        var role: Role
        var runsRepositoryCode: Bool
        var installsDependencies: Bool
        var untrustedInput: UntrustedInput
        var guardCondition: Guard
        var oidc: Bool
        var platform: Platform?
        var manual: Bool
        var triggers: [Reference]
        var savesCaches: [Reference]
        var restoresCaches: [Reference]
        var consumes: [Consumption]
        var token: [Grant]?
        var secrets: [Reference]
        var produces: [Reference]
        var needs: [Reference]
        var steps: [Step]
        var location: SourceLocation
        var name: String
        var runsOn: Reference?
        var environment: Reference?
        var definition: Reference?
        var calledFrom: Reference?
        var tokenUses: [TokenUse] = []
        var mergedDefinitions: [Reference] = []
        var restoresAfterItsSteps = false
    }

    private var fields: SharedFields<Fields>

    public var name: String {
        get { fields.value.name }
        _modify { yield &fields.value.name }
    }
    public var role: Role {
        get { fields.value.role }
        _modify { yield &fields.value.role }
    }
    public var definition: Reference? {
        get { fields.value.definition }
        _modify { yield &fields.value.definition }
    }
    /// For a job of a called (reusable) workflow, the top-level workflow whose run it is part of:
    /// the one an OIDC token's `workflow_ref` claim names, which a registry that checks that
    /// claim matches (`TrustedPublisherClaims`). Nil for a job of a top-level definition.
    public var calledFrom: Reference? {
        get { fields.value.calledFrom }
        _modify { yield &fields.value.calledFrom }
    }
    /// Definitions from elsewhere whose keys the platform merges into the job where it leaves them
    /// unset (a GitLab include's `default:`, `variables:` or a job of the same name): whoever
    /// changes one decides part of what the job runs.
    public var mergedDefinitions: [Reference] {
        get { fields.value.mergedDefinitions }
        _modify { yield &fields.value.mergedDefinitions }
    }
    /// Whether the job restores its cache at its last step, after every step that runs code: only
    /// the post steps of its actions run after the restore (read from GitHub workflows).
    public var restoresAfterItsSteps: Bool {
        get { fields.value.restoresAfterItsSteps }
        _modify { yield &fields.value.restoresAfterItsSteps }
    }
    /// The definition whose run the job is part of: the top-level caller, else its own.
    public var runDefinition: Reference? { calledFrom ?? definition }
    /// The workflow files the job's OIDC token names (`TrustedPublisherClaims`): the definition
    /// that holds it and its run's top-level one, each once, sorted.
    public var tokenWorkflowFiles: [String] { Set([definition?.name, runDefinition?.name].compactMap { $0 }).sorted() }
    public var triggers: [Reference] {
        get { fields.value.triggers }
        _modify { yield &fields.value.triggers }
    }
    public var runsOn: Reference? {
        get { fields.value.runsOn }
        _modify { yield &fields.value.runsOn }
    }
    public var environment: Reference? {
        get { fields.value.environment }
        _modify { yield &fields.value.environment }
    }
    public var needs: [Reference] {
        get { fields.value.needs }
        _modify { yield &fields.value.needs }
    }
    /// Whether the job runs code from the repository (build scripts, tests, Makefiles).
    public var runsRepositoryCode: Bool {
        get { fields.value.runsRepositoryCode }
        _modify { yield &fields.value.runsRepositoryCode }
    }
    /// Whether the job installs third-party packages or builds with them (`npm ci`, `pip
    /// install`, `cargo build`): their install and build scripts run in it.
    public var installsDependencies: Bool {
        get { fields.value.installsDependencies }
        _modify { yield &fields.value.installsDependencies }
    }
    public var untrustedInput: UntrustedInput {
        get { fields.value.untrustedInput }
        _modify { yield &fields.value.untrustedInput }
    }
    public var guardCondition: Guard {
        get { fields.value.guardCondition }
        _modify { yield &fields.value.guardCondition }
    }
    /// Secrets the job references by name.
    public var secrets: [Reference] {
        get { fields.value.secrets }
        _modify { yield &fields.value.secrets }
    }
    /// Grants of the job's own automatic token, if it has one.
    public var token: [Grant]? {
        get { fields.value.token }
        _modify { yield &fields.value.token }
    }
    /// What the job's own steps write with its token, where the input shows it (none: nothing
    /// seen writes, which is not to say nothing does).
    public var tokenUses: [TokenUse] {
        get { fields.value.tokenUses }
        _modify { yield &fields.value.tokenUses }
    }
    /// Whether the job may mint OIDC tokens for cloud roles.
    public var oidc: Bool {
        get { fields.value.oidc }
        _modify { yield &fields.value.oidc }
    }
    public var produces: [Reference] {
        get { fields.value.produces }
        _modify { yield &fields.value.produces }
    }
    public var consumes: [Consumption] {
        get { fields.value.consumes }
        _modify { yield &fields.value.consumes }
    }
    public var restoresCaches: [Reference] {
        get { fields.value.restoresCaches }
        _modify { yield &fields.value.restoresCaches }
    }
    public var savesCaches: [Reference] {
        get { fields.value.savesCaches }
        _modify { yield &fields.value.savesCaches }
    }
    public var steps: [Step] {
        get { fields.value.steps }
        _modify { yield &fields.value.steps }
    }
    public var location: SourceLocation {
        get { fields.value.location }
        _modify { yield &fields.value.location }
    }
    /// The platform whose semantics apply to the job (which secrets reach it unasked); nil: the model's.
    public var platform: Platform? {
        get { fields.value.platform }
        _modify { yield &fields.value.platform }
    }
    /// Whether the job waits for a person with access to the project to start it (GitLab's
    /// `when: manual`): no outsider's event starts it.
    public var manual: Bool {
        get { fields.value.manual }
        _modify { yield &fields.value.manual }
    }

    /// A job; everything but its name, role and location defaults to "nothing stated", so an
    /// importer names only what it found.
    public init(name: String, role: Role, definition: Reference? = nil, triggers: [Reference] = [], runsOn: Reference? = nil,
                environment: Reference? = nil, needs: [Reference] = [], runsRepositoryCode: Bool = true, installsDependencies: Bool = false,
                untrustedInput: UntrustedInput = .none, guardCondition: Guard = .none, secrets: [Reference] = [], token: [Grant]? = nil,
                oidc: Bool = false, produces: [Reference] = [], consumes: [Consumption] = [], restoresCaches: [Reference] = [],
                savesCaches: [Reference] = [], steps: [Step] = [], platform: Platform? = nil, manual: Bool = false,
                location: SourceLocation) {
        fields = SharedFields(Fields(role: role, runsRepositoryCode: runsRepositoryCode, installsDependencies: installsDependencies,
                                     untrustedInput: untrustedInput, guardCondition: guardCondition, oidc: oidc, platform: platform,
                                     manual: manual, triggers: triggers, savesCaches: savesCaches, restoresCaches: restoresCaches,
                                     consumes: consumes, token: token, secrets: secrets, produces: produces, needs: needs, steps: steps,
                                     location: location, name: name, runsOn: runsOn, environment: environment, definition: definition,
                                     calledFrom: nil))
    }

    public var id: NodeID { NodeID(.job, name) }

    /// The id of the identity that stands for the job's automatic token.
    public var tokenIdentityName: String { "\(name).token" }
}
