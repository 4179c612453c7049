import FirebreakImport
import FirebreakModel

/// Changes written into a GitHub Actions workflow file.
enum GitHubWorkflowEdit {
    /// The checkout of a privileged job takes the base branch instead of the pull request's
    /// head: its `ref:` (and `repository:`) naming the head go. Building the pull request then
    /// belongs in a `pull_request` workflow without secrets, handing results to a
    /// `workflow_run` one as data (the two-workflow pattern).
    static func dropHeadCheckout(of job: Job, in editor: inout YAMLTextEditor, original: YAMLTextEditor) throws(PatchError) {
        let key = try jobKey(job, original)
        guard case .sequence(let steps)? = editor.value(at: ["jobs", .key(key), "steps"]) else {
            throw PatchError(file: editor.file, message: "job '\(key)' has no steps to patch")
        }
        var changed = false
        for (index, step) in steps.enumerated().reversed() {
            guard case .scalar(let uses)? = step["uses"], uses.lowercased().hasPrefix("actions/checkout") else { continue }
            for input in ["ref", "repository"] {
                guard case .scalar(let value)? = step["with"]?[input], headExpression(value) else { continue }
                try editor.remove(["jobs", .key(key), "steps", .index(index), "with", .key(input)])
                changed = true
            }
            if case .mapping(let with)? = editor.value(at: ["jobs", .key(key), "steps", .index(index), "with"]), with.isEmpty {
                try editor.remove(["jobs", .key(key), "steps", .index(index), "with"])
            }
        }
        if !changed { throw PatchError(file: editor.file, message: "job '\(key)' checks out no pull request head that a patch can remove") }
    }

    /// The job's token may read the repository and nothing else (an OIDC job keeps `id-token: write`).
    static func readOnlyPermissions(of job: Job, in editor: inout YAMLTextEditor, original: YAMLTextEditor) throws(PatchError) {
        let key = try jobKey(job, original)
        // The permissions in force (the job's, else the workflow's), every write made a read.
        let granted = original.value(at: ["jobs", .key(key), "permissions"]) ?? original.value(at: ["permissions"])
        let permissions: YAMLValue
        switch granted {
        case .mapping(let entries)?:
            var read = entries.map { entry -> YAMLEntry in
                guard entry.key != "id-token", entry.value == .scalar("write") else { return entry }
                return YAMLEntry(entry.key, .scalar("read"))
            }
            if job.oidc, !read.contains(where: { $0.key == "id-token" }) { read.append(YAMLEntry("id-token", .scalar("write"))) }
            permissions = .mapping(read)
        case .scalar("write-all")?, .scalar("read-all")?:
            permissions = job.oidc ? .mapping([YAMLEntry("contents", .scalar("read")), YAMLEntry("id-token", .scalar("write"))]) : .scalar("read-all")
        default:
            var entries = [YAMLEntry("contents", .scalar("read"))]
            if job.oidc { entries.append(YAMLEntry("id-token", .scalar("write"))) }
            permissions = .mapping(entries)
        }
        try editor.set(["jobs", .key(key), "permissions"], to: permissions)
    }

    private static func headExpression(_ value: String) -> Bool {
        let text = value.lowercased()
        return text.contains("head") || text.contains("pull_request.merge") || text.contains("refs/pull")
    }

    private static func jobKey(_ job: Job, _ editor: YAMLTextEditor) throws(PatchError) -> String {
        guard let key = editor.key(atLine: job.location.line, under: ["jobs"]) else {
            throw PatchError(file: editor.file, message: "cannot find job '\(job.name)' at line \(job.location.line)")
        }
        return key
    }
}
