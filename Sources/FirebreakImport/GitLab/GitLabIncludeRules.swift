import Yams

/// Whether an `include:` item's `rules:` take it into this project's pipelines.
///
/// GitLab Docs, "Use rules with include": an include's rules are `if`, `exists` and `changes`,
/// with `when: never` or `always`; an include no rule matches is left out. The rules are read as
/// a job's are (`GitLabRuns`): an include that some pipeline may take is kept (pessimistic).
/// `$CI_PROJECT_PATH` is the project's path wherever it is known: the context file's name or the
/// origin remote's path, else the paths the pipeline's include rules compare it with, this
/// project being one of them.
/// Such rules tell the project apart from its forks, whose pipelines run in the fork with the
/// fork's own variables and runners (GitLab Docs, "Pipelines for merge requests from forks").
enum GitLabIncludeRules {
    /// What the rules decide for this project.
    enum Verdict: Equatable {
        /// Some pipeline of the project may take the include.
        case kept
        /// No pipeline of a project at one of the paths takes it, though one elsewhere (a fork) may.
        case otherProjectsOnly
        /// No pipeline takes it, wherever it runs.
        case never
    }

    /// The paths `rules` compare `$CI_PROJECT_PATH` with (`==` or `!=`): the projects the
    /// pipeline is written to tell apart.
    static func comparedProjectPaths(_ rules: Yams.Node) -> Set<String> {
        var paths = Set<String>()
        for rule in rules.items {
            guard let text = rule.value("if")?.scalarText, let expression = GitLabExpression.parse(text) else { continue }
            paths.formUnion(projectPaths(in: expression))
        }
        return paths
    }

    /// Whether a pipeline of the project at one of `paths` (any path, when empty) may take the include.
    static func verdict(_ rules: Yams.Node, projectPaths paths: Set<String>) -> Verdict {
        func taken(_ project: [String: GitLabPipelines.Value]) -> Bool { !GitLabRuns.rules(items: rules.items, project: project).isEmpty }
        if paths.contains(where: { taken(["CI_PROJECT_PATH": .text($0)]) }) { return .kept }
        return taken([:]) ? (paths.isEmpty ? .kept : .otherProjectsOnly) : .never
    }

    private static func projectPaths(in expression: GitLabExpression) -> [String] {
        switch expression {
        case .compare(let op, .variable("CI_PROJECT_PATH"), .string(let path)) where op == "==" || op == "!=",
             .compare(let op, .string(let path), .variable("CI_PROJECT_PATH")) where op == "==" || op == "!=":
            return path.contains("$") ? [] : [path]
        case .and(let lhs, let rhs), .or(let lhs, let rhs):
            return projectPaths(in: lhs) + projectPaths(in: rhs)
        default:
            return []
        }
    }
}
