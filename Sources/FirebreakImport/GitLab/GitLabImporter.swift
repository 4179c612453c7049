import FirebreakModel
import Foundation
import Yams

/// GitLab CI: the repository's `.gitlab-ci.yml` with its local includes.
struct GitLabCIImporter: PipelineImporter {
    let id = "gitlab-ci"
    let platform = Platform.gitlab
    let summary = "GitLab CI: .gitlab-ci.yml, its local includes and child pipelines"

    static let fileName = ".gitlab-ci.yml"

    func pipelineFiles(in root: String) -> [String] {
        RepositoryFile.exists(Self.fileName, under: root) ? [Self.fileName] : []
    }

    func claim(file path: String, document: Yams.Node) -> (root: String, file: String)? {
        guard (path as NSString).lastPathComponent == Self.fileName else { return nil }
        let folder = (path as NSString).deletingLastPathComponent
        return (folder.isEmpty ? "." : folder, Self.fileName)
    }

    /// Local includes and child pipelines can be any YAML file of the repository; CODEOWNERS.
    func mayRead(_ path: String) -> Bool {
        path.hasSuffix(".yml") || path.hasSuffix(".yaml") || CodeOwners.locations.contains(path)
    }

    func importFiles(_ files: [String]?, into builder: inout ModelBuilder, context: PipelineModel?) {
        let named = builder.model.repository.name
        var loader = GitLabConfigLoader(root: builder.root, display: builder.display, budget: builder.budget,
                                        projectPath: named.contains("/") ? named : nil)
        loader.load(Self.fileName)
        builder.log.add(contentsOf: loader.diagnostics)
        // Said only where the paths were read from the rules: the context file's name, or the
        // origin remote's path, is no assumption.
        for leftOut in loader.otherProjectsIncludes where loader.projectPath == nil {
            let paths = leftOut.projectPaths.joined(separator: ", ")
            builder.assume(builder.model.repository.id,
                           "the project's path is one its include rules compare $CI_PROJECT_PATH with (\(paths)): this include's rules take it only into other projects' pipelines (forks', which run with the fork's own variables and runners), so it is left out",
                           settle: "give the project's path as `name:` under `repository:` in \(InputLoader.contextFileName)", at: leftOut.location)
        }
        guard !loader.config.files.isEmpty else { return }
        var gitlab = GitLabBuilder(config: loader.config, builder: builder, context: context)
        gitlab.build()
        builder = gitlab.builder
    }
}

/// Turns a merged GitLab configuration into model nodes.
struct GitLabBuilder {
    let config: GitLabConfig
    var builder: ModelBuilder
    var resolved: [String: SourcedMapping] = [:]
    /// Jobs with their `extends` chains merged in, before the defaults.
    var expandedJobs: [String: SourcedMapping] = [:]
    var resolving: Set<String> = []
    /// What the names of this builder's jobs start with: empty in the project's pipeline,
    /// `TRIGGER/` in the child pipeline job TRIGGER starts.
    var prefix = ""
    /// In a child pipeline: the pipelines the job that starts it runs in, and how deep it nests.
    var parentRuns: GitLabRuns?
    /// In a child pipeline: the variables its parent defines and passes down.
    var inheritedVariables: Set<String> = []
    /// In a child pipeline: the variables the job that starts it passes down with a value the
    /// file writes, by which its rules are read (`forwardedVariables(of:)`).
    var forwardedVariables: [String: GitLabPipelines.Value] = [:]
    var depth = 0
    /// Child pipelines imported so far in this import (their files and where they run): the
    /// same child started by many jobs is imported once, under the first job's name.
    var importedChildren: Set<String> = []
    /// CI/CD variables that are a registry's upload token: variable -> registry, publishing job,
    /// the upload tool's variable it is handed in (else it is known by its name), where.
    var registryVariables: [String: (registry: String, job: String, variable: String?, location: SourceLocation)] = [:]
    /// CI/CD variables a job's script puts into the address it pushes the project to, with where.
    var pushTokenVariables: [String: SourceLocation] = [:]
    /// For each AWS key variable the jobs use, what it opens in every job that uses it: another
    /// provider's S3-compatible storage only where each of them points the tools elsewhere.
    var awsKeyClouds: [String: Set<String>] = [:]
    /// The project's own container registry, once a job names it.
    var projectRegistry: GitLabProjectRegistry?
    /// The paths under which the project's own registry keeps images: the project's paths
    /// (`group/app`, as its rules compare `$CI_PROJECT_PATH` with them, or the repository's name),
    /// and the image repositories its jobs push with the job's own credentials (`group/app/ci`).
    var projectPaths: Set<String> = []
    /// The variables each script text references and assigns, scanned once: jobs that extend the
    /// same templates share their scripts.
    var scannedTexts: [String: (referenced: Set<String>, assigned: Set<String>)] = [:]
    /// Per job (by its name in the model), the variables its scripts and its own variables name
    /// that the file does not define, each where first named: the project's CI/CD variables it
    /// uses, which become the job's `secrets` once declared (it receives the others too).
    var namedVariables: [String: [Reference]] = [:]
    /// The pipelines each job of this pipeline file with `rules:` runs in, by its name in the file.
    var jobRuns: [String: GitLabRuns] = [:]

