import FirebreakModel

/// Diagnostics collected during an import, each location reported once.
struct DiagnosticLog {
    private(set) var all: [Diagnostic] = []
    private var seen: Set<String> = []

    mutating func add(_ diagnostic: Diagnostic) {
        let key = "\(diagnostic.location)|\(diagnostic.message)"
        guard seen.insert(key).inserted else { return }
        all.append(diagnostic)
    }

    mutating func add(contentsOf diagnostics: [Diagnostic]) { for diagnostic in diagnostics { add(diagnostic) } }
}
