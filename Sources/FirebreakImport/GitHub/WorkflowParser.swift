import FirebreakModel
import Yams

/// Reads a workflow file into a `Workflow`, reporting what makes it unreadable.
struct WorkflowParser {
    let file: String
    let path: String

    func parse(_ root: Yams.Node) throws(LoadError) -> Workflow {
        guard root.isMapping else {
            throw LoadError([Diagnostic(.error, at: root.location(file), "a workflow must be a mapping with `on:` and `jobs:`")])
        }
        guard let on = root.value("on") ?? root.value("true") else {
            throw LoadError([Diagnostic(.error, at: root.location(file), "workflow has no `on:`, so nothing triggers it",
                                        help: "add `on: push` or the events that should run it")])
        }
        guard let jobsNode = root.value("jobs"), jobsNode.isMapping else {
            throw LoadError([Diagnostic(.error, at: root.location(file), "workflow has no `jobs:` mapping",
                                        help: "add `jobs:` with at least one job")])
        }
        let jobs = jobsNode.entries.map { readJob($0.key, $0.keyNode, $0.value) }
        return Workflow(path: path, file: file, root: root, location: root.location(file), events: readEvents(on),
                        permissions: root.value("permissions").map { readPermissions($0) }, env: Self.env(root), jobs: jobs)
    }

    func readEvents(_ on: Yams.Node) -> [Workflow.Event] {
        switch on {
        case .scalar(let scalar):
            var event = Workflow.Event(name: scalar.string, branches: [], tagsOnly: false, types: [], location: on.location(file))
            event.unfiltered = true
            return [event]
        case .sequence:
            return on.items.compactMap { item in
                item.scalarText.map { name in
                    var event = Workflow.Event(name: name, branches: [], tagsOnly: false, types: [], location: item.location(file))
                    event.unfiltered = true
                    return event
                }
            }
        default:
            return on.entries.map { entry in
                let filters = entry.value
                let branches = filters.value("branches")?.texts ?? []
                let tagsOnly = filters.value("tags") != nil && filters.value("branches") == nil && filters.value("branches-ignore") == nil
                var event = Workflow.Event(name: entry.key, branches: branches, tagsOnly: tagsOnly, types: filters.value("types")?.texts ?? [],
                                           location: entry.keyNode.location(file))
                event.tags = filters.value("tags") != nil || filters.value("tags-ignore") != nil
                event.tagPatterns = filters.value("tags")?.texts ?? []
                event.unfiltered = ["branches", "branches-ignore", "tags", "tags-ignore"].allSatisfy { filters.value($0) == nil }
                return event
            }
        }
    }

    func readPermissions(_ node: Yams.Node) -> Workflow.Permissions {
        if let text = node.scalarText {
            return Workflow.Permissions(all: text.isEmpty ? "none" : text, scopes: [:], location: node.location(file))
        }
        var scopes: [String: String] = [:]
        var locations: [String: SourceLocation] = [:]
        for entry in node.entries {
            scopes[entry.key] = entry.value.scalarText ?? "none"
            locations[entry.key] = entry.keyNode.location(file)
        }
        return Workflow.Permissions(all: scopes.isEmpty ? "none" : nil, scopes: scopes, location: node.location(file), scopeLocations: locations)
    }

    func readJob(_ id: String, _ keyNode: Yams.Node, _ node: Yams.Node) -> Workflow.Job {
        let fields = YAMLFields(node)
        var environment: (String, SourceLocation)?
        if let env = fields["environment"] {
            if let name = env.scalarText ?? env.value("name")?.scalarText { environment = (name, env.location(file)) }
        }
        var with: [String: String] = [:]
        if let secrets = fields["secrets"] {
            for entry in secrets.entries { with[entry.key] = entry.value.scalarText ?? "" }
        }
        var images: [(String, SourceLocation)] = []
        if let container = fields["container"] {
            if let image = container.scalarText ?? container.value("image")?.scalarText { images.append((image, container.location(file))) }
        }
        for service in fields["services"]?.entries ?? [] where Self.serviceReachesJob(service.value) {
            if let image = service.value.scalarText ?? service.value.value("image")?.scalarText {
                images.append((image, service.value.location(file)))
            }
        }
        return Workflow.Job(
            id: id, name: fields["name"]?.scalarText, node: node, location: keyNode.location(file),
            runsOn: fields["runs-on"], environment: environment,
            permissions: fields["permissions"].map { readPermissions($0) }, needs: fields["needs"]?.texts ?? [],
            condition: fields["if"]?.scalarText, conditionLocation: fields["if"]?.location(file), env: Self.env(mapping: fields["env"]),
            steps: (fields["steps"]?.items ?? []).map(readStep),
            uses: fields["uses"].flatMap { uses in uses.scalarText.map { ($0, uses.location(file)) } },
            secretsInherit: fields["secrets"]?.scalarText == "inherit", passedSecrets: with, images: images)
    }

    /// Whether a service container's image runs where the job's code and secrets are: GitHub
    /// starts a service beside the job with only its own `env:` and no token, and the steps
    /// run elsewhere (GitHub Docs, "About service containers"). It does when it runs
    /// privileged or with the host's volumes (the runner's Docker socket, its workspace), or is
    /// handed a secret; a plain database or cache server only answers the job's queries.
    static func serviceReachesJob(_ service: Yams.Node) -> Bool {
        guard service.isMapping else { return false }
        let options = (service.value("options")?.scalarText ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
        for (place, option) in options.enumerated() {
            let name = option.split(separator: "=", maxSplits: 1).first.map(String.init) ?? option
            if ["--privileged", "-v", "--volume", "--mount"].contains(name) { return true }
            // A capability that reaches past the container (IPC_LOCK, NET_BIND_SERVICE do not).
            if name == "--cap-add" {
                let value = option.contains("=") ? String(option.split(separator: "=", maxSplits: 1)[1]) : place + 1 < options.count ? options[place + 1] : ""
                if ["ALL", "SYS_ADMIN", "SYS_PTRACE", "SYS_MODULE", "DAC_READ_SEARCH", "SYS_RAWIO"].contains(value.uppercased().replacingOccurrences(of: "CAP_", with: "")) { return true }
            }
        }
        if let volumes = service.value("volumes"), !volumes.items.isEmpty || volumes.scalarText != nil { return true }
        var budget = 1_000, handed = false
        service.value("env")?.forEachScalar(budget: &budget) { text, _ in if text.contains("secrets.") { handed = true } }
        return handed
    }

    func readStep(_ node: Yams.Node) -> Workflow.Step {
        let fields = YAMLFields(node)
        var with: [String: (String, Yams.Node)] = [:]
        for entry in fields["with"]?.entries ?? [] {
            with[entry.key] = (entry.value.scalarText ?? "", entry.value)
        }
        return Workflow.Step(uses: fields["uses"]?.scalarText, run: fields["run"]?.scalarText, with: with,
                             condition: fields["if"]?.scalarText, env: Self.env(mapping: fields["env"]),
                             continueOnError: fields["continue-on-error"]?.scalarText == "true", node: node, location: node.location(file))
    }

    /// The `env:` mapping under a node, as texts.
    static func env(_ node: Yams.Node) -> [String: String] {
        env(mapping: node.value("env"))
    }

    /// An `env:` mapping's entries, as texts (none when there is no mapping).
    static func env(mapping: Yams.Node?) -> [String: String] {
        var result: [String: String] = [:]
        for entry in mapping?.entries ?? [] { result[entry.key] = entry.value.scalarText ?? "" }
        return result
    }
}
