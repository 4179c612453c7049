import FirebreakModel
import Foundation
import Yams

/// Where a GitHub job runs and what its GITHUB_TOKEN may do.
extension GitHubImport {
    // MARK: Runners

    /// The runner pool a job's `runs-on` selects: GitHub-hosted, a pool the context file
    /// describes by labels or group, or a self-hosted pool assumed persistent.
    mutating func resolveRunner(_ job: Workflow.Job, in workflow: Workflow, caller: Caller?) -> Reference? {
        guard let node = job.runsOn else { return nil }
        let location = node.location(workflow.file)
        var labels = node.texts
        // The literal values of labels that name a matrix value or an input.
        func literalValues(_ labels: [String]) -> [String]? {
            Self.literalValues(of: labels, matrix: job.node.matrixValues, inputs: Self.inputs(of: workflow, caller: caller))
        }
        // `runs-on: ${{ matrix.config.runner }}` whose values are `{group: ..., labels: ...}`:
        // read as that mapping written in place.
        let matrix = job.node.matrixValues
        let whole = labels.count == 1 ? Self.wholeReference(in: labels[0], to: "matrix")?.lowercased() : nil
        if let whole, let groups = matrix["\(whole).group"], !groups.isEmpty {
            labels = Array(Set(groups)).sorted().map { "group:\($0)" } + Array(Set(matrix["\(whole).labels"] ?? [])).sorted()
        } else if let group = node.value("group")?.scalarText {
            // A group named by a matrix value or an input: the literal groups it takes, as one pool.
            var groups = [group]
            if group.contains("${{"), let values = literalValues([group]), !values.isEmpty {
                groups = Array(Set(values)).sorted()
            }
            labels = groups.map { "group:\($0)" } + (node.value("labels")?.texts ?? [])
        } else if node.isMapping { labels = node.value("labels")?.texts ?? [] }
        // A provider's label (RunsOn's `runs-on=${{ github.run_id }}`) names its machine whatever
        // expression it carries.
        if labels.contains(where: { $0.contains("${{") }), !labels.contains(where: { RunnerLabels.provider(of: $0) != nil }) {
            // `runs-on: ${{ matrix.os }}` over a literal matrix, `${{ inputs.runner }}` that the
            // caller sets to a literal or that defaults to one: the labels it takes.
            let values = literalValues(labels)
            if let values, !values.isEmpty {
                let machines = values.filter { !RunnerLabels.isGitHubHosted($0) }
                if machines.isEmpty {
                    assumeLargerRunner(values, at: location)
                    return declareRunner(labels: ["github-hosted"], hosted: true, at: location)
                }
                // One of the values is a machine of the repository's own: the job runs there too.
                var seen = Set<String>()
                labels = machines.filter { seen.insert($0).inserted }
            } else {
                assume(NodeID(.job, "\(job.id)"), "runs-on '\(labels.joined(separator: ", "))' of job '\(job.id)' is an expression; assumed GitHub-hosted",
                       settle: "describe the pool under `runners:` with its `labels:` in firebreak.context.yml", at: location)
                return declareRunner(labels: ["github-hosted"], hosted: true, at: location)
            }
        }
        switch RunnerLabels.machine(labels) {
        case .githubHosted:
            assumeLargerRunner(labels, at: location)
            return declareRunner(labels: ["github-hosted"], hosted: true, at: location)
        case .providerHosted(let provider): return builder.providerRunner(provider, labels: labels, platform: .github, at: location)
        case .selfHosted: return declareRunner(labels: labels, hosted: false, at: location)
        }
    }

    /// A label that names a larger runner is hosted by assumption: said once per label.
    private mutating func assumeLargerRunner(_ labels: [String], at location: SourceLocation) {
        guard let larger = labels.first(where: RunnerLabels.isLargerRunner) else { return }
        assume(NodeID(.runner, "github-hosted"), "runner label '\(larger)' names a GitHub-hosted larger runner (a fresh machine per job), by the way such runners are usually named",
               settle: "describe the pool under `runners:` in firebreak.context.yml if it is self-hosted", at: location)
    }

