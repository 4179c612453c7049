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

    /// The prefixes as bytes, and per byte whether some prefix starts with it.
    private static let prefixBytes = prefixes.map { Array($0.utf8) }
    private static let startsPrefix: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for prefix in prefixBytes { table[Int(prefix[0])] = true }
        return table
    }()

    /// The kind of credential literal in `text` (a slug such as `github-token`), if it holds one.
    static func kind(in text: String) -> String? {
        guard text.utf8.count >= 20, holdsPrefix(text) else { return nil }
        return patterns.first { Patterns.matches($0.regex, text) }?.kind
    }

    /// Whether some prefix occurs in `text`: one pass over its bytes (every scalar of every
    /// workflow is asked), a prefix tried only where a byte starts one.
    static func holdsPrefix(_ text: String) -> Bool {
        let (table, prefixes) = (startsPrefix, prefixBytes)
        var text = text
        return text.withUTF8 { bytes in
            for start in bytes.indices where table[Int(bytes[start])] {
                for prefix in prefixes where prefix[0] == bytes[start] && bytes.count - start >= prefix.count {
                    if prefix.indices.allSatisfy({ bytes[start + $0] == prefix[$0] }) { return true }
                }
            }
            return false
        }
    }
}
