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
}
