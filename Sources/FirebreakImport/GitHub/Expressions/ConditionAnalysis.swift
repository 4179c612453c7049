/// What an `if:` condition means for an outsider: parsed once, evaluated per event.
enum ConditionAnalysis {
    /// The outsider's verdict on a condition, the contexts it had to assume, and the parse
    /// error that made it pessimistic, if any.
    struct Outcome: Sendable {
        var verdict: ConditionVerdict
        var assumed: [String]
        var error: ExpressionError?
    }

    /// Parses an `if:` value (`${{ }}` optional).
    static func parse(_ condition: String) -> Swift.Result<ActionsExpression, ExpressionError> {
        Swift.Result { () throws(ExpressionError) in try ExpressionParser.parse(ExpressionTemplate.condition(condition).expression) }
    }

    /// The verdict on an outsider's run of `event`; a malformed condition lets them in.
    static func verdict(of condition: String, on event: String) -> Outcome {
        switch parse(condition) {
        case .failure(let error): return Outcome(verdict: .attackerCanSatisfy, assumed: [], error: error)
        case .success(let expression): return verdict(of: expression, on: event)
        }
    }

    static func verdict(of expression: ActionsExpression, on event: String) -> Outcome {
        var evaluator = OutsiderEvaluator(event: event)
        let verdict = evaluator.verdict(of: expression)
        return Outcome(verdict: verdict, assumed: evaluator.assumedContexts.sorted(), error: nil)
    }

    /// Whether the condition can hold on anyone's run of `event` (only the event name is known).
    static func runs(_ condition: String, on event: String) -> Bool {
        guard case .success(let expression) = parse(condition) else { return true }
        return runs(expression, on: event)
    }

    static func runs(_ expression: ActionsExpression, on event: String) -> Bool {
        var evaluator = OutsiderEvaluator(event: event, perspective: .anyone)
        return evaluator.verdict(of: expression) != .never
    }
}