    /// The values runs-on labels take: each literal as written, each expression that is a
    /// matrix value or an input (set by the caller or by its default) as those literal values;
    /// nil when an expression's value is unknown.
    static func literalValues(of labels: [String], matrix: [String: [String]], inputs: [String: [String]]) -> [String]? {
        var values: [String] = []
        for label in labels {
            guard let taken = literalValues(of: label, matrix: matrix, inputs: inputs), !taken.isEmpty else { return nil }
            values += taken
        }
        return values
    }

    /// The values a string takes: itself when it holds no expression; for one `${{ }}` that is
    /// the whole text, the values its expression may have (`possibleValues`); nil for anything
    /// else (text around an expression), whose value is unknown.
    static func literalValues(of text: String, matrix: [String: [String]], inputs: [String: [String]]) -> [String]? {
        guard text.contains("${{") else { return [text] }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("${{"), trimmed.hasSuffix("}}"), let embedded = try? ExpressionTemplate.expressions(in: trimmed),
              embedded.count == 1, let expression = try? ExpressionParser.parse(embedded[0].text) else { return nil }
        return possibleValues(of: expression, matrix: matrix, inputs: inputs)
    }

    /// The texts an expression may evaluate to, whichever way its conditions go: a string
    /// literal; a literal matrix value or input (`matrix.os`, `matrix.config.runner` for a matrix
    /// of mappings, `inputs.runner`); `a || b` either side's; `a && b` b's (a's own value is
    /// returned only when falsy, which is no text). A comparison or a negation is a condition,
    /// not a text: none. Nil when some text it may take is unknown (a function's result, another
    /// context's value).
    /// (`github.repository == 'acme/app' && 'own-machine' || 'ubuntu-latest'` takes both.)
    static func possibleValues(of expression: ActionsExpression, matrix: [String: [String]], inputs: [String: [String]]) -> [String]? {
        switch expression {
        case .literal(.string(let text)):
            return [text]
        case .literal, .not, .binary(.equal, _, _), .binary(.notEqual, _, _), .binary(.less, _, _), .binary(.lessOrEqual, _, _),
             .binary(.greater, _, _), .binary(.greaterOrEqual, _, _):
            return []
        case .binary(.or, let left, let right):
            guard let either = possibleValues(of: left, matrix: matrix, inputs: inputs),
                  let other = possibleValues(of: right, matrix: matrix, inputs: inputs) else { return nil }
            return either + other
        case .binary(.and, _, let right):
            return possibleValues(of: right, matrix: matrix, inputs: inputs)
        default:
            guard let path = expression.contextPath, path.count >= 2 else { return nil }
            // No literal value (an input its caller sets from an expression) is an unknown value.
            let name = path.dropFirst().joined(separator: ".")
            let values = path[0] == "matrix" ? matrix[name] : path[0] == "inputs" ? inputs[name] : nil
            return values.flatMap { $0.isEmpty ? nil : $0 }
        }
    }

    /// The literal values a called workflow's inputs have: its caller's `with:`, else the
    /// input's `default:`, by lowercased name; an empty list for a value that is unknown.
    static func inputs(of workflow: Workflow, caller: Caller?) -> [String: [String]] {
        var inputs = inputDefaults(of: workflow, event: "workflow_call")
        for (name, value) in caller?.inputs ?? [:] { inputs[name] = value }
        return inputs
    }

    /// The `default:` of each input an event of the workflow declares (`workflow_call`,
    /// `workflow_dispatch`), by lowercased name.
    static func inputDefaults(of workflow: Workflow, event: String) -> [String: [String]] {
        var defaults: [String: [String]] = [:]
        for input in workflow.root.value("on")?.value(event)?.value("inputs")?.entries ?? [] {
            if let value = input.value.value("default")?.scalarText { defaults[input.key.lowercased()] = [value] }
        }
        return defaults
    }

