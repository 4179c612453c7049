/// The value of each context on a run that an outsider causes, event by event: fixed by the
/// event, chosen by the outsider, set only by a maintainer, or unknown (pessimistic: any value).
///
/// Sources: GitHub Docs, "Contexts reference" and "Webhook events and payloads"; the values an
/// outsider can have for `author_association` are those the GraphQL `CommentAuthorAssociation`
/// enum gives someone without standing in the repository (NONE, FIRST_TIMER,
/// FIRST_TIME_CONTRIBUTOR, CONTRIBUTOR — the last after one merged contribution). Anyone may
/// submit a review, approving ones included. `workflow_run.pull_requests` is empty for runs
/// from forks.
enum OutsiderContexts {
    /// The author associations open to someone who is not an owner, member or collaborator.
    static let outsiderAssociations: [ExpressionValue] = ["NONE", "FIRST_TIMER", "FIRST_TIME_CONTRIBUTOR", "CONTRIBUTOR"].map { .string($0) }

    /// Events whose payload describes a pull request an outsider opened from a fork.
    static let pullRequestEvents: Set<String> = ["pull_request", "pull_request_target", "pull_request_review", "pull_request_review_comment"]

    /// The payload objects each outsider-fired event carries; other top-level keys are null.
    static let payloadRoots: [String: Set<String>] = {
        let pullRequest: Set<String> = ["pull_request", "number", "action", "label", "changes", "requested_reviewer", "assignee"]
        return [
            "pull_request": pullRequest, "pull_request_target": pullRequest,
            "pull_request_review": pullRequest.union(["review"]),
            "pull_request_review_comment": pullRequest.union(["comment"]),
            "issue_comment": ["issue", "comment", "action", "changes"],
            "issues": ["issue", "action", "label", "changes", "assignee", "milestone"],
            "discussion": ["discussion", "action", "label", "answer", "changes"],
            "discussion_comment": ["discussion", "comment", "action", "changes"],
            "workflow_run": ["workflow_run", "workflow", "action"],
            "fork": ["forkee"], "watch": ["action"], "gollum": ["pages"],
        ]
    }()

    /// Payload keys present in every event.
    static let commonRoots: Set<String> = ["repository", "sender", "organization", "enterprise", "installation"]

    /// The value of `path` (lowercased components) on an outsider's run of `event`, and
    /// whether Firebreak had to assume it (an unknown context).
    static func value(of path: [String], on event: String) -> (value: OutsiderValue, assumed: Bool) {
        guard let root = path.first else { return (.unknown, true) }
        guard root == "github", path.count >= 2 else { return (.unknown, true) }
        let fromPullRequest = pullRequestEvents.contains(event) || event == "workflow_run"
        switch path[1] {
        case "event_name": return (.known(.string(event)), false)
        case "actor", "triggering_actor":
            // The last actor on a pull request can be made a bot (Dependabot re-running on the
            // outsider's fork); on other events it is the outsider.
            return (fromPullRequest ? .outsiderText : .foreign("outsider-login"), false)
        case "repository": return (.own("repository"), false)
        case "repository_owner": return (.own("owner"), false)
        case "head_ref": return (pullRequestEvents.contains(event) ? .outsiderText : .known(.string("")), false)
        case "ref", "ref_name", "base_ref", "sha": return (.outsiderText, false)
        case "event": return payload(Array(path.dropFirst(2)), on: event)
        default: return (.unknown, true)
        }
    }