    /// GitLab lets a child pipeline start children of its own, two levels down at most.
    static let maximumChildDepth = 2

    /// The context file's model, whose ratings the evidence does not override.
    let context: PipelineModel?

    init(config: GitLabConfig, builder: ModelBuilder, context: PipelineModel?) {
        self.config = config
        self.builder = builder
        self.context = context
    }

    var model: PipelineModel {
        get { builder.model }
        _modify { yield &builder.model }
    }

    mutating func build() {
        for file in config.files {
            builder.declareLocalDefinition(file, at: SourceLocation(file: builder.file(file), line: 1, column: 1))
        }
        let stages = config.top["stages"]?.node.texts ?? ["build", "test", "deploy"]
        let workflow = config.top["workflow"]?.node.value("rules").map { GitLabRuns.rules(items: $0.items, child: parentRuns != nil, project: forwardedVariables) }
        let visible = config.jobOrder.filter { !$0.hasPrefix(".") }
        let limit = builder.budget.limits.jobs
        guard model.jobs.count + visible.count <= limit else {
            builder.log.add(Diagnostic(.error, at: config.jobLocations[visible[0]] ?? .implicit(builder.file(GitLabCIImporter.fileName)),
                                       "the pipeline has \(visible.count) jobs, more than the \(limit) Firebreak imports in one run; not imported",
                                       help: "raise the limit with --max-jobs"))
            return
        }
        var jobs: [(name: String, mapping: SourcedMapping, stage: Int)] = []
        var downstream: [(name: String, trigger: Sourced, runs: GitLabRuns)] = []
        for name in visible {
            let mapping = resolve(name)
            let runs = runs(of: mapping, workflow: workflow)
            if runs.isEmpty { continue }
            // Only `rules:` say of each kind of pipeline whether the job is in it (`only:` names
            // refs, whatever started their pipeline).
            if mapping["rules"] != nil { jobRuns[name] = runs }
            if let trigger = mapping["trigger"], mapping["script"] == nil {
                downstream.append((name, trigger, runs))
                continue
            }
            let stage = mapping["stage"]?.node.scalarText ?? "test"
            jobs.append((name, mapping, stages.firstIndex(of: stage) ?? (stage == ".pre" ? -1 : stage == ".post" ? stages.count : 1)))
        }
        let templates = config.jobOrder.filter { $0.hasPrefix(".") }.compactMap { config.jobs[$0] }
        projectPaths.formUnion(ownProjectPaths(jobs.map(\.mapping) + templates, workflow: config.top["workflow"]))
        projectPaths.formUnion(pushedImagePaths(jobs.map(\.mapping)))
        let producers = jobs.filter { $0.mapping["artifacts"] != nil }
        let fileVariables = definedVariables()
        var referenced: [String: SourceLocation] = [:]
        for job in jobs {
            importJob(job.name, job.mapping, stage: job.stage, producers: producers, all: jobs, workflow: workflow,
                      fileVariables: fileVariables, referenced: &referenced)
        }
        importExternalIncludes(triggers: Array(Set(model.jobs.values.flatMap(\.triggers).map(\.name))).sorted(),
                               mergingInto: jobs.map { prefix + $0.name }.filter { model.jobs[$0] != nil })
        for (name, location) in variablesNamedOutsideScripts(triggerJobs: downstream.map(\.name), jobs: jobs.map(\.name) + downstream.map(\.name),
                                                             defined: fileVariables) where referenced[name] == nil {
            referenced[name] = location
        }
        // What an AWS key opens is read from every job that may use it: here, with no child pipeline's.
        declareVariables(referenced, allJobsRead: depth == 0 && downstream.isEmpty)
        for job in jobs.map({ prefix + $0.name }) where model.jobs[job] != nil {
            model.jobs[job]!.secrets = (namedVariables[job] ?? []).filter { model.secrets[$0.name] != nil }
        }
        for job in downstream { importDownstream(job.name, job.trigger, runs: job.runs) }
        // Declared by the project's own pipeline, after its children, with what they all found.
        if depth == 0 {
            declareProjectRegistry()
            assumeCachesSharedAcrossRunners()
        }
        assumeForkMergeRequestsInTheirForks(jobs.map(\.mapping))
    }

