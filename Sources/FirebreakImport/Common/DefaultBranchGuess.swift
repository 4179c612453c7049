import Foundation

/// The default branch a repository's pipeline files point to when no context file names it:
/// `master` when they name `master` as a branch and never `main` (`branches: [master]`,
/// `refs/heads/master`, `$CI_COMMIT_BRANCH == "master"`), else `trunk` when they name that and
/// neither, else `dev` or `develop` when they compare the ref to it and name none of the three
/// (Home Assistant OS: `github.ref != 'refs/heads/dev'`), else GitHub's and GitLab's default,
/// `main`. Which branch is the default decides which runs are protected ones, so the guess is
/// stated with the other assumptions of a repository without context.
enum DefaultBranchGuess {
    static let fallback = "main"

    static func guess(from texts: [String]) -> String {
        guard !texts.contains(where: { names(fallback, in: $0) }) else { return fallback }
        if let named = ["master", "trunk"].first(where: { branch in texts.contains { names(branch, in: $0) } }) { return named }
        // `dev` is also a word for an environment or a channel (`options: [dev, stable]`), so
        // only a comparison with the ref itself names it as a branch.
        return ["dev", "develop"].first { branch in texts.contains { comparesRef(to: branch, in: $0) } } ?? fallback
    }

    /// Whether `text` names the branch by its full ref (`refs/heads/dev`) or compares GitLab's
    /// branch variables to it (`$CI_COMMIT_BRANCH == "dev"`).
    static func comparesRef(to branch: String, in text: String) -> Bool {
        guard TextSearch.contains(text, branch) else { return false }
        let ends: Set<Character> = [" ", "'", "\"", "]", ",", ")", "\r", "\n"]
        for prefix in ["refs/heads/", "CI_COMMIT_BRANCH == \"", "CI_COMMIT_BRANCH == '", "CI_COMMIT_REF_NAME == \"", "CI_COMMIT_REF_NAME == '"] {
            var rest = text[...]
            while let found = rest.range(of: prefix + branch) {
                let next = text[found.upperBound...].first
                if next.map(ends.contains) ?? true { return true }
                rest = text[found.upperBound...]
            }
        }
        return false
    }

    /// Whether `text` names the branch as a value of its own: quoted (`'master'`), in a flow list
    /// (`[main, dev]`), after `refs/heads/`, as a list item (`- master`) or as the value of
    /// `branches:`; never inside prose, a path or another word (`main.go`, `origin/main`), nor as
    /// an action's `branch:` or `ref:` input.
    static func names(_ branch: String, in text: String) -> Bool {
        // A byte search first: most lines, and many files, do not name it at all.
        guard TextSearch.contains(text, branch) else { return false }
        for line in TextSplit.lines(text) where TextSearch.contains(line, branch) {
            var rest = line[...]
            while let found = rest.range(of: branch) {
                let before = line[line.startIndex..<found.lowerBound]
                let after = line[found.upperBound...]
                if setsOff(before: before, after: after) { return true }
                rest = line[found.upperBound...]
            }
        }
        return false
    }

    private static func setsOff(before: Substring, after: Substring) -> Bool {
        let previous = before.last
        let next = after.first
        // Quoted, the same quote on both sides; but not as an action's input (`branch: 'main'`,
        // `ref: "main"`), which may name another repository's branch.
        if let quote = previous, quote == "'" || quote == "\"" {
            return next == quote && !isActionInput(key: before.dropLast())
        }
        let endsValue = next == nil || next == "\r" || after.drop { $0 == " " || $0 == "\t" }.first.map { $0 == "#" } ?? true
        let trimmed = before.reversed().drop { $0 == " " || $0 == "\t" }
        let lastMark = trimmed.first
        // In a flow list.
        if lastMark == "[" || lastMark == "," {
            let close = after.drop { $0 == " " || $0 == "\t" }.first
            return close == "]" || close == ","
        }
        // After `refs/heads/`.
        if before.hasSuffix("refs/heads/") { return next == nil || " '\"],\r".contains(next!) }
        // A list item (`- master`), or the value of a key about branches (`branches:`,
        // `DEFAULT_BRANCH:`). The key `branch:` itself or a checkout's `ref:` is an action's
        // input, which may name another repository's branch (a CLA action's `branch: main` in a
        // repository whose default is master).
        let head = String(before).trimmingCharacters(in: .whitespaces).lowercased()
        // GitLab's `only: - master@group/project` names the branch of that project.
        if head == "-", next == "@" { return true }
        guard endsValue, previous == " " else { return false }
        return head == "-" || head.hasSuffix("branches:") || (head.hasSuffix("branch:") && !isActionInput(key: before))
    }

    /// Whether the text before a value ends with the key `branch:` or `ref:` itself (an
    /// action's input), not a longer key (`NETTLE_BRANCH:`, `DEFAULT_BRANCH:`).
    private static func isActionInput(key before: Substring) -> Bool {
        let key = before.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "{" || $0 == "," }).last?.lowercased() ?? ""
        return key == "branch:" || key == "ref:"
    }
}
