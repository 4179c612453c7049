@testable import FirebreakImport
import Testing

/// The one glob matcher of CODEOWNERS and GitLab includes: `*` and `?` within a folder, `**`
/// across folders, in time bounded by the lengths, whatever the pattern.
@Suite struct PathGlobTests {
    @Test(arguments: [
        ("*.yml", "ci.yml", true), ("*.yml", "ci/ci.yml", false), ("**/*.yml", "a/b/ci.yml", true), ("**", "anything/at/all", true),
        ("ci/*.yml", "ci/build.yml", true), ("ci/*.yml", "ci/sub/build.yml", false), ("ci/**", "ci/sub/build.yml", true),
        ("ci/?.yml", "ci/a.yml", true), ("ci/?.yml", "ci/ab.yml", false), (".github/workflows/", ".github/workflows/", true),
        ("a/**/b", "a/x/y/b", true), ("a/**/b", "a/b", false), ("docs/*", "docs/a/b", false),
    ])
    func matches(_ row: (String, String, Bool)) {
        #expect(PathGlob(row.0).matches(row.1) == row.2, "\(row.0) ~ \(row.1)")
    }

    @Test func aBacktrackingBombIsLinearWork() {
        let pattern = String(repeating: "**/a", count: 100) + "b"
        let path = String(repeating: "a/", count: 200) + "c"
        #expect(!PathGlob(pattern).matches(path))
        #expect(CodeOwners.matches("/" + String(repeating: "*a", count: 200) + "!", String(repeating: "a", count: 400)) == false)
    }

    @Test func codeOwnersPatternsOwnTheFoldersBelowThem() {
        #expect(CodeOwners.matches("/.github/", ".github/workflows/ci.yml"))
        #expect(CodeOwners.matches("/.github/workflows/*.yml", ".github/workflows/ci.yml"))
        #expect(!CodeOwners.matches("/docs/", ".github/workflows/ci.yml"))
        #expect(CodeOwners.matches("workflows", ".github/workflows/ci.yml"))
    }
}
