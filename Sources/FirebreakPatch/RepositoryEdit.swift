import FirebreakImport
import FirebreakModel

/// A change written into a repository's workflow files: what the files themselves can say.
struct RepositoryEdit {
    var file: String
    /// Edits the file as edited so far; line numbers are looked up in the original, which the
    /// second argument holds (earlier edits may have moved lines).
    var apply: (inout YAMLTextEditor, YAMLTextEditor) throws(PatchError) -> Void

    static func make(for change: ModelChange, model: PipelineModel) -> RepositoryEdit? {
        switch change.kind {
        case .pinStep:
            // A reference built from an expression (`image: x:${{ matrix.v }}`) has one digest per value: by hand.
            // A tool a script installs by name gets its exact version in the script: by hand.
            guard let step = model.jobs.values.lazy.flatMap(\.steps).first(where: { $0.name == change.subject.name }),
                  !step.location.file.isEmpty, !step.uses.contains("${{"), step.kind != .package else { return nil }
            return RepositoryEdit(file: step.location.file) { (editor: inout YAMLTextEditor, original: YAMLTextEditor) throws(PatchError) in
                try pin(step.uses, kind: step.kind.rawValue, at: step.location.line, in: &editor)
            }
        case .pinDefinition:
            guard let definition = model.definitions[change.subject.name], case .external(let repository, let ref?, _) = definition.source,
                  !definition.location.file.isEmpty else { return nil }
            return RepositoryEdit(file: definition.location.file) { (editor: inout YAMLTextEditor, original: YAMLTextEditor) throws(PatchError) in
                try pin("\(repository)@\(ref)", kind: "template", at: definition.location.line, in: &editor)
            }
        case .dropUntrustedInput:
            guard let job = model.jobs[change.subject.name], model.platform(of: job) == .github, job.untrustedInput == .checkout
            else { return nil }
            return RepositoryEdit(file: job.location.file) { (editor: inout YAMLTextEditor, original: YAMLTextEditor) throws(PatchError) in
                try GitHubWorkflowEdit.dropHeadCheckout(of: job, in: &editor, original: original)
            }
        case .readOnlyToken:
            guard let job = model.jobs[change.subject.name], model.platform(of: job) == .github else { return nil }
            return RepositoryEdit(file: job.location.file) { (editor: inout YAMLTextEditor, original: YAMLTextEditor) throws(PatchError) in
                try GitHubWorkflowEdit.readOnlyPermissions(of: job, in: &editor, original: original)
            }
        default:
            return nil
        }
    }

    /// Pins what line `line` uses: a GitLab project include's `ref:`, else the version written on the line.
    private static func pin(_ uses: String, kind: String, at line: Int, in editor: inout YAMLTextEditor) throws(PatchError) {
        if let path = editor.pathOfMapping(withKeyOnLine: line), editor.value(at: path + ["project"]) != nil,
           case .scalar(let ref)? = editor.value(at: path + ["ref"]) {
            guard ref != PinPlaceholder.commit else { return }
            try editor.set(path + ["ref"], to: .scalar(PinPlaceholder.commit))
            try editor.commentLine(containing: "ref: \(PinPlaceholder.commit)", after: line, PinPlaceholder.comment(replacing: ref))
            return
        }
        // The reference may sit on a later line of the same mapping (`- name: ...` then `uses:`).
        // (A step reached twice, directly and through a reusable workflow, is pinned once.)
        let pinned = { (text: String) in text.contains(PinPlaceholder.commit) || text.contains(PinPlaceholder.digest) }
        let holds = { (text: String) in pinned(text) || PinPlaceholder.pin(line: text, uses: uses, kind: kind) != nil }
        var target = line
        let lines = editor.text.components(separatedBy: "\n")
        if line <= lines.count, !holds(lines[line - 1]), let path = editor.pathOfMapping(withKeyOnLine: line) {
            for key in ["uses", "image", "component", "name"] {
                if let found = editor.keyLine(at: path + [.key(key)]), holds(lines[found - 1]) {
                    target = found
                    break
                }
            }
        }
        try editor.replaceLine(target) { text in pinned(text) ? text : PinPlaceholder.pin(line: text, uses: uses, kind: kind) }
    }
}
