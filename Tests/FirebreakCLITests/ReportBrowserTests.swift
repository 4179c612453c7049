import FirebreakTestSupport
import Foundation
import Testing

/// The HTML report opened in a real browser: it loads without a console message, has a section
/// for every scenario that starts, draws every picture with a size, and a model whose names are
/// markup runs no script. Needs Chromium (CI installs it); skipped without it.
@Suite(.enabled(if: HeadlessBrowser.path != nil, "needs chromium on PATH (apt-get install chromium) or FIREBREAK_CHROMIUM"))
struct ReportBrowserTests {
    static func report(_ model: String, extra: [String] = []) throws -> (path: String, run: CommandRunner.Result) {
        let path = try temporaryFile(named: "report.html", contents: "")
        let run = try CommandRunner.run(["report", model, "-o", path] + extra)
        return (path, run)
    }

    /// The scenarios `simulate` says start on a model: each must have its section.
    static func startingScenarios(_ model: String) throws -> [String] {
        let json = try CommandRunner.run(["simulate", model, "--format", "json"])
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let scenarios = try #require(decoded["scenarios"] as? [[String: Any]])
        return scenarios.filter { !(($0["footholds"] as? [String]) ?? []).isEmpty }.compactMap { $0["id"] as? String }
    }

    @Test func theSkeletonKeyReportLoadsCleanlyWithEverySectionAndPicture() throws {
        let model = "Scenarios/pipelines/skeleton-key.yml"
        let (path, run) = try Self.report(model)
        #expect(run.status == 0, "\(run.stderr)")
        let visit = try HeadlessBrowser.visit(path)
        #expect(visit.console.isEmpty, "console: \(visit.console.joined(separator: "\n"))")
        #expect(visit.pwned == nil)
        #expect(visit.title == "Firebreak: skeleton-key")
        let expected = try Self.startingScenarios(model)
        #expect(expected.count == 10)
        #expect(Set(visit.sections) == Set(expected.map { "scenario-\($0)" }))
        let html = try String(contentsOfFile: path, encoding: .utf8)
        let repeated = html.components(separatedBy: "No picture: it reaches the very nodes").count - 1
        #expect(visit.pictures.count + repeated == expected.count, "a picture per scenario, unless one above reaches the very same nodes")
        #expect(visit.pictures.count >= 4)
        for size in visit.pictures { #expect(size.count == 2 && size[0] > 100 && size[1] > 100, "picture size \(size)") }
        for section in ["id=\"verdict\"", "id=\"weaknesses\"", "id=\"fix\"", "id=\"assumptions\""] {
            #expect(html.contains(section), "\(section)")
        }
        #expect(!html.contains("http://") || !html.contains("src=\"http"), "nothing fetched")
        #expect(!html.lowercased().contains("<script"), "no script at all")
    }

    /// Names written as a script tag, an image with an error handler, an SVG with a load
    /// handler and a javascript: URL stay text on the page and in its pictures.
    @Test func aModelWhoseNamesAreMarkupRunsNoScript() throws {
        let mark = "document.body.setAttribute('data-pwned'"
        let model = try temporaryFile(named: "hostile.yml", contents: """
            firebreak: 1
            name: "<script>\(mark),'model')</script>"
            platform: github
            repository: {name: "acme/app<img src=x onerror=\\"\(mark),'repository')\\">", visibility: public, defaultBranch: main}
            actors:
              outsider: {role: external}
            triggers:
              release-tag: {event: push, branches: [main]}
            runners:
              hosted: {hosting: hosted, lifecycle: ephemeral}
            identities:
              "javascript:\(mark),'identity')": {type: static-key, grants: {"resource:<svg onload=\(mark),'svg')>": write}}
            secrets:
              "<img src=x onerror=\(mark),'secret')>": {carries: "javascript:\(mark),'identity')"}
            resources:
              "<svg onload=\(mark),'svg')>": {type: package-registry, criticality: critical, production: true}
            jobs:
              "<script>\(mark),'job')</script>":
                role: release
                triggers: [release-tag]
                runsOn: hosted
                secrets: ["<img src=x onerror=\(mark),'secret')>"]
                steps:
                  - uses: "someone/publish@v2<script>\(mark),'step')</script>"
            """)
        let (path, run) = try Self.report(model)
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(html.contains("&lt;svg onload="), "the names are on the page, as text")
        let visit = try HeadlessBrowser.visit(path)
        #expect(visit.pwned == nil, "a script of the page ran: \(visit.pwned ?? "")")
        #expect(visit.console.isEmpty, "console: \(visit.console.joined(separator: "\n"))")
        #expect(!visit.sections.isEmpty && !visit.pictures.isEmpty && visit.pictures.count <= visit.sections.count)
        for size in visit.pictures { #expect(size.count == 2 && size[0] > 100 && size[1] > 50, "picture size \(size)") }
    }

    /// The harness itself can tell: a page whose script runs is caught, and so is a console error.
    @Test func theHarnessCatchesAScriptThatRuns() throws {
        let page = try temporaryFile(named: "page.html", contents: """
            <!DOCTYPE html><html><head><title>t</title></head><body><section class="scenario" id="s"></section>
            <script>document.body.setAttribute('data-pwned', 'ran'); console.error('boom');</script></body></html>
            """)
        let visit = try HeadlessBrowser.visit(page)
        #expect(visit.pwned == "ran")
        #expect(visit.console.contains { $0.contains("boom") })
        #expect(visit.sections == ["s"])
    }
}
