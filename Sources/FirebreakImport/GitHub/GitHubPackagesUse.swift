import FirebreakModel

/// Whether the repository publishes on GitHub Packages, from the jobs whose token may
/// (`packages: write`). Others pull what is published there, so it is a crown jewel where a
/// job names it: a host of GitHub Packages (`ghcr.io`, `npm.pkg.github.com`, ...) in its steps'
/// scripts, inputs (their names too: `ghcr_io_password:`) or environment, or its workflow's; or
/// an action that publishes there (`actions/publish-immutable-action`, which stores the action
/// on the container registry). A job that names none pushes elsewhere
/// (`docker/login-action` with no `registry:` logs in to Docker Hub): the scope is taken as
/// unused, the registry rated high and not a crown jewel, and the import says so.
enum GitHubPackagesUse {
    static let registry = "github-packages"

    /// Whether the job, or its workflow's environment, names a host of GitHub Packages.
    static func named(by job: Workflow.Job, in workflow: Workflow) -> Bool {
        if job.steps.contains(where: { step in publishingActions.contains { step.uses?.lowercased().hasPrefix($0) == true } }) { return true }
        var texts = Array(workflow.env.values) + Array(job.env.values)
        for step in job.steps {
            texts += [step.run, step.uses].compactMap { $0 } + step.with.values.map(\.text) + Array(step.with.keys) + Array(step.env.values)
        }
        return texts.contains { text in hosts.contains { TextSearch.contains(text.lowercased(), $0) } }
    }

    /// Actions that publish to GitHub Packages whatever their inputs.
    static let publishingActions = ["actions/publish-immutable-action"]

    /// GitHub Packages' registries: the container registry (also as an input's name writes it,
    /// `ghcr_io_password`) and the package hosts.
    static let hosts = ["ghcr.io", "ghcr_io", "docker.pkg.github.com", "pkg.github.com"]
}

extension GitHubImport {
    /// The GitHub Packages registry as a job with `packages: write` reaches it: a crown jewel once
    /// any job names it, rated high while none does (`GitHubPackagesUse`). A job that names it
    /// after one that did not makes it the crown jewel it then is.
    mutating func declareGitHubPackages(job: String, named: Bool, at location: SourceLocation) -> NodeID {
        let id = NodeID(.resource, GitHubPackagesUse.registry)
        if named, let existing = model.resources[id.name], existing.criticality == .high, takenAsUnused(id) {
            model.resources[id.name] = nil
            model.assumptions.removeAll { $0.subject == id }
        }
        guard model.resources[id.name] == nil else { return id }
        if named {
            return builder.declareRegistry(GitHubPackagesUse.registry, statement: "what the repository publishes on GitHub Packages (job '\(job)' writes there with its `packages: write`) is taken to be what others pull: a crown jewel",
                                           at: location)
        }
        model.resources[id.name] = Resource(name: id.name, kind: .packageRegistry, zone: nil, criticality: .high, production: false,
                                            networkAccess: nil, location: location)
        _ = assume(id, "job '\(job)' has `packages: write`, but no job names GitHub Packages (ghcr.io, *.pkg.github.com): the scope is taken as unused, GitHub Packages as rated high and no crown jewel",
                   settle: "declare '\(id.name)' under `resources:` in \(InputLoader.contextFileName) with `criticality: critical` if the project publishes there",
                   at: location)
        return id
    }

    private func takenAsUnused(_ id: NodeID) -> Bool {
        model.assumptions.contains { $0.subject == id && $0.statement.contains("the scope is taken as unused") }
    }
}
