import Foundation

/// Which pipelines a `rules: if:` admits, found by evaluating it on each kind of pipeline
/// (a push to the default branch, to a branch it names, to any other branch, a tag, a merge
/// request, a schedule, a manual or API run) with GitLab's predefined variables set as that
/// pipeline sets them. A variable the file does not define is unknown, and an unknown outcome
/// admits the pipeline (pessimistic).
///
/// Source: GitLab Docs, "Predefined CI/CD variables" (which variables each pipeline source
/// sets: `CI_COMMIT_BRANCH` not in merge request or tag pipelines, `CI_COMMIT_TAG` only for
/// tags, `CI_MERGE_REQUEST_*` only in merge request pipelines).
enum GitLabPipelines {
    /// A variable's value in one pipeline.
    enum Value: Equatable {
        case text(String)
        case null
        /// Set, to text Firebreak does not know but is never empty (a tag's name, a merge
        /// request's number): as a condition, true.
        case someText
        /// A branch other than the default and every branch the file names.
        case otherBranch
        /// Text whose written parts are known around variables that are not (`${EDITION}_BUILD`):
        /// it starts with `prefix`, ends with `suffix`, and is never empty (one of them is not).
        case partly(prefix: String, suffix: String)
        /// Maybe unset, maybe anything.
        case unknown

