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

    /// Every entry of the job's own block (an `env:` variable, a `with:` input) whose value
    /// names the secret goes. A reference inside a script or a condition, or in the workflow's
    /// `env:` that every job shares, cannot be cut out for one job: the edit is refused.
    static func dropSecretReferences(to secret: String, of job: Job, at lines: [Int], in editor: inout YAMLTextEditor,
                                     original: YAMLTextEditor) throws(PatchError) {
        let key = try jobKey(job, original)
        let file = editor.file
        let refused = { (line: Int) in PatchError(file: file, message: "line \(line) hands secret '\(secret)' over where a patch cannot remove it") }
        for line in lines {
            guard let path = original.pathOfMapping(withKeyOnLine: line), path.starts(with: ["jobs", .key(key)]) else { throw refused(line) }
        }
        guard let block = original.value(at: ["jobs", .key(key)]) else { throw refused(lines.first ?? 0) }
        var entries: [[YAMLTextEditor.Step]] = []
        func visit(_ value: YAMLValue, _ path: [YAMLTextEditor.Step]) throws(PatchError) {
            switch value {
            case .scalar(let text):
                guard names(text, secret) else { return }
                guard case .key(let name)? = path.last, !["run", "script", "if"].contains(name), !text.contains("\n") else {
                    throw refused(lines.first ?? 0)
                }
                entries.append(path)
            case .sequence(let items):
                for (index, item) in items.enumerated() { try visit(item, path + [.index(index)]) }
            case .mapping(let pairs):
                for pair in pairs { try visit(pair.value, path + [.key(pair.key)]) }
            }
        }
        try visit(block, ["jobs", .key(key)])
        // Deepest and last first, so that the paths still to remove stay valid.
        for path in entries.reversed() {
            try editor.remove(path)
            // An `env:` or `with:` left with nothing goes too.
            let parent = Array(path.dropLast())
            switch editor.value(at: parent) {
            case .mapping(let rest)? where rest.isEmpty: try editor.remove(parent)
            case .scalar(let text)? where ["", "~", "null"].contains(text): try editor.remove(parent)
            default: break
            }
        }
    }

    /// Whether an expression names the secret: `secrets.NAME` (not a longer name) or `secrets['NAME']`.
    static func names(_ text: String, _ secret: String) -> Bool {
        if text.contains("secrets['\(secret)']") || text.contains("secrets[\"\(secret)\"]") { return true }
        var rest = Substring(text)
        while let range = rest.range(of: "secrets.\(secret)") {
            let after = rest[range.upperBound...].first
            if after.map({ !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) ?? true { return true }
            rest = rest[range.upperBound...]
        }
        return false
    }

    /// The job's token may read the repository and nothing else (an OIDC job keeps `id-token: write`).
    static func readOnlyPermissions(of job: Job, in editor: inout YAMLTextEditor, original: YAMLTextEditor) throws(PatchError) {
        let key = try jobKey(job, original)
        var entries = [YAMLEntry("contents", .scalar("read"))]
        if job.oidc { entries.append(YAMLEntry("id-token", .scalar("write"))) }
        try editor.set(["jobs", .key(key), "permissions"], to: .mapping(entries))
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
