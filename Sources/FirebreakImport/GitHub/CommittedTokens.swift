import Foundation

/// Credential literals recognisable by their format, as secret scanners recognise them.
///
/// Sources: GitHub Docs, "About authentication to GitHub" (token prefixes `ghp_`, `gho_`,
/// `ghu_`, `ghs_`, `ghr_`, `github_pat_`); AWS access key ids (`AKIA` + 16); GitLab personal
/// access tokens (`glpat-`); Slack (`xoxb-`, `xoxp-`); npm (`npm_` + 36); PyPI (`pypi-AgE`).
enum CommittedTokens {
    static let patterns: [(kind: String, regex: NSRegularExpression)] = [
        ("github-token", Patterns.regex(#"\b(gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{60,})\b"#)),
        ("aws-access-key", Patterns.regex(#"\b(AKIA|ASIA)[0-9A-Z]{16}\b"#)),
        ("gitlab-token", Patterns.regex(#"\bglpat-[A-Za-z0-9_-]{20,}\b"#)),
        ("slack-token", Patterns.regex(#"\bxox[bpas]-[A-Za-z0-9-]{10,}\b"#)),
        ("npm-token", Patterns.regex(#"\bnpm_[A-Za-z0-9]{36}\b"#)),
        ("pypi-token", Patterns.regex(#"\bpypi-AgE[A-Za-z0-9_-]{50,}\b"#)),
    ]

    /// What every pattern starts with: a cheap test before the expressions run.
    static let prefixes = ["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "AKIA", "ASIA", "glpat-", "xox", "npm_", "pypi-"]

    /// The kind of credential literal in `text` (a slug such as `github-token`), if it holds one.
    static func kind(in text: String) -> String? {
        guard text.utf8.count >= 20, prefixes.contains(where: { TextSearch.contains(text, $0) }) else { return nil }
        return patterns.first { Patterns.matches($0.regex, text) }?.kind
    }
}