        /// A value as the file writes it: its text, or what its written parts say around the
        /// variables it names (`$NAME`, `${NAME}`); unknown when it says nothing.
        static func written(_ text: String) -> Value {
            guard let first = text.firstIndex(of: "$") else { return .text(text) }
            let prefix = String(text[..<first])
            // The text after the last variable named: after `}` for `${NAME}`, else after the name's characters.
            var suffix = ""
            if let last = text.lastIndex(of: "$") {
                let rest = text[text.index(after: last)...]
                if rest.first == "{" {
                    suffix = rest.firstIndex(of: "}").map { String(rest[rest.index(after: $0)...]) } ?? ""
                } else {
                    suffix = String(rest.drop { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
                }
            }
            if suffix.contains("$") { suffix = "" }
            return prefix.isEmpty && suffix.isEmpty ? .unknown : .partly(prefix: prefix, suffix: suffix)
        }
    }

    enum Truth { case yes, no, maybe }

    /// The symbolic name of the default branch, resolved by the builder.
    static let defaultBranch = "$CI_DEFAULT_BRANCH"

    /// The pipelines `text` admits (nil: a rule with no `if:`, which every pipeline matches)
    /// that none of `exclusions` surely matches: the conditions of the `when: never` rules
    /// before it, the first matching rule deciding (GitLab Docs, "rules"). Nil when `text`
    /// cannot be read. In a child pipeline (`child`), `CI_PIPELINE_SOURCE` is
    /// `parent_pipeline` whatever started the parent. `project` holds the variables every
    /// pipeline of the project sets alike, where they are known (`CI_PROJECT_PATH`).
    static func admitted(by text: String?, unless exclusions: [GitLabExpression] = [], child: Bool = false,
                         project: [String: Value] = [:]) -> GitLabRuns? {
        var expression: GitLabExpression?
        if let text {
            guard let parsed = GitLabExpression.parse(text) else { return nil }
            expression = parsed
        }
        var runs = GitLabRuns()
        let named = Set((expression.map(branchLiterals) ?? []) + exclusions.flatMap(branchLiterals))
        // `excludedIn`: the variables the exclusions are judged with, where the pipeline's ref is
        // less certain than the one the rule is read with (a schedule's).
        func admits(_ variables: [String: Value], excludedIn exclusionVariables: [String: Value]? = nil) -> Bool {
            var variables = variables.merging(project) { own, _ in own }
            var excluding = (exclusionVariables ?? variables).merging(project) { own, _ in own }
            if child {
                variables["CI_PIPELINE_SOURCE"] = .text("parent_pipeline")
                excluding["CI_PIPELINE_SOURCE"] = .text("parent_pipeline")
            }
            // An exclusion that may or may not match leaves the pipeline in (pessimistic).
            return (expression.map { evaluate($0, variables) != .no } ?? true) && !exclusions.contains { evaluate($0, excluding) == .yes }
        }
        func push(_ branch: Value, protected: Value = .unknown) -> [String: Value] {
            ["CI_PIPELINE_SOURCE": .text("push"), "CI_COMMIT_BRANCH": branch, "CI_COMMIT_REF_NAME": branch, "CI_COMMIT_TAG": .null,
             "CI_COMMIT_REF_PROTECTED": protected]
        }
        if admits(push(.text(defaultBranch))) { runs.branches.append(defaultBranch) }
        for branch in named.sorted() where admits(push(.text(branch))) { runs.branches.append(branch) }
        if admits(push(.otherBranch)) {
            runs.branches.append("*")
            // Admitted on another branch only when it is protected: a protected-refs-only job.
            runs.protectedOnly = !admits(push(.otherBranch, protected: .text("false")))
        }
        func tag(protected: Value = .unknown) -> [String: Value] {
            ["CI_PIPELINE_SOURCE": .text("push"), "CI_COMMIT_TAG": .someText, "CI_COMMIT_BRANCH": .null, "CI_COMMIT_REF_NAME": .someText,
             "CI_COMMIT_REF_PROTECTED": protected]
        }
        runs.tags = admits(tag())
        // Admitted for a tag only when it is protected: a tag whoever pushes creates does not run it.
        runs.protectedTagsOnly = runs.tags && !admits(tag(protected: .text("false")))
        runs.mergeRequests = admits(["CI_PIPELINE_SOURCE": .text("merge_request_event"), "CI_MERGE_REQUEST_IID": .someText,
                                     "CI_COMMIT_BRANCH": .null, "CI_COMMIT_TAG": .null, "CI_COMMIT_REF_NAME": .someText,
                                     "CI_COMMIT_REF_PROTECTED": .text("false")])
        // A schedule runs for the branch or tag it names, the default branch unless set: read on
        // the default branch, but kept out only by a rule that matches whatever its ref.
        runs.schedules = admits(["CI_PIPELINE_SOURCE": .text("schedule"), "CI_COMMIT_BRANCH": .text(defaultBranch),
                                 "CI_COMMIT_REF_NAME": .text(defaultBranch), "CI_COMMIT_TAG": .null],
                                excludedIn: ["CI_PIPELINE_SOURCE": .text("schedule"), "CI_COMMIT_BRANCH": .unknown,
                                             "CI_COMMIT_REF_NAME": .someText, "CI_COMMIT_TAG": .unknown])
        runs.manual = ["web", "api", "trigger", "pipeline", "parent_pipeline", "chat"].contains { source in
            admits(["CI_PIPELINE_SOURCE": .text(source), "CI_COMMIT_BRANCH": .unknown, "CI_COMMIT_REF_NAME": .someText])
        }
        if runs.branches.contains("*") { runs.branches = ["*"] }
        return runs
    }

    /// Branch names the expression compares `CI_COMMIT_BRANCH` or `CI_COMMIT_REF_NAME` with.
    static func branchLiterals(in expression: GitLabExpression) -> [String] {
        switch expression {
        case .compare(_, .variable(let name), .string(let value)), .compare(_, .string(let value), .variable(let name)):
            return ["CI_COMMIT_BRANCH", "CI_COMMIT_REF_NAME"].contains(name) && !value.contains("$[[") ? [value] : []
        case .and(let lhs, let rhs), .or(let lhs, let rhs):
            return branchLiterals(in: lhs) + branchLiterals(in: rhs)
        default:
            return []
        }
    }

    static func evaluate(_ expression: GitLabExpression, _ variables: [String: Value]) -> Truth {
        switch expression {
        case .and(let lhs, let rhs):
            let a = evaluate(lhs, variables)
            if a == .no { return .no }
            let b = evaluate(rhs, variables)
            return b == .no ? .no : (a == .yes && b == .yes ? .yes : .maybe)
        case .or(let lhs, let rhs):
            let a = evaluate(lhs, variables)
            if a == .yes { return .yes }
            let b = evaluate(rhs, variables)
            return b == .yes ? .yes : (a == .no && b == .no ? .no : .maybe)
        case .compare(let op, let lhs, let rhs):
            let a = value(lhs, variables), b = value(rhs, variables)
            switch op {
            case "==": return equal(a, b)
            case "!=": return negate(equal(a, b))
            case "=~": return matches(a, rhs)
            default: return negate(matches(a, rhs))
            }
        default:
            switch value(expression, variables) {
            case .text(let text): return text.isEmpty ? .no : .yes
            case .null: return .no
            case .someText, .otherBranch, .partly: return .yes
            case .unknown: return .maybe
            }
        }
    }

    static func value(_ expression: GitLabExpression, _ variables: [String: Value]) -> Value {
        switch expression {
        case .variable(let name):
            if let known = variables[name] { return known }
            if name == "CI_DEFAULT_BRANCH" { return .text(defaultBranch) }
            if name.hasPrefix("CI_MERGE_REQUEST_") || name.hasPrefix("CI_EXTERNAL_PULL_REQUEST_") {
                // Set only in merge request pipelines; some only when the request has them (labels, a
                // milestone). External pull request pipelines, which the merge request ones stand
                // for here, set the others: unknown.
                guard variables["CI_MERGE_REQUEST_IID"] != nil else { return .null }
                return alwaysSetInMergeRequests.contains(name) ? .someText : .unknown
            }
            return .unknown
        // A CI/CD input (`$[[ inputs.x ]]`) is filled in before the rule is read, from what
        // Firebreak does not see: unknown.
        case .string(let text): return text.contains("$[[") ? .unknown : .text(text)
        case .null: return .null
        default: return .unknown
        }
    }

    /// The merge request variables every merge request pipeline sets, never empty (GitLab Docs,
    /// "Predefined CI/CD variables": those without "if" in their availability).
    static let alwaysSetInMergeRequests: Set<String> = [
        "CI_MERGE_REQUEST_ID", "CI_MERGE_REQUEST_IID", "CI_MERGE_REQUEST_PROJECT_ID", "CI_MERGE_REQUEST_PROJECT_PATH",
        "CI_MERGE_REQUEST_PROJECT_URL", "CI_MERGE_REQUEST_REF_PATH", "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME",
        "CI_MERGE_REQUEST_SOURCE_PROJECT_ID", "CI_MERGE_REQUEST_SOURCE_PROJECT_PATH", "CI_MERGE_REQUEST_SOURCE_PROJECT_URL",
        "CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "CI_MERGE_REQUEST_TITLE", "CI_MERGE_REQUEST_EVENT_TYPE",
    ]

    static func equal(_ a: Value, _ b: Value) -> Truth {
        switch (a, b) {
        // A never-empty value is not the empty string.
        case (.someText, .text("")), (.text(""), .someText), (.otherBranch, .text("")), (.text(""), .otherBranch): return .no
        case (.text(let x), .text(let y)):
            // The default branch's real name is the builder's: against another literal, unknown.
            if (x == defaultBranch) != (y == defaultBranch) { return .maybe }
            return x == y ? .yes : .no
        case (.null, .null): return .yes
        case (.null, .text), (.text, .null), (.null, .someText), (.someText, .null), (.null, .otherBranch), (.otherBranch, .null): return .no
        case (.otherBranch, .text), (.text, .otherBranch): return .no
        // Text known in part equals a literal only if the literal has those parts.
        case (.partly(let prefix, let suffix), .text(let text)), (.text(let text), .partly(let prefix, let suffix)):
            if text == defaultBranch { return .maybe }
            return text.count >= prefix.count + suffix.count && text.hasPrefix(prefix) && text.hasSuffix(suffix) ? .maybe : .no
        case (.partly, .null), (.null, .partly): return .no
        default: return .maybe
        }
    }

    static func matches(_ a: Value, _ pattern: GitLabExpression) -> Truth {
        guard case .pattern(let source) = pattern else { return .maybe }
        switch a {
        case .null: return .no
        case .text(let text) where text != defaultBranch:
            guard let regex = try? NSRegularExpression(pattern: source) else { return .maybe }
            return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil ? .yes : .no
        default: return .maybe
        }
    }

    static func negate(_ truth: Truth) -> Truth {
        switch truth {
        case .yes: .no
        case .no: .yes
        case .maybe: .maybe
        }
    }
}
