import FirebreakModel
import Foundation
import Yams

extension GitHubImport {
    /// How an outsider's runs get into a job: the untrusted input a step they reach takes
    /// (the pull request's code run after a checkout of its head, or their text pasted into a
    /// script), and the guard in front of it. A condition protects only the steps it sits on,
    /// and the steps after a step that fails the job for outsiders.
    struct Exposure {
        var untrusted: Job.UntrustedInput
        var `guard`: Job.Guard
    }

    /// `stepConditions` are the steps' `if:`s, read by the caller.
    mutating func outsiderExposure(_ job: Workflow.Job, in workflow: Workflow, name: String, events: [EventUse],
                                   condition: ExpressionScanner.Found?, stepConditions: [ExpressionScanner.Found?],
                                   callerConditions: [ExpressionScanner.Found]) -> Exposure {
        let key = Self.definitionKey(job, in: workflow) + "#" + events.map { "\($0.event.name):\($0.event.types.joined(separator: ","))" }.joined(separator: ";")
            + "#" + callerConditions.map { "\($0.location)" }.joined(separator: ";")
        if let cached = exposures[key] { return cached }
        let exposure = analyseExposure(job, in: workflow, name: name, events: events, condition: condition, conditions: stepConditions,
                                       callerConditions: callerConditions)
        exposures[key] = exposure
        return exposure
    }

    private mutating func analyseExposure(_ job: Workflow.Job, in workflow: Workflow, name: String, events: [EventUse],
                                          condition: ExpressionScanner.Found?, conditions: [ExpressionScanner.Found?],
                                          callerConditions: [ExpressionScanner.Found]) -> Exposure {
        let scanner = ExpressionScanner(file: workflow.file)
        let actions = localActions(reachableFrom: job.steps)
        let taint = StepTaint(inheritedEnv: workflow.env.merging(job.env) { $1 }, file: workflow.file)
        // Steps whose outputs carry outsider-written text, known to the steps after them.
        var taintedSteps = Set<String>()
        let tainted = job.steps.indices.map { index in
            let step = job.steps[index]
            defer {
                if let id = step.node.value("id")?.scalarText, taint.taintsOutputs(step, taintedSteps: taintedSteps) { taintedSteps.insert(id) }
            }
            guard let finding = taint.finding(in: step, taintedSteps: taintedSteps, localAction: { actions[$0] }, diagnostics: &log) else {
                return false
            }
            // `$GITHUB_ENV` and kin are read by the steps after this one only.
            return !finding.throughEnvironmentFile || index < job.steps.count - 1
        }
        let headCheckouts = job.steps.map { Self.checksOutHead($0, scanner: scanner, diagnostics: &log) }
        let executes = job.steps.map(Self.executesWorkspaceCode)
        let fences = job.steps.enumerated().map { Self.failsForOutsiders($0.element, condition: conditions[$0.offset]?.text) }

        var jobBest = ConditionVerdict.never
        var exposure: (kind: Job.UntrustedInput, verdict: ConditionVerdict)?
        // The job's own `if:`, then its callers': a called workflow's job runs only where every one holds.
        let guards = [condition].compactMap { $0 } + callerConditions
        // What each `if:` reads that Firebreak cannot evaluate.
        var assumed = Array(repeating: Set<String>(), count: guards.count)
        var outsiderEvents = false
        for use in events where use.semantics.firedBy == .outsider {
            outsiderEvents = true
            var jobVerdict = ConditionVerdict.always
            for (index, guarding) in guards.enumerated() {
                let outcome = ConditionAnalysis.verdict(of: guarding.expression, on: use.event.name)
                jobVerdict = min(jobVerdict, outcome.verdict)
                if outcome.verdict >= .attackerCanSatisfy { assumed[index].formUnion(outcome.assumed) }
            }
            // Activity types only a maintainer causes (a label, an assignment) wait for them.
            if !use.outsiderFires { jobVerdict = min(jobVerdict, .needsMaintainer) }
            jobBest = max(jobBest, jobVerdict)
            var fenced = false
            var head = ConditionVerdict.never, checkout = ConditionVerdict.never, interpolation = ConditionVerdict.never
            for index in job.steps.indices {
                let own = conditions[index].map { ConditionAnalysis.verdict(of: $0.expression, on: use.event.name).verdict } ?? .always
                var reach = min(own, jobVerdict)
                if fenced, !(conditions[index]?.expression.runsAfterFailure ?? false) { reach = .never }
                guard reach > .never else { continue }
                if headCheckouts[index] { head = max(head, reach) }
                if head > .never, executes[index] { checkout = max(checkout, min(head, reach)) }
                if tainted[index] { interpolation = max(interpolation, reach) }
                if fences[index], own == .always { fenced = true }
            }
            let found: (Job.UntrustedInput, ConditionVerdict)? = checkout > .never ? (.checkout, checkout)
                : interpolation > .never ? (.interpolation, interpolation) : nil
            if let found, exposure.map({ ($0.kind == .checkout ? 1 : 0, $0.verdict) < (found.0 == .checkout ? 1 : 0, found.1) }) ?? true {
                exposure = (found.0, found.1)
            }
        }
        for (index, (guarding, contexts)) in zip(guards, assumed).enumerated() where !contexts.isEmpty {
            unreadConditions.add(job: name, contexts: contexts, caller: !(index == 0 && condition != nil), at: guarding.location)
        }
        guard outsiderEvents else { return Exposure(untrusted: .none, guard: .none) }
        let jobConditioned = !guards.isEmpty
        let conditioned = jobConditioned || conditions.contains { $0 != nil }
        if let exposure { return Exposure(untrusted: exposure.kind, guard: Self.guardKind(exposure.verdict, conditioned: conditioned)) }
        return Exposure(untrusted: .none, guard: Self.guardKind(jobBest, conditioned: jobConditioned))
    }

