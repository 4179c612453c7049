/// One control put in place: a change to the model that takes an attacker's capability away.
///
/// Every change only restricts (pins, protects, scopes, narrows, separates), so a path that
/// exists after a change existed before it. `subject` is the node changed; `object` the
/// second node the change names (the secret withheld, the zone cut off, the grant dropped).
public struct ModelChange: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// What sort of control.
    public enum Kind: String, CaseIterable, Sendable, Codable {
        /// Pin the step by full commit or digest.
        case pinStep = "pin-step"
        /// Include the definition by full commit or digest.
        case pinDefinition = "pin-definition"
        /// Wipe the runner pool after every job.
        case ephemeralRunner = "ephemeral-runner"
        /// Reserve the runner pool for protected branches.
        case protectRunner = "protect-runner"
        /// Take the runner pool's route into the zone away.
        case dropRoute = "drop-route"
        /// The resource authenticates every caller, whatever their network.
        case authenticateCallers = "authenticate-callers"
        /// Keep the secret in the environment its jobs run in.
        case scopeSecret = "scope-secret"
        /// Hand the secret (a GitLab variable) to protected branches only.
        case protectSecret = "protect-secret"
        /// The job no longer receives the secret.
        case withholdSecret = "withhold-secret"
        /// The job's automatic token may only read.
        case readOnlyToken = "read-only-token"
        /// The identity loses one grant.
        case dropGrant = "drop-grant"
        /// A stored static credential is replaced by a short-lived one minted through OIDC.
        case shortLivedCredential = "short-lived-credential"
        /// A person's token used by automation is replaced by a machine identity.
        case machineIdentity = "machine-identity"
        /// The environment's jobs wait for a maintainer's approval.
        case requireReviewers = "require-reviewers"
        /// Whoever starts a run may not approve it.
        case preventSelfReview = "prevent-self-review"
        /// The environment admits the default branch only.
        case restrictEnvironment = "restrict-environment"
        /// Pushes to the branch need a reviewed pull request, for administrators too.
        case protectBranch = "protect-branch"
        /// Only maintainers create the tags the trigger runs for.
        case protectTags = "protect-tags"
        /// Sign the artifact and verify it in every job that uses it.
        case signArtifact = "sign-artifact"
        /// The job gets a cache of its own instead of the shared one.
        case separateCache = "separate-cache"
        /// The job restores no cache: it builds from a clean state (where one key cannot set it
        /// apart: GitHub's default-branch scope, which every run in that context writes).
        case dropCacheRestore = "drop-cache-restore"
        /// The privileged job stops taking the pull request's code or text.
        case dropUntrustedInput = "drop-untrusted-input"
        /// Every outside contributor's run waits for a maintainer.
        case requireForkApproval = "require-fork-approval"
        /// The cloud role trusts the default branch's pushes (or its environments) only.
        case narrowTrust = "narrow-trust"
        /// The registry's trusted publisher takes OIDC tokens from runs in the environment only.
        case requirePublisherEnvironment = "require-publisher-environment"
        /// The committed credential moves into the secret store (and is rotated).
        case uncommitSecret = "uncommit-secret"
        /// The job reads the artifact as data and never executes it.
        case dataOnly = "data-only"
    }

    public var kind: Kind
    public var subject: NodeID
    public var object: NodeID?

    public init(_ kind: Kind, _ subject: NodeID, _ object: NodeID? = nil) {
        self.kind = kind
        self.subject = subject
        self.object = object
    }

    /// The nodes the change alters.
    public var touches: [NodeID] { [subject] + (object.map { [$0] } ?? []) }

    /// Whether the change can take away something a legitimate run uses, so that a person
    /// must check the job does not need it.
    public var narrowsFunction: Bool {
        switch kind {
        case .withholdSecret, .readOnlyToken, .dropGrant, .dropRoute, .narrowTrust: true
        default: false
        }
    }

    /// `kind subject [object]`, stable and unique: the change's id.
    public var description: String {
        object.map { "\(kind.rawValue) \(subject) \($0)" } ?? "\(kind.rawValue) \(subject)"
    }

    public static func < (lhs: ModelChange, rhs: ModelChange) -> Bool { lhs.description < rhs.description }
}
