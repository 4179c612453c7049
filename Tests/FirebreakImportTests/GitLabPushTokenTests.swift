import FirebreakEngine
import FirebreakImport
import FirebreakModel
import FirebreakTestSupport
import Testing

/// A CI/CD variable put into the address a script pushes the project to holds a token that
/// writes the repository: a long-lived credential, where it had counted as a secret whose reach
/// was unknown.
@Suite struct GitLabPushTokenTests {
    static func model(_ script: String) throws -> PipelineModel {
        let repository = try ScratchRepository(files: [".gitlab-ci.yml": """
            rebase:
              rules:
                - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
              script:
                - |
            \(script.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n"))
            """])
        return try InputLoader.load(path: repository.root).model
    }

    @Test func aVariableInTheProjectsPushAddressWritesTheRepository() throws {
        let model = try Self.model("""
            git fetch origin main
            git remote add push-remote https://oauth2:${REBASE_TOKEN}@${CI_SERVER_HOST}/${CI_PROJECT_PATH}.git
            git push push-remote feature --force
            """)
        let secret = try #require(model.secrets["REBASE_TOKEN"])
        #expect(secret.carries?.name == "gitlab-token:REBASE_TOKEN")
        let token = try #require(model.identities["gitlab-token:REBASE_TOKEN"])
        #expect(token.kind == .personalToken && token.lifetime == .static)
        #expect(token.grants.contains { $0.target == model.repository.id && $0.level == .write })
        #expect(token.location.line == 7 && token.location.column == 51, "where the address names it: \(token.location)")
        // A leaked token of its own pushes the project: the scenario starts from it.
        let result = try Examples.run("leaked-god-token", on: model)
        #expect(result.footholds.contains(Fact(.hold, NodeID(.identity, "gitlab-token:REBASE_TOKEN"))))
    }

    @Test func anotherProjectsAddressTheJobTokenAndNoPushAreNot() throws {
        // The control: another project's address, GitLab's own job token, a remote never pushed.
        for script in ["git push https://bot:${MIRROR_TOKEN}@github.com/acme/mirror.git main",
                       "git push https://gitlab-ci-token:${CI_JOB_TOKEN}@${CI_SERVER_HOST}/${CI_PROJECT_PATH}.git HEAD:main",
                       "git remote add up https://oauth2:${REBASE_TOKEN}@${CI_SERVER_HOST}/${CI_PROJECT_PATH}.git\ngit fetch up"] {
            let model = try Self.model(script)
            #expect(!model.identities.keys.contains { $0.hasPrefix("gitlab-token:") }, "\(script)")
        }
    }
}
