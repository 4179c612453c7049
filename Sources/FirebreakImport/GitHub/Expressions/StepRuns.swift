/// Whether any of a job's steps can run on an event, from the steps' `if:`s alone.
///
/// GitHub Docs, *Workflow syntax* (`jobs.<job_id>.steps[*].if`): a step whose condition is false
/// is skipped, and a skipped step sets no outputs, so a later `steps.<id>.outputs.<name> ==
/// 'value'` is false too, for a value that is not a number (*Expressions*: an unset output is
/// null, and null compared with a string compares as numbers, 0 with the string's number). A
/// job none of whose steps can run on an event does nothing on it but start and stop, unless
/// something runs as it starts: a container or service, or an action's `pre:` step, which runs
/// whatever the step's `if:` (`pre-if` is `always()` unless the action says otherwise).
enum StepRuns {
    /// The actions a step may use and still start nothing when it is skipped: they have no
    /// `pre:` step and are not built from a Dockerfile (their `action.yml`).
    static let startingNothing = ["actions/checkout", "actions/setup-python", "actions/setup-node", "actions/setup-go", "actions/setup-java",
                                  "actions/cache", "actions/upload-artifact", "actions/download-artifact", "astral-sh/setup-uv"]

    /// Whether a skipped step starts nothing: a script, or one of `startingNothing`.
    static func startsNothingWhenSkipped(uses: String?) -> Bool {
        guard let uses else { return true }
        let action = uses.split(separator: "@").first.map { $0.lowercased() } ?? ""
        return startingNothing.contains(action)
    }

    /// Whether some step can run on `event`: `conditions` are the steps' parsed `if:`s in order
    /// (nil: none, or one that could not be read, which is taken to hold), `ids` their `id:`s.
    static func any(conditions: [ActionsExpression?], ids: [String?], on event: String) -> Bool {
        var ran: Set<String> = []
        var any = false
        for (condition, id) in zip(conditions, ids) {
            let runs = condition.map { ConditionAnalysis.runs($0, on: event) && requiredSteps(of: $0).isSubset(of: ran) } ?? true
            if runs {
                any = true
                if let id { ran.insert(id.lowercased()) }
            }
        }
        return any
    }

    /// The steps whose outputs a condition needs set: those of the conjuncts at its top that
    /// compare `steps.<id>.outputs.<name>` with a string that is not a number (null equals `''`
    /// and `'0'`), or test it alone.
    static func requiredSteps(of condition: ActionsExpression) -> Set<String> {
        switch condition {
        case .binary(.and, let lhs, let rhs):
            return requiredSteps(of: lhs).union(requiredSteps(of: rhs))
        case .binary(.equal, let lhs, let rhs):
            if case .literal(let value) = rhs, value.asNumber.isNaN, let step = outputStep(lhs) { return [step] }
            if case .literal(let value) = lhs, value.asNumber.isNaN, let step = outputStep(rhs) { return [step] }
            return []
        default:
            return outputStep(condition).map { [$0] } ?? []
        }
    }

    /// The id of the step whose output `expression` reads (`steps.<id>.outputs.<name>`).
    private static func outputStep(_ expression: ActionsExpression) -> String? {
        guard let path = expression.contextPath, path.count == 4, path[0] == "steps", path[2] == "outputs" else { return nil }
        return path[1]
    }
}