    /// A pipeline that reads the merge request's source project (`CI_MERGE_REQUEST_SOURCE_PROJECT_URL`)
    /// is written for merge requests from forks, whose pipelines a maintainer may run in this
    /// project (GitLab Docs, "Run pipelines in the parent project for merge requests from a
    /// forked project"): there the fork's code runs with this project's unprotected variables
    /// and runners. GitLab's default is the fork project; the import keeps it, and says so.
    mutating func assumeForkMergeRequestsInTheirForks(_ jobs: [SourcedMapping]) {
        let marker = "CI_MERGE_REQUEST_SOURCE_PROJECT_"
        // Once, from the project's pipeline or the first child pipeline that reads it.
        guard !model.repository.forkPullRequestsGetSecrets,
              !model.assumptions.contains(where: { $0.subject == model.repository.id && $0.statement.contains("(\(marker)…)") }) else { return }
        for job in jobs {
            let texts = ["before_script", "script", "after_script"].flatMap { lines(job[$0]) }
                + (job["rules"].map { rules in rules.node.items.compactMap { $0.value("if")?.scalarText }.map { ($0, rules.location) } } ?? [])
            guard let use = texts.first(where: { $0.text.contains(marker) }) else { continue }
            let place = builder.assume(model.repository.id, "the pipeline reads the merge request's source project (\(marker)…): it is written for merge requests from forks, whose pipelines a maintainer may run in this project, where the fork's code gets its runners and unprotected variables; taken to run in the fork, GitLab's default",
                           settle: "set `forkPullRequests: {secrets: true}` under `repository:` in \(InputLoader.contextFileName) if maintainers run fork merge requests' pipelines here", at: use.location)
            // Said where the outsider's scenario starts, which it explains.
            let outsiders = model.actors.values.filter { $0.role == .external }.map(\.id).sorted()
            for outsider in outsiders.isEmpty ? [NodeID(.actor, Actor.implicitOutsider)] : outsiders { builder.extend(assumptionAt: place, to: outsider) }
            return
        }
    }