    /// The local actions the steps use, nested ones included, read once.
    mutating func localActions(reachableFrom steps: [Workflow.Step]) -> [String: LocalAction] {
        var result: [String: LocalAction] = [:]
        var pending = steps.compactMap(\.uses)
        for _ in 0..<4 where !pending.isEmpty {
            var next: [String] = []
            for uses in pending where result[uses] == nil {
                guard let action = localAction(uses) else { continue }
                result[uses] = action
                next += action.steps.compactMap(\.uses)
            }
            pending = next
        }
        return result
    }

    /// Contexts that name the pull request's own code.
    static let headContexts: Set<String> = [
        "github.head_ref", "github.event.pull_request.head.sha", "github.event.pull_request.head.ref",
        "github.event.pull_request.head.repo.full_name", "github.event.pull_request.merge_commit_sha",
        "github.event.workflow_run.head_sha", "github.event.workflow_run.head_branch", "github.event.workflow_run.head_repository.full_name",
    ]

    /// Whether a step fetches the pull request's code: a checkout of its head (or of a ref an
    /// earlier step computed for it), `gh pr checkout`, or a fetch of `refs/pull/`.
    static func checksOutHead(_ step: Workflow.Step, scanner: ExpressionScanner, diagnostics: inout DiagnosticLog) -> Bool {
        if let run = step.run {
            guard TextSearch.contains(run, "pull") else { return false }
            return TextSearch.contains(run, "gh pr checkout") || TextSearch.contains(run, "refs/pull/")
                || run.range(of: #"pull/\S+/head"#, options: .regularExpression) != nil
        }
        // `actions/checkout`, or an action named for one, which is taken to do the same with the ref it is handed.
        guard let uses = step.uses?.lowercased(),
              uses.hasPrefix("actions/checkout") || isCheckoutWrapper(String(uses.split(separator: "@").first ?? "")) else { return false }
        for key in ["ref", "repository"] {
            guard let value = step.with[key] else { continue }
            if value.text.contains("refs/pull/") { return true }
            for found in scanner.expressions(inScalar: value.node, diagnostics: &diagnostics) {
                for path in found.expression.contextPaths {
                    if headContexts.contains(path.joined(separator: ".")) { return true }
                    // A ref an earlier step or job computed, named for the pull request's head.
                    if let first = path.first, first == "steps" || first == "needs", let last = path.last,
                       ["head", "pr", "sha", "ref", "branch"].contains(where: { last.contains($0) }) { return true }
                }
            }
        }
        return false
    }

    /// Actions that run the checked-out workspace's code: its Dockerfile, hooks, build scripts,
    /// and GoReleaser's `before: hooks:` and builds, which the repository's `.goreleaser.yaml` names.
    static let workspaceRunningActions = ["docker/build-push-action", "pre-commit/action", "gradle/gradle-build-action", "borales/actions-yarn",
                                          "goreleaser/goreleaser-action"]

    /// Whether a step executes files of the checked-out workspace.
    static func executesWorkspaceCode(_ step: Workflow.Step) -> Bool {
        if let run = step.run { return ActionsKnowledge.runsBuildTool(run) }
        guard let uses = step.uses?.lowercased() else { return false }
        if uses.hasPrefix("./") { return true }
        return workspaceRunningActions.contains { uses.hasPrefix($0) }
    }

    /// Whether a step stops the job for someone without standing: a permission-check action,
    /// or a script that exits non-zero (`exit 1`, `core.setFailed`, `throw`) on an association,
    /// membership or permission check in itself or its condition.
    static func failsForOutsiders(_ step: Workflow.Step, condition: String?) -> Bool {
        guard !step.continueOnError else { return false }
        if let uses = step.uses, ActionsKnowledge.isPermissionCheck(uses) { return true }
        let script = step.run ?? (step.uses?.lowercased().hasPrefix("actions/github-script") == true ? step.with["script"]?.text : nil) ?? ""
        guard TextSearch.contains(script, "exit") || TextSearch.contains(script, "setFailed") || TextSearch.contains(script, "throw") else { return false }
        let words = ShellWords(script).words
        let fails = words.indices.contains { words[$0] == "exit" && $0 + 1 < words.count && words[$0 + 1].first.map { $0.isASCII && ("1"..."9").contains($0) } == true }
            || TextSearch.contains(script, "setFailed") || words.contains("throw")
        guard fails else { return false }
        let checked = (script + " " + (condition ?? "")).lowercased()
        return ["author_association", "getcollaboratorpermissionlevel", "checkmembershipforuser", "permission", "collaborator", "is_member", "is-member"]
            .contains { TextSearch.contains(checked, $0) }
    }
}

extension ActionsExpression {
    /// Whether the condition lets the step run after an earlier step failed (`failure()`,
    /// `always()`, `cancelled()`).
    var runsAfterFailure: Bool {
        allNodes.contains { node in
            if case .call(let name, _) = node { return ["failure", "always", "cancelled"].contains(name) }
            return false
        }
    }
}
