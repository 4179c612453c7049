import FirebreakModel

/// What a gate prints when it cannot read its inputs: it fails closed, saying which file and
/// where, in every format a CI job may read.
public struct GateFailure: Sendable {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics.sorted() }

    var headline: String { "gate failed closed: \(diagnostics.count) input file(s) could not be read, so the blast radius is unknown" }

    public var text: String {
        ([headline] + diagnostics.map { "  \($0.description.replacingOccurrences(of: "\n", with: "\n  "))" }).joined(separator: "\n") + "\n"
    }

    public var markdown: String {
        var lines = ["## ❌ Firebreak gate failed closed", "", "\(diagnostics.count) input file(s) could not be read, so the blast radius is unknown. Fix them and run the gate again.", ""]
        for diagnostic in diagnostics {
            lines.append("- \(ComparisonMarkdown.code(diagnostic.location.description)): \(ComparisonMarkdown.code(diagnostic.message))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public var json: String {
        struct Entry: Encodable { var location: String; var message: String; var help: String? }
        struct Body: Encodable {
            var firebreakVersion = FirebreakVersion.current
            var gate = "failed-closed"
            var unreadable: [Entry]
        }
        return JSONOutput.encode(Body(unreadable: diagnostics.map { Entry(location: $0.location.description, message: $0.message, help: $0.help) }))
    }

    public var sarif: String { SARIFReport(unreadable: diagnostics).json }
}
