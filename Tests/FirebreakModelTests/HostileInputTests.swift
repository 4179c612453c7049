import FirebreakModel
import Testing

@Suite struct HostileInputTests {
    /// Ten levels of ten aliases each would be 10^10 nodes if expanded; the loader reads only
    /// the levels its format has, so it answers at once with a bounded list of problems.
    @Test func aliasBombIsRejectedWithoutExpanding() {
        var yaml = "firebreak: 1\nrepository: {name: a/b}\nx-0: &m0 {k0: x, k1: x, k2: x, k3: x, k4: x, k5: x, k6: x, k7: x, k8: x, k9: x}\n"
        for level in 1...9 {
            let previous = (0..<10).map { "k\($0): *m\(level - 1)" }.joined(separator: ", ")
            yaml += "x-\(level): &m\(level) {\(previous)}\n"
        }
        yaml += "jobs: *m9\nzones: *m9\n"
        #expect {
            _ = try ModelLoader().load(text: yaml, file: "bomb.yml")
        } throws: { error in
            guard let diagnostics = (error as? LoadError)?.diagnostics else { return false }
            return diagnostics.count < 300 && diagnostics.contains { $0.message == "unknown key 'x-0' in the pipeline" }
        }
    }

    @Test func deepNestingIsASyntaxErrorNotACrash() {
        let yaml = "firebreak: 1\nrepository: {name: a/b}\nzones: " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        #expect(throws: LoadError.self) { try ModelLoader().load(text: yaml, file: "deep.yml") }
    }

    @Test func emptyFileIsAnError() {
        #expect {
            _ = try ModelLoader().load(text: "", file: "empty.yml")
        } throws: { error in
            (error as? LoadError)?.description.contains("empty.yml:1:1: error: the file is empty") ?? false
        }
    }

    /// A model of one push job, named as written in double-quoted YAML.
    static func model(withJobNamed quoted: String) -> String {
        """
        firebreak: 1
        repository: {name: a/b}
        triggers: {t: {event: push}}
        runners: {r: {hosting: hosted}}
        jobs:
          "\(quoted)": {triggers: [t], runsOn: r}
        """
    }

    @Test func hostileNamesLoadAsPlainText() throws {
        let model = try ModelLoader().load(text: Self.model(withJobNamed: "a\\\"b<script>{}|"), file: "hostile.yml")
        #expect(model.jobs.keys.first == "a\"b<script>{}|")
    }

    @Test func namesThatCouldRewriteATerminalLineAreRefused() {
        for name in ["a\\nb", "x\\e[2K\\rgate passed", "evil\\u202Etxt.yml", "t\\e]0;title\\a"] {
            do {
                _ = try ModelLoader().load(text: Self.model(withJobNamed: name), file: "hostile.yml")
                Issue.record("'\(name)' was accepted")
            } catch {
                let text = error.description
                #expect(text.contains("holds control or bidirectional characters"))
                #expect(!text.unicodeScalars.contains { InertText.isUnsafe($0) }, "the message itself is inert")
            }
        }
    }
}

@Suite struct ManyProblemsTests {
    /// Thousands of dangling names: each is reported, the first hundred with a suggestion, and
    /// the names are gathered once rather than per problem (this took 43 s before).
    @Test func thousandsOfDanglingNamesAreReportedWithBoundedSuggestions() {
        var lines = ["firebreak: 1", "repository: {name: a/b}", "runners: {r: {hosting: hosted}}", "triggers:"]
        for index in 0..<3000 { lines.append("  trig\(index): {event: push}") }
        lines.append("jobs:")
        for index in 0..<3000 { lines.append("  job\(index): {triggers: [tirg\(index)], runsOn: r}") }
        do {
            _ = try ModelLoader().load(text: lines.joined(separator: "\n") + "\n", file: "many.yml")
            Issue.record("the model has 3000 dangling triggers")
        } catch {
            let dangling = error.diagnostics.filter { $0.message.contains("undeclared trigger") }
            #expect(dangling.count == 3000)
            #expect(dangling.filter { $0.help?.hasPrefix("did you mean") == true }.count == 100)
        }
    }
}
