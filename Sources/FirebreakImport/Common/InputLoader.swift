import FirebreakModel
import Foundation
import Yams

/// Loads whatever the user points at: a native model file, a single GitHub Actions workflow,
/// or a repository folder (its workflows, CODEOWNERS and `firebreak.context.yml`).
public enum InputLoader {
    /// The context file's name in a repository's root.
    public static let contextFileName = "firebreak.context.yml"

    /// Loads `path`; `context` overrides the repository's own context file. Files that cannot be
    /// read are reported in the result and the rest are still analysed; a broken model or
    /// context file, or a folder with no pipeline at all, throws.
    /// `display` names the folder in locations when it is not the path itself (a revision exported
    /// to a temporary folder reads as `REV:`).
    /// `name` names the repository when no context file does (default: its `origin` remote's
    /// `owner/name`, else `this-repository`; never the folder's name).
    /// `limits` bounds what the import reads (bytes per file, files, jobs).
    public static func load(path: String, context: String? = nil, display: String? = nil, name: String? = nil,
                            limits: InputLimits = .standard) throws(LoadError) -> ImportResult {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw LoadError([Diagnostic(.error, at: .implicit(path), "no such file or folder",
                                        help: "pass a Firebreak model, a workflow file, or a repository folder")])
        }
        if isDirectory.boolValue { return try loadRepository(root: path, context: context, display: display, name: name, limits: limits) }
        let root = try YAMLSource.load(path: path, maximumBytes: limits.fileBytes)
        if root.value("firebreak") != nil {
            if context != nil {
                throw LoadError([Diagnostic(.error, at: .implicit(path), "a Firebreak model says everything itself; --context applies to workflows and repositories")])
            }
            return ImportResult(model: try ModelLoader().load(root, file: path), diagnostics: [])
        }
        for importer in ImporterCatalogue.all {
            guard let (repository, file) = importer.claim(file: path, document: root) else { continue }
            return try loadRepository(root: repository, context: context, selection: (importer.id, file), display: display, name: name,
                                      limits: limits)
        }
        throw LoadError([Diagnostic(.error, at: root.location(path), "not a Firebreak model (no `firebreak:`), a GitHub Actions workflow (no `on:` and `jobs:`) nor a .gitlab-ci.yml",
                                    help: "pass a model, a workflow file, or the repository folder")])
    }

    /// Imports a repository: every importer's pipeline files, or only `selection` (one file of
    /// one importer) when the user named a file.
    static func loadRepository(root: String, context: String?, selection: (importer: String, file: String)? = nil,
                               display: String?, name: String?, limits: InputLimits = .standard) throws(LoadError) -> ImportResult {
        let folderName = URL(fileURLWithPath: root).standardizedFileURL.lastPathComponent
        // The repository's identity must not depend on the folder it is cloned into.
        let identity = name ?? RepositoryIdentity.remoteName(root: root) ?? RepositoryIdentity.unnamed
        let ownContext = displayPath(contextFileName, under: display ?? root)
        let contextPath = context ?? {
            let candidate = (root as NSString).appendingPathComponent(contextFileName)
            return FileManager.default.fileExists(atPath: candidate) ? candidate : nil
        }()
        let contextModel = try contextPath.map { path throws(LoadError) in
            try ModelLoader().loadContext(path: path, repository: identity, label: context == nil ? ownContext : nil)
        }
        // Each importer with files here, and what it imports (nil: the whole repository's).
        let plan: [(importer: any PipelineImporter, files: [String]?)] = ImporterCatalogue.all.compactMap { importer in
            if let selection { return selection.importer == importer.id ? (importer, [selection.file]) : nil }
            return importer.pipelineFiles(in: root).isEmpty ? nil : (importer, nil)
        }
        // Without a context file, the default branch is the one the pipeline files point to.
        let defaultBranch = contextModel != nil ? DefaultBranchGuess.fallback : DefaultBranchGuess.guess(from: plan.flatMap { step in
            (step.files ?? step.importer.pipelineFiles(in: root)).compactMap { file in try? RepositoryFile.read(file, under: root, label: file) }
        })
        var base = contextModel ?? defaultBase(name: identity, contextFile: ownContext, platform: plan.first?.importer.platform ?? .github,
                                               defaultBranch: defaultBranch)
        if var context = contextModel, context.actors.isEmpty {
            addDefaultPeople(to: &context, at: .implicit(context.file))
            base = context
        }
        // A context file that names no model leaves the repository's folder as its name.
        if contextModel == nil || contextModel?.name == (contextFileName as NSString).deletingPathExtension { base.name = folderName }
        base.file = display ?? root
        guard let first = plan.first else {
            throw LoadError([Diagnostic(.error, at: .implicit(root), "no pipeline found: no .github/workflows/*.yml and no .gitlab-ci.yml",
                                        help: "point at a repository with a pipeline, a pipeline file, or a Firebreak model")])
        }
        base.platform = first.importer.platform
        var builder = ModelBuilder(root: root, display: display ?? root, model: base, limits: limits)
        for step in plan { step.importer.importFiles(step.files, into: &builder, context: contextModel) }
        builder.markCrownJewels(context: contextModel)
        builder.assumeOpenTrustedPublishers()
        builder.resolveNeeds()
        var result = ImportResult(model: builder.model, diagnostics: builder.log.all)
        let (finished, problems) = ModelLoader.finish(result.model)
        if problems.contains(where: { $0.severity == .error }) {
            throw LoadError(result.diagnostics + problems)
        }
        result.model = finished
        result.diagnostics += problems
        return result
    }

    /// The people assumed to have access when no context file names them.
    public static let defaultContributor = "a-contributor"
    public static let defaultMaintainer = "a-maintainer"

    /// The repository as assumed when no context file describes it.
    /// `contextFile` is where a context file would go, as locations name it; `platform` says
    /// whose default for fork requests holds.
    static func defaultBase(name: String, contextFile: String, platform: Platform, defaultBranch: String = DefaultBranchGuess.fallback) -> PipelineModel {
        let location = SourceLocation.implicit(contextFile)
        // GitHub's default for public repositories: a first-time contributor's fork pull request
        // waits for a maintainer's approval before its workflows run.
        let repository = Repository(name: name, visibility: .public, defaultBranch: defaultBranch, forkApproval: .firstTime,
                                    forkPullRequestsGetSecrets: false, location: location)
        var model = PipelineModel(name: name, platform: .github, repository: repository, file: contextFile)
        let settle = "write \(contextFileName) in the repository root (or pass --context) with a `repository:` section"
        let named = defaultBranch == DefaultBranchGuess.fallback ? "" : " (the branch its pipeline files name, never 'main')"
        model.assumptions = [
            Assumption(subject: repository.id, statement: platform == .gitlab
                ? "no context file: the project is public and its default branch is '\(defaultBranch)'\(named); a merge request from a fork runs its pipeline in the fork project (GitLab's default)"
                : "no context file: the repository is public, its default branch is '\(defaultBranch)'\(named), and GitHub's default holds: a first-time contributor's pull request runs only after approval, anyone else's at once",
                       settle: settle, location: location),
        ]
        addDefaultPeople(to: &model, at: location)
        return model
    }

    /// People with access, so that the insider scenarios have someone to start from: added when
    /// there is no context file, or one that declares no actors (it settles other things, and
    /// a repository nobody can push to is not what it says).
    static func addDefaultPeople(to model: inout PipelineModel, at location: SourceLocation) {
        model.actors[defaultContributor] = Actor(name: defaultContributor, role: .contributor, location: location)
        model.actors[defaultMaintainer] = Actor(name: defaultMaintainer, role: .maintainer, location: location)
        model.assumptions.append(Assumption(subject: NodeID(.actor, defaultContributor),
                                            statement: "someone has write access: they push branches and open pull requests from the repository itself",
                                            settle: "declare the people with access under `actors:` in \(contextFileName)", location: location))
        model.assumptions.append(Assumption(subject: NodeID(.actor, defaultMaintainer),
                                            statement: "someone maintains the repository: they merge, label, approve and start workflows by hand",
                                            settle: "declare the people with access under `actors:` in \(contextFileName)", location: location))
    }
}
