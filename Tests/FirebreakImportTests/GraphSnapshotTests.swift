import FirebreakImport
import FirebreakReport
import FirebreakTestSupport
import Foundation
import Testing

/// Golden snapshots of what each import understood: for every fixture repository, the
/// problems reported and the `firebreak graph` text of the model, kept in `Snapshots/NAME.out`.
/// A change in what an importer understands shows as a diff here; when it is intended, record
/// the snapshots again with `FIREBREAK_RECORD_SNAPSHOTS=1 swift test --filter GraphSnapshotTests`
/// and read the diff of the `.out` files before committing them.
struct GraphSnapshotTests {
    static let fixtures = PackagePaths.path("Tests/FirebreakImportTests/Fixtures")
    static let snapshots = PackagePaths.path("Tests/FirebreakImportTests/Snapshots")
    static let recording = ProcessInfo.processInfo.environment["FIREBREAK_RECORD_SNAPSHOTS"] == "1"

    static var names: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: fixtures)) ?? []).filter { name in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: "\(fixtures)/\(name)", isDirectory: &isDirectory) && isDirectory.boolValue
        }.sorted()
    }

    /// What `firebreak graph` shows for a fixture, with locations relative to the fixture.
    static func snapshot(of name: String) -> String {
        do {
            let imported = try InputLoader.load(path: "\(fixtures)/\(name)", display: ".")
            let problems = imported.diagnostics.map { "\($0.location): \($0.severity): \($0.message)" }
            return (problems.isEmpty ? "" : "problems:\n" + problems.map { "  \($0)\n" }.joined() + "\n") + GraphReport(imported.model).text
        } catch {
            return "not loaded:\n" + error.diagnostics.map { "  \($0.location): \($0.severity): \($0.message)\n" }.joined()
        }
    }

    @Test(arguments: names)
    func importMatchesItsSnapshot(name: String) throws {
        let actual = Self.snapshot(of: name)
        let file = "\(Self.snapshots)/\(name).out"
        if Self.recording {
            try actual.write(toFile: file, atomically: true, encoding: .utf8)
            return
        }
        let expected = try #require(try? String(contentsOfFile: file, encoding: .utf8),
                                    "no snapshot for fixture '\(name)': record it with FIREBREAK_RECORD_SNAPSHOTS=1")
        if actual != expected {
            Issue.record("\(name): what the import understood changed (- snapshot, + now):\n\(LineDiff(expected: expected, actual: actual))")
        }
    }

    @Test func everySnapshotHasItsFixture() throws {
        let outs = try FileManager.default.contentsOfDirectory(atPath: Self.snapshots).filter { $0.hasSuffix(".out") }
        #expect(Set(outs.map { String($0.dropLast(4)) }) == Set(Self.names))
    }
}
