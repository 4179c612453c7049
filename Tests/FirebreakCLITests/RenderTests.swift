import Foundation
import FirebreakTestSupport
import Testing

@Suite struct RenderTests {
    static func output(_ name: String) throws -> String {
        let folder = (try temporaryFile(named: ".keep", contents: "") as NSString).deletingLastPathComponent
        return (folder as NSString).appendingPathComponent(name)
    }

    @Test func pngStartsWithThePNGSignature() throws {
        let path = try Self.output("fork.png")
        let result = try CommandRunner.run(["render", "Scenarios/pipelines/skeleton-key.yml", "--scenario", "malicious-fork-pr", "-o", path])
        #expect(result.status == 0)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(Array(data.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    }

    @Test func svgPDFAndDOTFollowTheExtension() throws {
        for (name, prefix) in [("h.svg", "<?xml"), ("h.pdf", "%PDF"), ("h.dot", "digraph firebreak {")] {
            let path = try Self.output(name)
            let result = try CommandRunner.run(["render", "Scenarios/pipelines/hardened.yml", "--scenario", "compromised-build-step", "-o", path])
            #expect(result.status == 0, "\(name): \(result.stderr)")
            let head = try String(decoding: Data(contentsOf: URL(fileURLWithPath: path)).prefix(prefix.utf8.count), as: UTF8.self)
            #expect(head == prefix, "\(name) starts with \(head)")
        }
    }

    @Test func defaultPathIsInOutput() throws {
        let result = try CommandRunner.run(["render", "Scenarios/pipelines/hardened.yml", "--scenario", "artifact-tampering"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("wrote Output/hardened-artifact-tampering.svg"))
        #expect(FileManager.default.fileExists(atPath: PackagePaths.path("Output/hardened-artifact-tampering.svg")))
    }

    @Test func graphvizErrorIsAFirebreakErrorAndLeavesNoFile() throws {
        let path = try Self.output("never.svg")
        let result = try CommandRunner.run(["render", "Scenarios/pipelines/hardened.yml", "--layout", "no-such-engine", "-o", path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("error: Graphviz cannot lay out with 'no-such-engine'"))
        #expect(result.stderr.contains("help: use one of:"))
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func unknownExtensionIsAUsageError() throws {
        let result = try CommandRunner.run(["render", "Scenarios/pipelines/hardened.yml", "-o", "picture.gif"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("end it in .svg, .png, .pdf or .dot"))
    }

    @Test func beforeAndAfterSideBySide() throws {
        let path = try Self.output("compare.svg")
        let result = try CommandRunner.run(["render", "Scenarios/pipelines/skeleton-key.yml", "--compare", "Scenarios/pipelines/hardened.yml",
                                            "--scenario", "malicious-fork-pr", "-o", path])
        #expect(result.status == 0, "\(result.stderr)")
        let svg = try String(contentsOfFile: path, encoding: .utf8)
        #expect(svg.contains("before: skeleton&#45;key, score 272"))
        #expect(svg.contains("after: hardened, score 2"))
    }

    /// `--focus` draws the path to one asset only; a node the scenario does not reach is an error.
    @Test func focusDrawsThePathToOneAsset() throws {
        let path = try Self.output("focus.dot")
        let result = try CommandRunner.run(["render", "Scenarios/pipelines/skeleton-key.yml", "--scenario", "malicious-fork-pr",
                                            "--focus", "secret:DB_PASSWORD", "-o", path])
        #expect(result.status == 0, "\(result.stderr)")
        let dot = try String(contentsOfFile: path, encoding: .utf8)
        for drawn in ["actor:outsider", "runner:shared-pool", "job:deploy", "secret:DB_PASSWORD"] {
            #expect(dot.contains("tooltip=\"\(drawn)\""), "\(drawn) is on the path")
        }
        #expect(!dot.contains("tooltip=\"secret:AWS_DEPLOY_KEY\""), "what is not on the path is only counted")
        #expect(dot.contains("more not reached"))
        let missing = try CommandRunner.run(["render", "Scenarios/pipelines/hardened.yml", "--scenario", "malicious-fork-pr",
                                             "--focus", "secret:DB_PASSWORD", "-o", try Self.output("none.dot")])
        #expect(missing.status == 2 && missing.stderr.contains("secret:DB_PASSWORD is not reached in malicious-fork-pr"))
    }

    /// `--large` is for a room: larger fonts, thicker lines.
    @Test func projectorModeEnlargesFontsAndLines() throws {
        let normal = try Self.output("normal.dot"), large = try Self.output("large.dot")
        for (file, extra) in [(normal, [String]()), (large, ["--large"])] {
            let result = try CommandRunner.run(["render", "Scenarios/pipelines/hardened.yml", "--scenario", "compromised-build-step", "-o", file] + extra)
            #expect(result.status == 0)
        }
        #expect(try String(contentsOfFile: normal, encoding: .utf8).contains("node [fontname=\"Helvetica\", fontsize=10"))
        let big = try String(contentsOfFile: large, encoding: .utf8)
        #expect(big.contains("node [fontname=\"Helvetica\", fontsize=18") && big.contains("penwidth=2];"))
    }
}
