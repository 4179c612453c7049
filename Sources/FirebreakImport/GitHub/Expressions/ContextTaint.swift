/// Contexts whose text someone outside the maintainers writes, in one table: where such text
/// is pasted into a script (`${{ }}` in `run:`, a `github-script`, a composite action's input)
/// it becomes code.
///
/// Sources: GitHub Docs, "Security hardening for GitHub Actions: understanding the risk of
/// script injections" (the untrusted-input list); GitHub Security Lab, "Keeping your GitHub
/// Actions and workflows secure part 2: untrusted input". Patterns match lowercased context
/// paths component by component; `*` matches one component.
enum ContextTaint {
    /// Who writes a context's text.
    enum Writer: String, Sendable {
        /// Anyone with an account: titles, bodies, comments, fork branch names.
        case outsider
        /// Someone who can push or dispatch: branch and tag names, commit messages, inputs.
        case contributor
    }

    /// Contexts an outsider writes on the events that carry them.
    static let outsiderWritten: [String] = [
        "github.head_ref",
        "github.event.pull_request.title",
        "github.event.pull_request.body",
        "github.event.pull_request.head.ref",
        "github.event.pull_request.head.label",
        "github.event.pull_request.head.repo.default_branch",
        "github.event.pull_request.head.repo.description",
        "github.event.pull_request.head.repo.homepage",
        "github.event.issue.title",
        "github.event.issue.body",
        "github.event.comment.body",
        "github.event.review.body",
        "github.event.review_comment.body",
        "github.event.discussion.title",
        "github.event.discussion.body",
        "github.event.pages.*.page_name",
        "github.event.pages.*.title",
        "github.event.forkee.description",
        "github.event.workflow_run.head_branch",
        "github.event.workflow_run.display_title",
        "github.event.workflow_run.head_commit.message",
        "github.event.workflow_run.head_commit.author.email",
        "github.event.workflow_run.head_commit.author.name",
        "github.event.workflow_run.head_repository.description",
        "github.event.workflow_run.pull_requests.*.head.ref",
    ]

    /// Contexts someone who can push or dispatch writes.
    static let contributorWritten: [String] = [
        "github.ref_name",
        "github.ref",
        "github.event.ref",
        "github.event.base_ref",
        "github.event.head_commit.message",
        "github.event.head_commit.author.email",
        "github.event.head_commit.author.name",
        "github.event.head_commit.committer.email",
        "github.event.head_commit.committer.name",
        "github.event.commits.*.message",
        "github.event.commits.*.author.email",
        "github.event.commits.*.author.name",
        "github.event.commits.*.committer.email",
        "github.event.commits.*.committer.name",
        "github.event.inputs.*",
        "inputs.*",
        "github.event.client_payload.*",
    ]

    static let table: [(pattern: [String], writer: Writer)] =
        outsiderWritten.map { (components($0), Writer.outsider) } + contributorWritten.map { (components($0), Writer.contributor) }

    private static func components(_ path: String) -> [String] { path.split(separator: ".").map(String.init) }

    /// Who writes the text at `path`, if anyone outside the maintainers does. A path that
    /// reaches into a tainted one (`github.event.issue.title.foo`) or selects all of a parent
    /// that holds one (`github.event.issue`, `toJSON(github.event)`) is tainted too.
    static func writer(of path: [String]) -> Writer? {
        var found: Writer?
        for entry in table where matches(entry.pattern, path) {
            if entry.writer == .outsider { return .outsider }
            found = .contributor
        }
        return found
    }

    private static func matches(_ pattern: [String], _ path: [String]) -> Bool {
        // `github` alone is the whole context (as `toJSON(github)` reads it); any other
        // single name is a different context.
        guard path.count >= 2 || path == ["github"] else { return false }
        for index in 0..<min(pattern.count, path.count) where pattern[index] != "*" && path[index] != "*" && pattern[index] != path[index] {
            return false
        }
        return true
    }
}
