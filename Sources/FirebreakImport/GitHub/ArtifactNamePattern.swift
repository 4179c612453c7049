/// Whether a download takes an upload: `actions/download-artifact` names one artifact, matches
/// names with a glob (`pattern:`), or, with neither, takes every artifact of the run (GitHub
/// Docs, actions/download-artifact). An upload's name may hold `${{ }}` expressions, whose
/// values are not known here: each may be any text.
enum ArtifactNamePattern {
    /// The name a download without `name:` or `pattern:` is filed under: every artifact.
    static let everything = "*"

    private enum Token: Equatable {
        case anyText
        case anyCharacter
        case character(Character)
    }

    /// Whether some artifact name fits both the download's `pattern` (a glob: `*` any text,
    /// `?` and a `[...]` class one character) and the upload's `name`. Names longer than any an
    /// artifact takes (`maximumLength` tokens) are taken to fit: the answer errs towards a link.
    static func overlaps(_ pattern: String, _ name: String) -> Bool {
        let globs = tokens(pattern, glob: true), names = tokens(name, glob: false)
        guard globs.count <= maximumLength, names.count <= maximumLength else { return true }
        // Any text on either side (`*`, a download of every artifact; a name that is one expression) fits anything.
        if globs == [.anyText] || names == [.anyText] { return true }
        // fits[j]: whether globs[i...] and names[j...] share a string, for the row i being filled,
        // from the ends backwards (no recursion: the lengths come from untrusted files).
        var next = Array(repeating: false, count: names.count + 1)
        var row = next
        // The last row: an empty glob fits what is left of the name only if all of it may be empty.
        next[names.count] = true
        for j in stride(from: names.count - 1, through: 0, by: -1) { next[j] = names[j] == .anyText && next[j + 1] }
        for i in stride(from: globs.count - 1, through: 0, by: -1) {
            row[names.count] = globs[i] == .anyText && next[names.count]
            for j in stride(from: names.count - 1, through: 0, by: -1) {
                switch (globs[i], names[j]) {
                case (.anyText, _):
                    row[j] = next[j] || row[j + 1]
                case (_, .anyText):
                    row[j] = row[j + 1] || next[j]
                case (.character(let a), .character(let b)):
                    row[j] = a == b && next[j + 1]
                default:
                    row[j] = next[j + 1]
                }
            }
            swap(&next, &row)
        }
        return next[0]
    }

    /// The longest name, in tokens, compared exactly.
    static let maximumLength = 1_000

    /// Whether a download's name is a pattern rather than one artifact's name.
    static func isPattern(_ text: String) -> Bool {
        text.contains("*") || text.contains("?") || text.contains("[") || text.contains("${{")
    }

    private static func tokens(_ text: String, glob: Bool) -> [Token] {
        var result: [Token] = []
        var rest = Substring(text)
        while let first = rest.first {
            if rest.hasPrefix("${{"), let end = rest.range(of: "}}") {
                if result.last != .anyText { result.append(.anyText) }
                rest = rest[end.upperBound...]
                continue
            }
            rest = rest.dropFirst()
            switch first {
            case "*" where glob:
                if result.last != .anyText { result.append(.anyText) }
            case "?" where glob:
                result.append(.anyCharacter)
            case "[" where glob && rest.contains("]"):
                rest = rest.drop { $0 != "]" }.dropFirst()
                result.append(.anyCharacter)
            default:
                result.append(.character(first))
            }
        }
        return result
    }
}
