import FirebreakModel
import Yams

/// The weak constructs of a GitHub job as written, whether or not an attack path uses them
/// today: every interpolation of a context that is not fixed by GitHub into a script, each
/// checkout that leaves the job token in `.git`, `secrets: inherit`, reading every secret,
/// tokens that may write, and caches in publishing jobs. The graph's own facts (unpinned
/// steps, persistent runners, ...) are found from the model; these are what it cannot say.
extension GitHubImport {
    /// Contexts GitHub sets and nobody else writes: pasting them into a script injects nothing.
    static let fixedContexts: Set<String> = [
        "github.sha", "github.workspace", "github.run_id", "github.run_number", "github.run_attempt", "github.repository",
        "github.repository_id", "github.repository_owner", "github.repository_owner_id", "github.server_url", "github.api_url",
        "github.graphql_url", "github.event_name", "github.job", "github.action_path", "github.action", "github.token",
        "github.retention_days", "github.workflow", "github.workflow_ref", "github.workflow_sha", "github.path", "github.env",
        "github.output", "github.step_summary", "github.event.number", "github.event.pull_request.number",
        "github.event.issue.number", "github.event.pull_request.head.sha", "github.event.pull_request.base.sha",
        "github.event.repository.default_branch", "github.event.repository.full_name", "github.event.repository.name",
    ]
    static let fixedRoots: Set<String> = ["runner", "secrets", "job", "strategy"]

    /// `publishing`: for a run that publishes, what it is and its cache steps.
    mutating func recordWeaknesses(_ job: Workflow.Job, in workflow: Workflow, name: String, publishing: (what: String, caches: [SourceLocation])?,
                                   permissions: Workflow.Permissions?) {
        let subject = NodeID(.job, name)
        let scanner = ExpressionScanner(file: workflow.file)
        // A literal matrix's values are written in the workflow: pasting them injects nothing.
        let literalMatrix = Set(job.node.matrixValues.filter { !$0.value.isEmpty }.map { "matrix.\($0.key.lowercased())" })
        for step in job.steps {
            var scripts: [Yams.Node] = []
            if step.run != nil, let run = step.node.value("run") { scripts.append(run) }
            if step.uses?.lowercased().hasPrefix("actions/github-script") == true, let script = step.with["script"]?.node { scripts.append(script) }
            for script in scripts {
                for found in scanner.expressions(inScalar: script, diagnostics: &log) {
                    let paths = found.expression.contextPaths.map { $0.joined(separator: ".") }
                    guard let path = paths.first(where: { !Self.isFixed($0) && !literalMatrix.contains($0) }) else { continue }
                    let writer = found.expression.contextPaths.lazy.compactMap(ContextTaint.writer(of:)).first
                    let who = writer.map { "\($0.rawValue)-written" } ?? "not attacker-written on its own"
                    record(.scriptInjection, subject, "'${{ \(found.text) }}' pasted into a script (\(path): \(who))", at: found.location)
                }
            }
            if let agent = AgentActions.openToEveryone(step, file: workflow.file) {
                record(.steerableAgent, subject, agent.detail, at: agent.location)
            }
            if let uses = step.uses?.lowercased(), uses.hasPrefix("actions/checkout@") || uses == "actions/checkout",
               step.with["persist-credentials"]?.text.lowercased() != "false" {
                let asked = step.with["persist-credentials"].map { "`persist-credentials: \($0.text)`" } ?? "no `persist-credentials: false`"
                record(.persistedCredentials, subject, "actions/checkout keeps the job token in .git (\(asked))", at: step.location)
            }
        }
        if job.secretsInherit, let uses = job.uses {
            record(.inheritedSecrets, subject, "`secrets: inherit` hands '\(uses.text)' every secret", at: uses.location)
        }
        var reads = SecretUses()
        for found in expressions(in: job, of: workflow) { reads.collect(found.expression, at: found.location, matrix: [:]) }
        if let every = reads.everySecret {
            record(.everySecret, subject, "the job reads every secret at once (`toJSON(secrets)` or a computed name)", at: every)
        }
        recordTokenWeaknesses(job, in: workflow, subject: subject, permissions: permissions)
        if let publishing {
            for cache in publishing.caches {
                record(.sharedCache, subject, "\(publishing.what) restores a cache other runs of the default branch write", at: cache)
            }
        }
    }

