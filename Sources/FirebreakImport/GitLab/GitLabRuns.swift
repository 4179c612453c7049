import FirebreakModel
import Yams

/// Which pipelines a GitLab job runs in, read from `rules`, `only` and `workflow:rules`.
/// Conditions Firebreak cannot read are taken to admit the pipeline (pessimistic).
struct GitLabRuns: Equatable {
    var branches: [String] = []
    var tags = false
    var mergeRequests = false
    var schedules = false
    var manual = false
    var protectedOnly = false
    /// Whether its tag pipelines are only those of protected tags (`$CI_COMMIT_REF_PROTECTED`).
    var protectedTagsOnly = false
    /// Whether every rule that admits a pipeline makes the job wait for a person (`when: manual`).
    var byHand = false

    static let everything = GitLabRuns(branches: ["*"], tags: true, mergeRequests: true, schedules: true, manual: true)

    var isEmpty: Bool { branches.isEmpty && !tags && !mergeRequests && !schedules && !manual }

    mutating func formUnion(_ other: GitLabRuns) {
        branches = Array(Set(branches + other.branches)).sorted()
        if branches.contains("*") { branches = ["*"] }
        protectedTagsOnly = (tags || other.tags) && (!tags || protectedTagsOnly) && (!other.tags || other.protectedTagsOnly)
        tags = tags || other.tags
        mergeRequests = mergeRequests || other.mergeRequests
        schedules = schedules || other.schedules
        manual = manual || other.manual
        protectedOnly = protectedOnly && other.protectedOnly
    }

    /// Keeps only what the workflow's rules let pipelines be created for.
    func restricted(to workflow: GitLabRuns) -> GitLabRuns {
        var result = self
        if !workflow.branches.contains("*") {
            result.branches = branches.contains("*") ? workflow.branches : branches.filter { branch in
                workflow.branches.contains { BranchPattern.matches($0, branch) }
            }
        }
        result.tags = tags && workflow.tags
        result.protectedTagsOnly = protectedTagsOnly || workflow.protectedTagsOnly
        result.mergeRequests = mergeRequests && workflow.mergeRequests
        result.schedules = schedules && workflow.schedules
        result.manual = manual && workflow.manual
        result.protectedOnly = protectedOnly || workflow.protectedOnly
        return result
    }

    /// Reads `rules:`: the union of what each rule admits (rules with `when: never` admit
    /// nothing). In a child pipeline (`child`) the pipeline source is `parent_pipeline`.
    static func rules(_ node: Yams.Node, child: Bool = false) -> GitLabRuns {
        rules(items: node.items, child: child)
    }

    /// Reads a list of rules in order. The first rule that matches decides, so a `when: never`
    /// rule whose condition is one of the plain tests of a pipeline's kind (`$CI_COMMIT_TAG`,
    /// `$CI_PIPELINE_SOURCE == "merge_request_event"`) keeps those pipelines from later rules.
    static func rules(items: [Yams.Node], child: Bool = false) -> GitLabRuns {
        var runs = GitLabRuns()
        runs.protectedOnly = true
        var byHand = true
        var excluded = GitLabRuns()
        for rule in items {
            let when = rule.value("when")?.scalarText
            if when == "never" {
                if rule.value("changes") == nil, rule.value("exists") == nil, let text = rule.value("if")?.scalarText,
                   let named = plainKind(text) {
                    excluded.formUnion(named)
                }
                continue
            }
            var admitted = condition(rule.value("if")?.scalarText, child: child)
            admitted.tags = admitted.tags && !excluded.tags
            admitted.mergeRequests = admitted.mergeRequests && !excluded.mergeRequests
            admitted.schedules = admitted.schedules && !excluded.schedules
            admitted.manual = admitted.manual && !excluded.manual
            if !admitted.isEmpty, when != "manual" { byHand = false }
            runs.formUnion(admitted)
        }
        if runs.isEmpty { runs.protectedOnly = false }
        runs.byHand = byHand && !runs.isEmpty
        return runs
    }

    /// The pipelines a condition that only tests the pipeline's kind names, exactly: tags,
    /// merge requests, schedules or manual runs; nil for any other condition.
    static func plainKind(_ text: String) -> GitLabRuns? {
        let plain = text.filter { !$0.isWhitespace && $0 != "\"" && $0 != "'" }
        var named = GitLabRuns()
        switch plain {
        case "$CI_COMMIT_TAG", "${CI_COMMIT_TAG}", "$CI_COMMIT_TAG!=null", "$CI_COMMIT_TAG!=": named.tags = true
        case "$CI_PIPELINE_SOURCE==merge_request_event": named.mergeRequests = true
        case "$CI_PIPELINE_SOURCE==schedule": named.schedules = true
        case "$CI_PIPELINE_SOURCE==web": named.manual = true
        default: return nil
        }
        return named
    }

    /// What one `if:` admits: every pipeline when there is none or it cannot be read.
    static func condition(_ text: String?, child: Bool = false) -> GitLabRuns {
        guard let text else { return .everything }
        return GitLabPipelines.admitted(by: text, child: child) ?? .everything
    }

    /// Reads `only:` (a list, or `refs:`): `branches`, `tags`, `merge_requests`, `schedules`,
    /// `web`, `api`, branch names and regular expressions.
    static func only(_ node: Yams.Node) -> GitLabRuns {
        let refs = node.isMapping ? (node.value("refs")?.texts ?? ["branches", "tags"]) : node.texts
        var runs = GitLabRuns()
        for ref in refs {
            switch ref {
            case "branches": runs.branches.append("*")
            case "tags": runs.tags = true
            case "merge_requests", "external_pull_requests": runs.mergeRequests = true
            case "schedules": runs.schedules = true
            case "web", "api", "triggers", "pipelines", "chat": runs.manual = true
            default: runs.branches.append(ref.hasPrefix("/") ? "*" : ref)
            }
        }
        return runs
    }

    func without(mergeRequests value: Bool) -> GitLabRuns {
        var copy = self
        copy.mergeRequests = value
        return copy
    }
}