    /// Variables the configuration gives a value itself: at the top, in `default:`, in any
    /// job's (or template's) `variables:` and `parallel: matrix:`, in the `variables:` of a
    /// `workflow:` rule or a job's rule, and in a child pipeline what its parent passes down
    /// (the parent's top-level variables and the trigger job's own, GitLab's default). A job
    /// that uses one of them without defining it sees an empty value, not a CI/CD setting.
    /// So is a switch: a name that does not read like a credential and that a rule compares with
    /// a value (`$PIPELINE_TYPE == "EE"`), which pipelines are started with; a bare `$X`, which
    /// tests only that it is set, says nothing of what it holds. So are the names a job writes
    /// into its `artifacts: reports: dotenv:` file (`echo "BUILD_ID=$CI_JOB_ID" >> build.env`),
    /// which the jobs after it receive (GitLab Docs, *Pass an environment variable to another job*).
    mutating func definedVariables() -> Set<String> {
        var names = inheritedVariables.union(topLevelVariables())
        var rules = config.top["workflow"]?.node.value("rules")?.items ?? []
        for job in config.jobs.values {
            names.formUnion(dotenvVariables(of: job))
            names.formUnion(job["variables"]?.node.gitlabEntries.map(\.key) ?? [])
            names.formUnion((job["parallel"]?.node.value("matrix")?.items ?? []).flatMap { $0.entries.map(\.key) })
            rules += job["rules"]?.node.items ?? []
        }
        for rule in rules {
            names.formUnion(rule.value("variables")?.gitlabEntries.map(\.key) ?? [])
            if let condition = rule.value("if")?.scalarText.flatMap(GitLabExpression.parse) {
                names.formUnion(condition.comparedVariables.filter { !GitLabVariables.looksLikeCredential($0) })
            }
        }
        return names
    }

    /// The names a job's script writes into the file its `artifacts: reports: dotenv:` names: a
    /// line (of a block too) that echoes or prints `NAME=...` and sends it there (`>`, `>>`, `tee`).
    mutating func dotenvVariables(of job: SourcedMapping) -> Set<String> {
        guard let report = job["artifacts"]?.node.value("reports")?.value("dotenv") else { return [] }
        let files = Set((report.scalarText.map { [$0] } ?? report.texts).map { ($0 as NSString).lastPathComponent }.filter { !$0.isEmpty })
        guard !files.isEmpty else { return [] }
        var names = Set<String>()
        for entry in ["before_script", "script", "after_script"].flatMap({ lines(job[$0]) }) {
            for line in entry.text.split(separator: "\n") where Self.writes(line, intoOneOf: files) {
                names.formUnion(Patterns.captures(Self.dotenvAssignment, in: String(line)))
            }
        }
        return names
    }

