import FirebreakImport
import Testing

/// A repository is named by its `origin` remote: a GitLab project in subgroups by its whole
/// path, which is what its pipeline's `$CI_PROJECT_PATH` compares with.
@Suite struct RepositoryIdentityTests {
    @Test(arguments: [
        ("https://github.com/acme/app.git", "acme/app"),
        ("git@github.com:acme/app.git", "acme/app"),
        ("https://gitlab.com/gitlab-org/security/gitlab-runner.git", "gitlab-org/security/gitlab-runner"),
        ("git@gitlab.example.org:group/sub/app.git", "group/sub/app"),
        ("ssh://git@gitlab.example.org:2222/group/app", "group/app"),
    ])
    func aRemoteNamesTheProjectByItsWholePath(url: String, name: String) {
        #expect(RepositoryIdentity.name(fromURL: url) == name)
    }

    @Test func aURLWithNoOwnerNamesNothing() {
        #expect(RepositoryIdentity.name(fromURL: "https://example.org/app.git") == nil)
    }
}
