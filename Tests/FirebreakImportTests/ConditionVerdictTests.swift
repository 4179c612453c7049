@testable import FirebreakImport
import Testing

/// How an outsider fares against real-world `if:` conditions, one row each, with the reason a
/// reviewer would give. `||` takes the outsider's best case and `&&` the worst.
@Suite struct ConditionVerdictTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var event: String
        var condition: String
        var verdict: ConditionVerdict
        var why: String
        var testDescription: String { "\(event): \(condition)" }
    }

    static let cases: [Case] = [
        // Who the author is
        Case(event: "pull_request_target", condition: "github.event.pull_request.author_association == 'MEMBER'", verdict: .never,
             why: "an outsider's association is NONE, FIRST_TIMER, FIRST_TIME_CONTRIBUTOR or CONTRIBUTOR"),
        Case(event: "issue_comment", condition: "contains(fromJSON('[\"OWNER\", \"MEMBER\"]'), github.event.comment.author_association)", verdict: .never,
             why: "a list of associations with standing"),
        Case(event: "issue_comment", condition: "github.event.comment.author_association != 'NONE'", verdict: .attackerCanSatisfy,
             why: "anyone who has opened a pull request is FIRST_TIME_CONTRIBUTOR or CONTRIBUTOR"),
        Case(event: "pull_request_target", condition: "github.event.pull_request.author_association == 'CONTRIBUTOR'", verdict: .attackerCanSatisfy,
             why: "one merged typo fix makes an outsider a CONTRIBUTOR"),
        Case(event: "issue_comment", condition: "github.event.comment.author_association == 'OWNER' || github.event.comment.author_association == 'COLLABORATOR'", verdict: .never,
             why: "neither alternative is open to an outsider"),
        // Same-repository checks
        Case(event: "pull_request_target", condition: "github.event.pull_request.head.repo.full_name == github.repository", verdict: .never,
             why: "a fork's full name is never the base repository's"),
        Case(event: "pull_request_target", condition: "github.event.pull_request.head.repo.fork == false", verdict: .never,
             why: "an outsider's pull request comes from a fork"),
        Case(event: "pull_request_target", condition: "!github.event.pull_request.head.repo.fork", verdict: .never,
             why: "the same, negated"),
        Case(event: "pull_request_target", condition: "github.event.pull_request.head.repo.fork != true", verdict: .never,
             why: "the same, compared"),
        Case(event: "pull_request_target", condition: "github.event.pull_request.head.repo.owner.login == 'acme'", verdict: .never,
             why: "the fork lives under the outsider's account"),
        Case(event: "pull_request", condition: "github.event.pull_request.head.repo.full_name == 'acme/app'", verdict: .never,
             why: "a literal names the base (or a trusted) repository, not the outsider's fork"),
        Case(event: "pull_request_target", condition: "github.event.pull_request.head.repo.fork == false || (github.event.pull_request.head.repo.fork == true && contains(github.event.pull_request.labels.*.name, 'safe to test'))", verdict: .needsMaintainer,
             why: "a fork gets in once a maintainer sets the label: a label gate, not a sound guard"),
        Case(event: "issue_comment", condition: "github.event.pull_request.head.repo.fork == false", verdict: .always,
             why: "an issue_comment payload has no pull_request: null == false holds under loose equality"),
        Case(event: "workflow_run", condition: "github.event.workflow_run.head_repository.full_name == github.repository", verdict: .never,
             why: "the run that triggered it came from a fork"),
        Case(event: "workflow_run", condition: "github.event.workflow_run.event == 'pull_request' && github.event.workflow_run.conclusion == 'success'", verdict: .attackerCanSatisfy,
             why: "the outsider's pull request run succeeds when they want it to"),
        // The event itself
        Case(event: "pull_request_target", condition: "github.event_name == 'push'", verdict: .never,
             why: "on pull_request_target the event name is fixed"),
        Case(event: "pull_request_target", condition: "github.event_name != 'pull_request_target'", verdict: .never,
             why: "the same, negated"),
        Case(event: "pull_request_target", condition: "github.event_name == 'push' || github.event_name == 'pull_request_target'", verdict: .always,
             why: "one alternative is always true"),
        Case(event: "issue_comment", condition: "github.event_name == 'issue_comment' && github.event.issue.pull_request", verdict: .attackerCanSatisfy,
             why: "the outsider chooses to comment on a pull request"),
        // Labels and other maintainer acts
        Case(event: "pull_request_target", condition: "contains(github.event.pull_request.labels.*.name, 'safe to test')", verdict: .needsMaintainer,
             why: "only someone with triage access sets labels"),
        Case(event: "pull_request_target", condition: "github.event.label.name == 'ok-to-test'", verdict: .needsMaintainer,
             why: "the label event's label is set by a maintainer"),
        Case(event: "pull_request_target", condition: "!contains(github.event.pull_request.labels.*.name, 'do-not-run')", verdict: .attackerCanSatisfy,
             why: "true until a maintainer labels it"),
        Case(event: "pull_request_target", condition: "github.event.pull_request.merged == true", verdict: .needsMaintainer,
             why: "merging needs write access"),
        Case(event: "pull_request_target", condition: "github.event.action == 'closed' && github.event.pull_request.merged", verdict: .needsMaintainer,
             why: "the outsider can close their pull request, not merge it"),
        Case(event: "pull_request_review", condition: "github.event.review.state == 'approved'", verdict: .attackerCanSatisfy,
             why: "anyone can submit an approving review; it only does not count toward required reviews"),
        // Values the outsider chooses
        Case(event: "issue_comment", condition: "contains(github.event.comment.body, '/ok-to-test')", verdict: .attackerCanSatisfy,
             why: "anyone can comment"),
        Case(event: "issue_comment", condition: "startsWith(github.event.comment.body, '/deploy') && github.event.comment.author_association == 'MEMBER'", verdict: .never,
             why: "the command is open, the association is not"),
        Case(event: "pull_request_target", condition: "startsWith(github.head_ref, 'dependabot/')", verdict: .attackerCanSatisfy,
             why: "a fork's branch can have any name"),
        Case(event: "pull_request_target", condition: "github.actor == 'dependabot[bot]'", verdict: .attackerCanSatisfy,
             why: "the last actor on a pull request can be made Dependabot (Dependabot confusion)"),
        Case(event: "pull_request_target", condition: "github.event.pull_request.user.login == 'dependabot[bot]'", verdict: .never,
             why: "the pull request's author is the outsider, who is not Dependabot"),
        Case(event: "issue_comment", condition: "github.actor == 'octocat'", verdict: .never,
             why: "on a comment the actor is the commenter"),
        Case(event: "issue_comment", condition: "contains('alice,bob', github.event.comment.user.login)", verdict: .attackerCanSatisfy,
             why: "substring search: an outsider can register the login 'ali'"),
        Case(event: "pull_request_target", condition: "github.repository == 'acme/app'", verdict: .attackerCanSatisfy,
             why: "the run is in the base repository, whose name the literal probably is"),
        Case(event: "pull_request_target", condition: "github.repository_owner == 'acme' && github.event.pull_request.draft == false", verdict: .attackerCanSatisfy,
             why: "both are true for an outsider's ready pull request"),
        // Status functions and the implied success()
        Case(event: "pull_request_target", condition: "always()", verdict: .always, why: "no condition at all"),
        Case(event: "pull_request_target", condition: "success()", verdict: .always, why: "the implied condition"),
        Case(event: "pull_request_target", condition: "${{ github.event.pull_request.head.repo.fork == false }}", verdict: .never,
             why: "`${{ }}` around an `if:` is optional"),
        Case(event: "pull_request_target", condition: "failure() && github.event.pull_request.head.repo.fork", verdict: .attackerCanSatisfy,
             why: "the outsider's code can make an earlier step fail"),
        // `${{ }}` with anything around it makes the value a string (GitHub Docs, "Expressions")
        Case(event: "pull_request_target", condition: "${{ github.event.pull_request.head.repo.fork == false }}\n", verdict: .always,
             why: "a `|` block keeps its last line break, and a non-empty string is true"),
        Case(event: "pull_request_target", condition: "true && ${{ false }}", verdict: .always,
             why: "the documented example: text outside `${{ }}` makes a string"),
        Case(event: "pull_request_target", condition: "${{ github.event_name == 'push' }} && ${{ github.ref == 'refs/heads/main' }}", verdict: .always,
             why: "two expressions joined by text are one string"),
        Case(event: "pull_request_target", condition: "${{ github.event_name == 'push' && ${{ x }}", verdict: .attackerCanSatisfy,
             why: "a `${{` inside another is malformed, and a malformed condition is pessimistic"),
        // Unknowns are pessimistic
        Case(event: "pull_request_target", condition: "needs.check.outputs.allowed == 'true'", verdict: .attackerCanSatisfy,
             why: "an output Firebreak cannot evaluate is taken to let the outsider in"),
        Case(event: "pull_request_target", condition: "vars.ENABLE_PREVIEW", verdict: .attackerCanSatisfy,
             why: "a repository variable's value is unknown"),
        Case(event: "pull_request_target", condition: "github.event.pull_request.head.repo.fork == false && needs.check.outputs.allowed == 'true'", verdict: .never,
             why: "`&&` takes the worst case: the fork check alone keeps the outsider out"),
        Case(event: "pull_request_target", condition: "(github.event.pull_request.head.repo.fork", verdict: .attackerCanSatisfy,
             why: "a malformed condition is pessimistic"),
        Case(event: "pull_request_target", condition: "format('{0}/{1}', github.repository_owner, 'x') == 'acme/x'", verdict: .attackerCanSatisfy,
             why: "format over an unknown owner is unknown text"),
        Case(event: "pull_request_target", condition: "format('{{{0}}}', 'x') == '{x}'", verdict: .always,
             why: "format with literals is evaluated"),
        Case(event: "discussion", condition: "github.event.discussion.author_association == 'OWNER'", verdict: .never,
             why: "the discussion's author is the outsider"),
    ]

    @Test(arguments: cases)
    func verdict(of row: Case) {
        #expect(ConditionAnalysis.verdict(of: row.condition, on: row.event).verdict == row.verdict, "\(row.why)")
    }

    @Test func substringSearchOfAssociationsIsJudgedOnTheValuesAnOutsiderHas() {
        // "CONTRIBUTOR" is not inside "OWNER MEMBER COLLABORATOR"; none of the outsider's values is.
        #expect(ConditionAnalysis.verdict(of: "contains('OWNER MEMBER COLLABORATOR', github.event.pull_request.author_association)",
                                          on: "pull_request_target").verdict == .never)
    }

    @Test func unknownContextsAreNamed() {
        let result = ConditionAnalysis.verdict(of: "needs.check.outputs.allowed == 'true'", on: "pull_request_target")
        #expect(result.assumed == ["needs.check.outputs.allowed"])
    }

    @Test func malformedConditionsSayWhere() {
        let result = ConditionAnalysis.verdict(of: "github.event_name == 'push' &&", on: "push")
        #expect(result.error?.message == "expected a value, found end of expression")
    }

    @Test func aConditionThatIsAStringSaysWhatMadeItOne() {
        #expect(ExpressionTemplate.condition("${{ x == 'y' }}") == .init(expression: " x == 'y' ", stringified: nil))
        #expect(ExpressionTemplate.condition("x == 'y'\n") == .init(expression: "x == 'y'", stringified: nil))
        #expect(ExpressionTemplate.condition("${{ x == 'y' }}\n").stringified == .whitespace)
        #expect(ExpressionTemplate.condition("x && ${{ y }}").stringified == .text)
        // GitHub adds `success() &&` only where no status function is called, inside `${{ }}` too.
        #expect(ExpressionTemplate.condition("${{ always() }}\n").expression == "always()")
        #expect(ExpressionTemplate.condition("${{ github.ref }}\n").expression == "true")
    }

    @Test func whetherAJobRunsOnAnEventAtAllUsesOnlyTheEventName() {
        #expect(ConditionAnalysis.runs("github.event_name == 'push'", on: "pull_request_target") == false)
        #expect(ConditionAnalysis.runs("github.event.pull_request.head.repo.fork == false", on: "pull_request_target"))
        #expect(ConditionAnalysis.runs("github.event_name != 'pull_request' || contains(github.event.pull_request.labels.*.name, 'x')", on: "pull_request"))
    }
}
