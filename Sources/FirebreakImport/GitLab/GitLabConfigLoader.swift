import FirebreakModel
import Foundation
import Yams

/// Reads `.gitlab-ci.yml` and the local files it includes, inside the repository only, and
/// records includes from elsewhere as third-party definitions.
struct GitLabConfigLoader {
    let root: String
    /// How the root is written in locations.
    let display: String
    var config = GitLabConfig()
    var diagnostics: [Diagnostic] = []
    private var visited: Set<String> = []

    /// The import's limits: files read, bytes per file.
    let budget: ReadBudget?
    /// The project's path, where known (`group/app`: the context file's name, or the origin remote's path).
    let projectPath: String?
    /// Without it, the paths the include rules read so far compare `$CI_PROJECT_PATH` with.
    private var comparedProjectPaths: Set<String> = []
    /// The includes whose rules take them only into other projects' pipelines (forks'), left
    /// out, with the paths the project was taken to have.
    private(set) var otherProjectsIncludes: [(location: SourceLocation, projectPaths: [String])] = []

    init(root: String, display: String, budget: ReadBudget? = nil, projectPath: String? = nil) {
        self.root = root
        self.display = display
        self.budget = budget
        self.projectPath = projectPath
    }

    func label(_ path: String) -> String { displayPath(path, under: display) }

    /// Loads a file and, before its own keys, everything it includes.
    mutating func load(_ path: String, depth: Int = 0, from location: SourceLocation? = nil) {
        guard !visited.contains(path) else { return }
        guard depth <= 10 else {
            diagnostics.append(Diagnostic(.error, at: location ?? .implicit(label(path)), "includes nest deeper than 10 levels"))
            return
        }
        visited.insert(path)
        let file = label(path)
        let node: Yams.Node
        do throws(LoadError) {
            // A file may open with a `spec:` document (component inputs) before the configuration.
            // GitLab keeps the later of two entries with the same key; so does the import, with a warning.
            let text = try RepositoryFile.read(path, under: root, label: file, budget: budget)
            config.sourceLines[file] = text.split(separator: "\n", omittingEmptySubsequences: false)
            let (documents, warnings) = try YAMLSource.parseDocumentsKeepingLastDuplicate(
                text, file: file,
                maximumBytes: budget?.limits.fileBytes ?? YAMLSource.maximumBytes)
            diagnostics += warnings
            for document in documents { try RepositoryFile.checkExpansion(document, label: file) }
            guard let last = documents.last, documents.count == 1 || documents.count == 2 && documents[0].value("spec") != nil else {
                throw LoadError([Diagnostic(.error, at: documents.count > 1 ? documents[1].location(file) : .implicit(file),
                                            documents.isEmpty ? "the file is empty" : "a GitLab CI file holds one configuration, after an optional `spec:` document")])
            }
            node = last
        } catch {
            diagnostics += error.diagnostics.isEmpty || location == nil ? error.diagnostics
                : error.diagnostics.map { Diagnostic($0.severity, at: $0.location.line == 0 ? location! : $0.location, $0.message, help: $0.help) }
            return
        }
        guard node.isMapping else {
            diagnostics.append(Diagnostic(.error, at: node.location(file), "a GitLab CI file must be a mapping of jobs and keywords"))
            return
        }
        config.files.append(path)
        if let include = node.value("include") {
            let items = include.isMapping ? [include] : include.scalarText != nil ? [include] : include.items
            // The project paths the rules tell apart, read before any of them decides.
            if projectPath == nil {
                for rules in items.compactMap({ $0.value("rules") }) { comparedProjectPaths.formUnion(GitLabIncludeRules.comparedProjectPaths(rules)) }
            }
            for item in items { self.include(item, file: file, depth: depth) }
        }
        config.add(node, file: file, path: path)
    }

