import Foundation
import Yams

/// One entry of a GitLab job's `cache:` as the runner uses it (GitLab Docs, "Caching in GitLab
/// CI/CD" and the `cache` keyword; GitLab Runner expands the key with the job's variables and
/// skips an entry that names no files).
struct GitLabCacheEntry {
    /// The key, with the variables GitLab sets per job replaced: jobs whose keys differ do not
    /// share a cache.
    var key: String
    /// `pull`, `push` or `pull-push` (the default, and what a policy that names a variable
    /// the file does not set is taken to be).
    var policy: String

    /// The predefined variables whose value is the job's own, which a key can name to give each
    /// job its own cache.
    static let perJobVariables = ["CI_JOB_NAME_SLUG", "CI_JOB_NAME", "CI_JOB_STAGE"]

    /// The entry of `node` for job `job` in `stage`, nil when it caches nothing: no `paths` and
    /// no `untracked: true` (as `cache: {}` writes), which the runner neither restores nor saves.
    /// `variables` are the job's own and the file's, for a policy written as a variable
    /// (`policy: $POLICY`, which GitLab expands).
    init?(_ node: Yams.Node, job: String, stage: String, variables: [String: String] = [:]) {
        let paths = node.value("paths")
        let listsPaths = paths.map { $0.scalarText.map { !$0.isEmpty } ?? !$0.items.isEmpty } ?? false
        guard listsPaths || node.value("untracked")?.scalarText == "true" else { return nil }
        let written = node.value("key")?.scalarText ?? node.value("key")?.value("prefix")?.scalarText ?? "default"
        key = Self.expand(written, job: job, stage: stage)
        policy = Self.policy(node.value("policy")?.scalarText, variables: variables)
    }

    /// The policy as written, or the value of the variable it names; `pull-push` when unset or
    /// unknown, the case in which the job both restores and saves.
    static func policy(_ written: String?, variables: [String: String]) -> String {
        guard var text = written else { return "pull-push" }
        if text.hasPrefix("$") {
            let name = text.dropFirst().trimmingCharacters(in: CharacterSet(charactersIn: "{}"))
            text = variables[name] ?? "pull-push"
        }
        return ["pull", "push", "pull-push"].contains(text) ? text : "pull-push"
    }

    /// `written` with `$NAME` and `${NAME}` of each per-job variable replaced by its value.
    static func expand(_ written: String, job: String, stage: String) -> String {
        guard written.contains("$") else { return written }
        let values = ["CI_JOB_NAME_SLUG": slug(job), "CI_JOB_NAME": job, "CI_JOB_STAGE": stage]
        var result = written
        for name in perJobVariables {
            result = result.replacingOccurrences(of: "${\(name)}", with: values[name]!)
            result = replacingBare("$" + name, with: values[name]!, in: result)
        }
        return result
    }

    /// `$NAME` replaced where no letter, digit or underscore follows it (so `$CI_JOB_NAME` is
    /// not read inside `$CI_JOB_NAME_SLUG`).
    private static func replacingBare(_ reference: String, with value: String, in text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let range = rest.range(of: reference) {
            let next = rest[range.upperBound...].first
            let continues = next.map { $0.isLetter || $0.isNumber || $0 == "_" } ?? false
            result += rest[..<range.lowerBound]
            result += continues ? reference : value
            rest = rest[range.upperBound...]
        }
        return result + rest
    }

    /// `CI_JOB_NAME_SLUG`: the name in lower case, cut to 63 bytes, every character other than
    /// `0-9` and `a-z` replaced with `-`, no `-` at either end.
    static func slug(_ name: String) -> String {
        let replaced = String(name.lowercased().unicodeScalars.map { ("a"..."z").contains($0) || ("0"..."9").contains($0) ? Character($0) : "-" })
        let cut = String(replaced.utf8.prefix(63).map { Character(Unicode.Scalar($0)) })
        return String(cut.drop { $0 == "-" }.reversed().drop { $0 == "-" }.reversed())
    }
}
