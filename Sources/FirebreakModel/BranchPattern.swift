/// Glob matching of branch names and patterns, as code hosts write them (`main`, `release/*`, `*`).
public enum BranchPattern {
    /// Whether `pattern` admits `branch`. A branch that is itself a pattern (such as `*`, any other
    /// branch) is admitted only by a pattern at least as wide.
    public static func matches(_ pattern: String, _ branch: String) -> Bool {
        if pattern == "*" || pattern == "**" { return true }
        if pattern == branch { return true }
        if branch.contains("*") { return false }
        return glob(Array(pattern), Array(branch))
    }

    private static func glob(_ p: [Character], _ s: [Character]) -> Bool {
        var pi = 0, si = 0, star = -1, mark = 0
        while si < s.count {
            if pi < p.count, p[pi] == "*" {
                star = pi; mark = si; pi += 1
            } else if pi < p.count, p[pi] == s[si] {
                pi += 1; si += 1
            } else if star >= 0 {
                pi = star + 1; mark += 1; si = mark
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}