    private static func payload(_ path: [String], on event: String) -> (value: OutsiderValue, assumed: Bool) {
        guard let root = path.first else { return (.unknown, true) }
        if root == "repository" {
            switch path.dropFirst().joined(separator: ".") {
            case "full_name": return (.own("repository"), false)
            case "owner.login": return (.own("owner"), false)
            default: return (.unknown, true)
            }
        }
        if root == "sender" {
            return path.count == 2 && path[1] == "login" ? value(of: ["github", "actor"], on: event) : (.unknown, true)
        }
        guard let roots = payloadRoots[event] else { return (.unknown, true) }
        guard roots.contains(root) || commonRoots.contains(root) else { return (.known(.null), false) }
        let rest = Array(path.dropFirst())
        switch root {
        case "pull_request": return pullRequest(rest)
        case "issue", "discussion": return authored(rest, pullRequestLink: root == "issue")
        case "comment": return authored(rest, pullRequestLink: false)
        case "review":
            if rest == ["state"] { return (.outsiderChooses(["approved", "commented", "changes_requested"].map { .string($0) }), false) }
            return authored(rest, pullRequestLink: false)
        case "label": return (.maintainerSets(absent: .null), false)
        case "action": return (.outsiderText, false)
        case "workflow_run": return workflowRun(rest)
        default: return tainted(["github", "event"] + path) ? (.outsiderText, false) : (.unknown, true)
        }
    }

    private static func pullRequest(_ rest: [String]) -> (value: OutsiderValue, assumed: Bool) {
        let key = rest.joined(separator: ".")
        switch key {
        case "head.repo.fork": return (.known(.bool(true)), false)
        case "head.repo.full_name": return (.foreign("fork"), false)
        case "head.repo.owner.login": return (.foreign("fork-owner"), false)
        case "base.repo.full_name": return (.own("repository"), false)
        case "base.repo.owner.login": return (.own("owner"), false)
        case "user.login": return (.foreign("outsider-login"), false)
        case "author_association": return (.outsiderChooses(outsiderAssociations), false)
        case "merged": return (.maintainerSets(absent: .bool(false)), false)
        case "merged_by", "milestone": return (.maintainerSets(absent: .null), false)
        case "state": return (.outsiderChooses([.string("open"), .string("closed")]), false)
        case "draft": return (.outsiderChooses([.bool(true), .bool(false)]), false)
        default:
            if let first = rest.first, ["labels", "requested_reviewers", "assignees", "requested_teams"].contains(first) {
                return (.maintainerSets(absent: .array([])), false)
            }
            if tainted(["github", "event", "pull_request"] + rest) || ["head.sha", "head.repo.name", "base.ref", "base.sha"].contains(key) {
                return (.outsiderText, false)
            }
            return (.unknown, true)
        }
    }

    /// An issue, discussion, comment or review the outsider wrote.
    private static func authored(_ rest: [String], pullRequestLink: Bool) -> (value: OutsiderValue, assumed: Bool) {
        switch rest.joined(separator: ".") {
        case "author_association": return (.outsiderChooses(outsiderAssociations), false)
        case "user.login": return (.foreign("outsider-login"), false)
        case "title", "body": return (.outsiderText, false)
        case "state": return (.outsiderChooses([.string("open"), .string("closed")]), false)
        default:
            if rest.first == "labels" || rest.first == "assignees" { return (.maintainerSets(absent: .array([])), false) }
            // Whether the comment is on a pull request or an issue is the outsider's choice.
            if pullRequestLink, rest.first == "pull_request" { return (.unknown, false) }
            return (.unknown, true)
        }
    }

    private static func workflowRun(_ rest: [String]) -> (value: OutsiderValue, assumed: Bool) {
        switch rest.joined(separator: ".") {
        case "head_repository.fork": return (.known(.bool(true)), false)
        case "head_repository.full_name": return (.foreign("fork"), false)
        case "head_repository.owner.login": return (.foreign("fork-owner"), false)
        case "repository.full_name": return (.own("repository"), false)
        case "actor.login", "triggering_actor.login": return (.foreign("outsider-login"), false)
        case "pull_requests": return (.known(.array([])), false)
        case "event", "conclusion", "head_branch", "head_sha", "status": return (.outsiderText, false)
        default: return tainted(["github", "event", "workflow_run"] + rest) ? (.outsiderText, false) : (.unknown, true)
        }
    }

    private static func tainted(_ path: [String]) -> Bool { ContextTaint.writer(of: path) == .outsider }
}

extension OutsiderValue {
    static func foreign(_ name: String) -> OutsiderValue { OutsiderValue([Alternative(atom: .foreignName(name), influence: .outsider)]) }
    static func own(_ name: String) -> OutsiderValue { OutsiderValue([Alternative(atom: .ownName(name), influence: .outsider)]) }
}
