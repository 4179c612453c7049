import FirebreakModel

/// Every event GitHub documents as starting a workflow, with what a run of it means.
///
/// Sources: GitHub Docs, "Events that trigger workflows" (which ref and workflow file a run
/// uses, activity types) and "Automatic token authentication" (fork runs of `pull_request`,
/// `pull_request_review` and `pull_request_review_comment` get a read-only token and no
/// secrets; `pull_request_target` and `workflow_run` run in the base repository with both).
enum GitHubEvents {
    /// Who can cause an event on a public repository.
    enum FiredBy: String, Sendable {
        /// Anyone with an account.
        case outsider
        /// Someone who can push or start workflows by hand.
        case contributor
        /// Someone with triage, maintain or admin access.
        case maintainer
        /// GitHub or an app on a schedule or after other activity.
        case automation
    }

    struct Semantics: Sendable {
        /// The class of event the simulator reasons about.
        var modelEvent: Trigger.Event
        var firedBy: FiredBy
        /// Activity types an outsider can cause, when only some are (nil: all that fire it).
        var outsiderTypes: Set<String>?
    }

    static let table: [String: Semantics] = [
        "branch_protection_rule": .init(modelEvent: .manual, firedBy: .maintainer),
        "check_run": .init(modelEvent: .manual, firedBy: .automation),
        "check_suite": .init(modelEvent: .manual, firedBy: .automation),
        "create": .init(modelEvent: .push, firedBy: .contributor),
        "delete": .init(modelEvent: .manual, firedBy: .contributor),
        "deployment": .init(modelEvent: .manual, firedBy: .contributor),
        "deployment_status": .init(modelEvent: .manual, firedBy: .automation),
        "discussion": .init(modelEvent: .issues, firedBy: .outsider, outsiderTypes: ["created", "edited", "deleted", "answered", "unanswered"]),
        "discussion_comment": .init(modelEvent: .issueComment, firedBy: .outsider),
        "fork": .init(modelEvent: .issues, firedBy: .outsider),
        "gollum": .init(modelEvent: .issues, firedBy: .outsider),
        "issue_comment": .init(modelEvent: .issueComment, firedBy: .outsider),
        "issues": .init(modelEvent: .issues, firedBy: .outsider, outsiderTypes: ["opened", "edited", "deleted", "closed", "reopened"]),
        "label": .init(modelEvent: .manual, firedBy: .maintainer),
        "merge_group": .init(modelEvent: .manual, firedBy: .maintainer),
        "milestone": .init(modelEvent: .manual, firedBy: .maintainer),
        "page_build": .init(modelEvent: .manual, firedBy: .contributor),
        "project": .init(modelEvent: .manual, firedBy: .maintainer),
        "project_card": .init(modelEvent: .manual, firedBy: .maintainer),
        "project_column": .init(modelEvent: .manual, firedBy: .maintainer),
        "public": .init(modelEvent: .manual, firedBy: .maintainer),
        "pull_request": .init(modelEvent: .pullRequest, firedBy: .outsider, outsiderTypes: pullRequestOutsiderTypes),
        "pull_request_review": .init(modelEvent: .pullRequest, firedBy: .outsider),
        "pull_request_review_comment": .init(modelEvent: .pullRequest, firedBy: .outsider),
        "pull_request_target": .init(modelEvent: .pullRequestTarget, firedBy: .outsider, outsiderTypes: pullRequestOutsiderTypes),
        "push": .init(modelEvent: .push, firedBy: .contributor),
        "registry_package": .init(modelEvent: .manual, firedBy: .contributor),
        "release": .init(modelEvent: .release, firedBy: .maintainer),
        "repository_dispatch": .init(modelEvent: .manual, firedBy: .contributor),
        "schedule": .init(modelEvent: .schedule, firedBy: .automation),
        "status": .init(modelEvent: .manual, firedBy: .automation),
        "watch": .init(modelEvent: .issues, firedBy: .outsider),
        "workflow_call": .init(modelEvent: .workflowCall, firedBy: .automation),
        "workflow_dispatch": .init(modelEvent: .manual, firedBy: .contributor),
        "workflow_run": .init(modelEvent: .workflowRun, firedBy: .outsider),
    ]

    /// Pull request activity the author causes: opening, pushing, editing, closing and
    /// reopening their own pull request, marking it ready or draft. Labels, assignees,
    /// reviewers, milestones, locks, auto-merge and the merge queue need access.
    static let pullRequestOutsiderTypes: Set<String> = [
        "opened", "synchronize", "reopened", "edited", "closed", "ready_for_review", "converted_to_draft",
    ]

    /// What an event means, or nil for a name GitHub does not document.
    static func semantics(_ name: String) -> Semantics? { table[name] }

    /// What Firebreak assumes of an event it does not know: that an outsider can fire it and
    /// that it runs in the base repository with its secrets.
    static let unknown = Semantics(modelEvent: .issues, firedBy: .outsider)

    /// Whether an outsider can start a run of the event with the given activity types
    /// (empty: the event's default types, which outsiders can all cause).
    static func outsiderCanFire(_ semantics: Semantics, types: [String]) -> Bool {
        guard semantics.firedBy == .outsider else { return false }
        guard let open = semantics.outsiderTypes, !types.isEmpty else { return true }
        return types.contains { open.contains($0) }
    }
}

extension GitHubEvents.Semantics {
    init(modelEvent: Trigger.Event, firedBy: GitHubEvents.FiredBy) {
        self.init(modelEvent: modelEvent, firedBy: firedBy, outsiderTypes: nil)
    }
}
