import FirebreakImport
import FirebreakModel
import FirebreakTestSupport
import Foundation
import Testing

/// Local actions and reusable workflows are read from inside the repository only, and a
/// missing one is an error where it is used, never a silent gap in the model.
@Suite struct ConfinedInputTests {
    /// A repository in a fresh folder, with `files` written into it.
    static func repository(_ files: [String: String]) throws -> String {
        try ScratchRepository(files: files).root
    }

    static func workflow(_ uses: String) -> String { SampleWorkflow.build(then: "uses: \(uses)") }

    static let composite = """
        runs:
          using: composite
          steps:
            - uses: someone/helper@main
        """

    @Test func theRootActionAndAnActionInOwnCheckoutFolderAreLocal() throws {
        let root = try Self.repository([
            ".github/workflows/ci.yml": Self.workflow("./"),
            ".github/workflows/again.yml": """
                on: push
                permissions: {}
                jobs:
                  again:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
                        with: {path: copy}
                      - uses: ./copy
                """,
            "action.yml": Self.composite,
        ])
        let result = try InputLoader.load(path: root)
        #expect(!result.hasErrors, "\(result.diagnostics)")
        #expect(result.model.jobs["ci/build"]?.steps.contains { $0.uses == "someone/helper@main" } == true)
        #expect(result.model.jobs["again/again"]?.steps.contains { $0.uses == "someone/helper@main" } == true)
    }

    @Test func aMissingLocalActionIsAnErrorWhereItIsUsed() throws {
        let root = try Self.repository([".github/workflows/ci.yml": Self.workflow("./tools/missing")])
        let result = try InputLoader.load(path: root)
        let error = try #require(result.diagnostics.first { $0.severity == .error })
        #expect(error.message == "local action './tools/missing' has no action.yml or action.yaml")
        #expect(error.location.line == 8)
    }

    @Test func aLocalActionThatClimbsOutIsRefused() throws {
        let root = try Self.repository([".github/workflows/ci.yml": Self.workflow("./../outside")])
        let outside = (root as NSString).deletingLastPathComponent + "/outside"
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try Self.composite.write(toFile: outside + "/action.yml", atomically: true, encoding: .utf8)
        let result = try InputLoader.load(path: root)
        #expect(result.diagnostics.contains { $0.message.contains("climbs out of the repository") })
        #expect(!result.model.jobs.values.flatMap(\.steps).contains { $0.uses.contains("helper") })
    }

    @Test func aSymbolicLinkThatLeavesTheRepositoryIsRefused() throws {
        let root = try Self.repository([".github/workflows/ci.yml": Self.workflow("./tools/act")])
        let outside = (root as NSString).deletingLastPathComponent + "/elsewhere"
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try Self.composite.write(toFile: outside + "/action.yml", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: root + "/tools", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root + "/tools/act", withDestinationPath: outside)
        let result = try InputLoader.load(path: root)
        #expect(result.diagnostics.contains { $0.message.contains("leaves the repository through a symbolic link") })
        #expect(!result.model.jobs.values.flatMap(\.steps).contains { $0.uses.contains("helper") })
    }

    @Test func aMissingReusableWorkflowOrALinkToNothingCannotBeRead() throws {
        let caller = """
            on: push
            permissions: {}
            jobs:
              typo:
                uses: ./.github/workflows/typo.yml
              dangling:
                uses: ./.github/workflows/gone.yml
            """
        let root = try Self.repository([".github/workflows/ci.yml": caller])
        try FileManager.default.createSymbolicLink(atPath: root + "/.github/workflows/gone.yml", withDestinationPath: root + "/nowhere.yml")
        let result = try InputLoader.load(path: root)
        let unread = result.diagnostics.filter { $0.severity == .error && $0.message == "cannot read file" }.map(\.location.file)
        #expect(unread.contains { $0.hasSuffix(".github/workflows/typo.yml") }, "\(result.diagnostics)")
        #expect(unread.contains { $0.hasSuffix(".github/workflows/gone.yml") }, "\(result.diagnostics)")
        #expect(!result.diagnostics.contains { $0.message.contains("leaves the repository") })
    }

    @Test func emptyUsesIsALocatedErrorNotACrash() throws {
        let root = try Self.repository([".github/workflows/ci.yml": Self.workflow("\"@\"")])
        let result = try InputLoader.load(path: root)
        #expect(result.diagnostics.contains { $0.message == "`uses: '@'` names no action" && $0.location.line == 8 })
    }

    @Test func reusableWorkflowsThatFanOutStopAtTheBudgetAndSaySoOnce() throws {
        var files: [String: String] = [:]
        for level in 0..<5 {
            let on = level == 0 ? "on: push" : "on: workflow_call"
            let jobs = level < 4
                ? (0..<15).map { "  c\($0):\n    uses: ./.github/workflows/l\(level + 1).yml\n    secrets: inherit" }.joined(separator: "\n")
                : "  leaf:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make"
            files[".github/workflows/l\(level).yml"] = "\(on)\npermissions: {}\njobs:\n\(jobs)\n"
        }
        let result = try InputLoader.load(path: try Self.repository(files))
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("reusable workflows expand to more than 20000 jobs") == true)
        #expect(result.model.jobs.count <= 20_001)
    }

    @Test func anAliasBombSpreadOverManyJobsIsRefusedAtOnce() throws {
        var lines = ["on: push", "x-a: &a [" + Array(repeating: "\"${{ secrets.A }}\"", count: 10).joined(separator: ", ") + "]"]
        var previous = "a"
        for level in 1...5 {
            lines.append("x-l\(level): &l\(level) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]")
            previous = "l\(level)"
        }
        lines.append("jobs:")
        for job in 0..<200 {
            lines.append("  j\(job):\n    runs-on: ubuntu-latest\n    env:\n      X: *\(previous)\n    steps:\n      - run: make")
        }
        let root = try Self.repository([".github/workflows/bomb.yml": lines.joined(separator: "\n") + "\n"])
        let result = try InputLoader.load(path: root)
        #expect(result.diagnostics.contains { $0.message.contains("expands through its aliases to more than 1000000 values") })
        #expect(result.model.jobs.isEmpty)
    }

    @Test func aWorkflowThatIsAPipeIsRefusedNotReadForever() throws {
        let root = try Self.repository([".github/workflows/ci.yml": Self.workflow("actions/checkout@v4")])
        let pipe = root + "/.github/workflows/pipe.yml"
        #expect(mkfifo(pipe, 0o600) == 0)
        let result = try InputLoader.load(path: root)
        let error = try #require(result.diagnostics.first { $0.location.file.hasSuffix("pipe.yml") })
        #expect(error.message == "not a regular file (a folder, device, FIFO or socket)")
        #expect(result.model.jobs["ci/build"] != nil, "the other workflow is still read")
    }
}
