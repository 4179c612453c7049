/// A problem found in an input, with its location and advice.
public struct Diagnostic: Hashable, Sendable, Comparable, CustomStringConvertible, Error {
    /// How bad a problem is.
    public enum Severity: String, Sendable, Comparable {
        case warning, error

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
    }

    public var severity: Severity
    public var location: SourceLocation
    /// One lowercase sentence saying what is wrong.
    public var message: String
    /// What to write instead, if there is advice.
    public var help: String?

    public init(_ severity: Severity, at location: SourceLocation, _ message: String, help: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.help = help
    }

    /// `file:line:col: severity: message`, then an indented `help:` line.
    public var description: String {
        // Locations and messages quote the input: shown inert.
        var text = "\(InertText.escape(location.description)): \(severity.rawValue): \(InertText.escape(message))"
        if let help { text += "\n  help: \(InertText.escape(help))" }
        return text
    }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.location, lhs.message) < (rhs.location, rhs.message)
    }
}

/// Every problem found while loading one input; thrown when any of them is an error.
public struct LoadError: Error, Sendable, CustomStringConvertible {
    /// The problems, in file order.
    public var diagnostics: [Diagnostic]

    /// Keeps one copy of each problem (aliases repeat a node's problems), in file order.
    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = Set(diagnostics).sorted()
    }

    /// How many problems the description lists before it summarises the rest.
    public static let listedLimit = 50

    /// The problems, one per line with their advice; past `listedLimit`, a count of the rest.
    public var description: String {
        var lines = diagnostics.prefix(Self.listedLimit).map(\.description)
        if diagnostics.count > Self.listedLimit {
            lines.append("(\(diagnostics.count - Self.listedLimit) more problems not shown; fix these first)")
        }
        return lines.joined(separator: "\n")
    }
}
