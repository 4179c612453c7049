import FirebreakModel
import Foundation
import Yams

/// Imports a repository's GitHub Actions workflows (and their local actions and reusable
/// workflows, CODEOWNERS and the context file's facts) into a pipeline model.
public struct GitHubImporter {
    /// The repository folder.
    let root: String
    /// What the context file says, already loaded; nil when there is none.
    let context: PipelineModel?
    /// How the root is written in locations (e.g. `.` or the path the user gave).
    let display: String

    public init(root: String, context: PipelineModel?, display: String? = nil) {
        self.root = root
        self.context = context
        self.display = display ?? root
    }

    /// The workflow files of the repository, sorted.
    public static func workflowFiles(root: String) -> [String] {
        let folder = (root as NSString).appendingPathComponent(".github/workflows")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") }.sorted().map { ".github/workflows/\($0)" }
    }

    /// Imports the given workflow files (repository-relative; all of them by default) into
    /// `base`, and the repository's `.gitlab-ci.yml` when `gitlab` is set.
    public func importWorkflows(_ paths: [String]? = nil, into base: PipelineModel, gitlab: Bool = false) -> ImportResult {
        var state = ImportState(root: root, display: display, model: base, codeOwners: CodeOwners.load(root: root))
        for path in paths ?? Self.workflowFiles(root: root) {
            guard let workflow = state.workflow(at: path) else { continue }
            if workflow.isCallOnly, paths == nil { continue }
            state.importWorkflow(workflow)
        }
        state.declareSecrets(context: context)
        if gitlab { GitLabImporter(root: root, display: display).importPipeline(into: &state) }
        state.resolveNeeds()
        return ImportResult(model: state.model, diagnostics: state.diagnostics)
    }
}

/// The model being assembled, and what the import has seen so far.
struct ImportState {
    let root: String
    let display: String
    var model: PipelineModel
    let codeOwners: CodeOwners
    var diagnostics: [Diagnostic] = []
    var parsed: [String: Workflow?] = [:]
    /// Secret names referenced, each with the first place it was referenced.
    var referencedSecrets: [String: SourceLocation] = [:]
    /// Secrets found to hold a static cloud key: secret -> identity name.
    var staticKeySecrets: [String: (identity: String, cloud: String, location: SourceLocation)] = [:]
    /// Jobs that call a remote reusable workflow with `secrets: inherit`.
    var inheritingJobs: [String] = []
    var assumedWorkflows: Set<String> = []

    init(root: String, display: String, model: PipelineModel, codeOwners: CodeOwners) {
        self.root = root
        self.display = display
        self.model = model
        self.codeOwners = codeOwners
    }

    /// The location label of a repository-relative path.
    func file(_ path: String) -> String { displayPath(path, under: display) }

    mutating func assume(_ subject: NodeID?, _ statement: String, settle: String, at location: SourceLocation) {
        let assumption = Assumption(subject: subject, statement: statement, settle: settle, location: location)
        if !model.assumptions.contains(assumption) { model.assumptions.append(assumption) }
    }

    /// Reads and parses a workflow once; a failure is reported and remembered.
    mutating func workflow(at path: String) -> Workflow? {
        if let cached = parsed[path] { return cached }
        let full = (root as NSString).appendingPathComponent(path)
        let label = file(path)
        do {
            let text = try Self.read(full, label: label)
            let node = try YAMLSource.parse(text, file: label)
            let workflow = try WorkflowParser(file: label, path: path).parse(node)
            parsed[path] = workflow
            return workflow
        } catch {
            diagnostics += error.diagnostics
            parsed[path] = .some(nil)
            return nil
        }
    }

