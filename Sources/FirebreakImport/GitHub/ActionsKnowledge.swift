import FirebreakModel
import Foundation

/// What Firebreak knows about GitHub Actions semantics, in one place.
enum ActionsKnowledge {
    /// Labels of GitHub-hosted runners.
    static func isHostedLabel(_ label: String) -> Bool {
        let lowered = label.lowercased()
        return ["ubuntu-", "windows-", "macos-"].contains { lowered.hasPrefix($0) } && !lowered.contains("self-hosted")
    }

    /// The model event for a workflow event name.
    static func event(_ name: String, tagsOnly: Bool) -> Trigger.Event? {
        switch name {
        case "push": tagsOnly ? .tag : .push
        case "pull_request": .pullRequest
        case "pull_request_target": .pullRequestTarget
        case "workflow_run": .workflowRun
        case "issue_comment", "pull_request_review", "pull_request_review_comment": .issueComment
        case "issues", "discussion", "discussion_comment", "fork", "watch": .issues
        case "release": .release
        case "schedule": .schedule
        case "workflow_dispatch", "repository_dispatch", "merge_group": .manual
        case "workflow_call": .workflowCall
        default: nil
        }
    }

    /// `secrets.NAME` and `secrets['NAME']` inside expressions.
    static let secretReference = Patterns.regex(#"secrets\s*(?:\.\s*([A-Za-z_][A-Za-z0-9_]*)|\[\s*['"]([^'"]+)['"]\s*\])"#)

    static func secretNames(in text: String) -> [String] {
        guard text.contains("secrets") else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return secretReference.matches(in: text, range: range).compactMap { match in
            for group in 1..<match.numberOfRanges {
                if let captured = Range(match.range(at: group), in: text) { return String(text[captured]) }
            }
            return nil
        }
    }

    /// Contexts whose text an outsider writes: titles, bodies, branch names, commit messages.
    static let attackerControlled = Patterns.regex(
        #"\$\{\{[^}]*\b(github\.head_ref|github\.event\.(issue|pull_request|comment|review|review_comment|discussion|pages|commits|head_commit|workflow_run|inputs)\b[^}]*\b(title|body|ref|label|message|name|email|page_name|head_branch|display_title|default_branch))"#)

    /// References to the pull request's own code.
    static let pullRequestHead = Patterns.regex(
        #"(github\.event\.pull_request\.head\.(sha|ref|repo)|github\.head_ref|refs/pull/|github\.event\.workflow_run\.head_(sha|branch|repository)|github\.event\.issue\.pull_request|steps\.[A-Za-z0-9_-]+\.outputs\.(head|pr|sha|ref))"#)

    /// Shell commands that execute files of the checked-out repository.
    static let buildTool = Patterns.regex(
        #"(?m)(^|[\s;&|(])(npm|npx|yarn|pnpm|pip3?|python3?|make|gradle|\./gradlew|mvn|\./mvnw|cargo|go|pytest|tox|nox|bundle|rake|composer|pre-commit|docker|bash|sh|node|ruby|php|dotnet|swift|cmake|meson|ninja|poetry|uv|hatch|pdm|\./[A-Za-z0-9_./-]+)\b"#)

    /// The role a job plays, guessed from its id and name, and from the few actions that say it.
    static func role(id: String, name: String?, environment: String?, steps: [Workflow.Step]) -> Job.Role {
        let text = "\(id) \(name ?? "")".lowercased()
        let actions = steps.compactMap(\.uses).joined(separator: " ").lowercased()
        func named(_ words: [String]) -> Bool { words.contains { text.contains($0) } }
        func uses(_ names: [String]) -> Bool { names.contains { actions.contains($0) } }
        if named(["deploy", "rollout", "promote"]) || environment != nil { return .deploy }
        if named(["release", "publish"]) || uses(["pypi-publish", "npm-publish", "action-gh-release"]) { return .release }
        if named(["sign", "attest", "provenance", "slsa"]) || uses(["cosign", "attest-build-provenance"]) { return .sign }
        if named(["codeql", "scan", "lint", "audit", "zizmor", "scorecard", "analy"]) || uses(["codeql-action", "scorecard-action"]) { return .scan }
        if named(["test", "spec", "e2e", "coverage", "check"]) { return .test }
        if named(["build", "compile", "package", "docker", "wheel", "dist"]) || uses(["build-push-action"]) { return .build }
        return .other
    }

    /// How a job's `if:` keeps outsiders out.
    static func guardKind(_ condition: String?) -> Job.Guard {
        guard let condition else { return .none }
        let text = condition.replacingOccurrences(of: " ", with: "")
        if text.contains("author_association") || text.contains("head.repo.full_name==github.repository")
            || text.contains("github.repository==github.event.pull_request.head.repo.full_name")
            || text.contains("head.repo.fork==false") || text.contains("head.repo.fork!=true") || text.contains("!github.event.pull_request.head.repo.fork") {
            return .sound
        }
        if text.contains("labels.*.name") || text.contains("github.event.label.name") { return .label }
        if text.contains("github.actor") || text.contains("triggering_actor") || text.contains("user.login") { return .spoofable }
        return .none
    }

    /// Actions that check the commenter's or author's permission before going on.
    static func isPermissionCheck(_ uses: String) -> Bool {
        let lowered = uses.lowercased()
        return lowered.contains("check-user-permission") || lowered.contains("permission-check") || lowered.contains("is-organization-member")
    }
}