    private mutating func include(_ item: Yams.Node, file: String, depth: Int) {
        let location = item.location(file)
        if let rules = item.value("rules") {
            let paths = projectPath.map { [$0] } ?? comparedProjectPaths
            switch GitLabIncludeRules.verdict(rules, projectPaths: paths) {
            case .kept: break
            case .otherProjectsOnly:
                otherProjectsIncludes.append((location, paths.sorted()))
                return
            case .never: return
            }
        }
        if let text = item.scalarText {
            if text.hasPrefix("http://") || text.hasPrefix("https://") {
                external("remote:\(text)", source: text, ref: FetchedCode.commit(inURL: text), at: location)
            } else {
                local(text, at: location, depth: depth)
            }
            return
        }
        if let path = item.value("local")?.scalarText {
            local(path, at: location, depth: depth)
        } else if let project = item.value("project")?.scalarText {
            let files = item.value("file")?.texts ?? []
            let ref = item.value("ref")?.scalarText
            external("project:\(project)/\(files.joined(separator: ","))@\(ref ?? "HEAD")", source: project, ref: ref, at: location, inputs: item)
        } else if let remote = item.value("remote")?.scalarText {
            external("remote:\(remote)", source: remote, ref: FetchedCode.commit(inURL: remote), at: location, inputs: item)
        } else if let template = item.value("template")?.scalarText {
            external("template:\(template)", source: "gitlab-org/gitlab templates", ref: nil, at: location, template: true)
        } else if let component = item.value("component")?.scalarText {
            let parts = component.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard let source = parts.first, !source.isEmpty else {
                diagnostics.append(Diagnostic(.error, at: location, "include component '\(component)' names no component",
                                              help: "write `component: $CI_SERVER_FQDN/group/project/name@version`"))
                return
            }
            external("component:\(component)", source: source, ref: parts.count > 1 ? parts[1] : nil, at: location, inputs: item)
        } else {
            diagnostics.append(Diagnostic(.error, at: location, "an include needs one of: local, project, remote, template, component"))
        }
    }

    private mutating func external(_ name: String, source: String, ref: String?, at location: SourceLocation, template: Bool = false,
                                   inputs item: Yams.Node? = nil) {
        var include = GitLabConfig.ExternalInclude(name: name, source: source, ref: template ? "(GitLab release)" : ref, location: location)
        for entry in item?.value("inputs")?.gitlabEntries ?? [] {
            if let text = entry.value.scalarText { include.inputs[entry.key] = text }
        }
        config.externalIncludes.append(include)
    }

    /// Loads a repository file named in the configuration (a child pipeline's), confined to
    /// the repository like a local include.
    mutating func loadLocal(_ path: String, at location: SourceLocation) {
        local(path, at: location, depth: 0)
    }

    /// Records one `include:` item of a configuration (a child pipeline's from another project,
    /// a remote URL, a template or a component): an external include, not fetched.
    mutating func loadInclude(_ item: Yams.Node, file: String) {
        include(item, file: file, depth: 0)
    }

    /// A local include: a path inside the repository, possibly with `*` wildcards.
    private mutating func local(_ path: String, at location: SourceLocation, depth: Int) {
        let relative = path.hasPrefix("/") ? String(path.dropFirst()) : path
        let standardized = (relative as NSString).standardizingPath
        guard !standardized.hasPrefix(".."), !standardized.hasPrefix("/"), !relative.split(separator: "/").contains("..") else {
            diagnostics.append(Diagnostic(.error, at: location, "local include '\(path)' climbs out of the repository",
                                          help: "include files inside the repository, or use `project:` for another project"))
            return
        }
        // One file under many spellings (`./x.yml`, `.//x.yml`) is one visit.
        let normalized = relative.split(separator: "/").filter { $0 != "." && !$0.isEmpty }.joined(separator: "/")
        if normalized.contains("*") {
            for match in glob(normalized) { load(match, depth: depth + 1, from: location) }
            return
        }
        guard RepositoryFile.exists(normalized, under: root) else {
            diagnostics.append(Diagnostic(.error, at: location, "local include '\(path)' does not exist in the repository"))
            return
        }
        load(normalized, depth: depth + 1, from: location)
    }

    /// Repository files matching a pattern whose `*` matches within a folder and `**` across folders.
    private func glob(_ pattern: String) -> [String] {
        let folder = pattern.split(separator: "/").prefix { !$0.contains("*") }.joined(separator: "/")
        let base = (root as NSString).appendingPathComponent(folder)
        let glob = PathGlob(pattern)
        let found = (FileManager.default.enumerator(atPath: base)?.compactMap { $0 as? String } ?? [])
            .map { folder.isEmpty ? $0 : "\(folder)/\($0)" }
        return found.filter(glob.matches).sorted()
    }
}
