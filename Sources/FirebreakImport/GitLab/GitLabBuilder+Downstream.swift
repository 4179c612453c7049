import FirebreakModel
import Foundation
import Yams

/// Jobs that start other pipelines (`trigger:`): a child pipeline from files of this
/// repository runs in this project, with its variables and runners, and is imported job by
/// job; a pipeline of another project runs there, with that project's variables.
///
/// Source: GitLab Docs, "Downstream pipelines" (parent-child and multi-project pipelines;
/// `CI_PIPELINE_SOURCE` is `parent_pipeline` in a child; children nest two levels deep).
extension GitLabBuilder {
    mutating func importDownstream(_ name: String, _ trigger: Sourced, runs: GitLabRuns) {
        let job = prefix + name
        let node = trigger.node
        if let project = node.scalarText ?? node.value("project")?.scalarText {
            let branch = node.value("branch")?.scalarText
            let definition = "downstream:\(project)@\(branch ?? "default branch")"
            model.definitions[definition] = Definition(name: definition, path: project, owners: [],
                                                       source: .external(repository: project, ref: branch, pin: PinState.infer(fromVersion: branch ?? "HEAD")),
                                                       location: trigger.location)
            builder.assume(NodeID(.definition, definition), "job '\(job)' starts a pipeline of project '\(project)', which runs there with that project's variables and runners; what this pipeline forwards to it is not modelled",
                           settle: "analyse project '\(project)' on its own", at: trigger.location)
            return
        }
        guard let include = node.value("include") else { return }
        var files: [(path: String, location: SourceLocation)] = []
        var elsewhere: [Yams.Node] = []
        for item in include.scalarText != nil || include.isMapping ? [include] : include.items {
            let location = item.location(trigger.file)
            if let path = item.scalarText, !path.hasPrefix("http://"), !path.hasPrefix("https://") {
                files.append((path, location))
            } else if let path = item.value("local")?.scalarText {
                files.append((path, location))
            } else if item.value("artifact") != nil {
                builder.assume(NodeID(.job, job), "job '\(job)' starts a child pipeline a job generates at run time; its jobs are unknown and not simulated",
                               settle: "describe the generated jobs in a native model", at: location)
            } else {
                elsewhere.append(item)
            }
        }
        guard !files.isEmpty || !elsewhere.isEmpty else { return }
        guard depth < Self.maximumChildDepth else {
            builder.log.add(Diagnostic(.warning, at: trigger.location, "child pipeline of job '\(name)' nests deeper than GitLab allows; not imported"))
            return
        }
        importExternalChild(of: job, from: elsewhere, file: trigger.file, runs: runs)
        guard !files.isEmpty else { return }
        let key = files.map(\.path).sorted().joined(separator: "\n") + "|\(runs)"
        guard importedChildren.insert(key).inserted else { return }
        var loader = GitLabConfigLoader(root: builder.root, display: builder.display, budget: builder.budget)
        for file in files { loader.loadLocal(file.path, at: file.location) }
        builder.log.add(contentsOf: loader.diagnostics)
        guard !loader.config.files.isEmpty else { return }
        var child = GitLabBuilder(config: loader.config, builder: builder, context: context)
        child.prefix = job + "/"
        child.parentRuns = runs
        child.inheritedVariables = inheritedVariables.union(topLevelVariables())
            .union(resolve(name)["variables"]?.node.gitlabEntries.map(\.key) ?? [])
        child.forwardedVariables = forwardedVariables(of: name)
        child.depth = depth + 1
        child.importedChildren = importedChildren
        // One project, one registry: the child learns what the parent found and hands back what it finds.
        child.projectRegistry = projectRegistry
        child.projectPaths = projectPaths
        child.build()
        builder = child.builder
        importedChildren = child.importedChildren
        projectRegistry = child.projectRegistry
    }

    /// The variables trigger job `name` passes to its child pipeline with a value the file
    /// writes: its own `variables:`, overridden by those of the rule that runs it (`rules:
    /// variables:`), known only where every rule that runs the job gives the same text (of a
    /// value that names another variable, the parts written around it: `${EDITION}_BUILD` ends
    /// with `_BUILD`, `GitLabPipelines.Value.written`). A variable passed down outranks any the child defines
    /// (GitLab Docs, *CI/CD variables*: precedence, variables passed to downstream pipelines),
    /// so the child's rules are read with it (`$PIPELINE_TYPE == "X"` in a child started with
    /// `PIPELINE_TYPE: Y` never holds).
    mutating func forwardedVariables(of name: String) -> [String: GitLabPipelines.Value] {
        let job = resolve(name)
        // Each variable's value as written.
        func values(_ value: Sourced?) -> [String: GitLabPipelines.Value] {
            guard let mapping = dereferenced(value), mapping.node.isMapping else { return [:] }
            var result: [String: GitLabPipelines.Value] = [:]
            for entry in mapping.node.gitlabEntries where entry.key != "extends" {
                let text = GitLabJobVariables.text(of: entry.value)
                result[entry.key] = text.map(GitLabPipelines.Value.written) ?? .unknown
            }
            return result
        }
        let own = values(job["variables"])
        var outcomes = [own]
        if let rules = job["rules"] {
            outcomes = ruleItems(rules).filter { $0.value("when")?.scalarText != "never" }.map { rule in
                own.merging(values(rule.value("variables").map { Sourced(node: $0, file: rules.file) })) { _, ruleValue in ruleValue }
            }
        }
        guard let first = outcomes.first else { return [:] }
        return first.filter { key, value in value != .unknown && outcomes.allSatisfy { $0[key] == value } }
    }

    /// A child pipeline whose configuration comes from another project, a URL, a template or a
    /// component runs in this project, with its variables and runners, where the job that
    /// starts it runs (GitLab Docs, `trigger:include`): a definition from elsewhere, not
    /// fetched, stood in for by one job as an external include is.
    private mutating func importExternalChild(of job: String, from items: [Yams.Node], file: String, runs: GitLabRuns) {
        guard !items.isEmpty else { return }
        var loader = GitLabConfigLoader(root: builder.root, display: builder.display, budget: builder.budget)
        for item in items { loader.loadInclude(item, file: file) }
        builder.log.add(contentsOf: loader.diagnostics)
        var child = GitLabBuilder(config: loader.config, builder: builder, context: context)
        child.prefix = job + "/"
        child.parentRuns = runs
        child.depth = depth + 1
        let triggers = child.declareTriggers(runs, at: items[0].location(file)).map(\.name)
        child.importExternalIncludes(triggers: triggers, childOf: job)
        builder = child.builder
    }
}
