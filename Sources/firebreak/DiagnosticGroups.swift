import FirebreakModel

/// Diagnostics as a run prints them: errors each on their own; a kind of warning (the same
/// advice) that recurs more than three times once, at its first place, with the count of the
/// others, so that a repository whose includes cannot be read does not push its verdict off
/// the screen. `firebreak validate` prints every one.
enum DiagnosticGroups {
    static func lines(_ diagnostics: [Diagnostic], scope: String) -> [String] {
        let kind = { (diagnostic: Diagnostic) in diagnostic.help ?? diagnostic.message }
        let counts = Dictionary(grouping: diagnostics.filter { $0.severity == .warning }, by: kind).mapValues(\.count)
        var printed = Set<String>()
        var lines: [String] = []
        for diagnostic in diagnostics {
            guard diagnostic.severity == .warning, let count = counts[kind(diagnostic)], count > 3 else {
                lines.append(diagnostic.description)
                continue
            }
            guard printed.insert(kind(diagnostic)).inserted else { continue }
            lines.append(diagnostic.description + "\n  (and \(count - 1) more like it in \(scope); `firebreak validate` lists every one)")
        }
        return lines
    }
}
