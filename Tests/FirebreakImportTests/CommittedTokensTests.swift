@testable import FirebreakImport
import Testing

/// Credential literals written into a workflow are found by kind; the one-pass prefix test in
/// front of the patterns agrees with searching for each prefix in turn.
struct CommittedTokensTests {
    static let texts = [
        "token: ghp_" + String(repeating: "a1B2", count: 9), "AKIA" + String(repeating: "Z", count: 16), "use glpat-abcdefghijklmnopqrstu now",
        "xoxb-1234567890-abcdef", "npm_" + String(repeating: "x", count: 36), "pypi-AgE" + String(repeating: "y", count: 50),
        "github_pat_" + String(repeating: "q", count: 60), "a plain sentence without anything", "gh gl xo np py AK AS", "ASI", "é🙂ghs_",
        "prefix at the very end: pypi-",
    ]

    @Test func thePrefixPassAgreesWithOneSearchPerPrefix() {
        for text in Self.texts {
            let bySearch = CommittedTokens.prefixes.contains { TextSearch.contains(text, $0) }
            #expect(CommittedTokens.holdsPrefix(text) == bySearch, "\(text.debugDescription)")
        }
    }

    @Test func eachKindIsNamed() {
        let kinds = Self.texts.prefix(7).map { CommittedTokens.kind(in: $0) }
        #expect(kinds == ["github-token", "aws-access-key", "gitlab-token", "slack-token", "npm-token", "pypi-token", "github-token"])
        #expect(CommittedTokens.kind(in: "ghp_short") == nil)
        #expect(CommittedTokens.kind(in: "a plain sentence without anything") == nil)
    }
}
