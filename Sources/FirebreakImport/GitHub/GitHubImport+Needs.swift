import FirebreakModel

extension GitHubImport {
    /// The jobs a job needs that must have succeeded for it to run, by their ids in its workflow;
    /// nil for all of them. Without a status function (`always()`, `failure()`, `cancelled()`) in
    /// its `if:`, GitHub puts `success()` in front of the condition, which holds only when every
    /// needed job succeeded; with one, only those the condition requires by a top-level
    /// `needs.<id>.result == 'success'` (ruff's announce job: `always() && needs.host.result ==
    /// 'success' && ...`).
    static func requiredNeeds(_ condition: ExpressionScanner.Found?) -> Set<String>? {
        guard let expression = condition?.expression else { return nil }
        let callsStatus = expression.allNodes.contains { node in
            if case .call(let name, _) = node { return ["always", "failure", "cancelled"].contains(name) }
            return false
        }
        guard callsStatus else { return nil }
        func conjuncts(_ expression: ActionsExpression) -> [ActionsExpression] {
            if case .binary(.and, let lhs, let rhs) = expression { return conjuncts(lhs) + conjuncts(rhs) }
            return [expression]
        }
        return Set(conjuncts(expression).compactMap { conjunct -> String? in
            guard case .binary(.equal, let lhs, let rhs) = conjunct else { return nil }
            for (path, value) in [(lhs, rhs), (rhs, lhs)] {
                if case .literal(.string(let text)) = value, text.lowercased() == "success", let path = path.contextPath,
                   path.count == 3, path[0] == "needs", path[2] == "result" { return path[1] }
            }
            return nil
        })
    }

    /// Of a job's needs (named as `needs(_:of:)` names them), those its `if:` requires to have succeeded.
    static func required(_ needs: [Reference], by condition: ExpressionScanner.Found?) -> [Reference] {
        guard let ids = requiredNeeds(condition) else { return needs }
        return needs.filter { ids.contains(String($0.name.split(separator: "/").last ?? "").lowercased()) }
    }

    /// Each job keeps only the events every job it needs to have succeeded runs on (`neededToRun`),
    /// its callers' needs included:
    /// GitHub skips a job whose needed job was skipped ("If a job fails or is skipped, all jobs
    /// that need it are skipped unless the jobs use a conditional expression that causes the job to
    /// continue"). Worked to a fixpoint, as a chain of needs carries the skip along. A job is left
    /// as it is where a job it requires is not in the model, or where no event would be left: a job
    /// that never runs is for its needs' own reading to drop.
    mutating func skipJobsAfterSkippedNeeds() {
        var changed = true
        while changed {
            changed = false
            for name in model.jobs.keys.sorted() {
                guard var job = model.jobs[name], let required = neededToRun[name], !required.isEmpty else { continue }
                let needed = required.compactMap { model.jobs[$0.name] }
                guard !needed.isEmpty, needed.count == required.count else { continue }
                let kept = job.triggers.filter { trigger in needed.allSatisfy { $0.triggers.contains { $0.name == trigger.name } } }
                guard !kept.isEmpty, kept.count < job.triggers.count else { continue }
                job.triggers = kept
                model.jobs[name] = job
                changed = true
            }
        }
    }
}
