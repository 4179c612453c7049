import FirebreakModel
import Foundation
import Yams

extension ImportState {
    // MARK: Runners

    /// The runner pool a job's `runs-on` selects: GitHub-hosted, a pool the context file
    /// describes by labels or group, or a self-hosted pool assumed persistent.
    mutating func resolveRunner(_ job: Workflow.Job, file: String) -> Reference? {
        guard let node = job.runsOn else { return nil }
        let location = node.location(file)
        var labels = node.texts
        if let group = node.value("group")?.scalarText { labels = ["group:\(group)"] + (node.value("labels")?.texts ?? []) }
        else if node.isMapping { labels = node.value("labels")?.texts ?? [] }
        if labels.contains(where: { $0.contains("${{") }) {
            // `runs-on: ${{ matrix.os }}` over a literal matrix: the labels it takes.
            let matrix = job.node.matrixValues
            let resolved = labels.flatMap { label -> [String] in
                let paths = ((try? ExpressionTemplate.expressions(in: label)) ?? []).compactMap { try? ExpressionParser.parse($0.text) }
                    .flatMap(\.contextPaths)
                guard let path = paths.first(where: { $0.count == 2 && $0[0] == "matrix" }), let values = matrix[path[1]], !values.isEmpty
                else { return [] }
                return values
            }
            if !resolved.isEmpty, resolved.allSatisfy(RunnerLabels.isGitHubHosted) {
                return declareRunner(labels: ["github-hosted"], hosted: true, at: location)
            }
            assume(NodeID(.job, "\(job.id)"), "runs-on '\(labels.joined(separator: ", "))' of job '\(job.id)' is an expression; assumed GitHub-hosted",
                   settle: "describe the pool under `runners:` with its `labels:` in firebreak.context.yml", at: location)
            return declareRunner(labels: ["github-hosted"], hosted: true, at: location)
        }
        switch RunnerLabels.machine(labels) {
        case .githubHosted: return declareRunner(labels: ["github-hosted"], hosted: true, at: location)
        case .providerHosted(let provider): return declareProviderRunner(provider, labels: labels, at: location)
        case .selfHosted: return declareRunner(labels: labels, hosted: false, at: location)
        }
    }

    /// The pool for these labels: one the context describes, or one made up (hosted, or
    /// self-hosted and assumed persistent).
    mutating func declareRunner(labels: [String], hosted: Bool, at location: SourceLocation) -> Reference {
        if hosted {
            if model.runners["github-hosted"] == nil {
                model.runners["github-hosted"] = Runner(name: "github-hosted", hosting: .hosted, lifecycle: .ephemeral, reaches: [],
                                                        protectedBranchesOnly: false, labels: ["ubuntu-latest"], location: location)
            }
            return Reference("github-hosted", at: location)
        }
        if let known = describedRunner(labels, at: location) { return known }
        let wanted = Set(labels.filter { $0 != "self-hosted" })
        let name = "self-hosted:" + (wanted.isEmpty ? "default" : wanted.sorted().joined(separator: ","))
        return pool(name, hosting: .selfHosted, lifecycle: .persistent, labels: labels, at: location,
                    statement: "self-hosted runners labelled \(labels.joined(separator: ", ")) are persistent, run any job that asks, and reach no internal network we know of",
                    settle: "describe the pool under `runners:` in firebreak.context.yml (labels, lifecycle, reaches, protectedBranchesOnly)")
    }

    /// A third-party hosted-runner provider's pool: a fresh machine per job, like GitHub's own.
    mutating func declareProviderRunner(_ provider: String, labels: [String], at location: SourceLocation) -> Reference {
        if let known = describedRunner(labels, at: location) { return known }
        return pool("\(provider)-hosted", hosting: .hosted, lifecycle: .ephemeral, labels: labels, at: location,
                    statement: "runners labelled \(labels.joined(separator: ", ")) are \(provider)'s hosted machines, fresh for each job and inside no internal network",
                    settle: "describe the pool under `runners:` in firebreak.context.yml if it is configured otherwise")
    }

    /// The pool the context file describes for these labels (or group), if any.
    private func describedRunner(_ labels: [String], at location: SourceLocation) -> Reference? {
        model.runners.values.sorted(by: { $0.name < $1.name }).first(where: { runner in
            !runner.labels.isEmpty && (Set(runner.labels).isSubset(of: Set(labels)) || runner.labels.contains { "group:\($0)" == labels.first })
        }).map { Reference($0.name, at: location) }
    }

    /// A pool made up from labels, declared once with the assumption that describes it.
    private mutating func pool(_ name: String, hosting: Runner.Hosting, lifecycle: Runner.Lifecycle, labels: [String], at location: SourceLocation,
                               statement: String, settle: String) -> Reference {
        if model.runners[name] == nil {
            model.runners[name] = Runner(name: name, hosting: hosting, lifecycle: lifecycle, reaches: [], protectedBranchesOnly: false,
                                         labels: labels, location: location)
            assume(NodeID(.runner, name), statement, settle: settle, at: location)
        }
        return Reference(name, at: location)
    }

