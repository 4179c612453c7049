import FirebreakModel
import FirebreakTestSupport
import Foundation
import Testing

/// Each `Fixtures/err/<case>.yml` must fail to load with exactly the diagnostics in `<case>.out`.
/// Set FIREBREAK_RECORD=1 to rewrite the `.out` files; the run still fails so nothing is accepted unseen.
@Suite struct DiagnosticFixtureTests {
    static let folder = PackagePaths.path("Tests/FirebreakModelTests/Fixtures/err")

    static var cases: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return files.filter { $0.hasSuffix(".yml") }.map { String($0.dropLast(4)) }.sorted()
    }

    @Test func everyClassOfErrorHasAFixture() {
        for required in ["syntax-error", "unknown-key", "wrong-type", "duplicate-name", "dangling-reference", "impossible-values"] {
            #expect(Self.cases.contains(required))
        }
    }

    @Test(arguments: cases)
    func fixtureReportsItsDiagnostics(name: String) throws {
        let text = try String(contentsOfFile: "\(Self.folder)/\(name).yml", encoding: .utf8)
        let actual: String
        do {
            _ = try ModelLoader().load(text: text, file: "err/\(name).yml")
            actual = "(loaded without errors)\n"
        } catch {
            actual = error.description + "\n"
        }
        let expectedPath = "\(Self.folder)/\(name).out"
        if ProcessInfo.processInfo.environment["FIREBREAK_RECORD"] != nil {
            try actual.write(toFile: expectedPath, atomically: true, encoding: .utf8)
            Issue.record("recorded \(expectedPath); check it and run again without FIREBREAK_RECORD")
            return
        }
        let expected = try String(contentsOfFile: expectedPath, encoding: .utf8)
        #expect(actual == expected)
    }
}
