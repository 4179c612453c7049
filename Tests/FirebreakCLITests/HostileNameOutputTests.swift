import FirebreakTestSupport
import Foundation
import Testing

/// A job named with HTML, Markdown image, link and mention syntax and a backtick stays inert in
/// every output; a name with control or bidirectional characters is refused at its line.
struct HostileNameOutputTests {
    static let name = "x<script>alert(1)</script>![i](http://e) @admin `tick`"
    static let workflow = """
        on: pull_request_target
        jobs:
          "\(name)":
            runs-on: ubuntu-latest
            steps: [{run: "echo \\"${{ github.event.pull_request.title }}\\""}]
        """

    @Test func aNameWithMarkupIsInertInEveryFormat() throws {
        let repository = try ScratchRepository(files: [".github/workflows/w.yml": "on: push\njobs:\n  b: {runs-on: ubuntu-latest, steps: [{run: make}]}\n"])
        try repository.initialise()
        try repository.commit("base")
        try repository.write(".github/workflows/w.yml", Self.workflow)
        try repository.commit("hostile")
        let markdown = try CommandRunner.run(["compare", "--repo", repository.root, "HEAD~1", "HEAD", "--format", "markdown"])
        #expect(markdown.stdout.contains("`` job:w/\(Self.name) ``"), "in a code span, whose backtick cannot close it")
        for line in markdown.stdout.split(separator: "\n") where line.contains("<script>") {
            #expect(!Self.outsideCodeSpans(String(line)).contains("<script>"), "markup only inside code spans: \(line)")
            #expect(!Self.outsideCodeSpans(String(line)).contains("@admin"), "no mention outside code spans: \(line)")
        }
        let sarif = try CommandRunner.run(["gate", "--repo", repository.root, "--against", "HEAD~1", "--format", "sarif"])
        #expect(sarif.status == 1)
        #expect((try? JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8))) != nil, "SARIF stays valid JSON")
        let json = try CommandRunner.run(["simulate", repository.root, "--format", "json"])
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(String(describing: decoded).contains("<script>"), "JSON carries the name as data")
        let svg = try temporaryFile(named: "hostile.svg", contents: "")
        let render = try CommandRunner.run(["render", repository.root, "--scenario", "malicious-fork-pr", "-o", svg])
        #expect(render.status == 0, "\(render.stderr)")
        let picture = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(!picture.contains("<script>"), "escaped in the picture")
    }

    @Test func aNameWithBidirectionalCharactersIsRefusedWhereItIsWritten() throws {
        let repository = try ScratchRepository(files: [".github/workflows/w.yml": """
            on: push
            jobs:
              "evil\\u202egnp": {runs-on: ubuntu-latest, steps: [{run: make}]}
            """])
        let result = try CommandRunner.run(["simulate", repository.root])
        #expect(result.status == 2)
        #expect(result.stderr.contains("w.yml:3:3: error: the job name 'w/evil\\u{202e}gnp' holds control or bidirectional characters"))
        #expect(!result.stderr.unicodeScalars.contains { $0.value == 0x202E } && !result.stdout.unicodeScalars.contains { $0.value == 0x202E })
    }

    /// The text of a Markdown line outside its code spans (CommonMark: a run of N backticks
    /// opens a span that only a run of exactly N backticks closes).
    static func outsideCodeSpans(_ line: String) -> String {
        var outside = ""
        var rest = Substring(line)
        while let open = rest.firstIndex(of: "`") {
            outside += rest[..<open]
            let run = rest[open...].prefix { $0 == "`" }
            var search = rest[run.endIndex...]
            var closed: Substring.Index?
            while let candidate = search.firstIndex(of: "`") {
                let closing = search[candidate...].prefix { $0 == "`" }
                if closing.count == run.count { closed = closing.endIndex; break }
                search = search[closing.endIndex...]
            }
            guard let end = closed else { outside += rest[open...]; return outside }
            rest = rest[end...]
        }
        return outside + rest
    }
}
