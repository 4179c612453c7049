import FirebreakModel
import Yams

/// A job's `cache-mode:` (GitHub, September 2026), the job's own else its workflow's: what the
/// job may do with the Actions cache, enforced by the cache service whatever code the job runs.
enum GitHubCacheMode: String {
    /// Restores, never saves.
    case read
    case write
    /// Saves, never restores.
    case writeOnly = "write-only"
    case none

    /// The mode the job declares, or its workflow; nil when neither does (GitHub's default
    /// then: write, but read-only for events outsiders can cause, on the default branch).
    init?(job: Yams.Node, workflow: Yams.Node) {
        guard let text = (job.value("cache-mode") ?? workflow.value("cache-mode"))?.scalarText else { return nil }
        self.init(rawValue: text)
    }

    var restores: Bool { self == .read || self == .write }
    var saves: Bool { self == .write || self == .writeOnly }

    /// Whether a run of this event writes the default branch's cache when the job declares no
    /// mode. Since June 2026 the cache service gives a read-only token to a run in the default
    /// branch's context that someone without write access can cause (pull_request_target,
    /// issue_comment, issues and discussions); a workflow_run is kept a writer, because it
    /// writes when the run it follows was a push's. A merge queue's run (`merge_group`) is on
    /// a ref of its own (`gh-readonly-queue/...`) and writes only that ref's scope, as a pull
    /// request's run writes its merge ref's (GitHub Docs, "Dependency caching reference",
    /// restrictions for accessing a cache).
    static func writesByDefault(_ trigger: Trigger, defaultBranch: String) -> Bool {
        switch trigger.event {
        case .manual: trigger.platformEvent != "merge_group"
        case .workflowRun, .schedule: true
        case .push: trigger.fires(onBranch: defaultBranch)
        default: false
        }
    }
}
