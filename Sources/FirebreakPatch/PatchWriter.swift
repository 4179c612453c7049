import FirebreakImport
import Foundation
import FirebreakModel
import Yams

/// Writes model changes into the input's own files: the model file for a native model; the
/// workflow files for GitHub Actions and GitLab CI, where the files can say it.
public struct PatchWriter: Sendable {
    public enum Input: Sendable {
        /// A native model file.
        case model(path: String)
        /// A repository folder whose files the model was imported from, and the context file
        /// it was read with, if any.
        case repository(root: String, context: String?)
    }

    public let model: PipelineModel
    public let input: Input
    /// The context file as read, for what it declares.
    private let context: YAMLTextEditor?
    /// Changes already tried on the files, and whether the edit could be made.
    private let tried = Memo<ModelChange, Bool>()

    public init(model: PipelineModel, input: Input) {
        self.model = model
        self.input = input
        if case .repository(_, let path?) = input, let data = FileManager.default.contents(atPath: path),
           let text = String(data: data, encoding: .utf8) {
            context = YAMLTextEditor(text: text, file: InputLoader.contextFileName)
        } else {
            context = nil
        }
    }

    /// Whether a patch of the input's files can make the change: tried once on the files.
    public func canWrite(_ change: ModelChange) -> Bool {
        if case .model = input { return true }
        guard repositoryEdit(for: change) != nil || isSetting(change) else { return false }
        return tried.value(for: change) { (try? patch([change]))?.byHand.isEmpty ?? false }
    }

    /// The patch for the changes; those no file can express are left by hand.
    public func patch(_ changes: [ModelChange]) throws(PatchError) -> Patch {
        var editors: [String: YAMLTextEditor] = [:]
        var originals: [String: String] = [:]
        var byHand: [ModelChange] = []
        func editor(_ path: String) throws(PatchError) -> YAMLTextEditor {
            if let existing = editors[path] { return existing }
            if path == InputLoader.contextFileName, case .repository(_, let context) = input {
                let text = context.flatMap { FileManager.default.contents(atPath: $0) }.flatMap { String(data: $0, encoding: .utf8) }
                originals[path] = text ?? ""
                return YAMLTextEditor(text: text ?? ContextEdits(model: model).newFile(), file: path)
            }
            let full = absolute(path)
            guard let data = FileManager.default.contents(atPath: full), let text = String(data: data, encoding: .utf8) else {
                throw PatchError(file: path, message: "cannot read the file to patch it")
            }
            originals[path] = text
            return YAMLTextEditor(text: text, file: path)
        }
        // Pins edit lines by number, so they go before any edit that adds or removes lines.
        for change in changes.sorted(by: { ($0.kind == .pinStep ? 0 : 1, $0) < ($1.kind == .pinStep ? 0 : 1, $1) }) {
            switch input {
            case .model(let path):
                var edited = try editor(path)
                try NativeEdits(model: model).write(change, into: &edited)
                editors[path] = edited
            case .repository:
                if isSetting(change) {
                    var edited = try editor(InputLoader.contextFileName)
                    try ContextEdits(model: model).write(change, into: &edited)
                    editors[InputLoader.contextFileName] = edited
                    continue
                }
                guard let edit = repositoryEdit(for: change) else { byHand.append(change); continue }
                let file = relative(edit.file)
                var edited = try editor(file)
                try edit.apply(&edited, YAMLTextEditor(text: originals[file] ?? edited.text, file: file))
                editors[file] = edited
            }
        }
        for (path, editor) in editors where (try? Yams.compose(yaml: editor.text)) == nil {
            throw PatchError(file: path, message: "the patched file would not read as YAML; the change is left by hand")
        }
        let files = editors.keys.sorted().compactMap { path -> Patch.File? in
            let patched = editors[path]!.text
            return patched == originals[path] ? nil : Patch.File(path: path, original: originals[path]!, patched: patched)
        }
        return Patch(files: files, byHand: byHand)
    }

    /// The model a repository's files give with the changes written into them: the patch
    /// applied to a scratch copy and imported again, its locations named as in the input. Nil
    /// for a native model (its changes are the model's own) or when the patch cannot be written.
    public func written(_ changes: [ModelChange], limits: InputLimits = .standard) -> PipelineModel? {
        guard case .repository(let root, _) = input, let patch = try? patch(changes), patch.byHand.isEmpty else { return nil }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("firebreak-fix-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        guard (try? apply(patch, into: folder)) != nil else { return nil }
        return try? InputLoader.load(path: folder, display: root, name: model.repository.name, limits: limits).model
    }

    /// Whether the change is a repository setting the patch records in the context file (no
    /// workflow file can say it).
    public func isSetting(_ change: ModelChange) -> Bool {
        guard case .repository = input else { return false }
        return repositoryEdit(for: change) == nil && ContextEdits.canWrite(change, declaredIn: context)
    }

    /// Writes the patched input into `folder`: a native model as `folder/NAME.yml`; for a
    /// repository every file an importer reads (the rest copied unchanged, so that the folder
    /// imports as the fixed repository; a context file read from elsewhere is copied in as the
    /// repository's own).
    public func apply(_ patch: Patch, into folder: String) throws(PatchError) {
        let manager = FileManager.default
        var patched: [String: String] = [:]
        var files: [String] = []
        switch input {
        case .model(let path):
            // The patch names the model as given; the copy takes its file name.
            let name = (path as NSString).lastPathComponent
            guard let text = patch.files.first?.patched ?? manager.contents(atPath: path).flatMap({ String(data: $0, encoding: .utf8) }) else {
                throw PatchError(file: path, message: "cannot read the model to copy it")
            }
            patched[name] = text
        case .repository(let root, let context):
            patched = Dictionary(uniqueKeysWithValues: patch.files.map { ($0.path, $0.patched) })
            files = ImporterCatalogue.inputFiles(root: root)
            if let context, patched[InputLoader.contextFileName] == nil,
               context != (root as NSString).appendingPathComponent(InputLoader.contextFileName),
               let text = manager.contents(atPath: context).flatMap({ String(data: $0, encoding: .utf8) }) {
                patched[InputLoader.contextFileName] = text
            }
        }
        do {
            for file in Set(files).union(patched.keys).sorted() {
                let target = (folder as NSString).appendingPathComponent(file)
                try manager.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                if let text = patched[file] {
                    // (a new context file has no original to copy)
                    try Data(text.utf8).write(to: URL(fileURLWithPath: target), options: .atomic)
                } else {
                    if manager.fileExists(atPath: target) { try manager.removeItem(atPath: target) }
                    try manager.copyItem(atPath: absolute(file), toPath: target)
                }
            }
        } catch {
            throw PatchError(file: folder, message: "cannot write the patched copy: \(error.localizedDescription)")
        }
    }

    private func absolute(_ path: String) -> String {
        switch input {
        case .model: return path
        case .repository(let root, _): return (root as NSString).appendingPathComponent(path)
        }
    }

    /// A location's file relative to the repository root (locations may carry the root as typed).
    private func relative(_ file: String) -> String {
        guard case .repository(let root, _) = input else { return file }
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return file.hasPrefix(prefix) ? String(file.dropFirst(prefix.count)) : file
    }

    private func repositoryEdit(for change: ModelChange) -> RepositoryEdit? {
        RepositoryEdit.make(for: change, model: model)
    }
}
