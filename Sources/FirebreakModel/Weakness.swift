/// A weak construct of a pipeline: something a rule takes as a premise (an untrusted checkout,
/// text pasted into a script, an unpinned action, a broad token, ...), listed once with where
/// it is written, whether or not some attack path uses it today.
public struct Weakness: Sendable, Hashable {
    /// What kind of construct it is, and the rule it feeds.
    public enum Kind: String, CaseIterable, Sendable, Codable {
        case untrustedCheckout = "untrusted-checkout"
        case scriptInjection = "script-injection"
        case privilegedTrigger = "privileged-trigger"
        case unpinnedUses = "unpinned-uses"
        case broadToken = "broad-token"
        case persistedCredentials = "persisted-credentials"
        case sharedCache = "shared-cache"
        case inheritedSecrets = "inherited-secrets"
        case everySecret = "every-secret"
        case staticKey = "static-key"
        case persistentRunner = "persistent-runner"
        case selfApproval = "self-approval"
        case committedCredential = "committed-credential"
        case unverifiedDownload = "unverified-download"
        case steerableAgent = "steerable-agent"

        /// A short title.
        public var title: String {
            switch self {
            case .untrustedCheckout: "a privileged run checks out untrusted code"
            case .scriptInjection: "text pasted into a script"
            case .privilegedTrigger: "a trigger that runs with secrets for outsiders' events"
            case .unpinnedUses: "third-party code not pinned to a commit or digest"
            case .broadToken: "a job token that can write"
            case .persistedCredentials: "the checkout leaves the job token in .git"
            case .sharedCache: "a cache shared with less trusted runs"
            case .inheritedSecrets: "every secret handed to a reusable workflow"
            case .everySecret: "every secret read at once"
            case .staticKey: "a static cloud key in a secret"
            case .persistentRunner: "a self-hosted runner that outlives its jobs"
            case .selfApproval: "an environment whose approvers may approve their own change"
            case .committedCredential: "a credential written in the repository"
            case .unverifiedDownload: "downloaded code run without verification"
            case .steerableAgent: "an AI agent in the job that anyone's text can steer"
            }
        }

        /// The rules whose hops, through the weakness's subject, use it. None for a token kept in
        /// `.git`: `job-token` takes the job's token as its code's whether or not the checkout keeps it.
        public var rules: Set<String> {
            switch self {
            case .untrustedCheckout, .scriptInjection, .privilegedTrigger: ["privileged-pr-trigger"]
            case .unpinnedUses: ["foothold", "definition-hijack"]
            case .broadToken: ["job-token"]
            case .persistedCredentials: []
            case .sharedCache: ["cache-poisoning", "cache-restore"]
            case .inheritedSecrets, .everySecret: ["job-secrets"]
            case .staticKey: ["foothold", "secret-credential"]
            case .persistentRunner: ["persistent-runner", "runner-hijack", "foothold"]
            case .selfApproval: ["self-approval"]
            case .committedCredential: ["committed-credential"]
            case .unverifiedDownload: ["artifact-execution"]
            case .steerableAgent: []
            }
        }

        /// Why a weakness that no rule takes as a premise is listed all the same.
        public var latentBecause: String? {
            switch self {
            case .persistedCredentials:
                return "a job's code holds its token whether or not the checkout keeps it (rule 'job-token'), so it opens no path of its own; the token leaks further where the workspace, .git included, is uploaded as an artifact, which Firebreak does not trace"
            case .steerableAgent:
                return "Firebreak has no model of what a prompt-injected agent does: what its sandbox and tools allow, what later steps run of what it writes, what later jobs do with its output; review the job's token and secrets and the jobs its output feeds, or keep the action's default (actors with write access only)"
            default:
                return nil
            }
        }

        /// Whether a hop uses the construct only where it is written (a step's foothold), not
        /// anywhere at its subject (the step's job runs other code too).
        public var matchesByPlaceOnly: Bool { self == .unpinnedUses }

        /// The rule `firebreak explain` documents for it.
        public var rule: String {
            switch self {
            case .untrustedCheckout, .scriptInjection, .privilegedTrigger: "privileged-pr-trigger"
            case .unpinnedUses: "definition-hijack"
            case .broadToken, .persistedCredentials: "job-token"
            case .sharedCache: "cache-poisoning"
            case .inheritedSecrets, .everySecret: "job-secrets"
            case .staticKey: "secret-credential"
            case .persistentRunner: "persistent-runner"
            case .selfApproval: "self-approval"
            case .committedCredential: "committed-credential"
            case .unverifiedDownload: "artifact-execution"
            case .steerableAgent: "privileged-pr-trigger"
            }
        }
    }

    public var kind: Kind
    /// The node whose facts the construct gives (a job, a runner, a cache, an identity, ...).
    public var subject: NodeID
    /// What is weak here, in a few words (`'${{ github.event.issue.title }}' in a run: script`).
    public var detail: String
    public var location: SourceLocation

    public init(_ kind: Kind, subject: NodeID, detail: String, at location: SourceLocation) {
        self.kind = kind
        self.subject = subject
        self.detail = detail
        self.location = location
    }
}
