import FirebreakImport
import FirebreakModel
import FirebreakTestSupport
import Testing

/// A variable a script names is placed where the file writes it, also in a script item written
/// over several lines without a block (a plain scalar continued on the next lines, a folded
/// `>` one) or in quotes, whose text Yams gives with its lines joined or its quotes taken off.
@Suite struct GitLabScriptPlaceTests {
    static let file = """
        scan:
          script:
            - curl https://scan.example.org/builds
              --form token="$(cat "${SCAN_TOKEN_FILE}")"
              --form email=dev@example.org
            - >
              upload --key
              $UPLOAD_KEY
            - "deploy --token $DEPLOY_TOKEN"
            - echo $PLAIN_TOKEN
        """

    @Test(arguments: [("SCAN_TOKEN_FILE", 4), ("UPLOAD_KEY", 8), ("DEPLOY_TOKEN", 9), ("PLAIN_TOKEN", 10)])
    func aVariableIsPlacedWhereTheFileWritesIt(name: String, line: Int) throws {
        let repository = try ScratchRepository(files: [".gitlab-ci.yml": Self.file])
        let model = try InputLoader.load(path: repository.root).model
        let secret = try #require(model.secrets[name])
        let written = Self.file.split(separator: "\n", omittingEmptySubsequences: false)[line - 1]
        let column = written.distance(from: written.startIndex, to: written.range(of: name)!.lowerBound) + 1
        #expect(secret.location.line == line && secret.location.column == column, "\(name): \(secret.location)")
    }
}