    static func read(_ path: String, label: String) throws(LoadError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LoadError([Diagnostic(.error, at: .implicit(label), "cannot read file")])
        }
        guard data.count <= YAMLSource.maximumBytes else {
            throw LoadError([Diagnostic(.error, at: .implicit(label), "file is \(data.count) bytes, more than Firebreak reads")])
        }
        return String(decoding: data, as: UTF8.self)
    }

    // MARK: Workflows

    mutating func importWorkflow(_ workflow: Workflow) {
        let definition = Definition(name: workflow.path, path: workflow.path, owners: codeOwners.owners(of: workflow.path),
                                    source: .local, location: workflow.location)
        model.definitions[definition.name] = definition
        var triggers: [Reference] = []
        for event in workflow.events {
            guard let kind = ActionsKnowledge.event(event.name, tagsOnly: event.tagsOnly) else { continue }
            let name = "\(workflow.stem):\(event.name)"
            let branches = kind == .push ? event.branches : []
            model.triggers[name] = Trigger(name: name, event: kind, branches: branches, fromForks: kind.isRequestEvent, location: event.location)
            triggers.append(Reference(name, at: event.location))
        }
        guard !triggers.isEmpty else { return }
        for job in workflow.jobs {
            importJob(job, in: workflow, name: "\(workflow.stem)/\(job.id)", triggers: triggers, caller: nil, depth: 0)
        }
    }

    /// What a calling job hands to the jobs of a reusable workflow.
    struct Caller {
        var permissions: Workflow.Permissions?
        var inherit: Bool
        var passed: [String: String]
        var visited: Set<String>
    }

    mutating func importJob(_ job: Workflow.Job, in workflow: Workflow, name: String, triggers: [Reference], caller: Caller?, depth: Int) {
        if let uses = job.uses {
            importCall(job, uses: uses, in: workflow, name: name, triggers: triggers, caller: caller, depth: depth)
            return
        }
        let events = triggers.compactMap { model.triggers[$0.name]?.event }
        let permissions = job.permissions ?? caller?.permissions ?? workflow.permissions
        let secrets = secretReferences(job.node, workflow: workflow, caller: caller)
        let stepsInfo = importSteps(job, in: workflow, jobName: name, depth: depth)
        for (secret, location) in stepsInfo.staticKeys { staticKeySecrets[secret] = location }
        for role in stepsInfo.roles { addCloudRole(role.name, cloud: role.cloud, at: role.location) }
        let environment = job.environment.map { declareEnvironment($0.name, at: $0.location) }
        let role = ActionsKnowledge.role(id: job.id, name: job.name, environment: job.environment?.name, steps: job.steps)
        var guardKind = ActionsKnowledge.guardKind(job.condition)
        if guardKind == .none, job.steps.contains(where: { $0.uses.map(ActionsKnowledge.isPermissionCheck) ?? false }) { guardKind = .sound }
        let privileged = events.contains { $0.isPrivilegedOutsiderEvent }
        let consumes = stepsInfo.downloads.map { download -> Job.Consumption in
            if download.runs { return Job.Consumption(artifact: download.artifact, use: .run, verifies: false, deploysTo: nil, canaryPercent: nil, location: download.artifact.location) }
            if role == .deploy || role == .release, let environment {
                let target = declareDeployTarget(for: environment)
                return Job.Consumption(artifact: download.artifact, use: .deploy, verifies: false, deploysTo: target, canaryPercent: nil, location: download.artifact.location)
            }
            return Job.Consumption(artifact: download.artifact, use: .data, verifies: false, deploysTo: nil, canaryPercent: nil, location: download.artifact.location)
        }
        let pullRequestOnly = !events.isEmpty && events.allSatisfy { $0.isRequestEvent }
        let modelJob = Job(
            name: name, role: role, definition: Reference(workflow.path, at: job.location), triggers: triggers,
            runsOn: resolveRunner(job, file: workflow.file), environment: environment, needs: Self.needs(job, of: name),
            runsRepositoryCode: stepsInfo.runsCode, untrustedInput: privileged ? stepsInfo.untrusted : .none, guardCondition: guardKind,
            secrets: secrets, token: tokenGrants(permissions, workflow: workflow, job: job),
            oidc: permissions.map { $0.level("id-token") == "write" } ?? false,
            produces: stepsInfo.uploads, consumes: consumes,
            restoresCaches: stepsInfo.usesCache ? [Reference(Self.cacheName, at: stepsInfo.cacheLocation)] : [],
            savesCaches: stepsInfo.usesCache && !pullRequestOnly ? [Reference(Self.cacheName, at: stepsInfo.cacheLocation)] : [],
            steps: stepsInfo.steps, location: job.location)
        model.jobs[name] = modelJob
        for artifact in stepsInfo.uploads + stepsInfo.downloads.map(\.artifact) where model.artifacts[artifact.name] == nil {
            model.artifacts[artifact.name] = Artifact(name: artifact.name, store: nil, signed: false, criticality: nil, location: artifact.location)
        }
        if stepsInfo.usesCache, model.caches[Self.cacheName] == nil {
            model.caches[Self.cacheName] = Cache(name: Self.cacheName, key: nil, criticality: nil, location: stepsInfo.cacheLocation)
            assume(NodeID(.cache, Self.cacheName),
                   "every workflow run on the default branch (push, schedule, pull_request_target, issue_comment, workflow_run) shares one cache scope, whatever the keys",
                   settle: "keep release jobs off actions/cache, or give them keys no other job can write", at: stepsInfo.cacheLocation)
        }
    }

    static let cacheName = "default-branch-cache"

    /// A job's `needs`, named like the job itself: beside it in its workflow (or in the caller
    /// of the reusable workflow it belongs to).
    static func needs(_ job: Workflow.Job, of name: String) -> [Reference] {
        let prefix = name.split(separator: "/").dropLast().joined(separator: "/")
        return job.needs.map { Reference("\(prefix)/\($0)", at: job.location) }
    }

    /// A job that calls a reusable workflow: local ones are imported job by job; remote ones are
    /// third-party definitions that run with what the caller passes.
    mutating func importCall(_ job: Workflow.Job, uses: (text: String, location: SourceLocation), in workflow: Workflow, name: String,
                             triggers: [Reference], caller: Caller?, depth: Int) {
        if uses.text.hasPrefix("./") {
            let path = String(uses.text.dropFirst(2))
            guard depth < 4, !(caller?.visited.contains(path) ?? false), let callee = self.workflow(at: path) else {
                if depth >= 4 || (caller?.visited.contains(path) ?? false) {
                    diagnostics.append(Diagnostic(.warning, at: uses.location, "reusable workflow '\(uses.text)' calls itself or nests deeper than 4 levels; not followed"))
                }
                return
            }
            model.definitions[callee.path] = Definition(name: callee.path, path: callee.path, owners: codeOwners.owners(of: callee.path),
                                                        source: .local, location: callee.location)
            let next = Caller(permissions: job.permissions ?? caller?.permissions ?? workflow.permissions, inherit: job.secretsInherit,
                              passed: job.passedSecrets, visited: (caller?.visited ?? []).union([workflow.path, path]))
            for calleeJob in callee.jobs {
                importJob(calleeJob, in: callee, name: "\(name)/\(calleeJob.id)", triggers: triggers, caller: next, depth: depth + 1)
            }
            return
        }
        let parts = uses.text.split(separator: "@", maxSplits: 1).map(String.init)
        let pin = PinState.infer(fromVersion: parts.count > 1 ? parts[1] : nil)
        model.definitions[uses.text] = Definition(name: uses.text, path: parts[0], owners: [],
                                                  source: .external(repository: parts[0], ref: parts.count > 1 ? parts[1] : nil, pin: pin),
                                                  location: uses.location)
        let secrets = secretReferences(job.node, workflow: workflow, caller: caller)
        if job.secretsInherit { inheritingJobs.append(name) }
        let hosted = declareRunner(labels: ["ubuntu-latest"], hosted: true, at: uses.location)
        assume(NodeID(.job, name), "the reusable workflow '\(uses.text)' runs on GitHub-hosted runners and executes repository code",
               settle: "import it as a local file, or describe it in a native model", at: uses.location)
        let permissions = job.permissions ?? caller?.permissions ?? workflow.permissions
        model.jobs[name] = Job(
            name: name, role: ActionsKnowledge.role(id: job.id, name: job.name, environment: nil, steps: []),
            definition: Reference(uses.text, at: uses.location), triggers: triggers, runsOn: hosted, environment: nil,
            needs: Self.needs(job, of: name), runsRepositoryCode: true,
            untrustedInput: .none, guardCondition: ActionsKnowledge.guardKind(job.condition), secrets: secrets,
            token: tokenGrants(permissions, workflow: workflow, job: job),
            oidc: permissions.map { $0.level("id-token") == "write" } ?? false, produces: [], consumes: [], restoresCaches: [],
            savesCaches: [], steps: [Step(name: "\(name)/\(uses.text)", uses: uses.text, kind: .reusableWorkflow, pin: pin, location: uses.location)],
            location: job.location)
    }

    // MARK: Secrets

    /// The secrets a job references (in any step, env, with or if), through what a caller passes.
    mutating func secretReferences(_ node: Yams.Node, workflow: Workflow, caller: Caller?) -> [Reference] {
        var found: [String: SourceLocation] = [:]
        var budget = 200_000
        let file = workflow.file
        let scan: (Yams.Node) -> Void = { node in
            node.forEachScalar(budget: &budget) { text, scalar in
                for name in ActionsKnowledge.secretNames(in: text) where found[name] == nil { found[name] = scalar.location(file) }
            }
        }
        scan(node)
        if let env = workflow.root.value("env") { scan(env) }
        var result: [Reference] = []
        for (name, location) in found.sorted(by: { $0.key < $1.key }) {
            for resolved in resolve(name, through: caller) where resolved.uppercased() != "GITHUB_TOKEN" {
                result.append(Reference(resolved, at: location))
                if referencedSecrets[resolved] == nil { referencedSecrets[resolved] = location }
            }
        }
        return result
    }

    /// A callee's secret name as the caller's secrets: inherited by name, or through `secrets:`.
    func resolve(_ name: String, through caller: Caller?) -> [String] {
        guard let caller else { return [name] }
        if caller.inherit { return [name] }
        guard let passed = caller.passed[name] else { return [] }
        return ActionsKnowledge.secretNames(in: passed)
    }

    /// A job may need a job that called a local reusable workflow: it then needs every job of it.
    mutating func resolveNeeds() {
        let names = Set(model.jobs.keys)
        for (name, var job) in model.jobs where job.needs.contains(where: { !names.contains($0.name) }) {
            job.needs = job.needs.flatMap { need -> [Reference] in
                if names.contains(need.name) { return [need] }
                return names.filter { $0.hasPrefix(need.name + "/") }.sorted().map { Reference($0, at: need.location) }
            }
            model.jobs[name] = job
        }
    }

    /// Declares every referenced secret the context file does not, as repository-wide.
    mutating func declareSecrets(context: PipelineModel?) {
        for (name, location) in referencedSecrets.sorted(by: { $0.key < $1.key }) where model.secrets[name] == nil {
            var carries: Reference?
            if let key = staticKeySecrets[name] {
                addStaticKey(key.identity, cloud: key.cloud, at: key.location)
                carries = Reference(key.identity, at: key.location)
            }
            model.secrets[name] = Secret(name: name, environment: nil, protectedBranchesOnly: false, carries: carries,
                                         criticality: carries == nil ? .high : nil, production: false, location: location)
            assume(NodeID(.secret, name), "secret '\(name)' is defined at repository level, so any job that names it receives it; what it opens is unknown, so it counts as high",
                   settle: "declare it under `secrets:` in firebreak.context.yml with its `environment:` (and what it `carries:`)", at: location)
        }
        let all = model.secrets.keys.sorted()
        for name in inheritingJobs {
            guard var job = model.jobs[name] else { continue }
            let location = job.steps.first?.location ?? job.location
            job.secrets = all.map { Reference($0, at: location) }
            model.jobs[name] = job
        }
    }
}
