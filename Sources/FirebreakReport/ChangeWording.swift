import FirebreakEngine
import FirebreakModel

/// A model change as a reviewer reads it: one imperative sentence.
public enum ChangeWording {
    public static func sentence(_ change: ModelChange) -> String {
        let subject = change.subject.name
        let object = change.object?.name ?? ""
        switch change.kind {
        case .pinStep:
            if let package = Step.package(inStepNamed: subject) {
                return "install an exact version of '\(package.uses)' in job '\(package.job)' (a version is fixed once published)"
            }
            // A URL has no commit of its own: what the script fetches is fixed instead.
            if let fetched = Step.fetched(inStepNamed: subject) {
                return "fetch '\(fetched.url)' in job '\(fetched.job)' at a fixed revision: a clone at its full commit, a download of one release checked against its checksum"
            }
            return "pin step '\(subject)' by full commit or digest"
        case .pinDefinition: return "include definition '\(subject)' by full commit or digest"
        case .ephemeralRunner: return "make runner pool '\(subject)' ephemeral: a fresh machine per job"
        case .protectRunner: return "reserve runner pool '\(subject)' for protected branches"
        case .dropRoute: return "take the route from runner pool '\(subject)' into zone '\(object)' away"
        case .authenticateCallers: return "make '\(subject)' authenticate every caller, whatever its network"
        case .scopeSecret: return "move secret '\(subject)' into environment '\(object)'"
        case .protectSecret: return "protect variable '\(subject)': protected branches only"
        case .withholdSecret: return "stop handing secret '\(object)' to job '\(subject)' (give it a credential of its own)"
        case .readOnlyToken: return "make the token of job '\(subject)' read-only"
        case .dropGrant: return "drop the grant of '\(subject)' on \(change.object.map(\.description) ?? "")"
        case .shortLivedCredential: return "replace the stored key of '\(subject)' with a short-lived OIDC credential"
        case .machineIdentity: return "replace the personal token '\(subject)' with a machine identity"
        case .requireReviewers: return "require a maintainer's approval in environment '\(subject)'"
        case .preventSelfReview: return "forbid self-review in environment '\(subject)'"
        case .restrictEnvironment: return "admit only the default branch to environment '\(subject)'"
        case .protectBranch: return "protect branch '\(subject)': reviewed pull requests, admins included"
        case .protectTags: return "protect the tags trigger '\(subject)' runs for: only maintainers create them"
        case .signArtifact: return "sign artifact '\(subject)' and verify it wherever it is used"
        case .separateCache: return "give job '\(subject)' its own cache instead of '\(object)'"
        case .dropCacheRestore:
            return "stop job '\(subject)' restoring cache '\(object)': on GitHub every run in the default branch's context writes it, whatever the key"
        case .dropUntrustedInput: return "stop job '\(subject)' from taking the pull request's code (two-workflow pattern)"
        case .requireForkApproval: return "require approval for every outside contributor's run"
        case .narrowTrust: return "narrow the trust of cloud role '\(subject)' to the runs that need it"
        case .requirePublisherEnvironment: return "require environment '\(object)' in the trusted publisher \(subject) keeps for this repository"
        case .uncommitSecret: return "move committed credential '\(subject)' into the secret store and rotate it"
        case .dataOnly: return "make job '\(subject)' read artifact '\(object)' as data, never run it"
        }
    }
}