    /// A job token that may write: the workflow's, the job's, or the repository's default. A
    /// job that calls a workflow holds no token itself: it hands the called jobs one they may
    /// only narrow (GitHub Docs, *Reusing workflows*: permissions), and the weakness says so.
    private mutating func recordTokenWeaknesses(_ job: Workflow.Job, in workflow: Workflow, subject: NodeID, permissions: Workflow.Permissions?) {
        let whose = job.uses.map { "the token job '\(job.id)' hands the jobs of '\($0.text)' (unless that file narrows it)" } ?? "the job token"
        if let top = workflow.permissions, top.location != permissions?.location, let what = Self.describeWrites(top) {
            record(.broadToken, subject, "the workflow's token \(what) wherever a job does not narrow it", at: top.location)
        }
        if let permissions {
            if let what = Self.describeWrites(permissions) { record(.broadToken, subject, "\(whose) \(what)", at: permissions.location) }
        } else if let uses = job.uses {
            record(.broadToken, subject, "no `permissions:` for job '\(job.id)': the jobs of '\(uses.text)' get the repository's default token, which may write everything, unless that file narrows it",
                   at: job.location)
        } else {
            record(.broadToken, subject, "no `permissions:` for job '\(job.id)': its token gets the repository's default, which may write everything",
                   at: job.location)
        }
    }

    /// A reusable workflow no workflow here calls is not simulated, but its constructs are
    /// still weaknesses of this repository: they run for whoever calls it.
    mutating func recordUncalledWeaknesses(_ workflow: Workflow) {
        let definition = NodeID(.definition, workflow.path)
        for job in workflow.jobs {
            recordWeaknesses(job, in: workflow, name: "\(workflow.namePrefix)/\(job.id)", publishing: nil,
                             permissions: job.permissions ?? workflow.permissions)
            for step in job.steps {
                guard let uses = step.uses, !LocalAction.isLocal(uses), !uses.hasPrefix("docker://") else { continue }
                let pin = Step.inferPin(uses: uses, kind: .action)
                if pin != .digest {
                    record(.unpinnedUses, definition, Step.unpinnedDetail(uses, pin: pin), at: step.location)
                }
            }
            if let uses = job.uses, !LocalAction.isLocal(uses.text), Step.inferPin(uses: uses.text, kind: .reusableWorkflow) != .digest {
                let pin = Step.inferPin(uses: uses.text, kind: .reusableWorkflow)
                let detail = Step.pinsByCommit(uses.text) || pin != .tag ? "'\(uses.text)' is not pinned to a commit" : Step.unpinnedDetail(uses.text, pin: pin)
                record(.unpinnedUses, definition, detail, at: uses.location)
            }
        }
    }

    static func isFixed(_ path: String) -> Bool {
        guard let root = path.split(separator: ".").first.map(String.init) else { return true }
        return fixedRoots.contains(root) || fixedContexts.contains(path) || path.hasPrefix("steps.") && (path.hasSuffix(".outcome") || path.hasSuffix(".conclusion"))
    }

    /// "contents: write, packages: write and mints OIDC tokens": what a token's scopes allow.
    static func describeWrites(_ permissions: Workflow.Permissions) -> String? {
        if permissions.all == "write-all" { return "may write everything (write-all)" }
        let writes = permissions.scopes.filter { $0.value == "write" }.map(\.key).sorted()
        let plain = writes.filter { $0 != "id-token" }
        guard !writes.isEmpty else { return nil }
        let mints = writes.contains("id-token") ? "mints OIDC tokens (id-token: write)" : nil
        let write = plain.isEmpty ? nil : "may write (\(plain.map { "\($0): write" }.joined(separator: ", ")))"
        return [write, mints].compactMap { $0 }.joined(separator: " and ")
    }

    /// Records a weakness once per place, however many callers instantiate the job.
    private mutating func record(_ kind: Weakness.Kind, _ subject: NodeID, _ detail: String, at location: SourceLocation) {
        guard recordedWeaknesses.insert("\(kind.rawValue)|\(location)").inserted else { return }
        model.weaknesses.append(Weakness(kind, subject: subject, detail: detail, at: location))
    }
}