    /// `echo "NAME=..."` or `printf 'NAME=%s' ...`, as a line writing a dotenv file spells it.
    static let dotenvAssignment = Patterns.regex(#"^\s*(?:echo|printf)\s+(?:-[A-Za-z]+\s+)*["']?([A-Z][A-Z0-9_]*)="#)

    /// Whether a line sends its output into a file of `files` (by its name, whatever folder):
    /// the word after its last `>` or `tee`.
    static func writes(_ line: Substring, intoOneOf files: Set<String>) -> Bool {
        guard let redirect = [line.range(of: ">", options: .backwards), line.range(of: "tee ", options: .backwards)]
            .compactMap({ $0 }).max(by: { $0.lowerBound < $1.lowerBound }) else { return false }
        var target = line[redirect.upperBound...].drop { $0 == ">" || $0 == " " }
        // `tee -a FILE`: its options come before the file.
        while target.hasPrefix("-") { target = target.drop { $0 != " " }.drop { $0 == " " } }
        let word = target.prefix { $0 != " " && $0 != ";" && $0 != "&" && $0 != "|" }.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        return files.contains((word as NSString).lastPathComponent)
    }

    /// The variables the top of the configuration defines (`variables:` and `default: variables:`):
    /// those every job, and a child pipeline, receives.
    func topLevelVariables() -> Set<String> {
        Set((config.top["variables"]?.node.gitlabEntries.map(\.key) ?? []) + (config.top["default"]?.node.value("variables")?.gitlabEntries.map(\.key) ?? []))
    }

    /// The pipelines a job runs in: its `rules`, or `only` less `except`, else branches and tags (and merge
    /// requests when the workflow makes such pipelines), within what the workflow allows.
    mutating func runs(of job: SourcedMapping, workflow: GitLabRuns?) -> GitLabRuns {
        var runs: GitLabRuns
        if let rules = job["rules"] { runs = GitLabRuns.rules(items: ruleItems(rules), child: parentRuns != nil, project: forwardedVariables) }
        else if let only = job["only"] { runs = GitLabRuns.only(only.node) }
        else { runs = GitLabRuns(branches: ["*"], tags: true, mergeRequests: workflow?.mergeRequests ?? parentRuns?.mergeRequests ?? false,
                                 schedules: true, manual: true) }
        // `except:` takes away from `only:`, or from its default (GitLab rejects it beside `rules:`).
        if job["rules"] == nil, let except = job["except"] { runs = runs.excluding(except.node) }
        if job["when"]?.node.scalarText == "manual" { runs.byHand = true }
        if let workflow { runs = runs.restricted(to: workflow) }
        // A child pipeline runs only where the job that starts it runs, and only once a member
        // starts it when that job waits for one.
        if let parentRuns {
            runs = runs.restricted(to: parentRuns)
            if parentRuns.byHand { runs.byHand = true }
        }
        return runs
    }

    /// A `rules:` list as GitLab reads it: `!reference`d lists and aliased lists spliced in,
    /// in order (at most 10 levels deep, GitLab's own limit, and at most `spliceLimit` rules:
    /// references that each name several others grow without bound).
    /// A reference to rules Firebreak cannot see (in a project it does not fetch) stands for a
    /// rule that always matches: GitLab reads the rules it names, which may run the job anywhere.
    mutating func ruleItems(_ rules: Sourced) -> [Yams.Node] {
        var budget = Self.spliceLimit
        return spliced(rules, depth: 0, budget: &budget, unresolved: .mapping(.init([]))).map(\.node)
    }

    /// The most items a spliced `rules:` or `cache:` list visits.
    static let spliceLimit = 1_000

    /// The mappings of a list whose items may be `!reference`s or lists, in order, within
    /// `budget`; a reference that names nothing defined gives `unresolved`, when given.
    mutating func spliced(_ list: Sourced, depth: Int, budget: inout Int, unresolved: Yams.Node? = nil) -> [Sourced] {
        // `rules: !reference [.x, rules]`: the whole list is another key's.
        // Every item visited counts, kept or not, so that no shape of references runs long.
        guard depth < 10, budget > 0 else { return [] }
        budget -= 1
        guard let list = dereferenced(list) else { return unresolved.map { [Sourced(node: $0, file: list.file)] } ?? [] }
        if list.node.isMapping { return [list] }
        var result: [Sourced] = []
        for item in list.node.items {
            guard budget > 0 else { break }
            result += spliced(Sourced(node: item, file: list.file), depth: depth + 1, budget: &budget, unresolved: unresolved)
        }
        return result
    }

    // MARK: extends, default, !reference

    /// A job with its `extends` chain merged in, then the `default:` keywords it does not set.
    mutating func resolve(_ name: String) -> SourcedMapping {
        if let done = resolved[name] { return done }
        var job = expanded(name)
        if !name.hasPrefix(".") { job = withDefaults(job) }
        resolved[name] = job
        return job
    }

    /// A job with its `extends` chain merged in: hashes key by key, anything else replaced.
    private mutating func expanded(_ name: String) -> SourcedMapping {
        if let done = expandedJobs[name] { return done }
        guard let own = config.jobs[name], !resolving.contains(name) else {
            if resolving.contains(name), let location = config.jobLocations[name] {
                builder.log.add(Diagnostic(.error, at: location, "job '\(name)' extends itself through a cycle"))
            }
            return config.jobs[name] ?? SourcedMapping()
        }
        resolving.insert(name)
        var merged = SourcedMapping()
        if let extends = own["extends"] {
            for parent in extends.node.texts {
                if config.jobs[parent] == nil {
                    // With includes from elsewhere, the parent is probably theirs: only a warning.
                    let severity: Diagnostic.Severity = config.externalIncludes.isEmpty ? .error : .warning
                    builder.log.add(Diagnostic(severity, at: extends.location, "job '\(name)' extends '\(parent)', which is not defined here",
                                                        help: config.externalIncludes.isEmpty ? "define '\(parent)' or include the file that does"
                                                            : "it may come from an include Firebreak cannot read; its keys are left out"))
                    continue
                }
                merged = merged.merging(expanded(parent))
            }
        }
        merged = merged.merging(own)
        merged["extends"] = nil
        resolving.remove(name)
        expandedJobs[name] = merged
        return merged
    }

    /// The keywords a job takes from `default:` (or, for the older spelling, from the top level):
    /// each one the job does not set itself, whole; a job's own value is not merged with the
    /// default (GitLab Docs, `default`). `inherit: default: false` takes none, and a list only those named.
    private func withDefaults(_ job: SourcedMapping) -> SourcedMapping {
        var defaults = config.top["default"].map { SourcedMapping($0.node, file: $0.file) } ?? SourcedMapping()
        for key in ["image", "services", "cache", "before_script", "after_script"] where defaults[key] == nil {
            if let legacy = config.top[key] { defaults[key] = legacy }
        }
        let inherit = job["inherit"]?.node.value("default")
        let accepted: (String) -> Bool = { key in
            guard let inherit else { return true }
            if let flag = inherit.scalarText { return flag != "false" }
            return inherit.texts.contains(key)
        }
        var result = job
        for key in defaults.keys where result[key] == nil && accepted(key) { result[key] = defaults[key] }
        return result
    }

    /// The value a `!reference` names, followed through chains of them (the value itself when
    /// it is none); nil when it names nothing defined, which is warned of at the tag.
    mutating func dereferenced(_ value: Sourced?, depth: Int = 0) -> Sourced? {
        guard let value, let path = value.node.referencePath else { return value }
        guard depth < 6, let first = path.first else { return nil }
        // One name: a hidden key's whole value (a list of tags, a cache).
        var node = path.count == 1 ? config.hiddenValues[first] : resolve(first)[path[1]]
        for key in path.dropFirst(2) { node = node.flatMap { current in current.node.value(key).map { Sourced(node: $0, file: current.file) } } }
        if node == nil {
            builder.log.add(Diagnostic(.warning, at: value.location, "!reference [\(path.joined(separator: ", "))] names nothing defined"))
        }
        return dereferenced(node, depth: depth + 1)
    }

    /// The text lines of a script key, following `!reference` tags and nested lists, at most
    /// `lineLimit` of them (aliases can make a short file list a great many lines).
    mutating func lines(_ value: Sourced?, depth: Int = 0) -> [(text: String, location: SourceLocation)] {
        var budget = Self.lineLimit
        return lines(value, depth: depth, budget: &budget)
    }

    static let lineLimit = 20_000

    private mutating func lines(_ value: Sourced?, depth: Int, budget: inout Int) -> [(text: String, location: SourceLocation)] {
        guard let value, depth < 6, budget > 0 else { return [] }
        budget -= 1
        if value.node.referencePath != nil { return lines(dereferenced(value), depth: depth + 1, budget: &budget) }
        switch value.node {
        case .scalar(let scalar):
            return [(scalar.string, value.location)]
        case .sequence(let items):
            var result: [(text: String, location: SourceLocation)] = []
            for item in items where budget > 0 { result += lines(Sourced(node: item, file: value.file), depth: depth + 1, budget: &budget) }
            return result
        case .mapping:
            var result: [(text: String, location: SourceLocation)] = []
            for entry in value.node.gitlabEntries where budget > 0 {
                result += lines(Sourced(node: entry.value, file: value.file), depth: depth + 1, budget: &budget)
            }
            return result
        default:
            return []
        }
    }
}
