import FirebreakModel
import Yams

/// CI/CD variables the file names outside any job's scripts and own `variables:`: the values of
/// its global `variables:` (which every job receives: `PASSWORD: $REGISTRY_PASSWORD_RO`), of a
/// trigger job's `variables:` (passed to every job of its downstream pipeline:
/// `repo_token: "${STAGING_REPO_TOKEN}:@"`), and the credentials a job's `rules: if:` tests
/// (`$DEPLOY_TOKEN == null`, which says the job uses it). Each names a variable the project
/// holds; a job's scripts read those from the environment unnamed. Only names that read like a
/// credential are taken (`GitLabVariables.looksLikeCredential`): there, settings (`$QA_RELEASE`,
/// `$STAGING_REPO`) are passed on or tested far more often than secrets.
extension GitLabBuilder {
    /// Each such variable the file does not define, where it is first named.
    mutating func variablesNamedOutsideScripts(triggerJobs: [String], jobs: [String], defined: Set<String>) -> [(name: String, location: SourceLocation)] {
        var found: [(String, SourceLocation)] = []
        var seen = Set<String>()
        func add(_ names: some Sequence<String>, at location: SourceLocation) {
            for name in names.sorted() where GitLabVariables.looksLikeCredential(name) && !defined.contains(name) && !GitLabVariables.isPredefined(name)
                && seen.insert(name).inserted {
                found.append((name, location))
            }
        }
        func values(of variables: Sourced?) {
            guard let variables, variables.node.isMapping else { return }
            for entry in variables.node.gitlabEntries {
                guard let text = GitLabJobVariables.text(of: entry.value), text.contains("$") else { continue }
                add(GitLabVariables.referenced(in: [text]).referenced, at: entry.value.location(variables.file))
            }
        }
        values(of: config.top["variables"])
        values(of: config.top["default"].flatMap { defaults in defaults.node.value("variables").map { Sourced(node: $0, file: defaults.file) } })
        for name in triggerJobs { values(of: resolve(name)["variables"]) }
        for name in jobs {
            guard let rules = resolve(name)["rules"] else { continue }
            for rule in ruleItems(rules) {
                guard let condition = rule.value("if"), let expression = condition.scalarText.flatMap(GitLabExpression.parse) else { continue }
                add(expression.comparedVariables, at: condition.location(rules.file))
            }
        }
        return found
    }
}
