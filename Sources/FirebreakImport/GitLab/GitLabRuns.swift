import FirebreakModel
import Yams

/// Which pipelines a GitLab job runs in, read from `rules`, `only`, `except` and `workflow:rules`.
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
        branches = Self.normalized(branches + other.branches)
        protectedTagsOnly = (tags || other.tags) && (!tags || protectedTagsOnly) && (!other.tags || other.protectedTagsOnly)
        tags = tags || other.tags
        mergeRequests = mergeRequests || other.mergeRequests
        schedules = schedules || other.schedules
        manual = manual || other.manual
        protectedOnly = protectedOnly && other.protectedOnly
    }

    /// Whether a pipeline may run both: one of the same source (a push to a branch both admit, a
    /// tag, a merge request, a schedule, one started by hand). Each is read pessimistically, so
    /// false means they never meet.
    func mayShareAPipeline(with other: GitLabRuns) -> Bool {
        // Two patterns may both match a branch; the default branch, by its symbol, may be any name.
        func meet(_ a: String, _ b: String) -> Bool {
            let symbols = [a, b].filter { $0 == "*" || $0 == GitLabPipelines.defaultBranch || $0.contains("*") || $0.hasPrefix("/") }
            return a == b || !symbols.isEmpty && (symbols.count == 2 || BranchPattern.matches(a, b) || BranchPattern.matches(b, a)
                || symbols.contains("*") || symbols.contains(GitLabPipelines.defaultBranch))
        }
        let branch = branches.contains { mine in other.branches.contains { meet(mine, $0) } }
        return branch || (tags && other.tags) || (mergeRequests && other.mergeRequests) || (schedules && other.schedules) || (manual && other.manual)
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

    /// Reads a list of rules in order. The first rule that matches decides, so the pipelines a
    /// `when: never` rule surely matches (`$CI_COMMIT_TAG`, `$CI_COMMIT_REF_PROTECTED == "false"`)
    /// are kept from the rules after it; one with `changes:` or `exists:` may not match, and
    /// keeps nothing. A `when: never` rule with no condition ends the list. `project`: the
    /// project's variables where known (`GitLabPipelines.admitted`).
    static func rules(items: [Yams.Node], child: Bool = false, project: [String: GitLabPipelines.Value] = [:]) -> GitLabRuns {
        var runs = GitLabRuns()
        runs.protectedOnly = true
        var byHand = true
        var exclusions: [GitLabExpression] = []
        for rule in items {
            // A rule's keys with YAML merge keys expanded (`- <<: *if-default-branch`).
            let fields = Dictionary(rule.gitlabEntries.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
            let when = fields["when"]?.scalarText
            if when == "never" {
                guard fields["changes"] == nil, fields["exists"] == nil else { continue }
                guard let condition = fields["if"] else { break }
                // A condition not read (an unresolved `!reference`, a parse failure) may not match.
                if let text = condition.scalarText, let expression = GitLabExpression.parse(text) { exclusions.append(expression) }
                continue
            }
            let admitted = condition(fields["if"]?.scalarText, unless: exclusions, child: child, project: project)
            if !admitted.isEmpty, when != "manual" { byHand = false }
            runs.formUnion(admitted)
        }
        if runs.isEmpty { runs.protectedOnly = false }
        runs.byHand = byHand && !runs.isEmpty
        return runs
    }

    /// What one `if:` admits, less what `exclusions` surely match: every pipeline when there is
    /// neither, or the condition cannot be read.
    static func condition(_ text: String?, unless exclusions: [GitLabExpression] = [], child: Bool = false,
                          project: [String: GitLabPipelines.Value] = [:]) -> GitLabRuns {
        guard text != nil || !exclusions.isEmpty else { return .everything }
        return GitLabPipelines.admitted(by: text, unless: exclusions, child: child, project: project) ?? .everything
    }

    /// Reads `only:` (a list, or `refs:`): `branches`, `tags`, `merge_requests`, `schedules`,
    /// `web`, `api`, branch names and regular expressions. GitLab Docs, *`only` and `except`*:
    /// `branches` matches every pipeline whose ref is a branch, so scheduled pipelines and those
    /// started by hand or through the API too; `only` without `refs:` is branches and tags.
    static func only(_ node: Yams.Node) -> GitLabRuns {
        let refs = node.isMapping ? (node.value("refs")?.texts ?? ["branches", "tags"]) : node.texts
        var runs = GitLabRuns()
        for ref in refs {
            switch ref {
            case "branches":
                runs.branches.append("*")
                runs.schedules = true
                runs.manual = true
            case "tags": runs.tags = true
            case "merge_requests", "external_pull_requests": runs.mergeRequests = true
            case "schedules": runs.schedules = true
            case "web", "api", "triggers", "pipelines", "chat": runs.manual = true
            case "pushes":
                runs.branches.append("*")
                runs.tags = true
            default:
                // A regular expression is matched against the ref's name, a branch's or a tag's
                // (`only: [/^v\d+/]` with `except: [branches]` is GitLab's own tag-only example).
                if ref.hasPrefix("/") {
                    runs.branches.append("*")
                    runs.tags = true
                } else {
                    runs.branches.append(ref)
                }
            }
        }
        runs.branches = normalized(runs.branches)
        return runs
    }

    /// Branch patterns each once and sorted; every branch (`*`) alone when it is among them.
    private static func normalized(_ branches: [String]) -> [String] {
        branches.contains("*") ? ["*"] : Array(Set(branches)).sorted()
    }

    /// Takes away the pipelines `except:` (a list, or `refs:`) names. What cannot be taken away
    /// exactly stays (pessimistic): a branch name or pattern from every branch (one list of
    /// branches cannot hold "all but these"), one of several sources started by hand (`web`),
    /// and conditions on variables, changed files or Kubernetes, which may not match.
    func excluding(_ node: Yams.Node) -> GitLabRuns {
        guard let refs = node.isMapping ? node.value("refs")?.texts : node.texts else { return self }
        var result = self
        for ref in refs {
            switch ref {
            case "branches":
                // A branch's pipelines of every source: pushes, schedules, those started by hand.
                result.branches = []
                result.schedules = false
                result.manual = false
            case "tags": result.tags = false
            case "merge_requests": result.mergeRequests = false
            case "schedules": result.schedules = false
            case "pushes":
                result.branches = []
                result.tags = false
            default:
                if !ref.hasPrefix("/") { result.branches.removeAll { $0 == ref } }
            }
        }
        if !result.tags { result.protectedTagsOnly = false }
        return result
    }

    func without(mergeRequests value: Bool) -> GitLabRuns {
        var copy = self
        copy.mergeRequests = value
        return copy
    }
}