    /// The environment a job names; one an input names (`environment: ${{ inputs.environment }}`)
    /// is, in a workflow only dispatched or called (on other events `inputs` is empty, and an
    /// empty name is no environment), the caller's value, or without a caller the dispatch
    /// input's default; `github.event.inputs` is the dispatch's only without a caller (in a
    /// called workflow it is the caller's event). Stated: whoever dispatches may name another.
    mutating func declareEnvironment(named text: String, at location: SourceLocation, in workflow: Workflow, caller: Caller?) -> Reference {
        let compact = text.replacingOccurrences(of: " ", with: "")
        if text == Self.pagesEnvironment { return declarePagesEnvironment(at: location) }
        guard compact.hasPrefix("${{"), compact.hasSuffix("}}") else { return builder.declareEnvironment(text, at: location) }
        let path = compact.dropFirst(3).dropLast(2)
        let input = path.hasPrefix("inputs.") ? path.dropFirst("inputs.".count)
            : path.hasPrefix("github.event.inputs.") ? path.dropFirst("github.event.inputs.".count) : nil
        guard let input, !input.isEmpty, input.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else {
            return builder.declareEnvironment(text, at: location)
        }
        guard workflow.events.allSatisfy({ ["workflow_dispatch", "workflow_call"].contains($0.name) }),
              path.hasPrefix("inputs.") || caller == nil else { return builder.declareEnvironment(text, at: location) }
        // A caller's values over the called workflow's own defaults; without one, the dispatch's defaults.
        let values = caller != nil ? Self.inputs(of: workflow, caller: caller) : Self.inputDefaults(of: workflow, event: "workflow_dispatch")
        guard let named = values[input.lowercased()], named.count == 1, let value = named.first, !value.isEmpty, !value.contains("${{") else {
            return builder.declareEnvironment(text, at: location)
        }
        // Once per workflow and input, where first met.
        if environmentInputs.insert("\(workflow.path)#\(input)#\(value)").inserted {
            assume(NodeID(.definition, workflow.path), "the jobs of '\(workflow.path)' that run in the environment input '\(input)' names are taken to run in '\(value)', its value here; whoever starts the run by hand may name another",
                   settle: "name the environment in the workflow itself if only one is meant", at: location)
        }
        return builder.declareEnvironment(value, at: location)
    }

    /// The environment GitHub makes for a Pages site built by Actions, which `actions/deploy-pages` deploys through.
    static let pagesEnvironment = "github-pages"

    /// `github-pages`, as GitHub makes it where no context file describes it: the Pages API
    /// refuses a deployment from another branch than the site's source when the environment
    /// sets no branch rule of its own ("Deployments are only allowed from …"), and GitHub sets
    /// one admitting that branch when it makes the environment; taken as the default branch,
    /// with no required reviewers, and said.
    mutating func declarePagesEnvironment(at location: SourceLocation) -> Reference {
        let name = Self.pagesEnvironment, branch = model.repository.defaultBranch
        return builder.declareEnvironment(name, at: location, admitting: [branch],
                                          statement: "environment '\(name)' is the one GitHub makes for the Pages site: it admits only the site's source branch, taken to be the default branch '\(branch)', and has no required reviewers")
    }

    /// The pool for these labels: GitHub's hosted machines, or a self-hosted pool.
    mutating func declareRunner(labels: [String], hosted: Bool, at location: SourceLocation) -> Reference {
        hosted ? builder.hostedRunner("github-hosted", labels: ["ubuntu-latest"], platform: .github, at: location)
            : builder.selfHostedRunner(labels: labels, platform: .github, at: location)
    }

    // MARK: Identities

