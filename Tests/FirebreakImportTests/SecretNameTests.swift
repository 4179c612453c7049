import FirebreakImport
import FirebreakModel
import FirebreakTestSupport
import Testing

/// What a secret's name and the input it is handed in say of it: a setting counts low, a
/// credential high, and a GitHub token handed to an action's token input is a long-lived token.
@Suite struct SecretNameTests {
    static func model(_ steps: String) throws -> PipelineModel {
        let repository = try ScratchRepository(files: [".github/workflows/site.yml": """
            on: {push: {branches: [main]}}
            jobs:
              site:
                runs-on: ubuntu-latest
                steps:
            \(steps.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n"))
            """])
        return try InputLoader.load(path: repository.root).model
    }

    @Test func aSonarLoginIsATokenAndADockerLoginASetting() throws {
        let model = try Self.model("""
            - run: ./gradlew sonar -Dsonar.token="$SONAR_LOGIN"
              env: {SONAR_LOGIN: "${{ secrets.SONAR_LOGIN }}"}
            - run: docker login -u "$DOCKER_USER" --password-stdin <<< "$DOCKER_PASSWORD"
              env: {DOCKER_USER: "${{ secrets.DOCKER_HUB_LOGIN }}", DOCKER_PASSWORD: "${{ secrets.DOCKER_HUB_PASSWORD }}"}
            """)
        #expect(model.secrets["SONAR_LOGIN"]?.criticality == .high)
        #expect(model.secrets["DOCKER_HUB_LOGIN"]?.criticality == .low)
    }

    @Test func aPersonalTokenHandedToThePagesActionIsAGitHubToken() throws {
        let model = try Self.model("""
            - uses: peaceiris/actions-gh-pages@v4
              with: {personal_token: "${{ secrets.PAGES_PUSH_TOKEN }}", external_repository: acme/site}
            """)
        #expect(model.secrets["PAGES_PUSH_TOKEN"]?.carries?.name == "github-token:PAGES_PUSH_TOKEN")
        // The control: the action's `publish_dir` is no token.
        let plain = try Self.model("""
            - uses: peaceiris/actions-gh-pages@v4
              with: {publish_dir: "${{ secrets.SITE_DIR }}"}
            """)
        #expect(plain.secrets["SITE_DIR"]?.carries == nil)
    }
}
