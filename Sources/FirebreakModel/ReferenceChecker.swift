/// Reports every reference in a model that names nothing declared, with a suggestion.
struct ReferenceChecker {
    let model: PipelineModel
    let sink: DiagnosticSink
    /// Whether the model was written by hand (importers record untrusted input on every
    /// event, which is no mistake there).
    var handWritten = true
    /// Declared names by kind, sorted, gathered when a dangling name first needs a "did you
    /// mean" (most models have none).
    private let declared: DeclaredNames
    /// How many more dangling names get a suggestion: each costs a scan of the names, so a
    /// file with thousands of them gets suggestions for the first ones only.
    private let suggestions = SuggestionBudget(remaining: 100)

    init(model: PipelineModel, sink: DiagnosticSink, handWritten: Bool = true) {
        self.model = model
        self.sink = sink
        self.handWritten = handWritten
        declared = DeclaredNames(model)
    }

    func check() {
        // A name that could rewrite a terminal line or reorder text is refused: every report
        // would have to print it.
        let nodes = model.unsortedNodes
        for (id, location) in nodes.filter({ InertText.needsEscaping($0.0.name) }).sorted(by: { $0.0 < $1.0 }) {
            sink.error(location, "the \(id.kind.rawValue) name '\(InertText.escape(id.name))' holds control or bidirectional characters",
                       help: "name it with printable characters only")
        }
        for file in Set(nodes.map(\.1.file)).sorted() where InertText.needsEscaping(file) {
            sink.error(.implicit(file), "the file name '\(InertText.escape(file))' holds control or bidirectional characters",
                       help: "rename the file with printable characters only")
        }
        for actor in model.actors.values {
            for held in actor.holds { expect(held, .identity, "actor '\(actor.name)' holds") }
        }
        for branch in model.branches.values {
            for who in (branch.protection?.bypass ?? []) + (branch.protection?.pushers ?? []) {
                expectActorOrIdentity(who, "branch '\(branch.name)'")
            }
        }
        for identity in model.identities.values {
            if let owner = identity.owner { expect(owner, .actor, "identity '\(identity.name)' belongs to") }
            for grant in identity.grants where !model.contains(grant.target) {
                dangling(grant.target.kind, grant.target.name, at: grant.location, "identity '\(identity.name)' grants access to")
            }
            if let trust = identity.trust {
                for environment in trust.environments where model.environments[environment] == nil {
                    dangling(.environment, environment, at: trust.location, "cloud role '\(identity.name)' trusts")
                }
            }
        }
        for secret in model.secrets.values {
            if let carried = secret.carries { expect(carried, .identity, "secret '\(secret.name)' carries") }
            if let environment = secret.environment { expect(environment, .environment, "secret '\(secret.name)' is scoped to") }
        }
        for environment in model.environments.values {
            for reviewer in environment.reviewers { expect(reviewer, .actor, "environment '\(environment.name)' is reviewed by") }
        }
        for runner in model.runners.values {
            for zone in runner.reaches { expect(zone, .zone, "runner '\(runner.name)' reaches") }
        }
        for resource in model.resources.values {
            if let zone = resource.zone { expect(zone, .zone, "resource '\(resource.name)' sits in") }
            if let environment = resource.trustedPublisherEnvironment, model.environments[environment] == nil {
                dangling(.environment, environment, at: resource.location, "the trusted publisher of '\(resource.name)' requires")
            }
        }
        for artifact in model.artifacts.values {
            if let store = artifact.store { expect(store, .resource, "artifact '\(artifact.name)' is kept in") }
        }
        for job in model.jobs.values { check(job) }
    }

    private func check(_ job: Job) {
        let who = "job '\(job.name)'"
        if let definition = job.definition { expect(definition, .definition, "\(who) is defined in") }
        if let runner = job.runsOn { expect(runner, .runner, "\(who) runs on") } else {
            sink.error(job.location, "\(who) does not say where it runs", help: "add `runsOn: RUNNER` naming a declared runner")
        }
        if job.triggers.isEmpty {
            sink.error(job.location, "\(who) has no trigger, so nothing ever runs it", help: "add `triggers: [NAME]` naming declared triggers")
        }
        if let environment = job.environment { expect(environment, .environment, "\(who) deploys through") }
        for trigger in job.triggers { expect(trigger, .trigger, "\(who) is started by") }
        for need in job.needs { expect(need, .job, "\(who) needs") }
        for secret in job.secrets { expect(secret, .secret, "\(who) uses") }
        for artifact in job.produces { expect(artifact, .artifact, "\(who) produces") }
        for cache in job.restoresCaches + job.savesCaches { expect(cache, .cache, "\(who) uses") }
        for consumption in job.consumes {
            expect(consumption.artifact, .artifact, "\(who) consumes")
            if let target = consumption.deploysTo { expect(target, .resource, "\(who) deploys to") }
        }
        for grant in job.token ?? [] where !model.contains(grant.target) {
            dangling(grant.target.kind, grant.target.name, at: grant.location, "the token of \(who) grants access to")
        }
        if job.untrustedInput != .none, handWritten {
            let privileged = job.triggers.compactMap { model.triggers[$0.name] }.contains { $0.event.isPrivilegedOutsiderEvent }
            if !privileged, !job.triggers.isEmpty {
                sink.warning(job.location, "\(who) takes untrusted input but no trigger of it runs in the base repository's context",
                             help: "untrustedInput matters for pull_request_target, issue_comment, issues and workflow_run")
            }
        }
    }

    private func expectActorOrIdentity(_ reference: Reference, _ owner: String) {
        guard let id = NodeID(parsing: reference.name), id.kind == .actor || id.kind == .identity else {
            sink.error(reference.location, "\(owner) lists '\(reference.name)', which is not an `actor:NAME` or `identity:NAME` id")
            return
        }
        if !model.contains(id) { dangling(id.kind, id.name, at: reference.location, "\(owner) lists") }
    }

    private func expect(_ reference: Reference, _ kind: NodeKind, _ phrase: String) {
        if !model.contains(NodeID(kind, reference.name)) {
            dangling(kind, reference.name, at: reference.location, phrase)
        }
    }

    private func dangling(_ kind: NodeKind, _ name: String, at location: SourceLocation, _ phrase: String) {
        let suggestion = suggestions.take() ? Suggestion.closest(to: name, in: declared.names(of: kind)) : nil
        let section = kind == .identity ? "identities" : kind == .repository ? "repository" : "\(kind.rawValue)s"
        sink.error(location, "\(phrase) undeclared \(kind.rawValue) '\(name)'",
                   help: suggestion.map { "did you mean '\($0)'?" } ?? "declare it under `\(section):` or correct the name")
    }
}

/// A model's declared names by kind, each kind sorted when first asked for.
final class DeclaredNames {
    private let model: PipelineModel
    private var byKind: [NodeKind: [String]] = [:]

    init(_ model: PipelineModel) { self.model = model }

    func names(of kind: NodeKind) -> [String] {
        if let known = byKind[kind] { return known }
        let names = model.names(of: kind).sorted()
        byKind[kind] = names
        return names
    }
}

/// A count of suggestions left, shared by the checks of one model.
final class SuggestionBudget {
    private var remaining: Int

    init(remaining: Int) { self.remaining = remaining }

    /// Whether one more suggestion may be made.
    func take() -> Bool {
        guard remaining > 0 else { return false }
        remaining -= 1
        return true
    }
}