    // MARK: Environments and targets

    mutating func declareEnvironment(_ name: String, at location: SourceLocation) -> Reference {
        if model.environments[name] == nil {
            let production = name.lowercased().contains("prod") || name.lowercased() == "live"
            model.environments[name] = Environment(name: name, reviewers: [], requiredApprovals: 0, preventSelfReview: false,
                                                   allowedBranches: [], waitMinutes: 0, production: production, criticality: nil, location: location)
            assume(NodeID(.environment, name), "environment '\(name)' has no required reviewers and admits every branch\(production ? "; it is production" : "")",
                   settle: "declare it under `environments:` in firebreak.context.yml with its reviewers and allowedBranches", at: location)
        }
        return Reference(name, at: location)
    }

    /// The resource a job deploying through an environment delivers to.
    mutating func declareDeployTarget(for environment: Reference) -> Reference {
        let name = "\(environment.name) target"
        if model.resources[name] == nil {
            let production = model.environments[environment.name]?.production ?? false
            model.resources[name] = Resource(name: name, kind: .other, zone: nil, criticality: production ? .critical : .high,
                                             production: production, networkAccess: nil, location: environment.location)
            assume(NodeID(.resource, name), "jobs in environment '\(environment.name)' deliver what they download to '\(name)'",
                   settle: "declare the real target under `resources:` in firebreak.context.yml", at: environment.location)
        }
        return Reference(name, at: environment.location)
    }

    // MARK: Identities

    /// The grants of a job's GITHUB_TOKEN from its `permissions:`; the broad legacy default when
    /// none is set. Whether it may dispatch workflows is remembered for `grantDispatch()`.
    mutating func tokenGrants(_ permissions: Workflow.Permissions?, workflow: Workflow, job: Workflow.Job, name: String) -> [Grant]? {
        let repository = model.repository.id
        guard let permissions else {
            if !assumedWorkflows.contains(workflow.path) {
                assumedWorkflows.insert(workflow.path)
                assume(NodeID(.definition, workflow.path), "workflow '\(workflow.path)' sets no `permissions:`, so its GITHUB_TOKEN is assumed to have the broad legacy default (write)",
                       settle: "add `permissions: {contents: read}` to the workflow", at: workflow.location)
            }
            dispatchers[name] = Dispatcher(workflows: true, repository: true, location: job.location)
            return [Grant(target: repository, level: .write, location: job.location)]
        }
        let contents = permissions.level("contents")
        if permissions.level("actions") == "write" || contents == "write" {
            dispatchers[name] = Dispatcher(workflows: permissions.level("actions") == "write", repository: contents == "write",
                                           location: permissions.location)
        }
        switch contents {
        case "write": return [Grant(target: repository, level: .write, location: permissions.location)]
        case "read": return [Grant(target: repository, level: .read, location: permissions.location)]
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

    mutating func declareCloud(_ name: String, at location: SourceLocation) {
        guard model.resources[name] == nil else { return }
        model.resources[name] = Resource(name: name, kind: .cloudAccount, zone: nil, criticality: .critical, production: true,
                                         networkAccess: nil, location: location)
        assume(NodeID(.resource, name), "the cloud account behind '\(name)' holds production",
               settle: "declare it under `resources:` in firebreak.context.yml with its criticality", at: location)
    }

    /// A cloud role assumed through OIDC, unless the context describes it: assumed to trust
    /// every run of the repository.
    mutating func addCloudRole(_ name: String, cloud: String, at location: SourceLocation) {
        addCloudIdentity(name, kind: .cloudRole, cloud: cloud, trust: TrustPolicy(branches: [], environments: [], events: [], location: location),
                         statement: "cloud role '\(name)' trusts every run of this repository and administers '\(cloud)'",
                         settle: "declare it under `identities:` in firebreak.context.yml with its `trust:` conditions and `grants:`", at: location)
    }

    /// A static cloud key held in a secret, unless the context describes it.
    mutating func addStaticKey(_ name: String, cloud: String, at location: SourceLocation) {
        addCloudIdentity(name, kind: .staticKey, cloud: cloud, trust: nil, statement: "static key '\(name)' administers '\(cloud)'",
                         settle: "declare it under `identities:` in firebreak.context.yml with its real `grants:`", at: location)
    }

    /// An identity administering a cloud account, with the assumption that says so.
    private mutating func addCloudIdentity(_ name: String, kind: Identity.Kind, cloud: String, trust: TrustPolicy?, statement: String,
                                           settle: String, at location: SourceLocation) {
        guard model.identities[name] == nil else { return }
        declareCloud(cloud, at: location)
        model.identities[name] = Identity(name: name, kind: kind, lifetime: kind.usualLifetime, owner: nil,
                                          grants: [Grant(target: NodeID(.resource, cloud), level: .admin, location: location)],
                                          trust: trust, criticality: nil, location: location)
        assume(NodeID(.identity, name), statement, settle: settle, at: location)
    }
}
