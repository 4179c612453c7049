/// Whether any of a job's steps can run on an event, from the steps' `if:`s alone.
///
/// GitHub Docs, *Workflow syntax* (`jobs.<job_id>.steps[*].if`): a step whose condition is false
/// is skipped, and a skipped step sets no outputs, so a later `steps.<id>.outputs.<name> ==
/// 'value'` is false too (an unset output reads as an empty string, *Contexts reference*). A job
/// none of whose steps can run on an event does nothing on it but start and stop.
enum StepRuns {
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
    /// compare `steps.<id>.outputs.<name>` with a non-empty string, or test it alone.
    static func requiredSteps(of condition: ActionsExpression) -> Set<String> {
        switch condition {
        case .binary(.and, let lhs, let rhs):
            return requiredSteps(of: lhs).union(requiredSteps(of: rhs))
        case .binary(.equal, let lhs, let rhs):
            if case .literal(.string(let text)) = rhs, !text.isEmpty, let step = outputStep(lhs) { return [step] }
            if case .literal(.string(let text)) = lhs, !text.isEmpty, let step = outputStep(rhs) { return [step] }
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
