import FirebreakTestSupport
import Foundation
import Testing

/// `firebreak report` as a user runs it: what the page holds, what its options leave out, and
/// how it treats a broken input or a wrong output name.
struct ReportCommandTests {
    @Test func thePageLeadsWithTheVerdictAndShowsPathsWithTheirInputLines() throws {
        let path = try temporaryFile(named: "hardened.html", contents: "")
        let run = try CommandRunner.run(["report", "Scenarios/pipelines/hardened.yml", "--scenario", "compromised-build-step", "-o", path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "wrote \(path) (1 scenarios, 1 pictures)\n")
        let html = try String(contentsOfFile: path, encoding: .utf8)
        let verdict = try #require(html.range(of: "<section id=\"verdict\">"))
        let scenario = try #require(html.range(of: "<section class=\"scenario\" id=\"scenario-compromised-build-step\">"))
        #expect(verdict.lowerBound < scenario.lowerBound, "verdict first")
        #expect(html.contains("1 of 1 scenarios reach a crown jewel"))
        #expect(html.contains("<svg role=\"img\""), "the picture is inline")
        // Each hop names its rule and location, and quotes the model's line.
        #expect(html.contains("[artifact-deploy]"))
        #expect(html.contains("<span class=\"loc\">Scenarios/pipelines/hardened.yml:"))
        #expect(html.contains("<code class=\"line\">"))
        #expect(html.contains("what would have stopped it:"))
        #expect(html.contains("<section id=\"fix\">"))
        #expect(html.contains("Content-Security-Policy"))
    }

    @Test func picturesAndTheFixAreLeftOutWhenAskedAndNamesStayEscaped() throws {
        let path = try temporaryFile(named: "quick.html", contents: "")
        let run = try CommandRunner.run(["report", "Scenarios/pipelines/skeleton-key.yml", "--no-pictures", "--no-fix", "-o", path])
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!html.contains("<svg") && !html.contains("<section id=\"fix\">"))
        #expect(html.contains("<section class=\"scenario\" id=\"scenario-malicious-fork-pr\">"))
    }

    @Test func aBrokenInputIsListedAtTheTopAndTheCommandExitsTwo() throws {
        let repository = try ScratchRepository(files: [
            ".github/workflows/ok.yml": "on: push\njobs:\n  b: {runs-on: ubuntu-latest, steps: [{run: make}]}\n",
            ".github/workflows/broken.yml": "on: push\njobs:\n  b: {runs-on: [unclosed\n",
        ])
        let path = try temporaryFile(named: "broken.html", contents: "")
        let run = try CommandRunner.run(["report", repository.root, "--no-pictures", "--no-fix", "-o", path])
        #expect(run.status == 2)
        let html = try String(contentsOfFile: path, encoding: .utf8)
        let problems = try #require(html.range(of: "<section id=\"problems\">"))
        #expect(problems.lowerBound < (html.range(of: "<section id=\"verdict\">")?.lowerBound ?? html.startIndex))
        #expect(html.contains("broken.yml:4:1: error: YAML syntax error"), "the problem with its location")
        #expect(html.contains("<p>No foothold in the files read: the 1 input problem above left some out, where these may apply.</p>"),
                "not applicable only in what was read")
    }

    @Test func theOutputMustBeHTML() throws {
        let run = try CommandRunner.run(["report", "Scenarios/pipelines/hardened.yml", "-o", "report.pdf"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("the report is HTML: end 'report.pdf' in .html"))
    }
}