    /// The grants of a job's GITHUB_TOKEN from its `permissions:`; the broad legacy default when
    /// none is set. Whether it may dispatch workflows is remembered for `grantDispatch()`.
    mutating func tokenGrants(_ permissions: Workflow.Permissions?, workflow: Workflow, job: Workflow.Job, name: String) -> [Grant]? {
        let repository = model.repository.id
        guard let permissions else {
            // Stated once for the workflow, and said on the hop into each of its jobs' tokens.
            let place = assumedWorkflows[workflow.path] ?? assume(NodeID(.definition, workflow.path),
                                                                  "workflow '\(workflow.path)' sets no `permissions:`, so its GITHUB_TOKEN is assumed to have the broad legacy default (write)",
                                                                  settle: "add `permissions: {contents: read}` to the workflow", at: workflow.location)
            assumedWorkflows[workflow.path] = place
            builder.extend(assumptionAt: place, to: NodeID(.identity, "\(name).token"))
            dispatchers[name] = Dispatcher(workflows: true, repository: true, location: job.location)
            return [Grant(target: repository, level: .write, location: job.location)]
        }
        let contents = permissions.level("contents")
        if permissions.level("actions") == "write" || contents == "write" {
            dispatchers[name] = Dispatcher(workflows: permissions.level("actions") == "write", repository: contents == "write",
                                           location: permissions.location)
        }
        switch contents {
        case "write": return [Grant(target: repository, level: .write, location: permissions.location(of: "contents"))]
        case "read": return [Grant(target: repository, level: .read, location: permissions.location(of: "contents"))]
        default: return nil
        }
    }

    /// What a job token may dispatch: `workflow_dispatch` runs (`actions: write`) and
    /// `repository_dispatch` events (`contents: write`). GitHub starts these even when a
    /// GITHUB_TOKEN asks (GitHub Docs, "Triggering a workflow from a workflow").
    struct Dispatcher {
        var workflows: Bool
        var repository: Bool
        var location: SourceLocation
    }

    /// Grants each dispatching job token the dispatch triggers of the repository.
    mutating func grantDispatch() {
        let triggers = model.triggers.values.sorted { $0.name < $1.name }
        for (name, dispatcher) in dispatchers.sorted(by: { $0.key < $1.key }) {
            guard var job = model.jobs[name] else { continue }
            let fired = triggers.filter { trigger in
                (dispatcher.workflows && trigger.platformEvent == "workflow_dispatch") || (dispatcher.repository && trigger.platformEvent == "repository_dispatch")
            }
            guard !fired.isEmpty else { continue }
            job.token = (job.token ?? []) + fired.map { Grant(target: $0.id, level: .write, location: dispatcher.location) }
            model.jobs[name] = job
        }
    }

    /// Where a publishing job's token reaches beyond the repository: a registry that accepts
    /// its OIDC token (trusted publishing: `id-token: write` in a job that publishes there), and
    /// the repository's GitHub Packages with `packages: write`.
    mutating func publishingGrants(_ evidence: JobRoles.Evidence, permissions: Workflow.Permissions?, job: Workflow.Job, in workflow: Workflow,
                                   name: String) -> [Grant] {
        let registries = JobRoles.registries(evidence)
        // A job that attaches release assets with a token that writes contents publishes whatever
        // it attaches, its own build included.
        func releases(at location: SourceLocation) -> [Grant] {
            guard registries.contains("github-releases") else { return [] }
            return [Grant(target: builder.declarePublishedRegistry("github-releases", job: name, at: location), level: .write, location: location)]
        }
        // No `permissions:`: the token is taken to have the legacy default (`tokenGrants`), which
        // writes contents.
        guard let permissions else { return releases(at: job.location) }
        var grants: [Grant] = []
        if permissions.level("id-token") == "write" {
            // npm found only by its setup says so: no npm publish command is read.
            let npmBySetupOnly = evidence.publishesToNpmOnlyBySetup
            let at = permissions.location(of: "id-token")
            grants = builder.trustedPublishingGrants(registries.filter { !npmBySetupOnly || $0 != "npm" }, job: name, token: "`id-token: write`", at: at)
            if npmBySetupOnly {
                grants += builder.trustedPublishingGrants(["npm"], job: name, token: "`id-token: write` (setup-node authenticates it to npm's registry and a command it runs names publishing or a release; no npm publish command is read)", at: at)
            }
        }
        if permissions.level("packages") == "write" {
            let at = permissions.location(of: "packages")
            let target = declareGitHubPackages(job: name, named: GitHubPackagesUse.named(by: job, in: workflow), at: at)
            grants.append(Grant(target: target, level: .write, location: at))
        }
        if permissions.level("contents") == "write" { grants += releases(at: permissions.location(of: "contents")) }
        return grants
    }
}
